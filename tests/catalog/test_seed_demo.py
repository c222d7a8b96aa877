"""``seed_demo``: the demo marketplace, seeded once for this module (and rolled back after it)."""
from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.db import transaction
from django.db.models import Count, Q
from django.test import TestCase, override_settings
from django.utils import timezone
from PIL import Image

from backend.accounts.models import User
from backend.celery import app as celery_app
from backend.cooperatives.models import Cooperative, CooperativeStaff, CooperativeStatus
from catalog.demo import DEMO_PASSWORD
from catalog.demo.images import render
from catalog.demo.taxonomy import LABELS
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
    ProductVariant,
    ProductVariantChannelListing,
    ProductVariantTranslation,
    Stock,
    Thumbnail,
)
from catalog.search import apply_search
from catalog.selectors import products_visible
from catalog.services.products import listings_with_stale_price
from fulfillment.models import Region

# A fast hasher for the module: the demo accounts are hashed and checked dozens of times.
FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
COUNTED = [Channel, Category, CategoryTranslation, Label, Cooperative, CooperativeStaff, User,
           Product, ProductTranslation, ProductVariant, ProductVariantTranslation,
           ProductChannelListing, ProductVariantChannelListing, Stock, ProductLabel,
           ProductMedia, Thumbnail]


@dataclass
class SeedRun:
    media_root: Path
    output: str
    counts: dict[str, int]


def _counts() -> dict[str, int]:
    return {model._meta.label: model.objects.count() for model in COUNTED}


def _run_seed(media_root: Path) -> str:
    out = io.StringIO()
    with override_settings(MEDIA_ROOT=media_root), \
            TestCase.captureOnCommitCallbacks(execute=True):
        call_command("seed_demo", stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker, tmp_path_factory) -> Iterator[SeedRun]:
    """Run the command once, inside a transaction rolled back when the module is done."""
    media_root = tmp_path_factory.mktemp("seed-media")
    eager = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True  # thumbnails are made in-process
    try:
        with django_db_blocker.unblock(), override_settings(PASSWORD_HASHERS=FAST_HASHERS), \
                transaction.atomic():
            output = _run_seed(media_root)
            yield SeedRun(media_root=media_root, output=output, counts=_counts())
            transaction.set_rollback(True)
    finally:
        celery_app.conf.task_always_eager = eager


@pytest.fixture
def demo(seeded: SeedRun, db) -> SeedRun:
    return seeded


def test_approved_cooperatives_cover_all_twelve_regions(demo):
    approved = Cooperative.objects.filter(status=CooperativeStatus.APPROVED)
    per_region = dict(approved.values_list("region__code").annotate(n=Count("id")))

    assert approved.count() >= 32
    assert sorted(per_region) == sorted(Region.objects.values_list("code", flat=True))
    assert len(per_region) == 12
    assert min(per_region.values()) >= 2
    assert Cooperative.objects.filter(status=CooperativeStatus.PENDING).count() == 1
    assert Cooperative.objects.filter(status=CooperativeStatus.SUSPENDED).count() == 1


def test_cooperatives_have_stories_in_three_languages_and_plausible_facts(demo):
    cooperatives = Cooperative.objects.prefetch_related("translations").select_related("city")

    for cooperative in cooperatives:
        languages = {t.language_code: t for t in cooperative.translations.all()}
        assert set(languages) == {"ar", "en"}
        assert cooperative.story and languages["ar"].story and languages["en"].story
        assert cooperative.odco_number.startswith(f"ODCO-{cooperative.region.code[-2:]}-")
        assert abs(cooperative.latitude - cooperative.city.latitude) < Decimal("0.1")
        assert abs(cooperative.longitude - cooperative.city.longitude) < Decimal("0.1")
        assert 1990 <= cooperative.founded_year <= timezone.now().year
        assert cooperative.member_count > 0
        assert cooperative.logo
    women_led = cooperatives.filter(women_led=True).count()
    assert 0.35 <= women_led / cooperatives.count() <= 0.7
    assert cooperatives.filter(youth_led=True).exists()


def test_at_least_150_products_are_listed_with_priced_stocked_variants(demo):
    channel = Channel.objects.get(slug="maroc")
    visible = products_visible(channel)

    assert channel.currency_code == "MAD"
    assert visible.count() >= 150
    assert Product.objects.count() >= 160
    assert not visible.filter(cooperative__status=CooperativeStatus.PENDING).exists()
    variants = ProductVariant.objects.filter(product__in=visible)
    assert not visible.annotate(n=Count("variants")).filter(Q(n=0) | Q(n__gt=3)).exists()
    assert not visible.filter(default_variant__isnull=True).exists()
    listings = ProductVariantChannelListing.objects.filter(variant__in=variants, channel=channel)
    assert listings.count() == variants.count()
    assert set(listings.values_list("currency", flat=True)) == {"MAD"}
    assert not listings.filter(price_amount__lte=0).exists()
    assert Stock.objects.filter(variant__in=variants).count() == variants.count()
    sold_out = Stock.objects.filter(variant__in=variants, quantity=0).count()
    assert 1 <= sold_out <= variants.count() // 10
    assert not ProductChannelListing.objects.filter(
        product__in=visible, discounted_price_amount__isnull=True).exists()
    assert not listings_with_stale_price().exists()  # what visibility reads is right


@pytest.mark.parametrize(("sku_part", "low", "high"), [
    ("-ARGAN-ALIM-250ML", 150, 250),
    ("-SAFRAN-1G", 50, 80),
    ("-MIEL-EUPH-500G", 200, 300),
    ("-DATTES-MJH-1KG", 60, 120),
    ("-DATTES-AZIZA-1KG", 60, 120),
    ("-COUSCOUS-1KG", 25, 40),
])
def test_prices_follow_the_terroir_price_hints(demo, sku_part, low, high):
    prices = list(ProductVariantChannelListing.objects.filter(  # consumer prices (not pro)
        variant__sku__endswith=sku_part, channel__slug="maroc").values_list("price_amount",
                                                                          flat=True))

    assert prices
    assert all(low <= price <= high for price in prices), prices


def test_every_product_and_variant_is_translated_in_arabic_and_english(demo):
    for language in ("ar", "en"):
        translated = ProductTranslation.objects.filter(language_code=language).exclude(name="")
        assert translated.count() == Product.objects.count()
        assert not translated.filter(description={}).exists()
        assert ProductVariantTranslation.objects.filter(language_code=language).exclude(
            name="").count() == ProductVariant.objects.count()
        assert CategoryTranslation.objects.filter(language_code=language).count() == \
            Category.objects.count()
    product = Product.objects.get(slug="safran-pistils-tagmat")
    arabic = product.translations.get(language_code="ar")
    assert "زعفران" in arabic.name and "تالوين" in arabic.name
    assert product.description["blocks"][0]["type"] == "paragraph"
    assert product.description["version"] == "2.28.0"
    assert len(product.seo_title) <= 70 and product.seo_description


def test_geographical_indications_are_certified_where_the_place_holds_them(demo):
    assert set(Label.objects.values_list("slug", flat=True)) == {spec.slug for spec in LABELS}
    assert {"ORGANIC", "FAIR_TRADE"} <= set(Label.objects.values_list("kind", flat=True))
    taliouine = ProductLabel.objects.get(product__slug="safran-pistils-tagmat",
                                         label__slug="aop-safran-de-taliouine")
    assert taliouine.certificate_reference.startswith("AOP-SAF-")
    assert taliouine.expiry_date > timezone.now().date()
    # Argan from Tafraout has no IGP in the data: no label is claimed for it.
    assert not ProductLabel.objects.filter(product__slug="huile-argan-alimentaire-ameln",
                                           label__kind__in=["IGP", "AOP"]).exists()
    assert not ProductLabel.objects.filter(certificate_reference="").exists()
    assert ProductLabel.objects.filter(label__kind="ORGANIC").exists()
    assert ProductLabel.objects.filter(label__kind="FAIR_TRADE").exists()


def test_every_product_has_drawn_pictures_with_thumbnails(demo):
    assert not Product.objects.annotate(n=Count("media")).filter(Q(n=0) | Q(n__gt=2)).exists()
    sizes = sorted(settings.THUMBNAIL_SIZES)
    for media in ProductMedia.objects.prefetch_related("thumbnails"):
        assert media.alt
        assert (demo.media_root / media.image.name).is_file()
        thumbnails = list(media.thumbnails.all())
        assert sorted(t.size for t in thumbnails) == sizes
        assert {t.format for t in thumbnails} == {"webp"}
    first = ProductMedia.objects.order_by("pk").first()
    with Image.open(demo.media_root / first.image.name) as picture:
        assert picture.format == "JPEG"
        assert picture.size == (800, 800)


def test_pictures_are_deterministic(demo):
    assert render("argan_oil", "some-product", 0) == render("argan_oil", "some-product", 0)
    assert render("argan_oil", "some-product", 0) != render("argan_oil", "other-product", 0)


def test_demo_accounts_sign_in_with_the_demo_password(demo):
    admin = authenticate(username="admin@demo.coopstore.ma", password=DEMO_PASSWORD)
    client = authenticate(username="client@demo.coopstore.ma", password=DEMO_PASSWORD)
    manager = authenticate(username="manager.cooperative-tifawine@demo.coopstore.ma",
                           password=DEMO_PASSWORD)

    assert admin is not None and admin.is_superuser and admin.is_staff
    assert client is not None and not client.is_staff and client.addresses.exists()
    assert manager is not None and not manager.is_staff
    assert authenticate(username="client@demo.coopstore.ma", password="wrong") is None
    for cooperative in Cooperative.objects.all():
        staff = CooperativeStaff.objects.get(
            cooperative=cooperative, user__email=f"manager.{cooperative.slug}@demo.coopstore.ma")
        assert staff.role == "manager"
    hashes = set(User.objects.filter(email__endswith="@demo.coopstore.ma",
                                     cooperative_roles__isnull=False)
                 .values_list("password", flat=True))
    assert len(hashes) == 1  # one password for every manager
    assert "admin@demo.coopstore.ma" in demo.output and DEMO_PASSWORD in demo.output


def test_seeded_products_are_found_by_search_in_each_language(demo):
    products = Product.objects.all()

    assert apply_search(products, "safran taliouine").exists()
    assert apply_search(products, "زعفران").exists()
    assert apply_search(products, "saffron").exists()


def test_running_it_again_changes_no_count_and_draws_nothing(demo):
    output = _run_seed(demo.media_root)

    assert _counts() == demo.counts
    assert "(0 drawn now)" in output
    assert ProductMedia.objects.filter(product__slug="safran-pistils-tagmat").count() == 2
