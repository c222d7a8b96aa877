"""Prices per locale, translated fields, pictures, EditorJS and the map, as templates use them."""
from __future__ import annotations

from decimal import Decimal

import pytest
from django.utils import translation

from catalog.models import ProductMedia
from storefront.maps import HEIGHT, WIDTH, project
from storefront.templatetags.shop import editorjs, initial, money, picture, query_with, tr


@pytest.mark.parametrize(("language", "expected"), [
    ("fr", "1\u202f180,50\xa0MAD"),
    ("ar", "\u200f1.180,50\xa0د.م.\u200f"),
    ("en", "MAD1,180.50"),
])
def test_money_is_formatted_for_the_active_language(language, expected):
    with translation.override(language):
        assert money(Decimal("1180.5"), "MAD") == expected


def test_money_of_nothing_is_empty():
    assert money(None, "MAD") == ""


@pytest.mark.parametrize(("prefix", "card_price", "from_price"), [
    ("", "60,00\xa0MAD", "dès 180,00\xa0MAD"),
    ("/ar", "\u200f60,00\xa0د.م.\u200f", "ابتداءً من \u200f180,00\xa0د.م.\u200f"),
    ("/en", "MAD60.00", "from MAD180.00"),
])
def test_listing_cards_show_prices_per_locale(client, shop, prefix, card_price, from_price):
    html = client.get(f"{prefix}/search/").content.decode()

    assert f'<p class="price">{card_price}</p>' in html
    assert f'<p class="price">{from_price}</p>' in html


def test_tr_reads_the_translation_of_the_active_language(shop):
    cooperative = shop.women_coop

    with translation.override("ar"):
        assert tr(cooperative, "name") == "تعاونية تيفاوين"
        assert tr(shop.oils, "name") == "زيوت"
        assert tr(cooperative.region, "name") == "سوس ماسة"
    with translation.override("fr"):
        assert tr(cooperative, "name") == "Coopérative Tifawin"
    with translation.override("en"):
        assert tr(shop.youth_coop, "name") == "Coopérative Nakhla"  # no English row
        assert tr(cooperative, "story") == "Forty-two women of Taliouine pick saffron at dawn."
    assert tr(None) == ""


def test_picture_lists_the_thumbnails_in_srcset_and_loads_lazily(shop):
    media = ProductMedia.objects.prefetch_related("thumbnails").filter(
        product=shop.saffron).get()
    html = picture(media, alt="Safran", sizes="50vw")
    pk = media.pk

    assert html == (
        f'<img class="" src="/media/thumbnails/{pk}-256.webp" '
        f'srcset="/media/thumbnails/{pk}-96.webp 96w, /media/thumbnails/{pk}-256.webp 256w, '
        f'/media/thumbnails/{pk}-512.webp 512w, /media/thumbnails/{pk}-1024.webp 1024w" '
        f'sizes="50vw" alt="Safran" loading="lazy" decoding="async">')


def test_picture_without_thumbnails_uses_the_original(shop):
    media = ProductMedia.objects.filter(product=shop.saffron).get()
    media.thumbnails.all().delete()
    media = ProductMedia.objects.prefetch_related("thumbnails").get(pk=media.pk)

    assert picture(media, lazy=False, decorative=True) == (
        '<img class="" src="/media/products/safran-de-taliouine-0.jpg" alt="" '
        'fetchpriority="high">')


def test_editorjs_renders_known_blocks_and_escapes_everything():
    document = {"blocks": [
        {"type": "paragraph", "data": {"text": "Pressée <b>à froid</b> & <script>x</script>"}},
        {"type": "header", "data": {"text": "Usage", "level": 2}},
        {"type": "list", "data": {"style": "ordered", "items": ["Salade", {"content": "Pain"}]}},
        {"type": "image", "data": {"url": "javascript:alert(1)"}},
        "junk",
    ]}

    assert editorjs(document) == (
        "<p>Pressée à froid &amp; x</p><h3>Usage</h3><ol><li>Salade</li><li>Pain</li></ol>")
    assert editorjs(None) == ""
    assert editorjs({"blocks": "nope"}) == ""


def test_initial_skips_the_word_cooperative():
    assert initial("Coopérative Tifawin") == "T"
    assert initial("تعاونية تيفاوين") == "ت"
    assert initial("") == "?"


def test_query_with_replaces_one_key_and_drops_page_one(rf):
    request = rf.get("/search/", {"q": "miel", "page": "3"})

    assert query_with({"request": request}, page=4) == "?q=miel&page=4"
    assert query_with({"request": request}, page=1) == "?q=miel"


def test_the_map_puts_tangier_north_of_dakhla_and_inside_the_frame():
    tangier, dakhla, figuig = project(-5.83, 35.76), project(-15.96, 23.68), project(-1.23, 32.1)

    assert tangier[1] < dakhla[1]
    assert dakhla[0] < tangier[0] < figuig[0]
    for x, y in (tangier, dakhla, figuig):
        assert 0 < x < WIDTH and 0 < y < HEIGHT


def test_label_badges_keep_igp_and_aop_and_translate_the_others(db):
    from catalog.models import Label, LabelKind
    from storefront.templatetags.shop import label_badge

    organic = Label(kind=LabelKind.ORGANIC, slug="bio", name="Bio")
    with translation.override("ar"):
        assert label_badge(organic) == "بيولوجي"
        assert label_badge(Label(kind=LabelKind.IGP, slug="igp", name="IGP")) == "IGP"
    with translation.override("fr"):
        assert label_badge(organic) == "Biologique"
