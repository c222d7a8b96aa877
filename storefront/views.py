"""Storefront pages. Each view parses the request, calls selectors, renders: no rules here.

Every page costs a fixed number of SQL queries (tests/storefront/test_query_counts.py).
"""
from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from backend.orders.services.checkout_lines import MAX_LINE_QUANTITY
from catalog.models import Channel
from catalog.selectors import (
    category_path,
    category_subtree_ids,
    collections_for_home,
    cooperative_get_public,
    cooperatives_featured,
    cooperatives_public,
    listing_facets,
    product_attributes_for_page,
    product_get_for_page,
    product_price_range,
    product_variant_pick,
    products_featured,
    products_listing,
    products_more_from_cooperative,
    regions_with_counts,
    variant_price,
    variant_quantity_available,
)
from fulfillment.selectors import delivery_estimate

from .basics import CatalogBasics, catalog_basics
from .cache import cache_anonymous_page
from .checkout_forms import AddToCartForm, CityForm
from .forms import SORT_CHOICES, ProductFilterForm, is_refined
from .pagination import paginate
from .selectors import cities_by_region, product_fair_pay
from .session import session_city


def _currency(channel: Channel | None) -> str:
    return channel.currency_code if channel else "MAD"


def _listing(request: HttpRequest, basics: CatalogBasics, **fixed: str) -> dict[str, Any]:
    """The filtered, sorted, paginated products and the filter form's choices."""
    channel = basics.channel
    filters = ProductFilterForm(request.GET).to_filters(**fixed)
    language = get_language() or "fr"
    # A cooperative's own page offers no cooperative choice: nothing to count per cooperative.
    facets = listing_facets(language, channel=channel,
                            filters=None if fixed.get("cooperative") else filters,
                            categories=basics.categories, regions=basics.regions,
                            labels=basics.labels)
    # The category's subtree from the tree in hand: constants let a leaf category be read in
    # order from an index, up to its page only (catalog.selectors.products_listing).
    subtree = (category_subtree_ids(basics.categories, filters.category)
               if filters.category else None)
    page = paginate(products_listing(channel=channel, filters=filters, language=language,
                                     category_ids=subtree),
                    request.GET.get("page"), count=facets.product_count)
    refined = is_refined(filters, fixed)
    chosen = dict(filters.attributes)
    return {
        "attribute_facets": [(facet, chosen.get(facet.attribute.slug, ""))
                             for facet in basics.attribute_facets],
        "channel": channel, "currency": _currency(channel), "filters": filters,
        "fixed": fixed, "filters_active": refined, "page_obj": page,
        "products": page.object_list, "facets": facets,
        "nav_categories": basics.root_categories,
        "sort_choices": SORT_CHOICES, "seo_page": page.number,
        # Filtered and searched variants of a page are not worth indexing: they duplicate it.
        "seo_noindex": refined or filters.sort != "name",
    }


@require_safe
@cache_anonymous_page
def home(request: HttpRequest) -> HttpResponse:
    channel = catalog_basics().channel
    return render(request, "storefront/home.html", {
        "channel": channel, "currency": _currency(channel),
        "collections": collections_for_home(channel=channel),
        "products": products_featured(channel=channel),
        "cooperatives": cooperatives_featured(),
        "regions": list(regions_with_counts()),
    })


@require_safe
@cache_anonymous_page
def category(request: HttpRequest, slug: str) -> HttpResponse:
    # The filter form shows the whole tree (with translations) anyway: the category, its
    # children and its breadcrumb are read from it, with no query of their own.
    basics = catalog_basics()
    tree = basics.categories
    found = next((c for c in tree if c.slug == slug), None)
    if found is None:
        raise Http404("No such category")
    context = _listing(request, basics, category=slug)
    context.update(category=found, breadcrumb=category_path(tree, found),
                   subcategories=[c for c in tree if c.parent_id == found.pk])
    return render(request, "storefront/category.html", context)


@require_safe
@cache_anonymous_page
def region(request: HttpRequest, slug: str) -> HttpResponse:
    basics = catalog_basics()
    found = next((r for r in basics.regions if r.slug == slug), None)
    if found is None:
        raise Http404("No such region")
    context = _listing(request, basics, region=slug)
    context.update(region=found, regions=list(regions_with_counts()),
                   cooperatives=list(cooperatives_public().filter(region=found)
                                     .order_by("name")))
    return render(request, "storefront/region.html", context)


@require_safe
@cache_anonymous_page
def cooperative(request: HttpRequest, slug: str) -> HttpResponse:
    found = cooperative_get_public(slug=slug)
    if found is None:
        raise Http404("No such cooperative")
    context = _listing(request, catalog_basics(), cooperative=slug)
    context.update(cooperative=found)
    return render(request, "storefront/cooperative.html", context)


def product_page(request: HttpRequest, slug: str, *,
                 cart_form: AddToCartForm | None = None) -> HttpResponse:
    """The product page; ``cart_form`` carries a refused add-to-cart back with its errors.

    With a delivery city in the session, it shows the delivery estimate to that city.
    """
    basics = catalog_basics()
    channel = basics.channel
    found = product_get_for_page(channel=channel, slug=slug)
    if found is None or channel is None:
        raise Http404("No such product")
    variant = product_variant_pick(found, request.POST.get("variant") if cart_form
                                   else request.GET.get("variant"))
    available = variant_quantity_available(variant) if variant else 0
    city = session_city(request)
    weight = (variant.weight_grams or None) if variant else None
    estimate = delivery_estimate(found, city, weight_grams=weight) if city else None
    price = variant_price(variant) if variant else None
    delivery_price = estimate.option.price if estimate and estimate.option else None
    if cart_form is None and variant is not None:
        cart_form = AddToCartForm(initial={"variant": variant.pk, "quantity": 1},
                                  max_quantity=min(available, MAX_LINE_QUANTITY))
    return render(request, "storefront/product.html", {
        "channel": channel, "currency": _currency(channel), "product": found,
        "product_attributes": product_attributes_for_page(found),
        "variant": variant,
        "variant_price": price,
        "fair_pay": product_fair_pay(request=request, product=found, price=price,
                                     currency=_currency(channel), delivery_price=delivery_price),
        "fair_pay_price": (price + delivery_price) if price is not None and delivery_price
                          else price,
        "quantity_available": available,
        "price_range": product_price_range(found, channel.currency_code),
        # From the tree the navigation shows too (no query once it is read).
        "breadcrumb": category_path(basics.categories, found.category) if found.category_id
                      else [],
        "more_products": products_more_from_cooperative(channel=channel, product=found),
        "cart_form": cart_form, "estimate": estimate, "delivery_city": city,
        "city_form": CityForm(initial={"city": city.slug if city else "",
                                       "next": reverse("storefront:product", args=[slug])
                                       + "#delivery"},
                              regions=cities_by_region()),
    })


@require_safe
@cache_anonymous_page
def product(request: HttpRequest, slug: str) -> HttpResponse:
    return product_page(request, slug)


@require_safe
def search(request: HttpRequest) -> HttpResponse:
    context = _listing(request, catalog_basics())
    return render(request, "storefront/search.html", context)


@require_safe
def robots_txt(request: HttpRequest) -> HttpResponse:
    """Let crawlers in, keep them out of endless search combinations and private pages (cart,
    checkout, account), point at the sitemap."""
    private = ("search", "cart", "checkout", "account")
    lines = ["User-agent: *",
             *(f"Disallow: {prefix}/{page}/" for page in private for prefix in ("", "/ar", "/en")),
             f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
