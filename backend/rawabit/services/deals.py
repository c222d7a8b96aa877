"""Deals: the poster records the outcome with one replier; a deal between a cooperative seller
and a business buyer becomes a pro order through the business app's pro checkout."""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from backend.core.errors import DomainError, ErrorItem

from ..error_codes import RawabitErrorCode as Code
from ..locks import deal_lock, opportunity_lock
from ..models import CENT, Deal, OpportunityKind, OpportunityReply, OpportunityStatus
from .opportunities import MAX_TEXT, _clean_text

MAX_AMOUNT = Decimal("1e9")


def deal_record(*, user, opportunity_id: int, reply_id: int, quantity: Decimal,
                unit_price: Decimal, note: str = "", variant=None,
                variant_quantity: int | None = None) -> Deal:
    """Record the deal of an open opportunity with the replier of ``reply_id``.

    The seller is the poster of an offer (the replier of a request); a variant, when given,
    must be one of the selling cooperative's. Locks the opportunity.
    """
    errors = []
    if quantity is None or not Decimal("0") < quantity < MAX_AMOUNT:
        errors.append(ErrorItem(Code.INVALID, _("Enter a quantity above zero."), "quantity"))
    if unit_price is None or not Decimal("0") <= unit_price < MAX_AMOUNT:
        errors.append(ErrorItem(Code.INVALID, _("Enter a price of zero or more."),
                                "unit_price"))
    if (variant is None) != (not variant_quantity):
        errors.append(ErrorItem(Code.REQUIRED, _("Give both the product variant and the "
                                                 "number of items, or neither."),
                                "variant_quantity"))
    if errors:
        raise DomainError(*errors)
    quantity = quantity.quantize(Decimal("0.001"), rounding=ROUND_HALF_UP)
    unit_price = unit_price.quantize(CENT, rounding=ROUND_HALF_UP)  # as stored
    with transaction.atomic():
        opportunity = opportunity_lock(opportunity_id)
        if opportunity is None or not opportunity.is_poster(user):
            raise DomainError.single(Code.NOT_FOUND, _("Opportunity not found."))
        if not opportunity.is_open:
            raise DomainError.single(Code.NOT_OPEN, _("This opportunity is no longer open."))
        reply = OpportunityReply.objects.filter(pk=reply_id, opportunity=opportunity).first()
        if reply is None:
            raise DomainError.single(Code.NOT_FOUND, _("Choose one of the replies."), "reply")
        if opportunity.kind == OpportunityKind.OFFER:
            seller, buyer, buyer_coop = (opportunity.cooperative_id, reply.replier_id,
                                         reply.replier_cooperative_id)
        else:
            seller, buyer, buyer_coop = (reply.replier_cooperative_id, opportunity.posted_by_id,
                                         opportunity.cooperative_id)
        if variant is not None and (seller is None or variant.product.cooperative_id != seller):
            raise DomainError.single(Code.INVALID, _("Choose a product of the selling "
                                                     "cooperative."), "variant")
        deal = Deal.objects.create(
            opportunity=opportunity, reply=reply, seller_cooperative_id=seller, buyer_id=buyer,
            buyer_cooperative_id=buyer_coop, quantity=quantity, unit=opportunity.unit,
            unit_price=unit_price, note=_clean_text(note, limit=MAX_TEXT), variant=variant,
            variant_quantity=variant_quantity or None, recorded_by=user)
        opportunity.status = OpportunityStatus.DEAL
        opportunity.closed_at = timezone.now()
        opportunity.save(update_fields=["status", "closed_at"])
    return deal


def deal_pro_checkout_create(*, user, deal_id: int, language_code: str = "fr"):
    """The buyer turns the deal into a pro checkout (wholesale prices, quantity breaks and
    minimum order of the pro channel apply); it is then completed as any checkout, e.g. by
    bank transfer. Once only: a second call returns the same checkout while it exists."""
    from backend.business.services.pro_checkout import pro_checkout_create
    from backend.orders.models import Checkout

    with transaction.atomic():
        deal = deal_lock(deal_id)
        if deal is None or deal.buyer_id != getattr(user, "pk", None):
            raise DomainError.single(Code.NOT_FOUND, _("Deal not found."))
        if deal.checkout_token is not None:
            existing = Checkout.objects.filter(pk=deal.checkout_token).first()
            if existing is not None:
                return existing
            raise DomainError.single(Code.ALREADY_CONVERTED,
                                     _("This deal already became an order."))
        if not deal.can_become_pro_order:
            raise DomainError.single(Code.NOT_CONVERTIBLE, _(
                "Only a deal between a cooperative seller and a business buyer, for one of the "
                "cooperative's products, can become a pro order."))
        checkout = pro_checkout_create(user=user, language_code=language_code,
                                       lines=[(deal.variant, int(deal.variant_quantity))])
        deal.checkout_token = checkout.pk
        deal.save(update_fields=["checkout_token"])
    return checkout
