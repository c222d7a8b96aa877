"""The Rawabit demo (idempotent): a hotel's request answered by a cooperative and ended in a
deal the hotel can turn into a pro order, a cooperative's shared-transport offer with a reply,
and an open joint order of glass jars. Runs after the pro demo (``backend.business.demo``)."""
from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from backend.accounts.models import User
from backend.cooperatives.models import Cooperative, CooperativeStaff, StaffRole
from catalog.models import ProductVariantChannelListing

from .models import (
    Deal,
    Opportunity,
    OpportunityKind,
    OpportunityMessage,
    OpportunityReply,
    OpportunityStatus,
    QuantityUnit,
)

PRO_EMAIL = "pro@demo.coopstore.ma"
DEAL_ITEMS = 120


def _manager(cooperative: Cooperative) -> User | None:
    staff = (CooperativeStaff.objects.filter(cooperative=cooperative, role=StaffRole.MANAGER)
             .select_related("user").order_by("pk").first())
    return staff.user if staff else None


def _thread(opportunity: Opportunity, replier: User, cooperative, lines) -> OpportunityReply:
    reply = OpportunityReply.objects.create(opportunity=opportunity, replier=replier,
                                            replier_cooperative=cooperative,
                                            last_message_at=timezone.now())
    for author, body in lines:
        OpportunityMessage.objects.create(reply=reply, author=author, body=body)
    return reply


@transaction.atomic
def seed_rawabit() -> str:
    if Opportunity.objects.exists():
        return "already seeded"
    buyer = User.objects.filter(email=PRO_EMAIL).first()
    listing = (ProductVariantChannelListing.objects.filter(channel__slug="pro")
               .select_related("variant__product__cooperative__region",
                               "variant__product__category")
               .order_by("variant__product__name", "variant__sort_order").first())
    cooperatives = list(Cooperative.objects.approved().select_related("region").order_by("pk"))
    if buyer is None or listing is None or len(cooperatives) < 2:
        return "skipped (no pro demo)"
    variant, product = listing.variant, listing.variant.product
    seller = product.cooperative
    seller_manager = _manager(seller)
    others = [c for c in cooperatives if c.pk != seller.pk and _manager(c) is not None]
    if seller_manager is None or not others:
        return "skipped (no cooperative managers)"
    today = timezone.localdate()

    request = Opportunity.objects.create(
        kind=OpportunityKind.REQUEST, title=f"{DEAL_ITEMS} × {product.name} pour nos hôtels",
        description="Livraison à Agadir avant la saison ; facture avec ICE, virement à 30 "
                    "jours.", category=product.category, product_text=product.name,
        quantity=Decimal(DEAL_ITEMS), unit=QuantityUnit.UNIT, period_from=today,
        period_to=today + timedelta(days=30), region=seller.region, posted_by=buyer,
        status=OpportunityStatus.DEAL, closed_at=timezone.now())
    reply = _thread(request, seller_manager, seller, [
        (seller_manager, f"Bonjour, nous pouvons livrer {DEAL_ITEMS} unités ce mois-ci."),
        (buyer, "Parfait, au prix de gros du canal pro ?"),
        (seller_manager, "Oui, avec la remise par quantité.")])
    Deal.objects.create(
        opportunity=request, reply=reply, seller_cooperative=seller, buyer=buyer,
        quantity=Decimal(DEAL_ITEMS), unit=QuantityUnit.UNIT, unit_price=listing.price_amount,
        note="Commande pro à passer depuis le tableau Rawabit.", variant=variant,
        variant_quantity=DEAL_ITEMS, recorded_by=buyer)

    carrier, neighbour = others[0], (others[1] if len(others) > 1 else seller)
    transport = Opportunity.objects.create(
        kind=OpportunityKind.OFFER, title="Transport partagé vers Casablanca le jeudi",
        description="Camionnette de 3 m³, départ 6 h, retour le soir.",
        product_text="transport partagé", quantity=Decimal(4), unit=QuantityUnit.TRIP,
        period_from=today, period_to=today + timedelta(days=60), region=carrier.region,
        posted_by=_manager(carrier), cooperative=carrier)
    neighbour_manager = _manager(neighbour)
    if neighbour_manager is not None:
        _thread(transport, neighbour_manager, neighbour, [
            (neighbour_manager, "Nous aurions 20 cartons ce jeudi, quel tarif ?")])
    Opportunity.objects.create(
        kind=OpportunityKind.REQUEST, title="Commande groupée de bocaux en verre",
        description="Bocaux de 250 ml avec couvercle, pour le miel et l'amlou.",
        product_text="bocaux en verre 250 ml", quantity=Decimal(5000), unit=QuantityUnit.UNIT,
        posted_by=seller_manager, cooperative=seller)
    return "3 opportunities, 2 conversations, 1 deal (ready to become a pro order)"
