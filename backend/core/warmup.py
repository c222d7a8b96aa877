"""Start-up objects kept out of the garbage collector's full passes.

A web process holds a few hundred thousand long-lived objects (modules, the URLconf and every
view, the GraphQL schema, the translation catalogues). Python's full collections walk all of
them, which showed as a 100-150 ms pause every eight or so catalog pages. Loading them once at
start-up and freezing them (``gc.freeze``) leaves the collector only what requests create.

What requests create is mostly cyclic (model instances and their prefetch caches point at each
other), so reference counting never frees it: with Python's default thresholds it was promoted
mid-request and piled up until a full collection freed it all at once, a 110-170 ms pause every
dozen catalog pages (seen on the search page at the 1k scale: median 102 ms, p95 247 ms). Each
web process therefore collects the youngest generation once the response has been sent, while a
request's garbage is still young (one small pass instead of a big one: p95 94 ms), with a
gen0 threshold high enough that a page rarely triggers a collection midway.
"""
from __future__ import annotations

import gc

from django.conf import settings
from django.core.signals import request_finished
from django.urls import get_resolver
from django.utils import translation
from graphene_django.settings import graphene_settings

# Automatic passes only for requests that allocate a lot; the rest is done after each response.
GC_THRESHOLDS = (20_000, 10, 10)
# After this many young passes, one of the next generation (its survivors stay bounded).
OLDER_PASS_EVERY = 100


def collect_after_response(**_kwargs: object) -> None:
    """Free the finished request's cyclic garbage while it is young (request_finished runs once
    the response body is written, so no visitor waits for it)."""
    _young, since_middle, since_full = gc.get_count()
    if since_full >= OLDER_PASS_EVERY:
        gc.collect(2)
    elif since_middle >= OLDER_PASS_EVERY:
        gc.collect(1)
    else:
        gc.collect(0)


def warm_up_and_freeze() -> int:
    """Import what the first requests would, then freeze it; returns how many objects."""
    get_resolver().url_patterns  # noqa: B018 - imports every view module
    graphene_settings.SCHEMA  # noqa: B018 - the GraphQL schema, built on first use otherwise
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            translation.gettext("Cart")  # loads the language's catalogues
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)
    request_finished.connect(collect_after_response, dispatch_uid="coopstore-gc-after-response")
    return gc.get_freeze_count()
