"""The Rawabit demo: idempotent, and its deal really becomes a pro order."""
from __future__ import annotations

import pytest

from backend.rawabit.demo import PRO_EMAIL, seed_rawabit
from backend.rawabit.models import Deal, Opportunity, OpportunityMessage
from backend.rawabit.services.deals import deal_pro_checkout_create
from tests.business.conftest import make_pro_product

from .conftest import make_business

pytestmark = pytest.mark.django_db


def test_the_demo_seeds_three_opportunities_once_and_a_deal_ready_for_a_pro_order(channel,
                                                                                  world):
    buyer = make_business(PRO_EMAIL, company="Hôtel La Kasbah d'Agadir")
    make_pro_product(channel=channel, cooperative=world.argan.coop, name="Amlou aux amandes",
                     category=world.oils, moq=5, breaks=((20, "70.00"),))

    assert seed_rawabit().startswith("3 opportunities")
    assert seed_rawabit() == "already seeded"

    assert Opportunity.objects.count() == 3
    assert OpportunityMessage.objects.count() == 4
    deal = Deal.objects.get()
    assert (deal.buyer, deal.seller_cooperative, deal.can_become_pro_order) == (
        buyer, world.argan.coop, True)
    checkout = deal_pro_checkout_create(user=buyer, deal_id=deal.pk)
    assert checkout.lines.get().quantity == deal.variant_quantity


def test_without_the_pro_demo_the_rawabit_demo_is_skipped(world):
    assert seed_rawabit() == "skipped (no pro demo)"
    assert not Opportunity.objects.exists()
