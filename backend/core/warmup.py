"""Start-up objects kept out of the garbage collector's full passes.

A web process holds a few hundred thousand long-lived objects (modules, the URLconf and every
view, the GraphQL schema, the translation catalogues). Python's full collections walk all of
them, which showed as a 100-150 ms pause every eight or so catalog pages. Loading them once at
start-up and freezing them (``gc.freeze``) leaves the collector only what requests create.
"""
from __future__ import annotations

import gc

from django.conf import settings
from django.urls import get_resolver
from django.utils import translation
from graphene_django.settings import graphene_settings


def warm_up_and_freeze() -> int:
    """Import what the first requests would, then freeze it; returns how many objects."""
    get_resolver().url_patterns  # noqa: B018 - imports every view module
    graphene_settings.SCHEMA  # noqa: B018 - the GraphQL schema, built on first use otherwise
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            translation.gettext("Cart")  # loads the language's catalogues
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()
