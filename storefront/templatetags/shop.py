"""Template helpers of the storefront: translated fields, money, pictures, maps, SEO links."""
from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from django import template
from django.conf import settings
from django.http import QueryDict
from django.urls import reverse, translate_url
from django.utils.formats import localize, number_format
from django.utils.html import format_html, format_html_join, strip_tags
from django.utils.safestring import SafeString
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from backend.payments.gateways import DUMMY, GATEWAYS
from catalog.models import Label, ProductMedia, ProductMediaType
from catalog.models.base import active_language
from catalog.selectors import (
    FacetChoice,
    product_is_available,
    product_price_range,
    variant_price,
    variant_quantity_available,
)
from catalog.services.products import editorjs_plaintext
from fulfillment.messages import no_delivery_message, short_circuit_label
from fulfillment.routing import NoDeliveryReason, ShortCircuitLevel
from storefront.cards import (
    ProductCard,
    label_badge_text,
    money_text,
    picture_html,
    translated,
)
from storefront.cards import product_cards as build_product_cards
from storefront.maps import MapDot, morocco_svg

register = template.Library()


@register.filter
def tr(obj: Any, field: str = "name") -> str:
    """``obj.field`` in the active language, read from prefetched translation rows."""
    return translated(obj, field, active_language())


@register.filter
def money(amount: Decimal | None, currency: str = "MAD") -> str:
    """An amount as a reader of the active language writes it (babel, via format_money)."""
    if amount is None or amount == "":
        return ""
    return money_text(Decimal(amount), currency or "MAD", get_language() or "fr")


@register.filter
def percent(share: Any) -> str:
    """A part between 0 and 1 as a percentage with one decimal, as the active language writes
    numbers (``0.9091`` → ``90,9 %`` in French)."""
    value = (Decimal(str(share or 0)) * 100).quantize(Decimal("0.1"))
    return f"{number_format(value, decimal_pos=1, use_l10n=True)}\u00a0%"


@register.simple_tag
def price_range(product: Any, currency: str) -> str:
    """"60,00 MAD" for one price, "from 60,00 MAD" when the variants differ."""
    prices = product_price_range(product, currency)
    if prices is None:
        return ""
    if prices.start == prices.stop:
        return money(prices.start, currency)
    return _("from %(price)s") % {"price": money(prices.start, currency)}


@register.filter
def is_available(product: Any) -> bool:
    return product_is_available(product)


@register.filter
def images(product: Any) -> list[ProductMedia]:
    """The product's photos in order (external videos are not shown), from the prefetch."""
    return [m for m in product.media.all() if m.type == ProductMediaType.IMAGE and m.image]


@register.simple_tag
def picture(media: ProductMedia, alt: str = "", sizes: str = "100vw", lazy: bool = True,
            css_class: str = "", decorative: bool = False) -> SafeString:
    """An ``<img>`` whose ``srcset`` lists the stored WebP thumbnails (``picture_html``)."""
    return picture_html(media, alt=alt, sizes=sizes, lazy=lazy, css_class=css_class,
                        decorative=decorative)


@register.simple_tag(takes_context=True)
def product_cards(context: template.Context, products: Any) -> list[ProductCard]:
    """The cards of prefetched products, for ``_product_card.html`` (storefront/cards.py)."""
    return build_product_cards(products, request=context.get("request"),
                               currency=context.get("currency") or "MAD")


@register.filter
def editorjs(document: Any) -> SafeString:
    """EditorJS blocks as plain, escaped HTML: paragraphs, headers, lists and quotes only."""
    blocks = document.get("blocks", []) if isinstance(document, dict) else []
    parts: list[SafeString] = []
    for block in blocks:
        if not isinstance(block, dict) or not isinstance(block.get("data"), dict):
            continue
        kind, data = block.get("type"), block["data"]
        text = strip_tags(str(data.get("text", "")))
        if kind == "paragraph" and text:
            parts.append(format_html("<p>{}</p>", text))
        elif kind == "header" and text:
            parts.append(format_html("<h3>{}</h3>", text))
        elif kind == "quote" and text:
            parts.append(format_html("<blockquote><p>{}</p></blockquote>", text))
        elif kind == "list" and isinstance(data.get("items"), list):
            tag = "ol" if data.get("style") == "ordered" else "ul"
            items = [strip_tags(i if isinstance(i, str) else str(i.get("content", "")))
                     for i in data["items"] if isinstance(i, str | dict)]
            parts.append(format_html("<{}>{}</{}>", SafeString(tag),
                                     format_html_join("", "<li>{}</li>", ((i,) for i in items)),
                                     SafeString(tag)))
    return SafeString("".join(parts))


def _option_text(choice: Any, language: str) -> str:
    if isinstance(choice, FacetChoice):
        return choice.name if choice.count is None else f"{choice.name} ({localize(choice.count)})"
    name = translated(choice, "name", language)
    return f"– {name}" if getattr(choice, "level", 0) else name  # a subcategory


@register.simple_tag
def facet_options(choices: Any, chosen: str = "") -> SafeString:
    """The ``<option>`` of each filter choice (a ``FacetChoice``, "name (count)" when counted,
    or a category, region, label or attribute value, by its translated name; subcategories
    indented), ``chosen`` selected: one call instead of a loop of template nodes per option."""
    language = active_language()
    return format_html_join("", '<option value="{}"{}>{}</option>', (
        (choice.slug, SafeString(" selected") if choice.slug == chosen else "",
         _option_text(choice, language)) for choice in choices))


@register.simple_tag(takes_context=True)
def query_with(context: template.Context, **changes: Any) -> str:
    """The current query string with ``changes`` applied (``None`` removes a key), for links."""
    request = context.get("request")
    query = request.GET.copy() if request is not None else QueryDict(mutable=True)
    for key, value in changes.items():
        query.pop(key, None)
        if value is None or value == "" or (key == "page" and str(value) == "1"):
            continue  # page 1 is the bare URL
        query[key] = str(value)
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.simple_tag(takes_context=True)
def language_links(context: template.Context) -> list[dict[str, Any]]:
    """The current page in every language, query string kept, for the language switcher."""
    request = context.get("request")
    current = active_language()
    path = request.get_full_path() if request is not None else "/"
    return [{"code": code, "name": name, "url": translate_url(path, code),
             "current": code == current} for code, name in settings.LANGUAGES]


@register.simple_tag(takes_context=True)
def seo_links(context: template.Context, page: int | None = None) -> SafeString:
    """Canonical link and hreflang alternates (x-default is French), page number kept."""
    request = context.get("request")
    if request is None:
        return SafeString("")
    suffix = f"?page={int(page)}" if page and int(page) > 1 else ""
    links = [("canonical", "", request.build_absolute_uri(request.path) + suffix)]
    for code, _name in settings.LANGUAGES:
        url = request.build_absolute_uri(translate_url(request.path, code)) + suffix
        links.append(("alternate", code, url))
        if code == settings.LANGUAGE_CODE:
            links.append(("alternate", "x-default", url))
    return format_html_join(
        "\n", '<link rel="{}"{} href="{}">',
        ((rel, format_html(' hreflang="{}"', lang) if lang else "", url)
         for rel, lang, url in links))


@register.simple_tag
def origin_map(latitude: Any, longitude: Any, title: str) -> SafeString:
    """A small map of Morocco with a pin where the product comes from."""
    return morocco_svg(title=title, marker=(float(latitude), float(longitude)),
                       css_class="map map-origin")


@register.simple_tag
def regions_map(regions: Any, title: str, current: Any = None) -> SafeString:
    """A map with one linked dot per region capital; ``current`` is drawn larger."""
    dots = [MapDot(latitude=float(r.latitude), longitude=float(r.longitude),
                   label=r.localized_name(), url=reverse("storefront:region", args=[r.slug]),
                   current=current is not None and r.pk == current.pk) for r in regions]
    return morocco_svg(title=title, dots=dots, css_class="map map-regions")


@register.filter
def variant_amount(variant: Any) -> Decimal | None:
    """The variant's price in the page's channel (from the prefetched listing)."""
    return variant_price(variant) if variant is not None else None


@register.filter
def label_badge(label: Label) -> str:
    """A short badge text: the IGP/AOP acronyms, otherwise the translated kind."""
    return label_badge_text(label)


@register.filter
def summary(obj: Any, length: int = 160) -> str:
    """A meta description: the translated SEO text, else the start of the description or story."""
    seo = tr(obj, "seo_description") if hasattr(obj, "seo_description") else ""
    if seo:
        return seo
    if hasattr(obj, "description"):
        text = editorjs_plaintext(tr(obj, "description"))
    else:
        text = tr(obj, "story")
    return Truncator(" ".join(strip_tags(text).split())).chars(length)


@register.simple_tag(takes_context=True)
def product_jsonld(context: template.Context, product: Any, variant: Any) -> SafeString:
    """schema.org Product data for search engines: name, brand, price and availability."""
    request = context.get("request")
    currency = context.get("currency", "MAD")
    photos = images(product)
    data: dict[str, Any] = {
        "@context": "https://schema.org", "@type": "Product",
        "name": tr(product, "name"), "description": summary(product, 300),
        "brand": {"@type": "Organization", "name": tr(product.cooperative, "name")},
        "countryOfOrigin": "MA",
    }
    if photos and request is not None:
        data["image"] = [request.build_absolute_uri(p.image.url) for p in photos[:3]]
    if variant is not None and variant_price(variant) is not None:
        data["sku"] = variant.sku or str(variant.pk)
        in_stock = variant_quantity_available(variant) > 0
        data["offers"] = {
            "@type": "Offer", "priceCurrency": currency,
            "price": str(variant_price(variant)),
            "availability": "https://schema.org/" + ("InStock" if in_stock else "OutOfStock"),
        }
        if request is not None:
            data["offers"]["url"] = request.build_absolute_uri(request.path)
    payload = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")
    return format_html('<script type="application/ld+json">{}</script>', SafeString(payload))


_GENERIC_WORDS = {"cooperative", "coopérative", "coop", "تعاونية", "association", "la", "le", "les"}


@register.filter
def initial(name: str) -> str:
    """The letter drawn in place of a missing logo: the first one of a meaningful word."""
    words = [w for w in str(name).split() if w.casefold() not in _GENERIC_WORDS]
    return (words or [str(name) or "?"])[0][:1].upper()


@register.filter
def quantity_field(form: Any, line: Any) -> Any:
    """The cart form's quantity field of ``line`` (its name is built from the line's id)."""
    from storefront.checkout_forms import quantity_field_name

    try:
        return form[quantity_field_name(line.pk)]
    except KeyError:
        return None


@register.filter
def form_field(form: Any, name: str) -> Any:
    """``form[name]`` for field names built at run time (a parcel's delivery choice)."""
    try:
        return form[name]
    except KeyError:
        return None


@register.filter
def short_circuit(level: Any) -> str:
    """The consumer's words for a short-circuit level ("Regional short circuit")."""
    try:
        return short_circuit_label(ShortCircuitLevel(str(level)))
    except ValueError:
        return ""


@register.filter
def no_delivery(reason: Any) -> str:
    """Why no partner can deliver, in the reader's language."""
    try:
        return no_delivery_message(NoDeliveryReason(str(reason)))
    except ValueError:
        return ""


@register.filter
def partner_names(legs: Any) -> str:
    """Who carries a parcel, in order ("A → B"), from routing legs or stored leg snapshots."""
    names = [leg.get("partner_name", "") if isinstance(leg, dict) else leg.partner.name
             for leg in (legs or ())]
    return " → ".join(name for name in names if name)


@register.filter
def line_name(line: Any, field: str = "product") -> str:
    """An order line's product (or variant) name as bought, in the reader's language if kept."""
    french = line.product_name if field == "product" else line.variant_name
    translated = (line.translated_product_name if field == "product"
                  else line.translated_variant_name)
    if active_language() != "fr" and active_language() == (line.order.language_code or "fr")[:2]:
        return translated or french
    return french


@register.filter
def gateway_name(gateway_id: str) -> str:
    """A payment method's name in the reader's language (the demo gateway says it is one)."""
    if gateway_id == DUMMY:
        return _("Demo card (no money is charged)")
    gateway = GATEWAYS.get(gateway_id)
    return str(gateway.name) if gateway else gateway_id
