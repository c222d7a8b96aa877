"""Today's route of a partner: the stops ordered to shorten the tour.

A pure module (no ORM) so the heuristic can be property-tested: a nearest-neighbour tour from the
start, then 2-opt moves that reverse a stretch of the tour whenever that shortens it. 2-opt only
ever accepts a strictly shorter tour, so the result is never longer than the nearest-neighbour
tour it starts from. The tour is open (the partner does not have to come back to the start).
Twenty stops take a few milliseconds (``bench/route_planning.py``).
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

EARTH_RADIUS_KM = 6371.0088
# 2-opt stops once a full pass finds no gain above this (floating-point noise).
EPSILON_KM = 1e-9


@dataclass(frozen=True)
class Point:
    """A place on the map; ``key`` identifies the stop for the caller."""

    latitude: float
    longitude: float
    key: str = ""


@dataclass(frozen=True)
class RoutePlan:
    """The stops in the order to visit them, and the kilometres from the start to the last."""

    stops: tuple[Point, ...]
    km: float


def distance_km(a: Point, b: Point) -> float:
    """Great-circle kilometres (the board shows an estimate, not a road distance)."""
    lat1, lat2 = math.radians(a.latitude), math.radians(b.latitude)
    dlat, dlon = lat2 - lat1, math.radians(b.longitude - a.longitude)
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def tour_km(start: Point, stops: Sequence[Point]) -> float:
    """Length of the open tour start → stops[0] → … → stops[-1]."""
    total, here = 0.0, start
    for stop in stops:
        total += distance_km(here, stop)
        here = stop
    return total


def nearest_neighbour(start: Point, stops: Sequence[Point]) -> list[Point]:
    """Always go to the closest stop not yet visited (ties: the earlier one in ``stops``)."""
    left = list(stops)
    tour: list[Point] = []
    here = start
    while left:
        index = min(range(len(left)), key=lambda i: (distance_km(here, left[i]), i))
        here = left.pop(index)
        tour.append(here)
    return tour


def two_opt(start: Point, tour: Sequence[Point], max_passes: int = 50) -> list[Point]:
    """Reverse stretches of the tour while that makes it strictly shorter.

    With the start fixed at position 0 and an open end, reversing ``path[i..j]`` replaces the
    edges (i-1, i) and (j, j+1) (the latter absent when ``j`` is the last stop).
    """
    path = [start, *tour]
    n = len(path)
    for _pass in range(max_passes):
        improved = False
        for i in range(1, n - 1):
            for j in range(i + 1, n):
                before = distance_km(path[i - 1], path[i])
                after = distance_km(path[i - 1], path[j])
                if j + 1 < n:
                    before += distance_km(path[j], path[j + 1])
                    after += distance_km(path[i], path[j + 1])
                if after < before - EPSILON_KM:
                    path[i:j + 1] = reversed(path[i:j + 1])
                    improved = True
        if not improved:
            break
    return path[1:]


def plan_route(start: Point | None, stops: Sequence[Point]) -> RoutePlan:
    """Nearest neighbour + 2-opt from ``start`` (the first stop when there is none).

    Returned only if it is not longer than the nearest-neighbour tour (2-opt guarantees it;
    the check keeps the promise even against rounding).
    """
    if not stops:
        return RoutePlan(stops=(), km=0.0)
    origin = start or stops[0]
    greedy = nearest_neighbour(origin, stops)
    improved = two_opt(origin, greedy)
    greedy_km, improved_km = tour_km(origin, greedy), tour_km(origin, improved)
    best, km = (improved, improved_km) if improved_km <= greedy_km else (greedy, greedy_km)
    return RoutePlan(stops=tuple(best), km=km)
