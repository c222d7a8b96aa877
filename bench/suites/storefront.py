"""Storefront pages (home, category, product, search), anonymous and signed in.

Anonymous catalog pages are served from the page cache (storefront/cache.py) once stored, so
each gets two results: warm (what a visitor usually gets) and cold (cached pages dropped before
each request, as any catalog change does: the full render). Signed-in visitors are never served
from the page cache. The bare SQL fetches the products the page links to (cards: name,
cooperative, price, thumbnail, variants).
"""
from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any
from urllib.parse import quote

from bench.harness import BenchError, Context, Result, expect_ok, measure
from bench.suites._common import (
    PRODUCTS_SQL,
    channel,
    listed_products,
    product_slugs_in,
    sample_customer,
    sample_product,
)

GROUP = "storefront"
COLD_REPEAT = 10


def _pages(channel_id: int) -> dict[str, str]:
    """The page paths: the busiest category, a many-sized product, a search for the first
    word of its name (BENCH_SEARCH overrides)."""
    import os

    from django.db.models import Count

    from catalog.models import Category

    product = sample_product(channel_id)
    category = (Category.objects.annotate(n=Count("products")).order_by("-n", "pk").first())
    if category is None:
        raise BenchError("the bench database has no category")
    words = [w for w in product.name.lower().replace("'", " ").split() if len(w) >= 4]
    term = os.environ.get("BENCH_SEARCH") or (words[0] if words else product.name)
    return {"home": "/", "category": f"/categories/{category.slug}/",
            "product": f"/products/{product.slug}/", "search": f"/search/?q={quote(term)}"}


def _getter(client: Any, path: str) -> Callable[[], Any]:
    def get() -> Any:
        return expect_ok(client.get(path))
    return get


def _queries(call: Callable[[], Any]) -> dict[str, Any]:
    """SQL of one call: how many statements and their total time (the rest is Python)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        call()
    return {"queries": len(captured),
            "sql_ms": round(sum(float(q["time"]) for q in captured) * 1000.0, 1)}


def _cold(get: Callable[[], Any], repeat: int) -> list[float]:
    """Each request after the catalog changed (every cached page dropped, as a product, price
    or stock change does; not timed); other cached fragments stay warm."""
    from catalog.cache import catalog_pages_changed

    samples = []
    for _ in range(repeat):
        catalog_pages_changed()
        started = time.perf_counter()
        get()
        samples.append((time.perf_counter() - started) * 1000.0)
    return samples


def run(ctx: Context) -> list[Result]:
    from catalog.cache import catalog_pages_changed

    public = channel()
    if not listed_products(public.pk).exists():
        raise BenchError("no listed product in the public channel")
    pages = _pages(public.pk)
    customer = sample_customer()
    results: list[Result] = []
    for page, path in pages.items():
        anonymous = ctx.client()
        get = _getter(anonymous, path)
        catalog_pages_changed()
        slugs = product_slugs_in(get().content.decode())
        if not slugs:
            raise BenchError(f"{path} links to no product")
        bare = ctx.bare_sql(PRODUCTS_SQL, {"channel": public.pk, "slugs": slugs})
        common = {"path": path, "products_on_page": len(slugs)}

        warm = measure(get, repeat=ctx.repeat)
        cached = get().get("X-Page-Cache") == "hit"
        results.append(Result(
            name=f"storefront {page}, anonymous", group=GROUP, scale=ctx.scale,
            samples_ms=warm, bare_sql_ms=bare,
            extra={**common, "page_cache": cached, **_queries(get),
                   "note": "page cache warm" if cached else "not cached"}))
        if cached:
            cold_get = _getter(ctx.client(), path)  # no cookies: stores the page again
            results.append(Result(
                name=f"storefront {page}, anonymous, cold cache", group=GROUP, scale=ctx.scale,
                samples_ms=_cold(cold_get, min(ctx.repeat, COLD_REPEAT)), bare_sql_ms=bare,
                extra={**common, "note": "pages dropped before each request"}))

        signed_in = ctx.client()
        signed_in.force_login(customer)
        get_signed = _getter(signed_in, path)
        results.append(Result(
            name=f"storefront {page}, logged in", group=GROUP, scale=ctx.scale,
            samples_ms=measure(get_signed, repeat=ctx.repeat), bare_sql_ms=bare,
            extra={**common, **_queries(get_signed)}))
        ctx.log(f"  {page}: {path} ({len(slugs)} products)")
    return results
