"""sitemap.xml: every public page in fr, ar and en, each entry with its hreflang alternates."""
from __future__ import annotations

from typing import Any

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from catalog.models import Category, Product
from catalog.selectors import (
    channel_get_storefront,
    cooperatives_public,
    products_for_sitemap,
    regions_with_counts,
)


class _Localized(Sitemap):
    i18n = True
    alternates = True
    x_default = True


class StaticSitemap(_Localized):
    changefreq = "daily"
    priority = 1.0

    def items(self) -> list[str]:
        return ["storefront:home"]

    def location(self, item: str) -> str:
        return reverse(item)


class ProductSitemap(_Localized):
    changefreq = "weekly"
    priority = 0.8

    def items(self) -> Any:
        return products_for_sitemap(channel_get_storefront())

    def location(self, item: Product) -> str:
        return reverse("storefront:product", args=[item.slug])

    def lastmod(self, item: Product) -> Any:
        return item.updated_at


class CategorySitemap(_Localized):
    changefreq = "weekly"
    priority = 0.6

    def items(self) -> Any:
        return Category.objects.only("slug", "updated_at").order_by("tree_id", "lft")

    def location(self, item: Category) -> str:
        return reverse("storefront:category", args=[item.slug])

    def lastmod(self, item: Category) -> Any:
        return item.updated_at


class CooperativeSitemap(_Localized):
    changefreq = "monthly"
    priority = 0.6

    def items(self) -> Any:
        return cooperatives_public().order_by("pk")

    def location(self, item: Any) -> str:
        return reverse("storefront:cooperative", args=[item.slug])

    def lastmod(self, item: Any) -> Any:
        return item.updated_at


class RegionSitemap(_Localized):
    changefreq = "monthly"
    priority = 0.5

    def items(self) -> Any:
        return regions_with_counts()

    def location(self, item: Any) -> str:
        return reverse("storefront:region", args=[item.slug])


SITEMAPS = {
    "pages": StaticSitemap, "products": ProductSitemap, "categories": CategorySitemap,
    "cooperatives": CooperativeSitemap, "regions": RegionSitemap,
}
