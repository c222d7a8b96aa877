"""Builders of routing dataclasses from the shipped geography, for tests that need no database."""
from __future__ import annotations

from decimal import Decimal

from fulfillment import routing
from fulfillment.geodata import read_rows

_ROWS = read_rows("cities.csv")
CITY_IDS = {row["slug"]: index for index, row in enumerate(_ROWS, start=1)}
PLACES = {
    row["slug"]: routing.Place(city_id=CITY_IDS[row["slug"]], region_id=int(row["region_iso"][3:]),
                               latitude=float(row["lat"]), longitude=float(row["lon"]),
                               name=row["name_fr"], name_ar=row["name_ar"], name_en=row["name_en"])
    for row in _ROWS
}


def region(code: str) -> int:
    """Region id used in these tests: the number of its ISO code (MA-09 -> 9)."""
    return int(code[3:])


def area(*, regions: tuple[str, ...] = (), cities: tuple[str, ...] = ()) -> routing.Area:
    return routing.Area(cities=frozenset(CITY_IDS[c] for c in cities),
                        regions=frozenset(region(r) for r in regions))


def pricing(base: str = "18.00", per_km: str = "0.06", minimum: str = "20.00",
            per_kg: str = "3.00", free_grams: int = 2000, days: tuple[int, int] = (1, 2)
            ) -> routing.Pricing:
    return routing.Pricing(base_fee=Decimal(base), fee_per_km=Decimal(per_km),
                           minimum_fee=Decimal(minimum), fee_per_kg=Decimal(per_kg),
                           free_weight_grams=free_grams, min_delay_days=days[0],
                           max_delay_days=days[1])


def partner(partner_id: int, *, regions: tuple[str, ...] = (), cities: tuple[str, ...] = (),
            hub: str | None = None, price: routing.Pricing | None = None,
            capacity: int | None = None, co2: int = 100,
            pickup: routing.Area | None = None, dropoff: routing.Area | None = None
            ) -> routing.PartnerNode:
    """A partner that picks up and drops off in ``regions`` and ``cities`` (unless overridden)."""
    both = area(regions=regions, cities=cities)
    return routing.PartnerNode(
        id=partner_id, slug=f"p{partner_id}", name=f"Partner {partner_id}",
        pricing=price or pricing(), pickup=pickup or both, dropoff=dropoff or both,
        co2_grams_per_km=co2, hub=PLACES[hub] if hub else None, daily_capacity=capacity)


def network(*partners: routing.PartnerNode, booked: dict[int, int] | None = None,
            road_factor: float = 1.3) -> routing.Network:
    return routing.Network(partners=partners, road_factor=road_factor, booked=booked or {})


def cooperative_at(slug: str, *, north: float = 0.01, east: float = 0.01) -> routing.Place:
    """A pick-up a little away from the city centre, as a cooperative's own location is."""
    city = PLACES[slug]
    return routing.Place(city_id=city.city_id, region_id=city.region_id,
                         latitude=city.latitude + north, longitude=city.longitude + east,
                         name=city.name)
