"""Load the shipped geography (regions and cities CSV files) idempotently."""
from __future__ import annotations

import csv
from pathlib import Path

from django.utils.text import slugify

DATA_DIR = Path(__file__).resolve().parent / "data"


def read_rows(name: str) -> list[dict[str, str]]:
    with open(DATA_DIR / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def load_geography(region_model, city_model) -> None:
    """Create or update every region and city; models are passed so migrations can use it."""
    regions = {}
    for row in read_rows("regions.csv"):
        region, _ = region_model.objects.update_or_create(
            code=row["iso_code"],
            defaults={
                "slug": slugify(row["name_en"]),
                "name": row["name_fr"],
                "name_ar": row["name_ar"],
                "name_en": row["name_en"],
                "capital": row["capital"],
                "latitude": row["lat"],
                "longitude": row["lon"],
            },
        )
        regions[region.code] = region
    for row in read_rows("cities.csv"):
        city_model.objects.update_or_create(
            slug=row["slug"],
            defaults={
                "region": regions[row["region_iso"]],
                "name": row["name_fr"],
                "name_ar": row["name_ar"],
                "name_en": row["name_en"],
                "latitude": row["lat"],
                "longitude": row["lon"],
                "postal_code": row["postal_code"],
            },
        )
