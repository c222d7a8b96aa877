"""A customer's account pages in a real browser: addresses, password change and the deletion
request by e-mail, in French, with a quick look at the Arabic profile."""
from __future__ import annotations

import re

import pytest
from django.core import mail

from tests.e2e.conftest import PHONE

pytestmark = [pytest.mark.e2e,
              pytest.mark.django_db(transaction=True, serialized_rollback=True)]
PASSWORD = "Argan-et-safran-2026"
NEW_PASSWORD = "Dattes-de-Zagora-99"


@pytest.fixture
def shopper(db):
    from backend.accounts.services.accounts import account_register
    from backend.accounts.services.addresses import AddressInput, account_address_create
    from tests.factories.catalog import city

    city("agadir")  # transactional tests flush the shipped geography: load it again
    user = account_register(email="salma@example.ma", password=PASSWORD, first_name="Salma")
    account_address_create(user=user, data=AddressInput(
        first_name="Salma", last_name="Idrissi", street_address_1="12 rue de Tiznit",
        city="agadir", phone="0612345678"))
    return user


def _sign_in(page, base: str, password: str = PASSWORD) -> None:
    page.goto(f"{base}/account/login/")
    page.fill("input[name=username]", "salma@example.ma")
    page.fill("input[name=password]", password)
    page.locator("main button[type=submit]").first.click()
    page.wait_for_load_state("load")


def test_the_account_pages_in_french_and_arabic(live_server, chromium, artifacts, shopper,
                                                 settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    base = live_server.url
    context = chromium.new_context(viewport=PHONE, locale="fr-FR")
    page = context.new_page()
    try:
        _sign_in(page, base)
        page.goto(f"{base}/account/addresses/")
        addresses = page.locator("main").inner_text()
        assert "12 rue de Tiznit" in addresses and "Agadir · Souss-Massa" in addresses
        page.screenshot(path=artifacts / "fr-account-addresses.png", full_page=True)

        page.goto(f"{base}/account/")
        page.screenshot(path=artifacts / "fr-account-profile.png", full_page=True)
        assert page.get_by_text("Sécurité et vie privée").is_visible()
        page.get_by_role("link", name="Modifier mon mot de passe").click()
        page.fill("input[name=old_password]", "wrong-password")
        page.fill("input[name=new_password]", NEW_PASSWORD)
        page.get_by_role("button", name="Enregistrer le mot de passe").click()
        assert "L'ancien mot de passe n'est pas valide." in page.content()
        page.screenshot(path=artifacts / "fr-account-password-refused.png", full_page=True)
        page.fill("input[name=old_password]", PASSWORD)
        page.fill("input[name=new_password]", NEW_PASSWORD)
        page.get_by_role("button", name="Enregistrer le mot de passe").click()
        page.wait_for_url(re.compile(r"/account/$"))
        shopper.refresh_from_db()
        assert shopper.check_password(NEW_PASSWORD)

        page.get_by_role("button", name="Supprimer mon compte").click()
        page.wait_for_url(re.compile(r"/account/$"))
        assert "un lien pour supprimer votre compte" in page.content()
        page.screenshot(path=artifacts / "fr-account-deletion-requested.png", full_page=True)
        link = re.search(r"https?://\S+/account/delete/\?token=\S+", mail.outbox[-1].body)

        arabic = context.new_page()
        arabic.goto(f"{base}/ar/account/")
        assert arabic.locator("html").get_attribute("dir") == "rtl"
        assert "الأمان والخصوصية" in arabic.content()
        arabic.screenshot(path=artifacts / "ar-account-profile.png", full_page=True)
        arabic.close()

        page.goto(link.group(0))
        page.screenshot(path=artifacts / "fr-account-delete-confirm.png", full_page=True)
        page.get_by_role("button", name="Supprimer définitivement mon compte").click()
        page.wait_for_load_state("load")
        assert "Votre compte est supprimé." in page.content()
        shopper.refresh_from_db()
        assert shopper.is_active is False and shopper.email.startswith("deleted-")
    finally:
        context.close()
