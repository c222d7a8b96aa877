"""Every indicator has a public definition page in fr/ar/en, loaded by the data migration."""
from __future__ import annotations

import pytest

from backend.followup import definitions as d
from backend.followup.models import IndicatorDefinition

pytestmark = pytest.mark.django_db


def test_the_migration_loaded_every_definition_in_three_languages():
    rows = {row.code: row for row in IndicatorDefinition.objects.all()}

    assert list(rows) == list(d.ALL_CODES)
    for definition in d.DEFINITIONS:
        row = rows[definition.code]
        assert (row.name_fr, row.name_ar, row.name_en) == definition.name
        assert (row.definition_fr, row.definition_ar, row.definition_en) == definition.text
        assert all(definition.name) and all(definition.text)
        assert row.source == definition.source and row.unit == definition.unit


def test_the_index_links_every_indicator(client, definitions):
    html = client.get("/indicators/").content.decode()

    for code in d.ALL_CODES:
        assert f'href="/indicators/{code}/"' in html


@pytest.mark.parametrize(("prefix", "name", "text"), [
    ("", "Clients fidèles", "au moins deux commandes"),
    ("/ar", "الزبناء الأوفياء", "طلبان على الأقل"),
    ("/en", "Repeat customers", "at least two orders"),
])
def test_a_definition_page_reads_in_each_language(client, definitions, prefix, name, text):
    response = client.get(f"{prefix}/indicators/repeat_customers/")

    assert response.status_code == 200
    html = response.content.decode()
    assert name in html and text in html


@pytest.mark.parametrize("code", ["unknown", "%00", "x" * 300])
def test_an_unknown_indicator_is_not_found(client, code):
    assert client.get(f"/indicators/{code}/").status_code == 404
