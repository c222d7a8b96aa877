"""Shared by the read suites: the seeded rows they use and the bare SQL of a product listing.

Not a suite (the runner skips modules starting with ``_``).
"""
from __future__ import annotations

import re
from typing import Any

from bench.harness import BenchError

# Everything a product card or the GraphQL products query shows, for the given slugs, in one
# statement: name, slug, cooperative, channel listing, first thumbnail, variants with prices.
PRODUCTS_SQL = """
SELECT p.id, p.name, p.slug, c.name AS cooperative, pcl.is_published,
       pcl.discounted_price_amount,
       (SELECT t.image FROM catalog_productmedia m
          JOIN catalog_thumbnail t ON t.media_id = m.id
         WHERE m.product_id = p.id
         ORDER BY m.sort_order, m.id, t.size LIMIT 1) AS thumbnail,
       (SELECT json_agg(json_build_object('id', v.id, 'name', v.name,
                                          'price', vcl.price_amount,
                                          'stock', s.quantity - s.quantity_allocated)
                        ORDER BY v.sort_order, v.id)
          FROM catalog_productvariant v
          JOIN catalog_productvariantchannellisting vcl
            ON vcl.variant_id = v.id AND vcl.channel_id = %(channel)s
          LEFT JOIN catalog_stock s ON s.variant_id = v.id
         WHERE v.product_id = p.id) AS variants
  FROM catalog_product p
  JOIN cooperatives_cooperative c ON c.id = p.cooperative_id
  JOIN catalog_productchannellisting pcl
    ON pcl.product_id = p.id AND pcl.channel_id = %(channel)s
 WHERE p.slug = ANY(%(slugs)s)
"""

_PRODUCT_LINK = re.compile(r'href="(?:/[a-z]{2})?/products/([\w-]+)/')


def channel() -> Any:
    from catalog.selectors import channel_get_storefront

    found = channel_get_storefront()
    if found is None:
        raise BenchError("the bench database has no public channel")
    return found


def product_slugs_in(html: str) -> list[str]:
    """Slugs of the products a page links to, in order, once each."""
    return list(dict.fromkeys(_PRODUCT_LINK.findall(html)))


def listed_products(channel_id: int) -> Any:
    """Published, visible products of the channel whose cooperative is approved."""
    from catalog.models import Product

    return Product.objects.filter(
        channel_listings__channel_id=channel_id, channel_listings__is_published=True,
        channel_listings__visible_in_listings=True, cooperative__status="approved",
        variants__channel_listings__channel_id=channel_id).distinct()


def sample_product(channel_id: int) -> Any:
    """A deterministic published product with several variants (a typical product page)."""
    from django.db.models import Count

    product = (listed_products(channel_id).annotate(n=Count("variants", distinct=True))
               .order_by("-n", "pk").first())
    if product is None:
        raise BenchError("the bench database has no published product")
    return product


def sample_customer() -> Any:
    """A seeded customer (not staff) with orders if any, the first by primary key."""
    from django.contrib.auth import get_user_model

    from backend.orders.models import Order

    buyer = (Order.objects.filter(user__is_active=True, user__is_staff=False,
                                  user__is_superuser=False)
             .order_by("pk").values_list("user_id", flat=True).first())
    users = get_user_model().objects.filter(is_active=True, is_staff=False, is_superuser=False)
    customer = users.filter(pk=buyer).first() if buyer else users.order_by("pk").first()
    if customer is None:
        raise BenchError("the bench database has no customer")
    return customer


def gid(type_name: str, pk: Any) -> str:
    """The Relay ID of a row, as the API gives it."""
    import base64

    return base64.b64encode(f"{type_name}:{pk}".encode()).decode()


def cart_variants(channel_id: int, *, cooperatives: int, skip: int = 0,
                  minimum: int | None = None, region_id: int | None = None) -> list[Any]:
    """One purchasable variant from each of ``cooperatives`` different cooperatives (in a
    deterministic order, ``skip`` cooperatives further on; of one region if given), each with a
    stock row; fewer (at least ``minimum``) when the database has fewer cooperatives."""
    from django.utils import timezone

    from catalog.models import ProductVariant

    now = timezone.now()
    candidates = (ProductVariant.objects
                  .filter(product__in=listed_products(channel_id), stock__isnull=False,
                          channel_listings__channel_id=channel_id,
                          product__channel_listings__channel_id=channel_id)
                  .exclude(product__channel_listings__available_for_purchase_at__gt=now)
                  .filter(**({"product__cooperative__region_id": region_id} if region_id
                             else {}))
                  .select_related("product")
                  .order_by("pk")[:20000].iterator(chunk_size=2000))
    seen: set[int] = set()
    picked: list[Any] = []
    for variant in candidates:
        coop = variant.product.cooperative_id
        if coop in seen:
            continue
        seen.add(coop)
        if len(seen) > skip:
            picked.append(variant)
        if len(picked) == cooperatives:
            return picked
    if minimum is not None and len(picked) >= minimum:
        return picked
    raise BenchError(f"fewer than {cooperatives + skip} cooperatives with a purchasable variant")


def destination_city() -> Any:
    """The city with the most cooperatives: the busiest drop-off of the network."""
    from django.db.models import Count

    from fulfillment.models import City

    city = City.objects.annotate(n=Count("cooperatives")).order_by("-n", "pk").first()
    if city is None:
        raise BenchError("the bench database has no city")
    return city
