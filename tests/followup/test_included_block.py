"""The indicators block on the mentor's page and on the cooperative's follow-up page (the
include point of backend/programmes): this month and last, each linked to its definition."""
from __future__ import annotations

import pytest

from backend.followup import definitions as d

from .conftest import signed_in


@pytest.mark.parametrize(("who", "path", "link"), [
    ("mentor", "/mentor/tifawine-safran/", "Declare this month"),
    ("manager", "/coop/followup/", "Declare this month"),
    ("member", "/coop/followup/", "Indicators month by month"),
])
def test_the_block_lists_every_indicator_with_its_definition(client, people, who, path,
                                                            link):
    signed_in(client, getattr(people, who))

    response = client.get("/en" + path)

    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="followup-indicators"' in html
    for code in d.ALL_CODES:
        assert f'href="/en/indicators/{code}/"' in html
    assert 'href="/en/followup/tifawine-safran/"' in html and link in html
