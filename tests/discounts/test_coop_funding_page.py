"""/coop/promotions/: a cooperative's managers accept or withdraw its funding of promotions and
vouchers; another cooperative's answer is never touched, members and strangers are refused."""
from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from backend.discounts.models import FundedBy, FundingAcceptance
from tests.cooperatives.conftest import make_coop
from tests.factories.discounts import make_promotion, make_voucher

pytestmark = pytest.mark.django_db
LIST = "/coop/promotions/"


@pytest.fixture(autouse=True)
def _french():
    from django.utils import translation

    translation.activate("fr")
    yield
    translation.activate("fr")


@pytest.fixture
def coop_a(db):
    return make_coop()


@pytest.fixture
def coop_b(db):
    return make_coop(city_slug="agadir")


@pytest.fixture
def asks(channel):
    """A cooperative-funded promotion, a shared voucher; a platform one and an ended one."""
    now = timezone.now()
    return {
        "coop": make_promotion(channel, name="Huile d’argan -10 %",
                               funded_by=FundedBy.COOPERATIVE, end=now + timedelta(days=30)),
        "shared": make_voucher(channel, code="PARTAGE", name="Bon partagé",
                               funded_by=FundedBy.SHARED, platform_share="40"),
        "platform": make_promotion(channel, name="Offerte par CoopStore"),
        "ended": make_promotion(channel, name="Promo finie", funded_by=FundedBy.COOPERATIVE,
                                start=now - timedelta(days=9), end=now - timedelta(days=1)),
    }


def _url(action: str, target) -> str:
    kind = "voucher" if target.__class__.__name__ == "Voucher" else "promotion"
    return reverse(f"coop_promotions:{action}", args=[kind, str(target.pk)])


def _answers() -> list[tuple]:
    return sorted(FundingAcceptance.objects.values_list("cooperative_id", "promotion_id",
                                                        "voucher_id", "accepted_at"),
                  key=str)


def test_a_manager_sees_what_each_promotion_would_cost_the_cooperative(client, coop_a, asks):
    client.force_login(coop_a.manager)

    response = client.get(LIST)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Promotions à financer" in html
    assert "Huile d’argan -10 %" in html and "Bon partagé" in html
    assert "Offerte par CoopStore" not in html  # the platform alone pays: nothing to accept
    assert "Promo finie" not in html
    row = html[html.index(f'id="funding-promotion-{asks["coop"].pk}"'):]
    assert "100 %" in row[:row.index("</tr>")]
    row = html[html.index(f'id="funding-voucher-{asks["shared"].pk}"'):]
    assert "60 %" in row[:row.index("</tr>")]  # the platform pays 40 %
    assert "sans date de fin" in row[:row.index("</tr>")]
    assert html.count('name="csrfmiddlewaretoken"') >= 2
    assert _url("accept", asks["coop"]) in html
    assert f'href="{LIST}"' in html  # the nav link


def test_the_page_speaks_arabic(client, coop_a, asks):
    client.force_login(coop_a.manager)

    response = client.get("/ar" + LIST)

    assert response.status_code == 200
    assert "عروض للتمويل" in response.content.decode()


def test_members_and_strangers_cannot_open_or_answer(client, coop_a, asks):
    response = client.get(LIST)
    assert response.status_code == 302 and "login" in response["Location"]
    assert client.post(_url("accept", asks["coop"])).status_code == 302

    client.force_login(coop_a.member)
    assert client.get(LIST).status_code == 403
    assert client.post(_url("accept", asks["coop"])).status_code == 403
    home = client.get(reverse("coop:home")).content.decode()
    assert f'href="{LIST}"' not in home  # no link for members

    assert _answers() == []


def test_accepting_records_the_cooperatives_answer_only(client, coop_a, coop_b, asks):
    FundingAcceptance.objects.create(cooperative=coop_b.cooperative, voucher=asks["shared"])
    before_b = [a for a in _answers() if a[0] == coop_b.cooperative.pk]
    client.force_login(coop_a.manager)

    response = client.post(_url("accept", asks["coop"]))
    client.post(_url("accept", asks["shared"]))

    assert response.status_code == 303 and response["Location"] == LIST
    mine = FundingAcceptance.objects.filter(cooperative=coop_a.cooperative)
    assert {(a.promotion_id, a.voucher_id) for a in mine} == {
        (asks["coop"].pk, None), (None, asks["shared"].pk)}
    assert all(a.accepted_by == coop_a.manager for a in mine)
    assert [a for a in _answers() if a[0] == coop_b.cooperative.pk] == before_b
    page = client.get(LIST).content.decode()
    assert _url("withdraw", asks["coop"]) in page
    assert "finance désormais sa part" in page
    # accepting twice changes nothing
    answers = _answers()
    client.post(_url("accept", asks["coop"]))
    assert _answers() == answers
    # B still sees the promotion as not accepted by B
    client.force_login(coop_b.manager)
    page_b = client.get(LIST).content.decode()
    assert _url("accept", asks["coop"]) in page_b


def test_withdrawing_never_touches_another_cooperatives_acceptance(client, coop_a, coop_b,
                                                                   asks):
    for coop in (coop_a, coop_b):
        FundingAcceptance.objects.create(cooperative=coop.cooperative, promotion=asks["coop"])
    kept_b = [a for a in _answers() if a[0] == coop_b.cooperative.pk]
    client.force_login(coop_a.manager)

    response = client.post(_url("withdraw", asks["coop"]))

    assert response.status_code == 303
    assert not FundingAcceptance.objects.filter(cooperative=coop_a.cooperative).exists()
    assert [a for a in _answers() if a[0] == coop_b.cooperative.pk] == kept_b
    # and the other way: B withdrawing leaves A's (re-given) answer alone
    client.post(_url("accept", asks["coop"]))
    kept_a = [a for a in _answers() if a[0] == coop_a.cooperative.pk]
    client.force_login(coop_b.manager)
    client.post(_url("withdraw", asks["coop"]))
    assert [a for a in _answers() if a[0] == coop_a.cooperative.pk] == kept_a
    assert not FundingAcceptance.objects.filter(cooperative=coop_b.cooperative).exists()


def test_withdrawing_what_was_not_accepted_says_so_and_changes_nothing(client, coop_a, coop_b,
                                                                      asks):
    FundingAcceptance.objects.create(cooperative=coop_b.cooperative, promotion=asks["coop"])
    answers = _answers()
    client.force_login(coop_a.manager)

    response = client.post(_url("withdraw", asks["coop"]), follow=True)

    assert "ne l’avait pas acceptée" in response.content.decode()
    assert _answers() == answers


@pytest.mark.parametrize("path", [
    "promotion/{platform}/accept/", "promotion/{unknown}/accept/", "promotion/abc/accept/",
    "voucher/99999999999999999999/accept/", "voucher/-1/accept/", "voucher/0/accept/",
    "voucher/%00/accept/", "promotion/%00/withdraw/", "gadget/1/accept/",
    "voucher/" + "9" * 300 + "/withdraw/"])
def test_bad_or_foreign_targets_are_not_found_and_change_nothing(client, coop_a, asks, path):
    import uuid

    FundingAcceptance.objects.create(cooperative=coop_a.cooperative, voucher=asks["shared"])
    answers = _answers()
    client.force_login(coop_a.manager)

    url = LIST + path.format(platform=asks["platform"].pk, unknown=uuid.uuid4())
    response = client.post(url)

    assert response.status_code == 404
    assert _answers() == answers


def test_answers_need_a_post_with_a_csrf_token(coop_a, asks):
    client = Client(enforce_csrf_checks=True)
    client.force_login(coop_a.manager)

    assert client.get(_url("accept", asks["coop"])).status_code == 405
    assert client.post(_url("accept", asks["coop"])).status_code == 403

    assert _answers() == []


def test_the_list_costs_the_same_queries_for_2_or_12_promotions(client, channel, coop_a):
    client.force_login(coop_a.manager)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(LIST).status_code == 200
        return len(queries)

    make_promotion(channel, name="P0", funded_by=FundedBy.COOPERATIVE)
    make_voucher(channel, code="V0", funded_by=FundedBy.SHARED, platform_share="50")
    few = count()
    for index in range(1, 6):
        promotion = make_promotion(channel, name=f"P{index}", funded_by=FundedBy.COOPERATIVE)
        make_voucher(channel, code=f"V{index}", funded_by=FundedBy.SHARED, platform_share="50",
                     accepted_by=[coop_a.cooperative] if index % 2 else ())
        if index % 2:
            FundingAcceptance.objects.create(cooperative=coop_a.cooperative, promotion=promotion)
    assert count() == few
