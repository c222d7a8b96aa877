"""Demo collections, published in the demo channel, in fr/ar/en.

``featured-products`` is the collection Saleor's own storefront shows on its home page; the
others are CoopStore's: women-led cooperatives, the new harvest, gifts from the Atlas.
Idempotent: keyed on slugs; a second run sets the same products in the same order.
"""
from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from backend.cooperatives.models import CooperativeStatus
from catalog.models import (
    Channel,
    Collection,
    CollectionChannelListing,
    CollectionProduct,
    CollectionTranslation,
    Product,
)

from .attributes import template_keys
from .taxonomy import CHANNEL
from .text import Tr

# Regions of the High and Anti-Atlas: Béni Mellal-Khénifra, Drâa-Tafilalet, Souss-Massa.
ATLAS_REGIONS = ("MA-05", "MA-08", "MA-09")
NEW_HARVEST = ("safran", "dattes", "miel", "huile-olive", "huile-argan-alimentaire",
               "clementines", "figues-sechees", "amandes", "boutons-rose")
ATLAS_GIFTS = ("safran", "eau-de-rose", "huile-essentielle-rose", "huile-argan-cosmetique",
               "miel", "amlou", "tapis", "kilim", "coussin", "savon")
FEATURED = ("safran-pistils", "huile-argan-alimentaire", "miel-euphorbe", "dattes-mejhoul",
            "eau-de-rose", "amlou-traditionnel", "couscous-roule-main", "tajine-vert",
            "tapis-zemmour", "huile-olive-vierge-extra", "fromage-chevre-affine",
            "rhassoul-poudre")


@dataclass(frozen=True)
class CollectionSpec:
    slug: str
    name: Tr
    text: Tr
    limit: int = 24


def _editorjs(text: str) -> dict:
    return {"time": 0, "version": "2.28.0",
            "blocks": [{"id": "intro", "type": "paragraph", "data": {"text": text}}]}


COLLECTIONS = (
    CollectionSpec(
        "featured-products",
        Tr("À la une", "مختارات", "Featured products"),
        Tr("Une sélection de produits phares de nos coopératives, un par terroir.",
           "مختارات من أبرز منتجات تعاونياتنا، منتج واحد من كل منطقة.",
           "A selection of our cooperatives' signature products, one per terroir."), 12),
    CollectionSpec(
        "cooperatives-feminines",
        Tr("Coopératives de femmes", "تعاونيات نسائية", "Women-led cooperatives"),
        Tr("Des produits de coopératives dirigées par des femmes : chaque achat rémunère "
           "directement leur travail.",
           "منتجات تعاونيات تديرها نساء: كل عملية شراء تكافئ عملهن مباشرة.",
           "Products from cooperatives run by women: every purchase pays their work "
           "directly.")),
    CollectionSpec(
        "nouvelle-recolte",
        Tr("Nouvelle récolte", "المحصول الجديد", "New harvest"),
        Tr("Safran, dattes, miels et huiles de la saison : tout juste récoltés.",
           "زعفران وتمور وعسل وزيوت الموسم: جُنيت للتو.",
           "Saffron, dates, honey and oils of the season: just harvested.")),
    CollectionSpec(
        "cadeaux-de-l-atlas",
        Tr("Cadeaux de l'Atlas", "هدايا الأطلس", "Gifts from the Atlas"),
        Tr("Safran, eau de rose, tapis tissés et miels des montagnes : des cadeaux qui "
           "racontent l'Atlas.",
           "زعفران وماء الورد وزرابي منسوجة وعسل الجبال: هدايا تحكي قصة الأطلس.",
           "Saffron, rose water, woven carpets and mountain honey: gifts that tell of the "
           "Atlas.")),
)


def _matching(keys: dict[str, str], prefixes: tuple[str, ...]) -> set[str]:
    return {slug for slug, key in keys.items() if key.startswith(prefixes)}


def _products_for(slug: str, keys: dict[str, str]) -> QuerySet[Product]:
    products = Product.objects.filter(slug__in=keys,
                                      cooperative__status=CooperativeStatus.APPROVED)
    if slug == "featured-products":
        return products.filter(slug__in=[s for s, key in keys.items() if key in FEATURED])
    if slug == "cooperatives-feminines":
        return products.filter(cooperative__women_led=True)
    if slug == "nouvelle-recolte":
        return products.filter(slug__in=_matching(keys, NEW_HARVEST))
    return products.filter(slug__in=_matching(keys, ATLAS_GIFTS),
                           cooperative__region__code__in=ATLAS_REGIONS)


def _one_per_template(products: list[Product], keys: dict[str, str], limit: int
                      ) -> list[Product]:
    """A varied shelf: first one product per template, then the rest, up to ``limit``."""
    seen: set[str] = set()
    first, rest = [], []
    for product in products:
        (rest if keys[product.slug] in seen else first).append(product)
        seen.add(keys[product.slug])
    return (first + rest)[:limit]


@transaction.atomic
def seed_collections() -> str:
    channel = Channel.objects.filter(slug=CHANNEL["slug"]).first()
    if channel is None:
        return "skipped (no demo channel)"
    keys = template_keys()
    counts = []
    for position, spec in enumerate(COLLECTIONS):
        collection, _ = Collection.objects.update_or_create(
            slug=spec.slug, defaults={
                "name": spec.name.fr, "description": _editorjs(spec.text.fr),
                "seo_title": spec.name.fr[:70], "seo_description": spec.text.fr[:300],
                "sort_order": position})
        for language in ("ar", "en"):
            CollectionTranslation.objects.update_or_create(
                collection=collection, language_code=language,
                defaults={"name": spec.name.get(language),
                          "description": _editorjs(spec.text.get(language)),
                          "seo_title": spec.name.get(language)[:70],
                          "seo_description": spec.text.get(language)[:300]})
        CollectionChannelListing.objects.get_or_create(
            collection=collection, channel=channel,
            defaults={"is_published": True, "published_at": timezone.now()})
        found = list(_products_for(spec.slug, keys).order_by("slug"))
        if spec.slug == "featured-products":
            found.sort(key=lambda p: FEATURED.index(keys[p.slug]))
        products = _one_per_template(found, keys, spec.limit)
        CollectionProduct.objects.filter(collection=collection).exclude(
            product__in=products).delete()
        for index, product in enumerate(products):
            CollectionProduct.objects.update_or_create(
                collection=collection, product=product, defaults={"sort_order": index})
        counts.append(f"{spec.slug} ({len(products)})")
    return ", ".join(counts)
