"""factory_boy factories for the catalog, cooperatives and accounts."""
from __future__ import annotations

from decimal import Decimal

import factory
from django.utils import timezone

from backend.accounts.models import User
from backend.cooperatives.models import Cooperative, CooperativeStaff, CooperativeStatus
from catalog.models import (
    Category,
    Channel,
    Label,
    LabelKind,
    Product,
    ProductChannelListing,
    ProductType,
    ProductVariant,
    ProductVariantChannelListing,
    Stock,
)
from fulfillment.models import City


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("email",)

    email = factory.Sequence(lambda n: f"user{n}@example.ma")
    password = factory.django.Password("coop-pass-2026")


class ChannelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Channel
        django_get_or_create = ("slug",)

    name = "Maroc"
    slug = "maroc"
    currency_code = "MAD"
    default_country = "MA"


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category

    name = factory.Sequence(lambda n: f"Catégorie {n}")
    slug = factory.Sequence(lambda n: f"categorie-{n}")


class ProductTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProductType
        django_get_or_create = ("slug",)

    name = "Produit du terroir"
    slug = "terroir"


def city(slug: str = "taliouine") -> City:
    """A shipped city; reloads the geography that transactional tests flush away."""
    if not City.objects.exists():
        from fulfillment.geodata import load_geography
        from fulfillment.models import Region

        load_geography(Region, City)
    return City.objects.select_related("region").get(slug=slug)


class CooperativeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cooperative
        exclude = ("city_slug",)

    city_slug = "taliouine"
    name = factory.Sequence(lambda n: f"Coopérative {n}")
    slug = factory.Sequence(lambda n: f"cooperative-{n}")
    odco_number = factory.Sequence(lambda n: f"ODCO-{n:06d}")
    city = factory.LazyAttribute(lambda o: city(o.city_slug))
    region = factory.LazyAttribute(lambda o: o.city.region)
    latitude = factory.LazyAttribute(lambda o: o.city.latitude)
    longitude = factory.LazyAttribute(lambda o: o.city.longitude)
    founded_year = 2010
    member_count = 25
    status = CooperativeStatus.APPROVED
    story = "Une coopérative de femmes."


class CooperativeStaffFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CooperativeStaff

    cooperative = factory.SubFactory(CooperativeFactory)
    user = factory.SubFactory(UserFactory)
    role = "manager"


class LabelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Label
        django_get_or_create = ("slug",)

    kind = LabelKind.AOP
    slug = "aop-safran-de-taliouine"
    name = "AOP Safran de Taliouine"


class ProductFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Product

    cooperative = factory.SubFactory(CooperativeFactory)
    product_type = factory.SubFactory(ProductTypeFactory)
    category = factory.SubFactory(CategoryFactory)
    name = factory.Sequence(lambda n: f"Safran {n}")
    slug = factory.Sequence(lambda n: f"safran-{n}")
    description = factory.LazyAttribute(
        lambda o: {"blocks": [{"type": "paragraph", "data": {"text": f"{o.name} du terroir."}}]})
    description_plaintext = factory.LazyAttribute(lambda o: f"{o.name} du terroir.")


class ProductVariantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProductVariant

    product = factory.SubFactory(ProductFactory)
    sku = factory.Sequence(lambda n: f"SKU-{n:05d}")
    name = "1 g"
    weight_grams = 50


def make_listed_product(*, channel: Channel, price: Decimal | str = "60.00", quantity: int = 10,
                        variants: int = 1, **product_fields) -> Product:
    """A published product with priced, stocked variants in ``channel``."""
    from catalog.services.products import product_refresh_listing_prices, product_refresh_search

    product = ProductFactory(**product_fields)
    ProductChannelListing.objects.create(
        product=product, channel=channel, is_published=True, published_at=timezone.now(),
        visible_in_listings=True, currency=channel.currency_code)
    for index in range(variants):
        variant = ProductVariantFactory(product=product, name=f"{index + 1} g",
                                        sort_order=index)
        ProductVariantChannelListing.objects.create(
            variant=variant, channel=channel, currency=channel.currency_code,
            price_amount=Decimal(price) + index)
        Stock.objects.create(variant=variant, quantity=quantity)
        if index == 0:
            product.default_variant = variant
            product.save(update_fields=["default_variant"])
    product_refresh_listing_prices(product=product)
    product_refresh_search(product=product)
    return product
