"""Each storefront page renders in French, Arabic and English, with the right direction."""
from __future__ import annotations

import pytest

from backend.cooperatives.models import CooperativeStatus
from catalog.models import ProductChannelListing
from tests.storefront.helpers import card_slugs

LANGUAGES = [("", "fr", "ltr"), ("/ar", "ar", "rtl"), ("/en", "en", "ltr")]
PAGES = [
    "/", "/search/", "/search/?q=argan", "/categories/huiles/", "/regions/souss-massa/",
    "/cooperatives/tifawin/", "/products/huile-argan-alimentaire/",
]


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize(("prefix", "lang", "direction"), LANGUAGES)
def test_every_page_renders_in_each_language_with_its_direction(
        client, shop, path, prefix, lang, direction):
    response = client.get(prefix + path)

    assert response.status_code == 200
    assert response["Content-Language"] == lang
    html = response.content.decode()
    assert html.startswith("<!doctype html>")
    assert f'<html lang="{lang}" dir="{direction}">' in html


@pytest.mark.parametrize(("prefix", "title"), [
    ("", "Huile d&#x27;argan alimentaire"),
    ("/ar", "زيت أركان غذائي"),
    ("/en", "Culinary argan oil"),
])
def test_the_product_page_shows_the_translated_name(client, shop, prefix, title):
    html = client.get(f"{prefix}/products/huile-argan-alimentaire/").content.decode()

    assert f"<h1>{title}</h1>" in html


def test_arabic_pages_are_right_to_left_and_translated(client, shop):
    html = client.get("/ar/categories/huiles/").content.decode()

    assert '<html lang="ar" dir="rtl">' in html
    assert "<h1>زيوت</h1>" in html
    assert '<button type="submit">بحث</button>' in html
    assert '<a href="/ar/categories/huile-d-argan/">زيت الأركان</a>' in html
    assert "<title>زيوت · CoopStore</title>" in html


def test_french_is_the_default_language_without_a_prefix(client, shop):
    html = client.get("/categories/huiles/").content.decode()

    assert '<html lang="fr" dir="ltr">' in html
    assert "<h1>Huiles</h1>" in html
    assert '<button type="submit">Rechercher</button>' in html
    assert client.get("/fr/categories/huiles/").status_code == 404


def test_the_browser_language_does_not_change_an_unprefixed_page(client, shop):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ar")

    assert response.status_code == 200
    assert '<html lang="fr" dir="ltr">' in response.content.decode()


def test_the_language_switcher_links_to_the_same_page_in_each_language(client, shop):
    html = client.get("/ar/search/?q=argan").content.decode()

    assert '<a href="/search/?q=argan" lang="fr" hreflang="fr">Français</a>' in html
    assert ('<a href="/ar/search/?q=argan" lang="ar" hreflang="ar" aria-current="true">'
            'العربية</a>') in html
    assert '<a href="/en/search/?q=argan" lang="en" hreflang="en">English</a>' in html


def test_the_product_page_has_title_description_canonical_and_hreflang(client, shop):
    html = client.get("/ar/products/huile-argan-alimentaire/?variant=1").content.decode()

    assert "<title>زيت أركان غذائي — تعاونية تيفاوين · CoopStore</title>" in html
    assert '<meta name="description" content="زيت أركان غذائي من التعاونية.">' in html
    base = "http://testserver"
    assert (f'<link rel="canonical" href="{base}/ar/products/huile-argan-alimentaire/">\n'
            f'<link rel="alternate" hreflang="fr" '
            f'href="{base}/products/huile-argan-alimentaire/">\n'
            f'<link rel="alternate" hreflang="x-default" '
            f'href="{base}/products/huile-argan-alimentaire/">\n'
            f'<link rel="alternate" hreflang="ar" '
            f'href="{base}/ar/products/huile-argan-alimentaire/">\n'
            f'<link rel="alternate" hreflang="en" '
            f'href="{base}/en/products/huile-argan-alimentaire/">') in html
    assert 'name="robots"' not in html


def test_the_product_page_shows_gallery_variants_stock_cooperative_labels_and_origin(
        client, shop):
    html = client.get("/products/safran-de-taliouine/").content.decode()

    assert 'fetchpriority="high"' in html
    assert '<p class="stock stock-low">Plus que 3 en stock</p>' in html
    assert ('<span class="badge badge-label" title="Appellation d&#x27;origine protégée (AOP)">'
            'AOP</span> <strong>AOP Safran de Taliouine</strong>') in html
    assert "Certificat n° AOP-2031-07 · valable jusqu'au 1 juillet 2031" in html
    assert '<svg class="map map-origin" viewBox="0 0 290 314" role="img"' in html
    assert "Produit à Taliouine, dans la région Souss-Massa." in html
    assert '<a class="card-link" href="/cooperatives/tifawin/">Coopérative Tifawin</a>' in html
    assert '<p class="muted">42 membres</p>' in html
    assert '<span class="badge badge-women">Dirigée par des femmes</span>' in html
    assert card_slugs(html) == ["huile-argan-alimentaire"]  # more from the cooperative


def test_the_variant_picker_is_made_of_links_that_select_a_variant(client, shop):
    small, large = shop.argan_oil.variants.order_by("sort_order")

    html = client.get(f"/products/huile-argan-alimentaire/?variant={large.pk}").content.decode()

    assert (f'<a href="?variant={small.pk}"><span>250 ml</span> '
            f'<small>180,00\xa0MAD</small></a>') in html
    assert (f'<a href="?variant={large.pk}" aria-current="true"><span>500 ml</span> '
            f'<small>1\u202f180,50\xa0MAD</small></a>') in html
    assert '<p class="price price-lg">1\u202f180,50\xa0MAD</p>' in html


def test_an_unknown_or_junk_variant_falls_back_to_the_default_one(client, shop):
    for junk in ("abc", "99999999999999999999", "9" * 5000, "\x00", "-1", "١", ""):
        response = client.get("/products/huile-argan-alimentaire/", {"variant": junk})

        assert response.status_code == 200
        assert '<p class="price price-lg">180,00\xa0MAD</p>' in response.content.decode()


def test_an_out_of_stock_product_says_so(client, shop):
    html = client.get("/en/products/dattes-mejhoul/").content.decode()

    assert '<p class="stock stock-out">Out of stock</p>' in html


def test_the_cooperative_page_shows_story_members_badges_and_products(client, shop):
    html = client.get("/en/cooperatives/tifawin/").content.decode()

    assert "<h1>Tifawin Cooperative</h1>" in html
    assert "<p>Forty-two women of Taliouine pick saffron at dawn.</p>" in html
    assert "<dt>Members</dt><dd>42</dd>" in html
    assert '<span class="badge badge-women">Women-led</span>' in html
    assert card_slugs(html) == ["huile-argan-alimentaire", "safran-de-taliouine"]


def test_a_youth_led_cooperative_shows_its_badge(client, shop):
    html = client.get("/cooperatives/nakhla/").content.decode()

    assert '<span class="badge badge-youth">Dirigée par des jeunes</span>' in html
    assert "<dt>Membres</dt><dd>1</dd>" in html
    region = client.get("/regions/draa-tafilalet/").content.decode()
    assert '<p class="muted">1 membre</p>' in region


def test_the_region_page_lists_its_cooperatives_and_products(client, shop):
    html = client.get("/ar/regions/draa-tafilalet/").content.decode()

    assert "<h1>درعة تافيلالت</h1>" in html
    assert '<a class="card-link" href="/ar/cooperatives/nakhla/">' in html
    assert card_slugs(html) == ["dattes-mejhoul"]
    assert '<circle class="dot is-current"' in html


def test_the_home_page_shows_products_cooperatives_and_the_twelve_regions(client, shop):
    html = client.get("/en/").content.decode()

    assert card_slugs(html) == ["huile-argan-alimentaire", "safran-de-taliouine",
                                "dattes-mejhoul"]
    assert '<a class="card-link" href="/en/cooperatives/tifawin/">Tifawin Cooperative</a>' in html
    assert html.count('<li><a href="/en/regions/') == 12
    assert html.count('<circle class="dot"') == 12
    assert ('<li><a href="/en/regions/souss-massa/">Souss-Massa</a> '
            '<span class="muted">1 cooperative</span></li>') in html


def test_the_category_page_includes_products_of_its_subcategories(client, shop):
    html = client.get("/categories/huiles/").content.decode()

    assert card_slugs(html) == ["huile-argan-alimentaire"]
    assert '<a href="/categories/huile-d-argan/">Huile d&#x27;argan</a>' in html


def test_the_breadcrumb_goes_from_home_to_the_category(client, shop):
    html = client.get("/en/categories/huile-d-argan/").content.decode()

    assert ('<li><a href="/en/">Home</a></li>\n'
            '  <li><a href="/en/categories/huiles/">Oils</a></li>\n'
            '  <li><span aria-current="page">Argan oil</span></li>') in html


@pytest.mark.parametrize("path", [
    "/products/nope/", "/ar/products/nope/", "/categories/nope/", "/regions/nope/",
    "/cooperatives/nope/", "/en/cooperatives/nope/",
])
def test_unknown_slugs_answer_a_friendly_404(client, shop, path):
    response = client.get(path)

    assert response.status_code == 404
    assert '<meta name="robots" content="noindex">' in response.content.decode()


def test_an_unpublished_product_is_invisible(client, shop):
    assert client.get("/products/safran-brouillon/").status_code == 404
    assert "safran-brouillon" not in client.get("/").content.decode()
    assert "safran-brouillon" not in card_slugs(client.get("/search/").content.decode())
    assert "safran-brouillon" not in client.get("/sitemap.xml").content.decode()


def test_a_suspended_cooperative_and_its_products_are_invisible(client, shop):
    assert client.get("/cooperatives/suspendue/").status_code == 404
    assert client.get("/products/safran-suspendu/").status_code == 404
    search = client.get("/search/").content.decode()
    assert "safran-suspendu" not in card_slugs(search)
    assert 'value="suspendue"' not in search
    assert "suspendue" not in client.get("/sitemap.xml").content.decode()


def test_a_pending_cooperative_has_no_public_page(client, shop):
    shop.youth_coop.status = CooperativeStatus.PENDING
    shop.youth_coop.save(update_fields=["status"])

    assert client.get("/cooperatives/nakhla/").status_code == 404
    assert client.get("/products/dattes-mejhoul/").status_code == 404


def test_a_product_hidden_from_listings_keeps_its_page(client, shop):
    ProductChannelListing.objects.filter(product=shop.saffron).update(visible_in_listings=False)

    assert client.get("/products/safran-de-taliouine/").status_code == 200
    assert card_slugs(client.get("/search/").content.decode()) == [
        "dattes-mejhoul", "huile-argan-alimentaire"]


def test_pages_refuse_writes(client, shop):
    assert client.post("/search/", {"q": "argan"}).status_code == 405
    assert client.head("/").status_code == 200


def test_pages_work_before_any_channel_exists(client, db):
    response = client.get("/")

    assert response.status_code == 200
    assert "Les coopératives préparent leurs premiers produits." in response.content.decode()
    assert client.get("/search/").status_code == 200
    assert client.get("/products/anything/").status_code == 404


@pytest.mark.parametrize("path", [
    "/products/%00/", "/categories/%E2%80%AE/", "/ar/cooperatives/..%2F..%2F/",
    "/regions/souss-massa%00/", "/en/products/" + "x" * 3000 + "/",
])
def test_strange_paths_answer_404_not_500(client, shop, path):
    assert client.get(path).status_code == 404


@pytest.mark.parametrize("query", ["q=%ff%fe", "page=%ff", "q=%00&page=%00", "sort=%C0%AF",
                                   "category=%E2%80%AE", "price_min=%EF%BC%91"])
def test_undecodable_query_strings_still_render(client, shop, query):
    response = client.get(f"/ar/search/?{query}")

    assert response.status_code == 200
    assert '<html lang="ar" dir="rtl">' in response.content.decode()
