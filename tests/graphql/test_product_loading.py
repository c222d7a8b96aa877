"""Products load only what the query selects (catalog/graphql/loading.py), and that never
costs a query per product nor changes an answer.

Every field of ``Product`` and of ``ProductVariant`` (with a few sub-selections the loading
reads arguments or fragments of) is asked alone, in a listing of 3 then of 7 products: the
number of queries must not grow with the page (a row or relation the loading left out but a
resolver reads costs one query per product or variant), and the answer must be the one
given when everything is loaded (as before the loading read the selection). The selections
are built from the schema, so a field added later is checked too.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from graphql import (
    GraphQLInterfaceType,
    GraphQLObjectType,
    get_named_type,
    is_leaf_type,
    is_non_null_type,
)
from graphql.pyutils import Undefined

from backend.cooperatives.models import CooperativeTranslation
from catalog.graphql import resolvers
from catalog.graphql.loading import ProductNeeds
from catalog.models import (
    CategoryTranslation,
    Label,
    Product,
    ProductChannelListing,
    ProductLabel,
    ProductTranslation,
    ProductVariantTranslation,
)
from tests.factories.attributes import assign, assign_variant, make_attribute, make_collection
from tests.factories.catalog import (
    CategoryFactory,
    CooperativeFactory,
    ProductTypeFactory,
    UserFactory,
    make_listed_product,
)
from tests.graphql.conftest import add_photo, gid

pytestmark = pytest.mark.django_db

DEPTH = 4  # pricing { priceRange { start { gross { amount } } } }
ARGUMENTS = {"languageCode": "AR", "key": '"origin"', "slug": '"origine"'}


def _arguments(field) -> str | None:
    """Values for the required arguments we know, ``None`` when one is unknown."""
    given = []
    for name, argument in field.args.items():
        if is_non_null_type(argument.type) and argument.default_value is Undefined:
            if name not in ARGUMENTS:
                return None
            given.append(f"{name}: {ARGUMENTS[name]}")
    return f"({', '.join(given)})" if given else ""


# Types whose fields the product loading serves; the others (category, cooperative,
# collections, attributes...) are asked for their own columns only: their relations are
# loaded by their own code (and tested with it).
PRODUCT_TYPES = frozenset({
    "Product", "ProductVariant", "ProductPricingInfo", "VariantPricingInfo", "TaxedMoneyRange",
    "TaxedMoney", "MoneyRange", "Money", "Image", "ProductMedia", "MetadataItem", "Weight",
    "ProductTranslation", "ProductVariantTranslation", "LanguageDisplay", "ProductLabel"})


# Read per collection by the collection's own resolver (staff only), whatever the loading.
OTHER_LOADING = frozenset({("Collection", "channelListings")})


def _selection(graphql_type, depth: int) -> str:
    """Every field of the type down to ``depth`` (then ``__typename`` only; other types than
    ``PRODUCT_TYPES`` one level deep); nested connections (they load their own page),
    ``OTHER_LOADING`` and fields with unknown required arguments are left out."""
    named = get_named_type(graphql_type)
    if is_leaf_type(named):
        return ""
    if depth == 0 or not isinstance(named, GraphQLObjectType | GraphQLInterfaceType):
        return "{ __typename }"
    if named.name not in PRODUCT_TYPES:
        depth = 1
    parts = ["__typename"]
    for name, field in named.fields.items():
        arguments = _arguments(field)
        if (arguments is None or get_named_type(field.type).name.endswith("Connection")
                or (named.name, name) in OTHER_LOADING):
            continue
        parts.append(f"{name}{arguments} {_selection(field.type, depth - 1)}".strip())
    return "{ " + " ".join(parts) + " }"


@dataclass(frozen=True)
class Case:
    key: str
    alone: str  # the node's selection when asked alone (may spread ``fragments``)
    together: str  # the same, aliased ``key``, among every field
    fragments: str = ""


def _cases() -> list[Case]:
    from backend.graphql.api import schema

    graphql_schema = schema.graphql_schema
    product_type = graphql_schema.get_type("Product")
    variant_type = graphql_schema.get_type("ProductVariant")
    cases: list[Case] = []

    def add(key: str, text: str) -> None:
        cases.append(Case(key, f"{key}: {text}", f"{key}: {text}"))

    for name, field in product_type.fields.items():
        arguments = _arguments(field)
        if name == "mediaById":
            arguments = '(id: "MEDIA_ID")'
        if name == "productVariants":
            add(name, "productVariants(first: 5) { totalCount edges { node "
                      f"{_selection(variant_type, DEPTH - 1)} }} }}")
            continue
        assert arguments is not None, f"Product.{name}: give its required arguments"
        add(name, f"{name}{arguments} {_selection(field.type, DEPTH)}".strip())
    for name, field in variant_type.fields.items():
        arguments = _arguments(field)
        assert arguments is not None, f"ProductVariant.{name}: give its required arguments"
        add(f"variant_{name}", f"variants {{ {name}{arguments} "
                               f"{_selection(field.type, DEPTH - 1)} }}")
    for key, text in {
        "thumbnail_default": "thumbnail { url alt }",
        "thumbnail_96": "thumbnail(size: 96) { url }",
        "thumbnail_300_webp": "thumbnail(size: 300, format: WEBP) { url }",
        "thumbnail_original": "thumbnail(size: 0) { url }",
        "thumbnail_variable": "thumbnail(size: $size) { url }",
        "media_96": "media { url(size: 96) alt }",
        "media_variable": "media { url(size: $size, format: WEBP) }",
        "media_largest": "media { url }",
        "media_by_id_96": 'mediaById(id: "MEDIA_ID") { url(size: 96) }',
        "default_variant_stock": "defaultVariant { sku quantityAvailable pricing { price { "
                                 "gross { amount } } } }",
        "variant_product_card": "variants { product { name thumbnail { url } pricing { "
                                "priceRange { start { gross { amount } } } } isAvailable } }",
        "variant_translation_en": "variants { translation(languageCode: EN) { name } }",
        "category_translation": "category { name translation(languageCode: AR) { name } }",
        "cooperative_places": "cooperative { name region { name } city { name } }",
        "cooperative_translation": "cooperative { translation(languageCode: AR) { name } }",
    }.items():
        add(key, text)
    cases.append(Case("fragment_card", "...Card", "fragment_card: thumbnail(size: 512) { url }",
                      "fragment Card on Product { fragment_card: thumbnail(size: 512) { url } }"))
    cases.append(Case("inline_variants", "... on Product { inline_variants: variants { "
                      "... on ProductVariant { quantityAvailable } } }",
                      "inline_variants: variants { quantityAvailable }"))
    return cases


def _document(selection: str, fragments: str = "") -> str:
    size = ", $size: Int" if "$size" in selection else ""
    return (f'query Listing($first: Int!{size}) {{ products(first: $first, channel: "maroc") {{ '
            f"edges {{ node {{ id {selection} }} }} }} }} {fragments}")


def _catalog(channel, count: int, attributes: tuple) -> None:
    """Products with every relation the API shows: two priced variants with stock and
    translations, two photos with thumbnails, labels, metadata, attribute values, a
    translated subcategory and cooperative, a collection."""
    origin, volume = attributes
    label, _ = Label.objects.get_or_create(kind="AOP", slug="aop-safran",
                                           defaults={"name": "AOP Safran"})
    parent, _ = CategoryFactory._meta.model.objects.get_or_create(
        slug="epices", defaults={"name": "Épices"})
    products = []
    for _index in range(count):
        cooperative = CooperativeFactory()
        CooperativeTranslation.objects.create(cooperative=cooperative, language_code="ar",
                                              name="تعاونية")
        category = CategoryFactory(parent=parent)
        CategoryTranslation.objects.create(category=category, language_code="ar", name="توابل")
        product = make_listed_product(channel=channel, cooperative=cooperative,
                                      category=category, variants=2)
        product.metadata, product.private_metadata = {"origin": "Taliouine"}, {"cost": "12"}
        product.save(update_fields=["metadata", "private_metadata"])
        ProductChannelListing.objects.filter(product=product).update(
            available_for_purchase_at=timezone.now() - timedelta(days=1))
        ProductTranslation.objects.create(product=product, language_code="ar", name="زعفران")
        ProductLabel.objects.create(product=product, label=label,
                                    certificate_reference=f"AOP-{product.pk}")
        first = add_photo(product, sizes=(96, 256, 512, 1024))
        first.metadata = {"origin": "photo"}
        first.save(update_fields=["metadata"])
        add_photo(product, sizes=(256,), sort_order=1, alt="Second")
        assign(product, origin, "taliouine")
        for variant in product.variants.all():
            variant.metadata, variant.private_metadata = {"origin": "lot"}, {"cost": "3"}
            variant.save(update_fields=["metadata", "private_metadata"])
            ProductVariantTranslation.objects.create(variant=variant, language_code="ar",
                                                     name="غرام")
            assign_variant(variant, volume, "1-g")
        products.append(product)
    make_collection(f"selection-{products[0].pk}", channel=channel, products=products)


@pytest.fixture
def attributes(db):
    product_type = ProductTypeFactory()
    origin = make_attribute("origine", values=["Taliouine"], product_type=product_type,
                            visible_in_storefront=True)
    volume = make_attribute("volume", values=["1 g"], variant_type=product_type,
                            variant_selection=True)
    return origin, volume


def _ask(graphql, first: int, case: Case, media_id: str) -> tuple[int, list]:
    document = _document(case.alone.replace("MEDIA_ID", media_id), case.fragments)
    with CaptureQueriesContext(connection) as queries:
        body = graphql(document, first=first, size=512)
    assert "errors" not in body, (case.key, body["errors"])
    return len(queries), [edge["node"][case.key] for edge in body["data"]["products"]["edges"]]


def test_each_product_field_alone_costs_the_same_for_3_and_7_products_and_answers_the_same(
        channel, graphql, api_login, attributes, settings, monkeypatch):
    settings.GRAPHQL_QUERY_MAX_COMPLEXITY = 0  # every field at once is a big query
    api_login(UserFactory(email="admin@coopstore.ma", is_staff=True))  # private metadata too
    cases = _cases()
    _catalog(channel, 3, attributes)
    media_id = gid("ProductMedia", Product.objects.first().media.order_by("sort_order")
                   .first().pk)
    small = {case.key: _ask(graphql, 3, case, media_id) for case in cases}
    _catalog(channel, 4, attributes)
    large = {case.key: _ask(graphql, 7, case, media_id) for case in cases}

    together = " ".join(case.together for case in cases).replace("MEDIA_ID", media_id)
    with CaptureQueriesContext(connection) as all_small:
        graphql(_document(together), first=3, size=512)
    with CaptureQueriesContext(connection) as all_large:
        graphql(_document(together), first=7, size=512)
    with monkeypatch.context() as patched:  # the reference: everything loaded, as before
        patched.setattr(resolvers, "product_needs", lambda *_a: ProductNeeds(everything=True))
        everything = graphql(_document(together), first=7, size=512)
    assert "errors" not in everything, everything["errors"]
    nodes = [edge["node"] for edge in everything["data"]["products"]["edges"]]

    assert len(nodes) == 7
    growing = {key: (small[key][0], large[key][0]) for key in small
               if small[key][0] != large[key][0]}
    assert not growing, f"queries per product (3 vs 7 products): {growing}"
    assert len(all_small) == len(all_large)
    different = [key for key, (_count, answers) in large.items()
                 if answers != [node[key] for node in nodes]]
    assert not different, f"answers differ when asked alone: {different}"
    # The answers compared are the fixtures' (a check passing on empty answers checks
    # nothing): each size of thumbnail, both photos, translations, metadata, stock, labels.
    first = next(node for node in nodes if node["mediaById"])  # the product of MEDIA_ID
    media = first["mediaById"]["id"]
    assert first["thumbnail_default"] == {"url": f"http://testserver/media/thumbnails/"
                                                 f"{_pk(media)}-256.webp", "alt": "Photo"}
    assert first["thumbnail_96"]["url"].endswith("-96.webp")
    assert first["thumbnail_300_webp"]["url"].endswith("-512.webp")
    assert first["thumbnail_variable"] == first["fragment_card"]
    assert first["fragment_card"]["url"].endswith("-512.webp")
    assert first["thumbnail_original"]["url"].endswith("/products/photo.png")
    assert [m["url"].rsplit("/", 2)[-2] for m in first["media_largest"]] == [
        "thumbnails", "products"]  # the second photo has no 1024 thumbnail
    assert first["media_largest"][0]["url"].endswith("-1024.webp")
    assert first["media_96"][1]["alt"] == "Second"
    assert first["media_by_id_96"]["url"].endswith("-96.webp")
    assert first["translation"]["name"] == "زعفران"
    assert [v["translation"]["name"] for v in first["variant_translation"]] == ["غرام"] * 2
    assert first["metadata"] == [{"__typename": "MetadataItem", "key": "origin",
                                  "value": "Taliouine"}]
    assert first["privateMetadata"][0]["value"] == "12"
    assert first["description"] is not None
    assert first["variant_metadata"][0]["metadata"][0]["value"] == "lot"
    assert first["inline_variants"] == [{"quantityAvailable": 10}] * 2
    assert first["default_variant_stock"]["quantityAvailable"] == 10
    assert first["labels"][0]["certificateReference"].startswith("AOP-")
    assert first["isAvailableForPurchase"] is True and first["isAvailable"] is True
    assert first["category_translation"]["translation"] == {"name": "توابل"}
    assert first["cooperative_translation"]["translation"] == {"name": "تعاونية"}
    assert first["cooperative_places"]["city"] == {"name": "Taliouine"}
    assert first["collections"][0]["name"].startswith("Selection")
    assert first["pricing"]["priceRange"]["start"]["gross"]["amount"] == 60.0
    assert first["variant_pricing"][1]["pricing"]["price"]["gross"]["amount"] == 61.0
    assert first["assignedAttributes"][0]["__typename"] == "AssignedSingleChoiceAttribute"


def _pk(global_id: str) -> str:
    import base64

    return base64.b64decode(global_id).decode().split(":")[1]


def test_a_product_and_a_variant_by_slug_or_sku_answer_as_in_the_listing(
        channel, graphql, api_login, attributes):
    api_login(UserFactory(email="admin@coopstore.ma", is_staff=True))
    _catalog(channel, 2, attributes)
    product = Product.objects.order_by("slug").first()
    variant = product.variants.order_by("sort_order").first()
    for case in _cases():
        if case.fragments or "MEDIA_ID" in case.alone:
            continue
        listed = graphql(_document(case.alone), first=1, size=512)
        alone = graphql(f"""query($slug: String{', $size: Int' if '$size' in case.alone else ''})
          {{ product(slug: $slug, channel: "maroc") {{ id {case.alone} }} }}""",
                        slug=product.slug, size=512)
        assert "errors" not in alone, (case.key, alone["errors"])
        assert alone["data"]["product"][case.key] == listed["data"]["products"]["edges"][0][
            "node"][case.key], case.key
        if not case.key.startswith("variant_"):
            continue
        inner = case.alone.split("variants {", 1)[1].rsplit("}", 1)[0]
        found = graphql(f"""query($sku: String) {{ productVariant(sku: $sku, channel: "maroc")
          {{ {inner} }} }}""", sku=variant.sku)
        assert "errors" not in found, (case.key, found["errors"])
        assert found["data"]["productVariant"] == alone["data"]["product"][case.key][0], case.key
