"""Sign-up: a new cooperative applies with its ODCO number and waits for approval."""
from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from backend.accounts.models import User
from backend.cooperatives.models import Cooperative, CooperativeStaff, CooperativeStatus
from backend.cooperatives.services.signup import cooperatives_set_status
from catalog.selectors.core import products_visible
from tests.factories.catalog import CooperativeFactory, UserFactory, city, make_listed_product


def _form(**overrides) -> dict:
    data = {"name": "Coopérative Amal", "odco_number": "ODCO-09-2019-0042",
            "city": city("taliouine").pk, "phone": "+212 612 345 678", "email": "",
            "manager_first_name": "Fatima", "manager_last_name": "Ait",
            "manager_email": "fatima@amal.ma", "manager_password": "Argan-Oil-2026!"}
    data.update(overrides)
    return data


def _counts() -> tuple[int, int, int]:
    return Cooperative.objects.count(), User.objects.count(), CooperativeStaff.objects.count()


def test_a_new_cooperative_applies_and_waits_for_approval(client, db):
    response = client.post(reverse("coop:signup"), _form())

    assert response.status_code == 303 and response["Location"] == reverse("coop:home")
    cooperative = Cooperative.objects.get(odco_number="ODCO-09-2019-0042")
    assert cooperative.status == CooperativeStatus.PENDING
    assert cooperative.city.slug == "taliouine" and cooperative.region == cooperative.city.region
    staff = cooperative.staff.get()
    assert staff.role == "manager" and staff.user.email == "fatima@amal.ma"
    assert staff.user.check_password("Argan-Oil-2026!")
    page = client.get(reverse("coop:home")).content.decode()  # signed in as the manager
    assert 'id="approval-banner"' in page


def test_a_signed_in_user_becomes_the_manager_without_a_new_account(client, db):
    user = UserFactory(email="karim@example.ma")
    client.force_login(user)
    before = User.objects.count()
    response = client.post(reverse("coop:signup"), _form(odco_number="2019 77"))
    assert response.status_code == 303
    cooperative = Cooperative.objects.get()
    assert cooperative.odco_number == "ODCO-2019-77"
    assert cooperative.staff.get().user == user and User.objects.count() == before


@pytest.mark.parametrize("odco", ["", "ABC", "ODCO-", "ODCO-12-ab", "ODCO-1-2-3-4-5",
                                  "x" * 40, "ODCO-\x00-12", "ODCO-123456789"])
def test_a_bad_odco_number_is_refused_and_nothing_is_created(client, db, odco):
    before = _counts()
    response = client.post(reverse("coop:signup"), _form(odco_number=odco))
    assert response.status_code == 400
    assert _counts() == before
    assert "odco_number" in response.context["form"].errors


def test_a_duplicate_odco_number_is_refused_with_a_clear_message(client, db):
    CooperativeFactory(odco_number="ODCO-09-2019-0042")
    before = _counts()
    response = client.post(reverse("coop:signup"), _form(odco_number="odco 09 2019 0042"))
    assert response.status_code == 400 and _counts() == before
    assert response.context["form"].errors["odco_number"] == [
        "Une coopérative avec ce numéro d'immatriculation ODCO est déjà inscrite."]


@pytest.mark.parametrize("field, value", [
    ("name", "Amal\x00"), ("name", "x" * 5000), ("name", "   "), ("phone", "0" * 200),
    ("city", "999999999999999999999"), ("city", "abc"), ("city", ""),
    ("manager_email", "not-an-email"), ("manager_email", "a\x00@b.ma"),
    ("manager_password", "123"), ("manager_password", "p" * 10000),
])
def test_bad_fields_are_refused_without_error_500_and_change_nothing(client, db, field, value):
    before = _counts()
    response = client.post(reverse("coop:signup"), _form(**{field: value}))
    assert response.status_code == 400
    assert _counts() == before
    assert response.context["form"].errors


def test_an_existing_account_email_is_refused_and_the_account_is_untouched(client, db):
    user = UserFactory(email="fatima@amal.ma")
    password = user.password
    before = _counts()
    response = client.post(reverse("coop:signup"), _form())
    assert response.status_code == 400 and _counts() == before
    assert "manager_email" in response.context["form"].errors
    user.refresh_from_db()
    assert user.password == password


def test_the_signup_page_speaks_arabic(client, db):
    response = client.get("/ar/coop/signup/")
    page = response.content.decode()
    assert response.status_code == 200 and 'dir="rtl"' in page and "سجّل تعاونيتك" in page


def test_approval_makes_the_products_go_live_and_tells_the_managers(
        channel, django_capture_on_commit_callbacks):
    cooperative = CooperativeFactory(status=CooperativeStatus.PENDING)
    manager = UserFactory(email="gerante@amal.ma")
    CooperativeStaff.objects.create(cooperative=cooperative, user=manager, role="manager")
    product = make_listed_product(channel=channel, cooperative=cooperative)
    assert product not in products_visible(channel)

    with django_capture_on_commit_callbacks(execute=True):
        changed = cooperatives_set_status(cooperative_ids=[cooperative.pk], status="approved")

    assert changed == [cooperative.pk]
    assert list(products_visible(channel)) == [product]
    assert [m.to for m in mail.outbox] == [["gerante@amal.ma"]]
    assert cooperative.name in mail.outbox[0].subject

    # approving again changes nothing and sends nothing; suspending takes the products off
    with django_capture_on_commit_callbacks(execute=True):
        assert cooperatives_set_status(cooperative_ids=[cooperative.pk],
                                       status="approved") == []
    assert len(mail.outbox) == 1
    with django_capture_on_commit_callbacks(execute=True):
        cooperatives_set_status(cooperative_ids=[cooperative.pk], status="suspended")
    assert list(products_visible(channel)) == []
    assert len(mail.outbox) == 2


def test_the_admin_actions_approve_and_suspend(admin_client, channel):
    cooperative = CooperativeFactory(status=CooperativeStatus.PENDING)
    product = make_listed_product(channel=channel, cooperative=cooperative)
    url = reverse("admin:cooperatives_cooperative_changelist")
    response = admin_client.post(url, {"action": "approve", "_selected_action": [cooperative.pk]})
    assert response.status_code == 302
    cooperative.refresh_from_db()
    assert cooperative.status == CooperativeStatus.APPROVED
    assert list(products_visible(channel)) == [product]
    admin_client.post(url, {"action": "suspend", "_selected_action": [cooperative.pk]})
    cooperative.refresh_from_db()
    assert cooperative.status == CooperativeStatus.SUSPENDED
