"""Small readers of rendered storefront HTML, so tests assert on what a shopper sees."""
from __future__ import annotations

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

_CARD = re.compile(r'class="card-link" href="(?:/ar|/en)?/products/([^/]+)/"')


def card_slugs(html: str) -> list[str]:
    """Slugs of the product cards on a page, in the order shown."""
    return _CARD.findall(html)


def queries_for(client, url: str) -> int:
    """How many SQL queries one GET of ``url`` costs (it must answer 200)."""
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context)
