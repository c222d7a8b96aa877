"""Product cards as plain values, each computed once in Python from the prefetched rows.

Drawn by template filters, a card cost some forty template nodes and a dozen filter calls
(name, photo ``srcset``, price, promotion, availability, badges, link), and a listing shows 24
of them: most of a listing page's render time. Here each card is read in one pass; the card
template only prints strings. The HTML is the same.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from types import SimpleNamespace
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from backend.core.money import format_money
from backend.discounts.pricing import product_prices_after_promotions
from backend.discounts.selectors import catalogue_rules_for_request
from catalog.models import Label, LabelKind, ProductMedia, ProductMediaType, ThumbnailFormat
from catalog.models.base import active_language
from catalog.selectors import variant_price, variant_quantity_available
from catalog.thumbnails import thumbnail_url

CARD_SIZES = "(min-width: 60em) 17rem, (min-width: 40em) 30vw, 46vw"
_SLUG_MARK = "card-slug-mark"
# Slugs that reverse() prints as they are: the link is built by replacing a mark.
_PLAIN_SLUG = re.compile(r"[-a-zA-Z0-9_]+")


def translated(obj: Any, field: str, language: str) -> str:
    """``obj.field`` in ``language``, read from prefetched translation rows (fr on the model)."""
    if obj is None:
        return ""
    if hasattr(obj, "translated"):
        return obj.translated(field, language)
    if field == "name" and hasattr(obj, "localized_name"):
        return obj.localized_name(language)
    if field == "story" and hasattr(obj, "translated_story"):
        return obj.translated_story(language)
    if language != "fr" and hasattr(obj, "translations"):
        for translation in obj.translations.all():
            if translation.language_code == language and getattr(translation, field, ""):
                return getattr(translation, field)
    return getattr(obj, field, "")


@lru_cache(maxsize=4096)
def money_text(amount: Decimal, currency: str, language: str) -> str:
    """``format_money``, remembered: a page prints the same few prices many times, and babel
    takes tens of microseconds each."""
    return format_money(amount, currency, language)


def label_badge_text(label: Label) -> str:
    """A short badge text: the IGP/AOP acronyms, otherwise the translated kind."""
    if label.kind in (LabelKind.IGP, LabelKind.AOP):
        return label.kind
    return str(label.get_kind_display())


def picture_html(media: ProductMedia, alt: str = "", sizes: str = "100vw", lazy: bool = True,
                 css_class: str = "", decorative: bool = False) -> SafeString:
    """An ``<img>`` whose ``srcset`` lists the stored WebP thumbnails; lazy unless told.

    ``alt`` defaults to the photo's own; ``decorative`` images (a thumbnail beside its text
    link) get an empty one so screen readers skip them.
    """
    alt = "" if decorative else (alt or media.alt)
    original = media.image.url if media.image else ""
    candidates: list[tuple[str, int]] = []
    if media.image:
        # thumbnail_url's choice (the last WebP row of each size), reading the rows once.
        webp = {t.size: t for t in media.thumbnails.all() if t.format == ThumbnailFormat.WEBP}
        urls = [(webp[size].image.url if size in webp else original, size)
                for size in sorted(settings.THUMBNAIL_SIZES)]
    else:
        urls = [(thumbnail_url(media, size, "webp"), size)
                for size in sorted(settings.THUMBNAIL_SIZES)]
    for url, size in urls:
        if url and url != original and url not in {u for u, _w in candidates}:
            candidates.append((url, size))
    src = next((u for u, w in candidates if w >= 256), candidates[-1][0] if candidates
               else original)
    srcset = ", ".join(f"{url} {width}w" for url, width in candidates)
    loading = SafeString('loading="lazy" decoding="async"') if lazy else \
        SafeString('fetchpriority="high"')
    if srcset:
        return format_html('<img class="{}" src="{}" srcset="{}" sizes="{}" alt="{}" {}>',
                           css_class, src, srcset, sizes, alt, loading)
    return format_html('<img class="{}" src="{}" alt="{}" {}>', css_class, src, alt, loading)


@dataclass(frozen=True)
class ProductCard:
    """What a product card prints, ready: names translated, prices formatted."""
    product: Any
    url: str
    name: str
    photo: SafeString  # the <img>, empty without a photo
    cooperative: str
    region: str
    price: str  # after promotions when on sale ("" when unpriced)
    undiscounted: str  # the struck-through price, only when on sale
    several: bool  # on sale with different prices: "from"
    available: bool
    badges: tuple[str, ...]

    @property
    def on_sale(self) -> bool:
        return bool(self.undiscounted)


class _Rules:
    """The channel's catalogue promotion rules, read once per request and only if a card
    has a price (``catalogue_rules_for_request``)."""

    def __init__(self, request: Any) -> None:
        self.request = request if request is not None else SimpleNamespace()

    def for_variant(self, variant: Any) -> list:
        listings = list(variant.channel_listings.all())
        if not listings:
            return []
        return catalogue_rules_for_request(self.request, SimpleNamespace(pk=listings[0].channel_id))


def _price(variants: list, rules: _Rules, currency: str, language: str) -> tuple[str, str, bool]:
    """(price, undiscounted, several): the promotion's prices when on sale, else the plain
    price, "from" the cheapest when the variants differ."""
    priced = [(v, p) for v, p in ((v, variant_price(v)) for v in variants) if p is not None]
    if not priced:
        return "", "", False
    found = product_prices_after_promotions(priced, rules.for_variant(priced[0][0]), currency)
    if found is not None and found.start < found.undiscounted_start:
        several = (found.stop != found.start
                   or found.undiscounted_stop != found.undiscounted_start)
        return (money_text(found.start, currency, language),
                money_text(found.undiscounted_start, currency, language), several)
    prices = [p for _v, p in priced]
    start, stop = min(prices), max(prices)
    text = money_text(start, currency, language)
    if start != stop:
        text = _("from %(price)s") % {"price": text}
    return text, "", False


def product_card(product: Any, *, rules: _Rules, currency: str, language: str,
                 url_pattern: str) -> ProductCard:
    name = translated(product, "name", language)
    photo = next((m for m in product.media.all()
                  if m.type == ProductMediaType.IMAGE and m.image), None)
    variants = list(product.variants.all())
    price, undiscounted, several = _price(variants, rules, currency, language)
    cooperative = product.cooperative
    return ProductCard(
        product=product,
        url=url_pattern.replace(_SLUG_MARK, product.slug) if _PLAIN_SLUG.fullmatch(product.slug)
        else reverse("storefront:product", args=[product.slug]),
        name=name,
        photo=picture_html(photo, alt=name, sizes=CARD_SIZES, css_class="card-img")
        if photo else SafeString(""),
        cooperative=translated(cooperative, "name", language),
        region=translated(cooperative.region, "name", language),
        price=price, undiscounted=undiscounted, several=several,
        available=any(variant_price(v) is not None and variant_quantity_available(v) > 0
                      for v in variants),
        badges=tuple(label_badge_text(pl.label) for pl in product.product_labels.all()),
    )


def product_cards(products: Iterable[Any], *, request: Any, currency: str,
                  language: str | None = None) -> list[ProductCard]:
    """The cards of prefetched products (``products_for_cards``): no query but the channel's
    promotion rules, once per request."""
    language = active_language(language)
    rules = _Rules(request)
    url_pattern = reverse("storefront:product", args=[_SLUG_MARK])
    return [product_card(product, rules=rules, currency=currency or "MAD", language=language,
                         url_pattern=url_pattern) for product in products]
