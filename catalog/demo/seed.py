"""Write the demo content into the database, idempotently (keyed on slugs, SKUs and emails).

Each function seeds one section and expects to run inside a transaction opened by the caller
(``python manage.py seed_demo`` opens one per section, and one per cooperative's products).
"""
from __future__ import annotations

import random
import zlib
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from functools import partial

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Count
from django.db.models.fields.files import FieldFile
from django.utils import timezone
from django.utils.text import slugify

from backend.accounts.models import Address, User
from backend.cooperatives.models import (
    Cooperative,
    CooperativeStaff,
    CooperativeTranslation,
    StaffRole,
)
from catalog.models import (
    Category,
    CategoryTranslation,
    Channel,
    Label,
    Product,
    ProductChannelListing,
    ProductLabel,
    ProductMedia,
    ProductTranslation,
    ProductType,
    ProductVariant,
    ProductVariantChannelListing,
    ProductVariantTranslation,
    Stock,
)
from catalog.services.products import product_refresh_listing_prices, product_refresh_search
from catalog.tasks import media_make_thumbnails
from fulfillment.models import City

from . import DEMO_EMAIL_DOMAIN
from .catalog import TEMPLATES
from .cooperatives import COOPERATIVES, PENDING, CooperativeSpec
from .images import ALTERNATIVES, render, render_logo
from .specs import ProductSpec
from .taxonomy import (
    CATEGORIES,
    CHANNEL,
    FAIR_TRADE,
    LABELS,
    ORGANIC,
    PLACES,
    PRODUCT_TYPES,
)
from .text import TRANSLATED_LANGUAGES, Tr, editorjs, shorten

CENTS = Decimal("0.01")


@dataclass
class Catalog:
    """What the product sections need from the structure section."""

    channel: Channel
    categories: dict[str, Category]
    labels: dict[str, Label]
    product_types: dict[str, ProductType]


@dataclass
class ProductsReport:
    products: int = 0
    variants: int = 0
    images_drawn: int = 0
    media_ids: list[int] = field(default_factory=list)


# ------------------------------------------------------------------------------------------
# Structure: channel, categories, product types, labels
# ------------------------------------------------------------------------------------------
def seed_channel() -> Channel:
    """The ``maroc`` channel, in MAD."""
    channel, _ = Channel.objects.update_or_create(
        slug=CHANNEL["slug"],
        defaults={k: v for k, v in CHANNEL.items() if k != "slug"} | {"is_active": True})
    return channel


def seed_categories() -> dict[str, Category]:
    """The category tree with its Arabic and English translations."""
    categories: dict[str, Category] = {}
    for spec in CATEGORIES:
        parent = categories[spec.parent] if spec.parent else None
        values = {
            "name": spec.name.fr,
            "description": editorjs(spec.description.fr),
            "description_plaintext": spec.description.fr,
            "seo_title": shorten(f"{spec.name.fr} | CoopStore", 70),
            "seo_description": shorten(spec.description.fr, 160),
        }
        category = Category.objects.filter(slug=spec.slug).first()
        if category is None:
            category = Category.objects.create(slug=spec.slug, parent=parent, **values)
        else:
            changed = category.parent_id != (parent.pk if parent else None) or any(
                getattr(category, k) != v for k, v in values.items())
            if changed:
                for key, value in values.items():
                    setattr(category, key, value)
                category.parent = parent
                category.save()
        for language in TRANSLATED_LANGUAGES:
            CategoryTranslation.objects.update_or_create(
                category=category, language_code=language,
                defaults={
                    "name": spec.name.get(language),
                    "description": editorjs(spec.description.get(language)),
                    "seo_title": shorten(f"{spec.name.get(language)} | CoopStore", 70),
                    "seo_description": shorten(spec.description.get(language), 160),
                })
        categories[spec.slug] = category
    Category.objects.rebuild()
    return {slug: Category.objects.get(pk=c.pk) for slug, c in categories.items()}


def seed_product_types() -> dict[str, ProductType]:
    types = {}
    for spec in PRODUCT_TYPES:
        types[spec.slug], _ = ProductType.objects.update_or_create(
            slug=spec.slug, defaults={"name": spec.name, "has_variants": True,
                                      "is_shipping_required": spec.is_shipping_required})
    return types


def seed_labels() -> dict[str, Label]:
    """Every geographical indication of the terroir data, organic and fair trade."""
    labels = {}
    for spec in LABELS:
        labels[spec.slug], _ = Label.objects.update_or_create(
            slug=spec.slug, defaults={"kind": spec.kind, "name": spec.name.fr,
                                      "name_ar": spec.name.ar, "name_en": spec.name.en})
    return labels


def seed_structure() -> Catalog:
    return Catalog(channel=seed_channel(), categories=seed_categories(),
                   labels=seed_labels(), product_types=seed_product_types())


# ------------------------------------------------------------------------------------------
# Cooperatives
# ------------------------------------------------------------------------------------------
def cooperative_slug(spec: CooperativeSpec) -> str:
    return slugify(spec.name.fr)


def odco_number(spec: CooperativeSpec, index: int, region_code: str) -> str:
    """Invented registration number: ODCO-<region>-<year founded>-<4 digits>."""
    return f"ODCO-{region_code[-2:]}-{spec.founded}-{(index + 1) * 173 % 9973:04d}"


def seed_cooperatives() -> list[tuple[CooperativeSpec, Cooperative]]:
    """The demo cooperatives with their translations and logos."""
    cities = {c.slug: c for c in City.objects.select_related("region")
              .filter(slug__in={spec.city for spec in COOPERATIVES})}
    result = []
    for index, spec in enumerate(COOPERATIVES):
        city, place = cities[spec.city], PLACES[spec.city]
        slug = cooperative_slug(spec)
        rng = random.Random(f"cooperative:{slug}")
        latitude = Decimal(place.lat + rng.uniform(-0.035, 0.035)).quantize(Decimal("1e-6"))
        longitude = Decimal(place.lon + rng.uniform(-0.035, 0.035)).quantize(Decimal("1e-6"))
        phone = f"+212 6{rng.randint(10, 99)} {rng.randint(100, 999)} {rng.randint(100, 999)}"
        cooperative, _ = Cooperative.objects.update_or_create(
            slug=slug,
            defaults={
                "name": spec.name.fr,
                "odco_number": odco_number(spec, index, city.region.code),
                "region": city.region,
                "city": city,
                "latitude": latitude,
                "longitude": longitude,
                "founded_year": spec.founded,
                "member_count": spec.members,
                "women_led": spec.women_led,
                "youth_led": spec.youth_led,
                "story": spec.story.fr,
                "status": spec.status,
                "phone": phone,
                "email": f"contact.{slug}@{DEMO_EMAIL_DOMAIN}",
            })
        for language in TRANSLATED_LANGUAGES:
            CooperativeTranslation.objects.update_or_create(
                cooperative=cooperative, language_code=language,
                defaults={"name": spec.name.get(language), "story": spec.story.get(language)})
        if not _file_exists(cooperative.logo):
            _save_file(cooperative.logo, f"{slug}.png", render_logo(slug))
        result.append((spec, cooperative))
    return result


def _file_exists(file_field: FieldFile) -> bool:
    return bool(file_field) and file_field.storage.exists(file_field.name)


def _save_file(file_field: FieldFile, filename: str, data: bytes) -> None:
    """Save under a stable name, replacing a leftover file of an earlier database."""
    name = file_field.field.generate_filename(file_field.instance, filename)
    if file_field.storage.exists(name):
        file_field.storage.delete(name)
    file_field.save(filename, ContentFile(data), save=True)


# ------------------------------------------------------------------------------------------
# Products
# ------------------------------------------------------------------------------------------
def _context(spec: CooperativeSpec, cooperative: Cooperative) -> dict[str, Tr]:
    city, region = cooperative.city, cooperative.region
    return {
        "de": Tr(PLACES[spec.city].de_fr, city.name_ar, city.name_en),
        "place": Tr(city.name, city.name_ar, city.name_en),
        "coop": spec.name,
        "region": Tr(region.name, region.name_ar, region.name_en),
    }


def price_for(base: int, sku: str) -> Decimal:
    """The base price varied by up to ±8 % per cooperative, rounded like a shop would."""
    value = Decimal(base) * Decimal(random.Random(f"price:{sku}").uniform(0.92, 1.08))
    step = Decimal(5) if base >= 100 else Decimal(1)
    return ((value / step).quantize(Decimal(1), rounding=ROUND_HALF_UP) * step).quantize(CENTS)


def stock_for(template: ProductSpec, sku: str) -> int:
    """Units in stock; about one variant in thirty is sold out."""
    if zlib.crc32(sku.encode()) % 30 == 7:
        return 0
    low, high = template.stock
    return random.Random(f"stock:{sku}").randint(low, high)


def image_count(template: ProductSpec, slug: str) -> int:
    """Two pictures for the families with a telling second view and for a sixth of the rest."""
    if template.picture in ALTERNATIVES or zlib.crc32(slug.encode()) % 6 == 0:
        return 2
    return 1


def certificates(template: ProductSpec, spec: CooperativeSpec, index: int
                 ) -> dict[str, tuple[str, date]]:
    """Label slug → (certificate reference, expiry date) for one product."""
    wanted: dict[str, tuple[str, date]] = {}
    place_label = PLACES[spec.city].label
    if template.gi and template.gi == place_label:
        code = next(label.code for label in LABELS if label.slug == template.gi)
        kind = next(label.kind for label in LABELS if label.slug == template.gi)
        year = 2021 + index % 4
        wanted[template.gi] = (f"{kind}-{code}-{year}-{index + 1:03d}",
                               date(2027 + index % 3, index * 5 % 12 + 1, 28))
    if ORGANIC in spec.certifications and template.organic:
        wanted[ORGANIC] = (f"BIO-MA-2026-{(index + 1) * 37:04d}",
                           date(2027, index * 7 % 12 + 1, 15))
    if FAIR_TRADE in spec.certifications:
        wanted[FAIR_TRADE] = (f"CE-MA-{(index + 1) * 59:04d}-2025",
                              date(2028, index * 3 % 12 + 1, 1))
    return wanted


def seed_cooperative_products(spec: CooperativeSpec, cooperative: Cooperative, index: int,
                              catalog: Catalog) -> ProductsReport:
    """The products of one cooperative: translations, variants, prices, stock, labels, photos.

    Thumbnails are requested with ``transaction.on_commit`` for photos that still lack them.
    """
    report = ProductsReport()
    context = _context(spec, cooperative)
    published = spec.status != PENDING
    for key in spec.products:
        template = TEMPLATES[key]
        product = _product_upsert(template, spec, cooperative, context, catalog)
        report.products += 1
        variants = _variants_upsert(template, spec, product, catalog.channel)
        report.variants += len(variants)
        if product.default_variant_id != variants[0].pk:
            product.default_variant = variants[0]
            product.save(update_fields=["default_variant", "updated_at"])
        _listing_upsert(product, catalog.channel, published)
        _labels_upsert(product, certificates(template, spec, index), catalog.labels)
        drawn, media_ids = _media_upsert(product, template)
        report.images_drawn += drawn
        report.media_ids += media_ids
        product_refresh_listing_prices(product=product)
        product_refresh_search(product=product)
    if report.media_ids:
        transaction.on_commit(partial(request_thumbnails, report.media_ids))
    return report


def request_thumbnails(media_ids: list[int]) -> None:
    """Ask for the thumbnails of these photos, after their rows are committed.

    The requests share one transaction: with eager Celery (the embedded mode) the thumbnails
    are then written with a single commit instead of one per file, which matters on SQLite.
    With a broker the tasks are simply queued.
    """
    with transaction.atomic():
        for media_id in media_ids:
            media_make_thumbnails.delay(media_id)


def _product_upsert(template: ProductSpec, spec: CooperativeSpec, cooperative: Cooperative,
                    context: dict[str, Tr], catalog: Catalog) -> Product:
    name = template.name.render(**context)
    text = template.text.render(**context)
    usage = template.usage.render(**context)

    def seo(language: str) -> dict[str, str]:
        title = f"{name.get(language)} | {spec.name.get(language)}"
        if len(title) > 70:
            title = shorten(name.get(language), 70)
        return {"seo_title": title, "seo_description": shorten(text.get(language), 160)}

    product, _ = Product.objects.update_or_create(
        slug=f"{template.key}-{spec.code.lower()}",
        defaults={
            "cooperative": cooperative,
            "product_type": catalog.product_types[template.product_type],
            "category": catalog.categories[template.category],
            "name": name.fr,
            "description": editorjs(text.fr, usage.fr),
            "description_plaintext": f"{text.fr}\n{usage.fr}",
            **seo("fr"),
        })
    for language in TRANSLATED_LANGUAGES:
        ProductTranslation.objects.update_or_create(
            product=product, language_code=language,
            defaults={"name": name.get(language),
                      "description": editorjs(text.get(language), usage.get(language)),
                      **seo(language)})
    return product


def _variants_upsert(template: ProductSpec, spec: CooperativeSpec, product: Product,
                     channel: Channel) -> list[ProductVariant]:
    variants = []
    for order, variant_spec in enumerate(template.variants):
        sku = f"{spec.code}-{template.sku}-{variant_spec.code}"
        variant, _ = ProductVariant.objects.update_or_create(
            sku=sku, defaults={"product": product, "name": variant_spec.name.fr,
                               "weight_grams": variant_spec.grams, "sort_order": order,
                               "track_inventory": True})
        for language in TRANSLATED_LANGUAGES:
            ProductVariantTranslation.objects.update_or_create(
                variant=variant, language_code=language,
                defaults={"name": variant_spec.name.get(language)})
        ProductVariantChannelListing.objects.update_or_create(
            variant=variant, channel=channel,
            defaults={"currency": channel.currency_code,
                      "price_amount": price_for(variant_spec.price, sku)})
        # Stock is set once: a later run keeps what demo orders have done to it.
        Stock.objects.get_or_create(variant=variant,
                                    defaults={"quantity": stock_for(template, sku)})
        variants.append(variant)
    return variants


def _listing_upsert(product: Product, channel: Channel, published: bool) -> None:
    """Published (unless the cooperative is pending) and visible; dates set once."""
    since = timezone.now() - timedelta(days=1)
    listing, created = ProductChannelListing.objects.get_or_create(
        product=product, channel=channel,
        defaults={"currency": channel.currency_code, "is_published": published,
                  "visible_in_listings": True,
                  "published_at": since if published else None,
                  "available_for_purchase_at": since if published else None})
    if created:
        return
    changed = listing.is_published != published or not listing.visible_in_listings
    listing.is_published, listing.visible_in_listings = published, True
    if published and listing.published_at is None:
        listing.published_at, changed = since, True
    if published and listing.available_for_purchase_at is None:
        listing.available_for_purchase_at, changed = since, True
    if changed:
        listing.save()


def _labels_upsert(product: Product, wanted: dict[str, tuple[str, date]],
                   labels: dict[str, Label]) -> None:
    ProductLabel.objects.filter(product=product).exclude(
        label__slug__in=list(wanted)).delete()
    for slug, (reference, expiry) in wanted.items():
        ProductLabel.objects.update_or_create(
            product=product, label=labels[slug],
            defaults={"certificate_reference": reference, "expiry_date": expiry})


def _media_upsert(product: Product, template: ProductSpec) -> tuple[int, list[int]]:
    """Draw the missing photos; returns how many were drawn and the photos lacking thumbnails."""
    drawn, needing_thumbnails = 0, []
    wanted = image_count(template, product.slug)
    existing = {m.sort_order: m for m in ProductMedia.objects.filter(product=product)
                .annotate(thumbs=Count("thumbnails"))}
    for order in range(wanted):
        alt = product.name if order == 0 else f"{product.name} — vue rapprochée"
        media = existing.get(order)
        if media is None:
            media = ProductMedia(product=product, sort_order=order, alt=alt)
        if not _file_exists(media.image):
            if media.pk:
                media.thumbnails.all().delete()  # they were made from the lost file
            media.alt = alt
            _save_file(media.image, f"{product.slug}-{order + 1}.jpg",
                       render(template.picture, product.slug, order))
            drawn += 1
            needing_thumbnails.append(media.pk)
            continue
        if media.alt != alt:
            media.alt = alt
            media.save(update_fields=["alt"])
        if getattr(media, "thumbs", 0) < len(settings.THUMBNAIL_SIZES):
            needing_thumbnails.append(media.pk)
    ProductMedia.objects.filter(product=product, sort_order__gte=wanted).delete()
    return drawn, needing_thumbnails


# ------------------------------------------------------------------------------------------
# Accounts
# ------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class DemoAccount:
    role: str
    email: str
    name: str


def manager_email(cooperative: Cooperative) -> str:
    return f"manager.{cooperative.slug}@{DEMO_EMAIL_DOMAIN}"


def _user_upsert(email: str, password_hash: str, first_name: str, last_name: str,
                 **flags: bool) -> User:
    user, _ = User.objects.update_or_create(
        email=email,
        defaults={"password": password_hash, "first_name": first_name,
                  "last_name": last_name, "is_active": True, "language_code": "fr",
                  "is_staff": flags.get("is_staff", False),
                  "is_superuser": flags.get("is_superuser", False)})
    return user


def seed_accounts(cooperatives: list[tuple[CooperativeSpec, Cooperative]], password: str
                  ) -> list[DemoAccount]:
    """The network admin, one manager per cooperative and a customer, all with ``password``.

    The password is hashed once and the hash shared, which keeps the seed fast.
    """
    password_hash = make_password(password)
    accounts = []
    admin = _user_upsert(f"admin@{DEMO_EMAIL_DOMAIN}", password_hash, "Admin", "Réseau",
                         is_staff=True, is_superuser=True)
    accounts.append(DemoAccount("network admin", admin.email, admin.get_full_name()))
    for spec, cooperative in cooperatives:
        first, last = spec.manager
        user = _user_upsert(manager_email(cooperative), password_hash, first, last)
        CooperativeStaff.objects.update_or_create(
            cooperative=cooperative, user=user, defaults={"role": StaffRole.MANAGER})
        accounts.append(DemoAccount(f"manager, {cooperative.name}", user.email,
                                    user.get_full_name()))
    client = _user_upsert(f"client@{DEMO_EMAIL_DOMAIN}", password_hash, "Salma", "Bennis")
    casablanca = City.objects.filter(slug="casablanca").first()
    Address.objects.update_or_create(
        user=client, street_address_1="27, rue Ibn Battouta",
        defaults={"first_name": "Salma", "last_name": "Bennis", "city": "CASABLANCA",
                  "city_area": "Maârif", "postal_code": "20330", "country": "MA",
                  "phone": "+212 661 234 567", "city_ref": casablanca})
    accounts.append(DemoAccount("customer", client.email, client.get_full_name()))
    return accounts
