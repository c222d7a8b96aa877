"""Hypothesis on the Rawabit forms through their pages: arbitrary text and numbers never give
a 500, and a refused form saves nothing."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backend.rawabit.models import Deal, Opportunity, OpportunityMessage, OpportunityReply
from backend.rawabit.services.opportunities import opportunity_post
from backend.rawabit.services.replies import opportunity_reply
from tests.badinput.corpus import STRINGS

pytestmark = pytest.mark.django_db

NASTY = [value for name, value in STRINGS.items() if name != "huge-1mb"]
TEXT = st.one_of(st.text(max_size=40), st.sampled_from(NASTY),
                 st.integers(-(2**70), 2**70).map(str),
                 st.sampled_from(["", "0", "-1", "1e309", "NaN", "12,50", "١٢", "2147483648"]))


def _counts() -> tuple[int, ...]:
    return tuple(model.objects.count() for model in (Opportunity, OpportunityReply,
                                                     OpportunityMessage, Deal))


def _hammer(client, url: str, fields: list[str]) -> None:
    problems: list[str] = []

    @settings(max_examples=15, deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    @given(data=st.fixed_dictionaries({field: TEXT for field in fields}))
    def one(data: dict[str, str]) -> None:
        before = _counts()
        response = client.post(url, data)
        if response.status_code >= 500:
            problems.append(f"HTTP {response.status_code} for {data!r:.200}")
        elif response.status_code in (200, 400) and _counts() != before:
            problems.append(f"refused but saved: {data!r:.200}")

    one()
    assert problems == []


def test_the_posting_form_never_fails_on_nasty_input(client, world):
    client.force_login(world.argan.manager)
    _hammer(client, "/rawabit/new/", ["kind", "title", "category", "product_text", "quantity",
                                      "unit", "period_from", "period_to", "region",
                                      "description"])


def test_the_reply_message_and_deal_forms_never_fail_on_nasty_input(client, world):
    opportunity = opportunity_post(party=world.hotel_party, kind="request", title="Huile",
                                   category=world.oils)
    reply = opportunity_reply(party=world.argan.party, opportunity_id=opportunity.pk,
                              body="Oui").reply
    client.force_login(world.hive.manager)
    _hammer(client, f"/rawabit/{opportunity.pk}/", ["body"])
    client.force_login(world.hotel)
    _hammer(client, f"/rawabit/conversations/{reply.pk}/", ["body"])
    _hammer(client, f"/rawabit/{opportunity.pk}/deal/", ["reply", "quantity", "unit_price",
                                                         "variant", "variant_quantity", "note"])
