"""The collection page: a published collection's products, in the collection's order."""
from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from catalog.selectors import collection_get_public, collection_products

from .basics import catalog_basics
from .cache import cache_anonymous_page
from .pagination import paginate


@require_safe
@cache_anonymous_page
def collection(request: HttpRequest, slug: str) -> HttpResponse:
    """Fixed queries whatever the collection's size: the collection and its translations,
    then the count, the page and the cards' prefetches."""
    channel = catalog_basics().channel
    found = collection_get_public(channel=channel, slug=slug) if channel else None
    if found is None:
        raise Http404("No such collection")
    page = paginate(collection_products(channel=channel, collection=found),
                    request.GET.get("page"))
    return render(request, "storefront/collection.html", {
        "channel": channel, "currency": channel.currency_code, "collection": found,
        "page_obj": page, "products": page.object_list, "seo_page": page.number,
    })
