"""What every generator step shares: the parameters, the seeded random streams, the geography."""
from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import TextIO

from django.db import models

from fulfillment.models import City, Region

from .bulk import Table, copy_rows
from .progress import Progress

# Generated rows are recognisable by these, so a reset never touches the demo or real rows.
SLUG_PREFIX = "scale-"
EMAIL_DOMAIN = "scale.coopstore.test"


@dataclass(frozen=True)
class Parameters:
    cooperatives: int
    products: int
    orders: int
    seed: int = 42
    members_per_coop: int = 10

    def as_dict(self) -> dict:
        return {"cooperatives": self.cooperatives, "products": self.products,
                "orders": self.orders, "seed": self.seed,
                "members_per_coop": self.members_per_coop}


@dataclass(frozen=True)
class Place:
    city_id: int
    region_id: int
    name: str
    name_ar: str
    name_en: str
    latitude: float
    longitude: float
    postal_code: str


@dataclass
class SeedContext:
    params: Parameters
    anchor: datetime
    stream: TextIO | None = None
    show_progress: bool = True
    tables: dict[type, Table] = field(default_factory=dict)
    places: list[Place] = field(default_factory=list)
    regions: dict[int, Region] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)

    def load_geography(self) -> None:
        self.regions = {r.pk: r for r in Region.objects.order_by("pk")}
        self.places = [Place(c.pk, c.region_id, c.name, c.name_ar, c.name_en, float(c.latitude),
                             float(c.longitude), c.postal_code)
                       for c in City.objects.order_by("slug")]

    def rng(self, topic: str) -> random.Random:
        """An independent stream per topic, so one step's changes never shift another's."""
        return random.Random(f"{self.params.seed}:{topic}")

    def table(self, model: type[models.Model]) -> Table:
        if model not in self.tables:
            self.tables[model] = Table(model, self.anchor)
        return self.tables[model]

    def copy(self, model: type[models.Model], rows, raw_connection=None) -> int:
        count = copy_rows(self.table(model), rows, raw_connection)
        key = model._meta.db_table
        self.counts[key] = self.counts.get(key, 0) + count
        return count

    def progress(self, label: str, total: int) -> Progress:
        return Progress(label, total, stream=self.stream, enabled=self.show_progress)


def km_between(a_lat: float, a_lon: float, b_lat: float, b_lon: float) -> Decimal:
    """Road distance, estimated as 1.25 times the great-circle distance, to 0.1 km."""
    rad = math.radians
    d_lat, d_lon = rad(b_lat - a_lat), rad(b_lon - a_lon)
    h = (math.sin(d_lat / 2) ** 2
         + math.cos(rad(a_lat)) * math.cos(rad(b_lat)) * math.sin(d_lon / 2) ** 2)
    km = 2 * 6371 * math.asin(min(1.0, math.sqrt(h))) * 1.25
    return Decimal(f"{max(km, 2.0):.1f}")
