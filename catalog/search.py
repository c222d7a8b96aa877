"""Accent-insensitive full-text search: PostgreSQL tsvector, icontains on SQLite."""
from __future__ import annotations

import unicodedata

from django.db import connection
from django.db.models import QuerySet

# Arabic diacritics (tashkeel) and tatweel are dropped so "زَيْت" finds "زيت".
_ARABIC_MARKS = {chr(c) for c in range(0x064B, 0x0660)} | {"\u0640", "\u0670"}


def normalize_text(text: str) -> str:
    """Lower-case words without Latin accents, Arabic diacritics, punctuation or NULs."""
    decomposed = unicodedata.normalize("NFKD", (text or "").replace("\x00", ""))
    kept = (ch if ch.isalnum() else " " for ch in decomposed
            if not unicodedata.combining(ch) and ch not in _ARABIC_MARKS)
    # Punctuation separates words: "d'argan" is indexed and searched as "d argan".
    return " ".join("".join(kept).lower().split())


def apply_search(queryset: QuerySet, query: str) -> QuerySet:
    """Filter products whose search document matches every word of ``query``."""
    words = normalize_text(query).split()[:12]
    if not words:
        return queryset
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery

        ts_query = " & ".join(
            "".join(ch for ch in word if ch.isalnum()) + ":*" for word in words
            if any(ch.isalnum() for ch in word)
        )
        if not ts_query:
            return queryset.none()
        return queryset.filter(search_vector=SearchQuery(ts_query, config="simple",
                                                         search_type="raw"))
    for word in words:
        queryset = queryset.filter(search_document__contains=word)
    return queryset
