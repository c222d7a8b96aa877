"""``translation(languageCode)`` in fr / ar / en, and Saleor's full language enum."""
from __future__ import annotations

import json

import pytest

from backend.graphql.api import schema
from catalog.models import ProductTranslation, ProductVariantTranslation
from tests.graphql.conftest import gid

pytestmark = pytest.mark.django_db

TRANSLATIONS = """query($slug: String!) { product(slug: $slug) { name
  fr: translation(languageCode: FR) { name }
  ar: translation(languageCode: AR) { id name description seoTitle seoDescription slug
                                      language { code language } }
  arMa: translation(languageCode: AR_MA) { name }
  en: translation(languageCode: EN_US) { name description language { code } }
  de: translation(languageCode: DE) { name }
  variants { name ar: translation(languageCode: AR) { name language { code } }
             fr: translation(languageCode: FR) { name } } } }"""


@pytest.fixture
def translated(product):
    arabic = ProductTranslation.objects.create(
        product=product, language_code="ar", name="زعفران تالوين", seo_title="زعفران",
        description={"blocks": [{"type": "paragraph", "data": {"text": "خيوط حمراء."}}]})
    ProductTranslation.objects.create(product=product, language_code="en",
                                      name="Taliouine saffron")
    ProductVariantTranslation.objects.create(variant=product.variants.get(), language_code="ar",
                                             name="1 غرام")
    return arabic


def test_arabic_and_english_translations_are_read_with_their_language(product, translated,
                                                                       graphql_data):
    data = graphql_data(TRANSLATIONS, slug=product.slug)["product"]

    assert json.loads(data["ar"].pop("description")) == {
        "blocks": [{"type": "paragraph", "data": {"text": "خيوط حمراء."}}]}
    assert data["ar"] == {"id": gid("ProductTranslation", translated.pk), "name": "زعفران تالوين",
                          "seoTitle": "زعفران", "seoDescription": None, "slug": None,
                          "language": {"code": "AR", "language": "Arabic"}}
    assert data["arMa"] == {"name": "زعفران تالوين"}
    assert data["en"] == {"name": "Taliouine saffron", "description": None,
                          "language": {"code": "EN"}}
    assert data["variants"] == [{"name": "1 g", "ar": {"name": "1 غرام",
                                                      "language": {"code": "AR"}},
                                 "fr": None}]


def test_french_is_the_products_own_text_so_its_translation_is_null_as_in_saleor(
        product, translated, graphql_data):
    data = graphql_data(TRANSLATIONS, slug=product.slug)["product"]

    assert data["name"] == product.name
    assert data["fr"] is None


def test_a_language_without_content_gives_no_translation(product, translated, graphql_data):
    assert graphql_data(TRANSLATIONS, slug=product.slug)["product"]["de"] is None


def test_language_code_enum_has_saleors_values_so_saleor_clients_validate():
    values = schema.graphql_schema.get_type("LanguageCodeEnum").values

    assert len(values) == 779
    assert {"FR", "FR_MA", "AR", "AR_MA", "EN", "EN_US", "PL", "ZH_HANT_TW"} <= set(values)


def test_an_unknown_language_code_is_a_validation_error(product, graphql):
    body = graphql('query($slug: String!) { product(slug: $slug) { '
                   'translation(languageCode: XX) { name } } }', slug=product.slug)

    assert body["errors"][0]["message"].startswith(
        "Value 'XX' does not exist in 'LanguageCodeEnum' enum.")
