"""Declared indicators: the cooperative's managers and its mentor declare; members, network
admins, other mentors and other cooperatives cannot, and a refused request changes nothing."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from backend.core.errors import DomainError
from backend.followup import definitions as d
from backend.followup.error_codes import FollowupErrorCode
from backend.followup.models import DeclaredIndicator
from backend.followup.selectors import indicators_for
from backend.followup.services import declared_indicators_save
from tests.badinput.corpus import STRINGS

from .conftest import signed_in

MARCH = date(2026, 3, 1)
URL = "/followup/tifawine-safran/2026-03/"
VALUES = {d.MEMBERS: "25", d.MEMBERS_WOMEN: "21", d.MEMBERS_YOUTH: "6", d.JOBS: "4",
          d.TRAININGS: "2", d.CERTIFICATIONS: "1"}


def _rows():
    return list(DeclaredIndicator.objects.order_by("pk").values())


@pytest.mark.parametrize("who", ["manager", "mentor"])
def test_the_manager_and_the_mentor_declare_a_month(people, who):
    user = getattr(people, who)

    declared_indicators_save(cooperative_id=people.cooperative.pk, month=date(2026, 3, 17),
                             values=VALUES, user=user)

    values = indicators_for(people.cooperative.pk, MARCH)
    assert {code: values[code] for code in d.DECLARED_CODES} == {
        d.MEMBERS: 25, d.MEMBERS_WOMEN: 21, d.MEMBERS_YOUTH: 6, d.JOBS: 4, d.TRAININGS: 2,
        d.CERTIFICATIONS: 1}
    assert set(DeclaredIndicator.objects.values_list("declared_by", flat=True)) == {user.pk}
    assert indicators_for(people.other.pk, MARCH)[d.MEMBERS] is None


@pytest.mark.parametrize("who", ["member", "other_mentor", "other_manager", "admin"])
def test_others_cannot_declare_and_nothing_changes(people, who):
    declared_indicators_save(cooperative_id=people.cooperative.pk, month=MARCH,
                             values={d.MEMBERS: "25"}, user=people.manager)
    before = _rows()

    with pytest.raises(DomainError) as refused:
        declared_indicators_save(cooperative_id=people.cooperative.pk, month=MARCH,
                                 values={d.MEMBERS: "99"}, user=getattr(people, who))

    assert refused.value.errors[0].code == FollowupErrorCode.PERMISSION_DENIED
    assert _rows() == before


def test_the_other_cooperative_declares_its_own_only(people):
    declared_indicators_save(cooperative_id=people.other.pk, month=MARCH,
                             values={d.JOBS: "3"}, user=people.other_mentor)

    assert indicators_for(people.other.pk, MARCH)[d.JOBS] == 3
    assert indicators_for(people.cooperative.pk, MARCH)[d.JOBS] is None


def test_a_blank_value_withdraws_the_declaration(people):
    declared_indicators_save(cooperative_id=people.cooperative.pk, month=MARCH,
                             values={d.JOBS: "4", d.TRAININGS: "2"}, user=people.manager)

    declared_indicators_save(cooperative_id=people.cooperative.pk, month=MARCH,
                             values={d.JOBS: "", d.TRAININGS: "3"}, user=people.manager)

    assert dict(DeclaredIndicator.objects.values_list("code", "value")) == {
        d.TRAININGS: Decimal("3.00")}


@pytest.mark.parametrize(("values", "field"), [
    ({d.JOBS: "-1"}, d.JOBS), ({d.JOBS: "1.5"}, d.JOBS), ({d.JOBS: "1e40"}, d.JOBS),
    ({d.JOBS: "NaN"}, d.JOBS), ({d.JOBS: "douze"}, d.JOBS), ({d.JOBS: "1\x002"}, d.JOBS),
    ({d.MEMBERS: "10", d.MEMBERS_WOMEN: "11"}, d.MEMBERS_WOMEN),
])
def test_a_wrong_value_refuses_the_whole_month(people, values, field):
    with pytest.raises(DomainError) as refused:
        declared_indicators_save(cooperative_id=people.cooperative.pk, month=MARCH,
                                 values={d.TRAININGS: "2", **values}, user=people.manager)

    assert refused.value.errors[0].field == field
    assert _rows() == []


def test_an_unknown_or_computed_code_and_a_future_month_are_refused(people):
    for values, month, code in [({d.SALES: "1000"}, MARCH, FollowupErrorCode.NOT_FOUND),
                                ({d.JOBS: "1"}, date(2100, 1, 1), FollowupErrorCode.FUTURE_MONTH)]:
        with pytest.raises(DomainError) as refused:
            declared_indicators_save(cooperative_id=people.cooperative.pk, month=month,
                                     values=values, user=people.manager)
        assert refused.value.errors[0].code == code
    assert _rows() == []


# --- the monthly page ------------------------------------------------------------------------

def test_the_manager_reads_and_declares_on_the_monthly_page(client, people):
    signed_in(client, people.manager)

    page = client.get(URL)
    posted = client.post(URL, VALUES)

    assert page.status_code == 200
    html = page.content.decode()
    assert 'id="declare-form"' in html
    assert 'href="/indicators/sales/"' in html and 'href="/indicators/jobs/"' in html
    assert posted.status_code == 302
    assert indicators_for(people.cooperative.pk, MARCH)[d.MEMBERS_WOMEN] == 21


def test_the_mentor_declares_in_arabic(client, people):
    signed_in(client, people.mentor)

    page = client.get("/ar" + URL)
    posted = client.post("/ar" + URL, {d.JOBS: "5"})

    assert page.status_code == 200 and 'dir="rtl"' in page.content.decode()
    assert "مناصب الشغل" in page.content.decode()
    assert posted.status_code == 302
    assert indicators_for(people.cooperative.pk, MARCH)[d.JOBS] == 5


def test_a_member_and_the_admin_read_without_a_form_and_cannot_post(client, people):
    for user in (people.member, people.admin):
        signed_in(client, user)
        page = client.get(URL)
        posted = client.post(URL, {d.JOBS: "9"})
        assert page.status_code == 200 and 'id="declare-form"' not in page.content.decode()
        assert posted.status_code == 403
    assert _rows() == []


@pytest.mark.parametrize("who", ["other_mentor", "other_manager"])
def test_another_mentor_or_cooperative_sees_nothing(client, people, who):
    signed_in(client, getattr(people, who))

    assert client.get(URL).status_code == 403
    assert client.post(URL, {d.JOBS: "9"}).status_code == 403
    assert _rows() == []


def test_anonymous_visitors_are_sent_to_sign_in(client, people):
    response = client.get(URL)

    assert response.status_code == 302 and "login" in response["Location"]


@pytest.mark.parametrize("value", ["-3", "2.5", "9" * 40, "abc", "\x00", "1\x00"])
def test_bad_input_on_the_form_is_a_form_error_and_nothing_is_stored(client, people, value):
    signed_in(client, people.manager)

    response = client.post(URL, {d.JOBS: value})

    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()
    assert _rows() == []


@pytest.mark.parametrize("path", ["/followup/tifawine-safran/2026-13/",
                                  "/followup/tifawine-safran/26-03/",
                                  "/followup/tifawine-safran/%00/",
                                  "/followup/inconnue/2026-03/"])
def test_a_malformed_month_or_unknown_cooperative_is_not_found(client, people, path):
    signed_in(client, people.manager)

    assert client.get(path).status_code == 404


def test_the_cooperative_link_opens_the_current_month(client, people):
    signed_in(client, people.manager)

    response = client.get("/followup/tifawine-safran/")

    assert response.status_code == 302
    assert response["Location"].startswith("/followup/tifawine-safran/20")


NASTY = [value for name, value in STRINGS.items() if name != "huge-1mb"]


def test_any_text_in_any_field_never_fails_and_a_refused_form_saves_nothing(client, people):
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    signed_in(client, people.manager)
    text = st.one_of(st.text(max_size=30), st.sampled_from(NASTY),
                     st.integers(-(2**70), 2**70).map(str),
                     st.sampled_from(["", "1e309", "NaN", "-0", "١٢", "12,5", "Infinity"]))

    @settings(max_examples=25, deadline=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
    @given(st.dictionaries(st.sampled_from(d.DECLARED_CODES), text, min_size=1))
    def post(values):
        before = _rows()
        response = client.post(URL, values)
        assert response.status_code in (200, 302)
        if response.status_code == 200:
            assert _rows() == before

    post()
