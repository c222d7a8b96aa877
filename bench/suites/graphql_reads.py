"""GraphQL reads: products(first: 100), product(slug) and deliveryOptions for a 5-cooperative
cart, anonymous, in the default channel. The bare SQL of the two product queries fetches the
same products (by the slugs the API returned) with their variants, prices, thumbnails and
cooperative in one statement. Anonymous catalog answers are cached under the catalog's version
(backend/graphql/response_cache.py): when they are, a cold result (answers dropped before each
request, as a category or cooperative change does) is measured too, and the listing after one
product changed elsewhere in the catalog (its answer dropped, the listed products still stored)
or on the page itself."""
from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any

from bench.harness import BenchError, Context, Result, graphql_data, measure
from bench.suites._common import (
    PRODUCTS_SQL,
    cart_variants,
    channel,
    destination_city,
    gid,
    sample_product,
)

GROUP = "graphql"
PRODUCT_FIELDS = """name slug thumbnail { url }
  pricing { priceRange { start { gross { amount } } } }
  variants { id name pricing { price { gross { amount } } } }
  cooperative { name }"""
PRODUCTS = f"""query($channel: String) {{ products(first: 100, channel: $channel) {{
  edges {{ node {{ {PRODUCT_FIELDS} }} }} }} }}"""
PRODUCT = f"""query($slug: String, $channel: String) {{
  product(slug: $slug, channel: $channel) {{ {PRODUCT_FIELDS} }} }}"""
DELIVERY_OPTIONS = """query($channel: String, $lines: [DeliveryLineInput!]!,
                           $address: DeliveryAddressInput!) {
  deliveryOptions(channel: $channel, lines: $lines, address: $address) {
    errors { code message }
    subtotal { amount } deliveryTotal { amount } total { amount }
    groups { cooperative { name } subtotal { amount } deliveryPrice { amount }
             noDeliveryReason
             options { id price { amount } shortCircuitLevel distanceKm } } } }"""


def _poster(client: Any, query: str, variables: dict[str, Any]) -> Callable[[], dict]:
    body = json.dumps({"query": query, "variables": variables})

    def post() -> dict:
        response = client.post("/graphql/", body, content_type="application/json")
        post.cache_header = response.get("X-GraphQL-Cache", "")  # type: ignore[attr-defined]
        return graphql_data(response)
    return post


def _cold(call: Callable[[], Any], repeat: int,
          change: Callable[[], Any] | None = None) -> list[float]:
    """Each call after a change (not timed): by default one that drops every stored answer
    and every stored product (a category or cooperative edit)."""
    from catalog.cache import catalog_pages_changed

    samples = []
    for _ in range(repeat):
        (change or catalog_pages_changed)()
        started = time.perf_counter()
        call()
        samples.append((time.perf_counter() - started) * 1000.0)
    return samples


def _after_product_changes(ctx: Context, name: str, call: Callable[[], Any], *,
                           bare: list[float], listed: list[int], other: int,
                           extra: dict[str, Any]) -> list[Result]:
    """The listing after one product changed, as happens all day: elsewhere in the catalog
    (the answer is dropped, the listed products are still stored: catalog/graphql/fragments.py)
    and on the page itself (that product alone is loaded and executed)."""
    from catalog.cache import catalog_products_changed

    catalog_products_changed([other])
    call()  # every listed product stored
    turn = iter(range(10**9))
    return [
        Result(name=f"{name}, another product changed", group=GROUP, scale=ctx.scale,
               samples_ms=_cold(call, ctx.repeat, lambda: catalog_products_changed([other])),
               bare_sql_ms=bare, extra={**extra, "note": "answer dropped before each request; "
                                        "the listed products stored"}),
        Result(name=f"{name}, one listed product changed", group=GROUP, scale=ctx.scale,
               samples_ms=_cold(call, ctx.repeat, lambda: catalog_products_changed(
                   [listed[next(turn) % len(listed)]])),
               bare_sql_ms=bare, extra={**extra, "note": "answer and one listed product dropped "
                                        "before each request"}),
    ]


def _timed_reads(ctx: Context, name: str, call: Callable[[], Any], *, bare: list[float],
                 extra: dict[str, Any]) -> list[Result]:
    """Warm (answer cache as configured) and, if the answer was served from the cache, cold."""
    from catalog.cache import catalog_pages_changed

    catalog_pages_changed()
    counted = _queries(call)  # the first call after a change: the full resolution
    warm = measure(call, repeat=ctx.repeat)
    call()
    cached = call.cache_header == "hit"  # type: ignore[attr-defined]
    results = [Result(name=name, group=GROUP, scale=ctx.scale, samples_ms=warm,
                      bare_sql_ms=bare, extra={**extra, **counted, "answer_cache": cached,
                                               "note": "answer cache warm" if cached
                                               else "not cached"})]
    if cached:
        results.append(Result(name=f"{name}, cold cache", group=GROUP, scale=ctx.scale,
                              samples_ms=_cold(call, ctx.repeat), bare_sql_ms=bare,
                              extra={**extra, "note": "answers dropped before each request"}))
    return results


def _product_ids(slugs: list[str]) -> list[int]:
    from catalog.models import Product

    return list(Product.objects.filter(slug__in=slugs).values_list("pk", flat=True))


def _product_not_in(listed: list[int]) -> int:
    from catalog.models import Product

    return Product.objects.exclude(pk__in=listed).order_by("-pk").values_list(
        "pk", flat=True).first() or 0


def _queries(call: Callable[[], Any]) -> dict[str, Any]:
    """SQL of one call: how many statements and their total time (the rest is Python)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        call()
    return {"queries": len(captured),
            "sql_ms": round(sum(float(q["time"]) for q in captured) * 1000.0, 1)}


def run(ctx: Context) -> list[Result]:
    public = channel()
    client = ctx.client()
    results: list[Result] = []

    products = _poster(client, PRODUCTS, {"channel": public.slug})
    slugs = [edge["node"]["slug"] for edge in products()["products"]["edges"]]
    if len(slugs) < 100:
        ctx.log(f"  products(first:100) returned {len(slugs)} products")
    bare = ctx.bare_sql(PRODUCTS_SQL, {"channel": public.pk, "slugs": slugs})
    results += _timed_reads(ctx, "graphql products(first:100)", products, bare=bare,
                            extra={"products": len(slugs)})
    listed = _product_ids(slugs)
    results += _after_product_changes(
        ctx, "graphql products(first:100)", products, bare=bare, listed=listed,
        other=_product_not_in(listed), extra={"products": len(slugs)})

    slug = sample_product(public.pk).slug
    product = _poster(client, PRODUCT, {"slug": slug, "channel": public.slug})
    if product()["product"] is None:
        raise BenchError(f"product(slug: {slug}) is null")
    results += _timed_reads(
        ctx, "graphql product(slug)", product,
        bare=ctx.bare_sql(PRODUCTS_SQL, {"channel": public.pk, "slugs": [slug]}),
        extra={"slug": slug})

    city = destination_city()
    lines = [{"variantId": gid("ProductVariant", v.pk), "quantity": 1}
             for v in cart_variants(public.pk, cooperatives=5)]
    options = _poster(client, DELIVERY_OPTIONS, {
        "channel": public.slug, "lines": lines,
        "address": {"city": city.name, "postalCode": city.postal_code or None}})
    quote = options()["deliveryOptions"]
    if quote["errors"] or len(quote["groups"]) != 5:
        raise BenchError(f"deliveryOptions: {quote['errors']} ({len(quote['groups'])} groups)")
    deliverable = sum(1 for group in quote["groups"] if group["options"])
    results.append(Result(
        name="graphql deliveryOptions, 5-cooperative cart", group=GROUP, scale=ctx.scale,
        samples_ms=measure(options, repeat=ctx.repeat),
        extra={"city": city.name, "groups_with_options": deliverable,
               **_queries(options),
               "note": "routing computed per parcel: no bare SQL equivalent"}))
    return results
