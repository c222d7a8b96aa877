"""Forgiving pagination: a junk page number shows page 1, one past the end shows the last."""
from __future__ import annotations

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet

PAGE_SIZE = 24


def page_number(raw: str | None) -> int:
    """A positive page number from the query string, else 1 (never raises)."""
    if not raw or len(raw) > 9 or not raw.isascii() or not raw.isdigit():
        return 1
    return max(int(raw), 1)


def paginate(queryset: QuerySet, raw_page: str | None, per_page: int = PAGE_SIZE) -> Page:
    """One page of ``queryset``: a COUNT query, then the page's rows (and their prefetches)."""
    paginator = Paginator(queryset, per_page, allow_empty_first_page=True)
    return paginator.page(min(page_number(raw_page), paginator.num_pages))
