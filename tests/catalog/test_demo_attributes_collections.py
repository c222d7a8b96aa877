"""The demo's terroir attributes and collections: every template is described, values are
translated, and seeding twice changes nothing."""
from __future__ import annotations

import pytest

from catalog.demo.attributes import _measure, facts_for, seed_attributes, template_keys
from catalog.demo.catalog import TEMPLATES
from catalog.demo.collections import seed_collections
from catalog.demo.cooperatives import COOPERATIVES
from catalog.models import (
    AssignedProductAttributeValue,
    AssignedVariantAttributeValue,
    Attribute,
    AttributeValue,
    AttributeValueTranslation,
    Collection,
    CollectionProduct,
    CollectionTranslation,
    ProductType,
)
from tests.catalog.test_seed_demo import demo, seeded  # noqa: F401 (the seeded demo)
from tests.factories.catalog import ChannelFactory, CooperativeFactory, make_listed_product


def test_every_product_template_has_a_process_and_a_packaging():
    assert [key for key in TEMPLATES if facts_for(key) is None] == []


@pytest.mark.parametrize("name, expected", [
    ("250 ml", ("volume", "250 ml", "250 مل")), ("1 L", ("volume", "1 L", "1 ل")),
    ("500 g", ("weight", "500 g", "500 غ")), ("2 kg", ("weight", "2 kg", "2 كغ")),
    ("Taille M", None), ("", None),
])
def test_variant_names_give_a_volume_or_a_weight(name, expected):
    measure = _measure(name)
    assert (None if measure is None else (measure[0], measure[1].fr, measure[1].ar)) == expected


@pytest.mark.django_db
def test_seeding_describes_products_fills_collections_and_is_idempotent():
    channel = ChannelFactory(slug="maroc")
    for slug in ("alimentaire", "cosmetique", "artisanat"):
        ProductType.objects.get_or_create(slug=slug, defaults={"name": slug})
    spec = next(s for s in COOPERATIVES if s.women_led and "miel-thym" not in s.products
                and any(k.startswith("huile-argan") for k in s.products))
    key = next(k for k in spec.products if k.startswith("huile-argan"))
    cooperative = CooperativeFactory(women_led=True, city_slug="taliouine")
    product = make_listed_product(channel=channel, cooperative=cooperative, variants=2,
                                  slug=f"{key}-{spec.code.lower()}",
                                  product_type=ProductType.objects.get(slug="alimentaire"))
    product.variants.update(name="250 ml")
    assert template_keys()[product.slug] == key

    seed_attributes()
    seed_collections()
    tables = (Attribute, AttributeValue, AttributeValueTranslation,
              AssignedProductAttributeValue, AssignedVariantAttributeValue, Collection,
              CollectionProduct, CollectionTranslation)
    first = [model.objects.count() for model in tables]
    seed_attributes()
    seed_collections()

    assert [model.objects.count() for model in tables] == first
    slugs = set(AssignedProductAttributeValue.objects.filter(product=product)
                .values_list("value__attribute__slug", flat=True))
    assert slugs == {"process", "origin", "harvest-year", "packaging"}
    origin = AttributeValue.objects.get(attribute__slug="origin",
                                        product_assignments__product=product)
    assert origin.plain_text.startswith("Commune de Taliouine, région ")
    assert origin.translations.get(language_code="ar").plain_text.startswith("جماعة ")
    assert set(AssignedVariantAttributeValue.objects.filter(variant__product=product)
               .values_list("value__name", flat=True)) == {"250 ml"}
    assert set(Collection.objects.values_list("slug", flat=True)) == {
        "featured-products", "cooperatives-feminines", "nouvelle-recolte", "cadeaux-de-l-atlas"}
    assert Collection.objects.get(slug="cooperatives-feminines").products.get() == product
    assert set(CollectionTranslation.objects.filter(collection__slug="featured-products")
               .values_list("language_code", flat=True)) == {"ar", "en"}
    assert all(c.channel_listings.get(channel=channel).is_published
               for c in Collection.objects.all())


def _selection_gaps() -> list[str]:
    """Demo variants lacking a value of a variant-selection attribute of their type, and
    multi-variant products whose variants cannot be told apart by those attributes."""
    from catalog.models import AttributeVariant, Product

    selection: dict[int, set[int]] = {}
    for row in AttributeVariant.objects.filter(variant_selection=True):
        selection.setdefault(row.product_type_id, set()).add(row.attribute_id)
    gaps = []
    products = Product.objects.filter(slug__in=template_keys()).prefetch_related(
        "variants__attribute_values__value")
    for product in products:
        wanted = selection.get(product.product_type_id, set())
        variants = list(product.variants.all())
        if len(variants) > 1 and not wanted:
            gaps.append(f"{product.slug}: no variant-selection attribute")
        choices = set()
        for variant in variants:
            values = {a.value.attribute_id: a.value.slug for a in variant.attribute_values.all()}
            missing = wanted - set(values)
            if missing:
                gaps.append(f"{variant.sku}: no value for attributes {sorted(missing)}")
            choices.add(tuple(sorted((k, values.get(k)) for k in wanted)))
        if len(choices) < len(variants):
            gaps.append(f"{product.slug}: variants share a selection")
    return gaps


@pytest.mark.usefixtures("demo")
def test_every_demo_variant_fills_its_types_selection_attributes():
    """Saleor's storefront adds a variant to the cart once every variant-selection attribute
    of the type is chosen: each must be filled by every variant (e.g. no volume on saffron)."""
    from catalog.models import AttributeVariant, Product

    assert Product.objects.filter(slug__in=template_keys()).count() >= 150
    assert _selection_gaps() == []
    assert set(AttributeVariant.objects.filter(variant_selection=True).values_list(
        "attribute__slug", flat=True)) == {"format"}


@pytest.mark.usefixtures("demo")
def test_reseeding_an_older_demo_converges():
    """An older demo made volume and weight selection attributes: seeding again fixes it."""
    from catalog.models import AttributeVariant, ProductVariant

    AttributeVariant.objects.filter(attribute__slug__in=("volume", "weight")).update(
        variant_selection=True)
    AssignedVariantAttributeValue.objects.filter(value__attribute__slug="format").delete()
    saffron = ProductVariant.objects.filter(product__slug__startswith="safran").first()
    stale = AttributeValue.objects.create(attribute=Attribute.objects.get(slug="volume"),
                                          slug="stale-1-l", name="1 L")
    AssignedVariantAttributeValue.objects.create(variant=saffron, value=stale)
    assert _selection_gaps() != []

    seed_attributes()
    counts = (AssignedVariantAttributeValue.objects.count(), AttributeValue.objects.count())
    seed_attributes()

    assert _selection_gaps() == []
    assert not AssignedVariantAttributeValue.objects.filter(variant=saffron, value=stale).exists()
    assert (AssignedVariantAttributeValue.objects.count(), AttributeValue.objects.count()) == counts
