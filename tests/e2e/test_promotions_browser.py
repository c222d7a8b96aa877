"""A shopper applies a voucher in the cart, then a gift card pays part of the order.

JavaScript off: the code form is a plain form. French and Arabic (RTL); screenshots in
test-artifacts/.
"""
from __future__ import annotations

import re
from decimal import Decimal

import pytest

from backend.discounts.models import CheckoutVoucher
from backend.giftcards.models import GiftCard
from backend.orders.models import Order
from tests.e2e.conftest import PHONE, serve_media
from tests.factories.discounts import make_gift_card, make_promotion, make_voucher
from tests.storefront.checkout_data import delivery_network, stock_everything
from tests.storefront.shop_data import build_shop

pytestmark = [pytest.mark.e2e,
              pytest.mark.django_db(transaction=True, serialized_rollback=True)]

JOURNEYS = [
    ("", "fr", "ltr", {
        "add": "Ajouter au panier", "apply": "Appliquer", "applied": "Le code a été appliqué "
        "à votre panier.", "invalid": "Le code promo n'est pas valable",
        "checkout": "Commander", "continue": "Continuer vers la livraison",
        "review": "Continuer vers la vérification", "cod": "Paiement à la livraison",
        "card": "Carte cadeau ····WEB2", "discounts": "Réductions et cartes cadeaux"}),
    ("/ar", "ar", "rtl", {
        "add": "أضف إلى السلة", "apply": "تطبيق", "applied": "تم تطبيق الرمز على سلتك.",
        "invalid": "رمز التخفيض غير صالح", "checkout": "إتمام الطلب",
        "continue": "المتابعة إلى التوصيل", "review": "المتابعة إلى المراجعة",
        "cod": "الدفع عند الاستلام", "card": "بطاقة هدية ····WEB2",
        "discounts": "التخفيضات وبطاقات الهدايا"}),
]


def _shooter(page, artifacts, lang):
    def shot(name: str) -> None:
        page.screenshot(path=artifacts / f"{lang}-promotions-{name}.png", full_page=True)
    return shot


@pytest.mark.parametrize(("prefix", "lang", "direction", "words"), JOURNEYS)
def test_a_voucher_in_the_cart_and_a_gift_card_paying_part_of_the_order(
        live_server, chromium, artifacts, prefix, lang, direction, words):
    shop = build_shop(real_photos=True)
    delivery_network()
    stock_everything(shop)
    make_promotion(shop.channel, products=[shop.argan_oil], value="10", name="Printemps")
    make_voucher(shop.channel, code="BIENVENUE10", value="10", name="Bienvenue")
    make_gift_card(code="CADEAU-WEB2", balance="50.00")
    context = chromium.new_context(viewport=PHONE, java_script_enabled=False,
                                   device_scale_factor=1)
    context.route("**/media/**", serve_media)
    page = context.new_page()
    base = f"{live_server.url}{prefix}"
    shot = _shooter(page, artifacts, lang)
    try:
        # The promotion strikes the old price on the product page.
        page.goto(f"{base}/products/{shop.argan_oil.slug}/")
        assert page.locator("html").get_attribute("dir") == direction
        assert page.locator(".buy .price-sale del").count() == 1
        shot("1-product")
        page.goto(f"{base}/products/safran-de-taliouine/")
        page.locator("input[name=quantity]").fill("2")
        page.get_by_role("button", name=words["add"]).click()
        assert re.search(rf"{prefix}/cart/$", page.url)

        # A wrong code is refused next to the field; nothing is applied.
        page.locator("#id_promo_code").fill("FAUX-CODE")
        page.get_by_role("button", name=words["apply"]).click()
        assert page.locator("#promo-error").inner_text() == words["invalid"]
        assert not CheckoutVoucher.objects.exists()

        # The voucher takes 10 % off the cart, shown as its own line.
        page.locator("#id_promo_code").fill("BIENVENUE10")
        page.get_by_role("button", name=words["apply"]).click()
        assert page.locator(".message").first.inner_text() == words["applied"]
        summary = page.locator(".summary .totals")
        assert "Bienvenue" in summary.inner_text()
        assert summary.locator("dd.discount").count() == 1
        assert page.locator(".line-total del").count() == 1
        shot("2-cart-voucher")

        # The gift card, then the checkout: it pays 50.00, the rest is cash on delivery.
        page.locator("#id_promo_code").fill("CADEAU-WEB2")
        page.get_by_role("button", name=words["apply"]).click()
        assert words["card"] in page.locator(".summary").inner_text()
        shot("3-cart-gift-card")
        page.get_by_role("link", name=words["checkout"], exact=True).click()
        page.locator("select[name=city]").select_option("agadir")
        page.locator("input[name=email]").fill("salma@example.ma")
        page.locator("input[name=first_name]").fill("Salma")
        page.locator("input[name=last_name]").fill("Idrissi")
        page.locator("input[name=street_address_1]").fill("12 rue de Tiznit")
        page.locator("input[name=phone]").fill("06 12 34 56 78")
        page.get_by_role("button", name=words["continue"]).click()
        for parcel in page.locator("fieldset.parcel-choice").all():
            parcel.locator("input[type=radio]").first.check()
        page.get_by_label(words["cod"]).check()
        page.get_by_role("button", name=words["review"]).click()
        assert words["card"] in page.locator(".totals-final").inner_text()
        shot("4-review")
        page.locator("form.checkout-form button[type=submit]").click()

        order = Order.objects.get()
        assert order.total_charged_amount == Decimal("50.00")
        assert GiftCard.objects.get().current_balance_amount == 0
        section = page.locator(".order-promotions")
        assert section.locator("h2").inner_text() == words["discounts"]
        assert "Bienvenue" in section.inner_text()
        assert words["card"] in section.inner_text()
        shot("5-confirmation")
    finally:
        context.close()
