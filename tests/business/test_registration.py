"""Registering a business account (ICE of 15 digits) and a network admin's decision."""
from __future__ import annotations

import pytest
from django.core import mail

from backend.business.error_codes import BusinessErrorCode
from backend.business.models import BusinessAccount, BusinessStatus
from backend.business.services.accounts import (
    BusinessInput,
    business_account_register,
    ice_clean,
)
from backend.core.errors import DomainError
from tests.factories.catalog import UserFactory

from .conftest import make_business

pytestmark = pytest.mark.django_db

FORM = {"company_name": "Riad Zitoune", "ice": "001525372000044", "kind": "hotel",
        "street_address": "3 derb Zitoune", "postal_code": "40000", "city": "Marrakech",
        "phone": "+212524000000", "email": "achats@riad-zitoune.ma",
        "password": "un-mot-de-passe-solide-42"}


@pytest.mark.parametrize("ice", ["00152537200004", "0015253720000445", "00152537200004a",
                                 "", "١٢٣٤٥٦٧٨٩٠١٢٣٤٥", "001525372\x0000044"])
def test_an_ice_number_must_have_fifteen_digits(ice):
    with pytest.raises(DomainError) as refused:
        ice_clean(ice)

    assert [(e.code, e.field) for e in refused.value.errors] == [
        (BusinessErrorCode.INVALID, "ice")]


def test_spaces_typed_in_an_ice_number_are_dropped():
    assert ice_clean("001 525 372 000 044") == "001525372000044"


def test_registering_creates_a_pending_account_and_signs_the_applicant_in(client):
    response = client.post("/pro/register/", FORM)

    assert response.status_code == 303
    account = BusinessAccount.objects.get()
    assert (account.company_name, account.ice, account.kind, account.status) == (
        "Riad Zitoune", "001525372000044", "hotel", BusinessStatus.PENDING)
    assert account.user.email == "achats@riad-zitoune.ma"
    page = client.get("/pro/").content.decode()
    assert "waiting for a network administrator" in page or "attente" in page


@pytest.mark.parametrize(("field", "value"), [("ice", "12345"), ("ice", "1" * 40),
                                              ("company_name", "Riad\x00"), ("kind", "bank"),
                                              ("phone", "")])
def test_a_bad_registration_is_refused_on_its_field_and_writes_nothing(client, field, value):
    response = client.post("/pro/register/", {**FORM, field: value})

    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert BusinessAccount.objects.count() == 0
    from backend.accounts.models import User
    assert not User.objects.filter(email=FORM["email"]).exists()


def test_an_ice_number_is_registered_once(client):
    make_business(status=BusinessStatus.APPROVED).__class__.objects.update(ice=FORM["ice"])

    response = client.post("/pro/register/", FORM)

    assert response.status_code == 400
    assert "ice" in response.context["form"].errors
    assert BusinessAccount.objects.count() == 1


def test_a_signed_in_user_registers_its_own_account(client, customer):
    client.force_login(customer)
    data = {k: v for k, v in FORM.items() if k not in ("email", "password")}

    response = client.post("/pro/register/", data)

    assert response.status_code == 303
    assert BusinessAccount.objects.get().user == customer


def test_a_user_has_one_business_account(customer):
    data = BusinessInput(company_name="A", ice="001525372000044", kind="shop",
                         street_address="x", city="Fès", phone="0600000000")
    business_account_register(data=data, user=customer)

    with pytest.raises(DomainError) as refused:
        business_account_register(data=BusinessInput(**{**data.__dict__,
                                                        "ice": "001525372000045"}),
                                  user=customer)

    assert refused.value.errors[0].code == BusinessErrorCode.UNIQUE
    assert BusinessAccount.objects.count() == 1


@pytest.mark.parametrize(("action", "status", "subject"), [
    ("approve", BusinessStatus.APPROVED, "approved"),
    ("reject", BusinessStatus.REJECTED, "about your business account"),
])
def test_a_network_admin_decides_in_the_admin_and_the_applicant_gets_an_email(
        client, action, status, subject, settings, django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    account = make_business(status=BusinessStatus.PENDING)
    account.user.language_code = "en"
    account.user.save()
    admin = UserFactory(email="admin@coopstore.ma", is_staff=True, is_superuser=True)
    client.force_login(admin)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/admin/business/businessaccount/",
                               {"action": action, "_selected_action": [account.pk]})

    assert response.status_code == 302
    account.refresh_from_db()
    assert account.status == status
    assert (account.approved_by == admin) is (status == BusinessStatus.APPROVED)
    assert [m.to for m in mail.outbox] == [[account.user.email]]
    assert subject in mail.outbox[0].subject


def test_approving_twice_sends_one_email(settings, django_capture_on_commit_callbacks):
    from backend.business.services.accounts import business_account_approve

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    account = make_business(status=BusinessStatus.PENDING)

    with django_capture_on_commit_callbacks(execute=True):
        business_account_approve(account_id=account.pk)
    with django_capture_on_commit_callbacks(execute=True):
        business_account_approve(account_id=account.pk)

    assert len(mail.outbox) == 1
