"""A small delivery network and the steps of a purchase, for the cart, checkout and account tests.

Tifawin (Taliouine, Souss-Massa) ships to Agadir through a regional partner; Nakhla (Errachidia,
Drâa-Tafilalet) through a national courier. Nobody delivers to Dakhla.
"""
from __future__ import annotations

from dataclasses import dataclass

from catalog.models import ProductVariant, Stock
from fulfillment.models import Partner
from tests.factories.fulfillment import make_partner
from tests.storefront.shop_data import Shop

ADDRESS = {
    "email": "salma@example.ma", "first_name": "Salma", "last_name": "Idrissi",
    "city": "agadir", "street_address_1": "12 rue de Tiznit", "street_address_2": "",
    "postal_code": "80000", "phone": "0612345678",
}


@dataclass
class Network:
    regional: Partner
    national: Partner


def delivery_network() -> Network:
    """A regional partner in Souss-Massa and a national courier Drâa-Tafilalet → Souss-Massa."""
    regional = make_partner(name="Souss Express", slug="souss-express", regions=("MA-09",))
    national = make_partner(name="Atlas Courrier", slug="atlas-courrier",
                            regions=("MA-08", "MA-09"),
                            pricing={"base_fee": "30.00", "fee_per_km": "0.0800"})
    return Network(regional=regional, national=national)


def stock_everything(shop: Shop, quantity: int = 10) -> None:
    """Put ``quantity`` units of every variant of the shop on sale (dates are out of stock)."""
    Stock.objects.filter(variant__product__in=[shop.argan_oil, shop.saffron, shop.dates]).update(
        quantity=quantity, quantity_allocated=0)


def variant_of(product, index: int = 0) -> ProductVariant:
    return product.variants.order_by("sort_order")[index]


def add_to_cart(client, variant: ProductVariant, quantity: int = 1, prefix: str = ""):
    return client.post(f"{prefix}/products/{variant.product.slug}/add-to-cart/",
                       {"variant": variant.pk, "quantity": quantity})


def fill_address(client, prefix: str = "", **changes: str):
    return client.post(f"{prefix}/checkout/", {**ADDRESS, **changes})


def choose_first_deliveries(client, payment: str = "coopstore.cash-on-delivery",
                            prefix: str = ""):
    """Pick the recommended option of every parcel, as the page preselects them."""
    page = client.get(f"{prefix}/checkout/delivery/")
    form = page.context["form"]
    data = {name: form[name].value() for name in form.fields if name.startswith("delivery-")}
    data["payment"] = payment
    return client.post(f"{prefix}/checkout/delivery/", data)


def buy(client, shop: Shop, *, prefix: str = "", email: str = ADDRESS["email"]):
    """A guest's whole purchase: saffron from Tifawin and dates from Nakhla, cash on delivery."""
    add_to_cart(client, variant_of(shop.saffron), 2, prefix)
    add_to_cart(client, variant_of(shop.dates), 1, prefix)
    fill_address(client, prefix, email=email)
    choose_first_deliveries(client, prefix=prefix)
    return client.post(f"{prefix}/checkout/review/")
