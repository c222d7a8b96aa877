"""A guest on a phone buys from two cooperatives, pays cash on delivery, then signs up.

JavaScript is switched off: the city picker, the cart, every checkout step and the sign-up are
plain forms. Screenshots of each step go to test-artifacts/, in French and in Arabic (RTL).
"""
from __future__ import annotations

import re

import pytest
from django.core import mail

from backend.orders.models import Order
from tests.e2e.conftest import PHONE, phone_screenshot, serve_media
from tests.storefront.checkout_data import delivery_network, stock_everything
from tests.storefront.shop_data import build_shop

pytestmark = [pytest.mark.e2e,
              pytest.mark.django_db(transaction=True, serialized_rollback=True)]

JOURNEYS = [
    # prefix, lang, dir, words the shopper clicks and reads
    ("", "fr", "ltr", {
        "show": "Voir la livraison", "add": "Ajouter au panier", "checkout": "Commander",
        "continue": "Continuer vers la livraison", "review": "Continuer vers la vérification",
        "cod": "Paiement à la livraison", "placed": "Merci\xa0! Votre commande est passée.",
        "signup": "Créer mon compte", "route": "Livré par Souss Express depuis Taliouine",
        "order": "Commande {number}", "added": "Ajouté à votre panier.",
        "fair_pay": "Où va votre argent", "bar_delivery": "Partenaires de livraison"}),
    ("/ar", "ar", "rtl", {
        "show": "عرض التوصيل", "add": "أضف إلى السلة", "checkout": "إتمام الطلب",
        "continue": "المتابعة إلى التوصيل", "review": "المتابعة إلى المراجعة",
        "cod": "الدفع عند الاستلام", "placed": "شكرًا! تم تسجيل طلبك.",
        "signup": "إنشاء حسابي", "route": "يوصله Souss Express من تالوين",
        "order": "الطلب {number}", "added": "أُضيف إلى سلتك.",
        "fair_pay": "أين تذهب أموالك", "bar_delivery": "شركاء التوصيل"}),
]


@pytest.mark.parametrize(("prefix", "lang", "direction", "words"), JOURNEYS)
def test_a_guest_buys_from_two_cooperatives_pays_on_delivery_then_signs_up(
        live_server, chromium, artifacts, settings, prefix, lang, direction, words):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    shop = build_shop(real_photos=True)
    delivery_network()
    stock_everything(shop)
    context = chromium.new_context(viewport=PHONE, java_script_enabled=False,
                                   device_scale_factor=1)
    context.route("**/media/**", serve_media)
    page = context.new_page()
    base = f"{live_server.url}{prefix}"
    shot = _shooter(page, artifacts, lang)
    try:
        # The product page asks for the city once, then shows the delivery estimate.
        page.goto(f"{base}/products/safran-de-taliouine/")
        assert page.locator("html").get_attribute("dir") == direction
        page.locator("select[name=city]").select_option("agadir")
        page.get_by_role("button", name=words["show"]).click()
        assert words["route"] in " ".join(page.locator(".delivery-estimate").inner_text().split())
        # With a city, the product page's split includes what the delivery partners receive.
        assert page.locator("#fair-pay h2").inner_text() == words["fair_pay"]
        assert words["bar_delivery"] in page.locator("#fair-pay").inner_text()
        assert page.locator("#fair-pay svg.fair-pay-bar rect").count() == 4
        page.locator("input[name=quantity]").fill("2")
        shot("1-product")
        page.get_by_role("button", name=words["add"]).click()
        assert re.search(rf"{prefix}/cart/$", page.url)
        assert page.locator(".message").first.inner_text() == words["added"]

        # A second cooperative's product: the cart now holds two parcels.
        page.goto(f"{base}/products/dattes-mejhoul/")
        assert words["route"] not in page.locator(".delivery").inner_text()  # Errachidia
        page.get_by_role("button", name=words["add"]).click()
        assert page.locator("section.parcel").count() == 2
        assert page.locator(".count-badge").first.inner_text().startswith("3")
        shot("2-cart")

        # Address: the city is already the one chosen on the product page.
        page.get_by_role("link", name=words["checkout"], exact=True).click()
        assert page.locator("select[name=city]").input_value() == "agadir"
        page.locator("input[name=email]").fill("salma@example.ma")
        page.locator("input[name=first_name]").fill("Salma")
        page.locator("input[name=last_name]").fill("Idrissi")
        page.locator("input[name=street_address_1]").fill("12 rue de Tiznit")
        page.locator("input[name=phone]").fill("06 12 34 56 78")
        shot("3-address")
        page.get_by_role("button", name=words["continue"]).click()

        # One delivery per parcel (the shortest circuit is preselected), cash on delivery.
        assert re.search(rf"{prefix}/checkout/delivery/$", page.url)
        assert page.locator("fieldset.parcel-choice").count() == 2
        for parcel in page.locator("fieldset.parcel-choice").all():
            parcel.locator("input[type=radio]").first.check()
        page.get_by_label(words["cod"]).check()
        shot("4-delivery")
        page.get_by_role("button", name=words["review"]).click()

        assert re.search(rf"{prefix}/checkout/review/$", page.url)
        assert page.locator(".review-delivery").count() == 2
        _assert_split_table(page, words, money_total=page.locator(".totals-final dd.grand"))
        shot("5-review")
        page.locator("form.checkout-form button[type=submit]").click()

        assert page.locator("h1").inner_text() == words["placed"]
        order = Order.objects.get()
        assert order.deliveries.count() == 2 and order.user is None
        assert str(order.number) in page.locator(".order-number").inner_text()
        shown = _assert_split_table(page, words,
                                    money_total=page.locator(".totals-final dd.grand"))
        parts = order.fair_pay_split.parts.all()
        assert sum(p.amount_minor for p in parts) == order.total_amount * 100
        assert len(shown) == len({(p.payee_kind, p.partner_id or p.cooperative_id)
                                  for p in parts if p.amount_minor})
        shot("6-confirmation")
        page.locator("#fair-pay").screenshot(
            path=artifacts / f"{lang}-checkout-6-confirmation-fair-pay.png")

        # Signing up with the same e-mail, then confirming it from the e-mailed link, puts the
        # guest order in the history (an unconfirmed address claims nothing).
        page.get_by_role("link", name=words["signup"]).click()
        assert page.locator("input[name=email]").input_value() == "salma@example.ma"
        page.locator("input[name=password]").fill("argan-et-safran-2026")
        page.locator("form.stack-form button[type=submit]").click()
        order.refresh_from_db()
        assert order.user is None
        link = re.search(r"https?://[^/\s]+(/\S*account/confirm/\?\S+)", mail.outbox[-1].body)
        assert link, mail.outbox[-1].body
        page.goto(live_server.url + link.group(1))
        page.locator("form.stack-form button[type=submit]").click()
        page.wait_for_load_state("load")
        assert re.search(rf"{prefix}/account/orders/$", page.url)
        history = page.locator(".order-list").inner_text()
        assert words["order"].format(number=order.number) in history
        shot("7-history")
        order.refresh_from_db()
        assert order.user is not None and order.user.email == "salma@example.ma"
    finally:
        context.close()


def _assert_split_table(page, words, *, money_total) -> list[str]:
    """The order's split per payee is on screen in the page's language, and its total is the
    order's total as the page writes it. Returns the payee kinds shown."""
    section = page.locator("#fair-pay")
    assert section.is_visible()
    assert section.locator("h2").inner_text() == words["fair_pay"]
    kinds = [row.get_attribute("data-payee") for row in section.locator("tr[data-payee]").all()]
    assert kinds.count("cooperative") == 2  # two cooperatives, two parcels
    assert {"partner", "platform", "solidarity_fund"} <= set(kinds)
    assert section.locator(".fp-total").inner_text() == money_total.inner_text()
    return kinds


def _shooter(page, artifacts, lang: str):
    """Screenshot a step after checking that nothing sticks out of the phone's width."""
    def shot(name: str) -> None:
        phone_screenshot(page, artifacts / f"{lang}-checkout-{name}-phone.png", name)
    return shot
