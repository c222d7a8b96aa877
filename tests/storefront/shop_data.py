"""A small, real-looking storefront catalog shared by the page tests and the browser test."""
from __future__ import annotations

import io
from dataclasses import dataclass
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image, ImageDraw

from backend.cooperatives.models import Cooperative, CooperativeStatus, CooperativeTranslation
from catalog.models import (
    Category,
    CategoryTranslation,
    Channel,
    Label,
    LabelKind,
    Product,
    ProductChannelListing,
    ProductLabel,
    ProductMedia,
    ProductTranslation,
    ProductVariantTranslation,
    Thumbnail,
)
from catalog.services.products import product_refresh_search
from catalog.thumbnails import media_create_thumbnails
from tests.factories.catalog import (
    CategoryFactory,
    ChannelFactory,
    CooperativeFactory,
    make_listed_product,
)


@dataclass
class Shop:
    channel: Channel
    oils: Category
    argan_oils: Category
    spices: Category
    women_coop: Cooperative
    youth_coop: Cooperative
    suspended_coop: Cooperative
    argan_oil: Product
    saffron: Product
    dates: Product
    unpublished: Product
    of_suspended: Product
    aop: Label


def _translate_category(category: Category, ar: str, en: str) -> None:
    CategoryTranslation.objects.create(category=category, language_code="ar", name=ar)
    CategoryTranslation.objects.create(category=category, language_code="en", name=en)


def _translate_product(product: Product, ar: str, en: str, en_text: str = "") -> None:
    ProductTranslation.objects.create(
        product=product, language_code="ar", name=ar,
        description={"blocks": [{"type": "paragraph", "data": {"text": f"{ar} من التعاونية."}}]})
    ProductTranslation.objects.create(
        product=product, language_code="en", name=en,
        description={"blocks": [{"type": "paragraph", "data": {"text": en_text or en}}]})


def jpeg_bytes(color: tuple[int, int, int], size: int = 640) -> bytes:
    """A drawn product photo: a jar of the given colour on a sand background."""
    image = Image.new("RGB", (size, size), (239, 231, 218))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((size * .3, size * .25, size * .7, size * .85), radius=size // 12,
                           fill=color)
    draw.rectangle((size * .36, size * .16, size * .64, size * .27), fill=(120, 84, 48))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=80)
    return buffer.getvalue()


def add_photo(product: Product, color: tuple[int, int, int], *, real: bool = True,
              sort_order: int = 0) -> ProductMedia:
    """A product photo; ``real`` writes the file and its WebP thumbnails, else rows only."""
    media = ProductMedia(product=product, alt=product.name, sort_order=sort_order)
    if real:
        media.image.save(f"{product.slug}-{sort_order}.jpg", ContentFile(jpeg_bytes(color)),
                         save=True)
        media_create_thumbnails(media=media)
    else:
        media.image.name = f"products/{product.slug}-{sort_order}.jpg"
        media.save()
        for size in (96, 256, 512, 1024):
            Thumbnail.objects.create(media=media, size=size, format="webp",
                                     image=f"thumbnails/{media.pk}-{size}.webp")
    return media


def build_shop(*, real_photos: bool = False) -> Shop:
    """Two approved cooperatives, one suspended, four categories, five products.

    Photos are rows only unless ``real_photos`` (the browser test), which draws the files.
    """
    channel = ChannelFactory()
    oils = CategoryFactory(name="Huiles", slug="huiles")
    argan_oils = CategoryFactory(name="Huile d'argan", slug="huile-d-argan", parent=oils)
    spices = CategoryFactory(name="Épices", slug="epices")
    _translate_category(oils, "زيوت", "Oils")
    _translate_category(argan_oils, "زيت الأركان", "Argan oil")
    _translate_category(spices, "توابل", "Spices")

    women_coop = CooperativeFactory(
        name="Coopérative Tifawin", slug="tifawin", city_slug="taliouine", member_count=42,
        women_led=True, founded_year=2004,
        story="Quarante-deux femmes de Taliouine récoltent le safran à l'aube.")
    CooperativeTranslation.objects.create(
        cooperative=women_coop, language_code="ar", name="تعاونية تيفاوين",
        story="اثنتان وأربعون امرأة من تالوين يقطفن الزعفران عند الفجر.")
    CooperativeTranslation.objects.create(
        cooperative=women_coop, language_code="en", name="Tifawin Cooperative",
        story="Forty-two women of Taliouine pick saffron at dawn.")
    youth_coop = CooperativeFactory(
        name="Coopérative Nakhla", slug="nakhla", city_slug="errachidia", member_count=1,
        youth_led=True, story="Des jeunes diplômés valorisent les dattes du Tafilalet.")
    suspended_coop = CooperativeFactory(name="Coopérative Suspendue", slug="suspendue",
                                        status=CooperativeStatus.SUSPENDED)

    argan_oil = make_listed_product(
        channel=channel, cooperative=women_coop, category=argan_oils, price="180.00",
        variants=2, name="Huile d'argan alimentaire", slug="huile-argan-alimentaire")
    second = argan_oil.variants.order_by("sort_order")[1]
    second.name = "500 ml"
    second.save(update_fields=["name"])
    second.channel_listings.update(price_amount=Decimal("1180.50"))
    first = argan_oil.variants.order_by("sort_order")[0]
    first.name = "250 ml"
    first.save(update_fields=["name"])
    ProductVariantTranslation.objects.create(variant=first, language_code="ar", name="250 مل")
    ProductVariantTranslation.objects.create(variant=second, language_code="ar", name="500 مل")
    _translate_product(argan_oil, "زيت أركان غذائي", "Culinary argan oil",
                       "Cold-pressed from roasted kernels.")
    saffron = make_listed_product(
        channel=channel, cooperative=women_coop, category=spices, price="60.00",
        name="Safran de Taliouine", slug="safran-de-taliouine", quantity=3)
    _translate_product(saffron, "زعفران تالوين", "Taliouine saffron")
    aop = Label.objects.create(kind=LabelKind.AOP, slug="aop-safran-de-taliouine",
                               name="AOP Safran de Taliouine", name_ar="زعفران تالوين",
                               name_en="Taliouine Saffron PDO")
    ProductLabel.objects.create(product=saffron, label=aop, certificate_reference="AOP-2031-07",
                                expiry_date="2031-07-01")
    dates = make_listed_product(
        channel=channel, cooperative=youth_coop, category=CategoryFactory(
            name="Dattes", slug="dattes"), price="95.00", quantity=0,
        name="Dattes Mejhoul", slug="dattes-mejhoul")
    _translate_product(dates, "تمور المجهول", "Medjool dates")
    unpublished = make_listed_product(channel=channel, cooperative=women_coop, category=spices,
                                      name="Safran en préparation", slug="safran-brouillon")
    ProductChannelListing.objects.filter(product=unpublished).update(is_published=False)
    of_suspended = make_listed_product(channel=channel, cooperative=suspended_coop,
                                       category=spices, name="Safran suspendu",
                                       slug="safran-suspendu")
    for product in (argan_oil, saffron, dates):
        product_refresh_search(product=product)
    add_photo(argan_oil, (201, 140, 43), real=real_photos)
    add_photo(argan_oil, (170, 110, 30), real=real_photos, sort_order=1)
    add_photo(saffron, (170, 35, 40), real=real_photos)
    add_photo(dates, (92, 58, 33), real=real_photos)
    # Newest first is argan oil, then saffron, then dates: make creation times explicit.
    now = timezone.now()
    for offset, product in enumerate((argan_oil, saffron, dates)):
        Product.objects.filter(pk=product.pk).update(created_at=now - timezone.timedelta(
            days=offset))
    return Shop(channel=channel, oils=oils, argan_oils=argan_oils, spices=spices,
                women_coop=women_coop, youth_coop=youth_coop, suspended_coop=suspended_coop,
                argan_oil=argan_oil, saffron=saffron, dates=dates, unpublished=unpublished,
                of_suspended=of_suspended, aop=aop)
