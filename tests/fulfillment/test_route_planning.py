"""Today's route: nearest neighbour + 2-opt, never longer than the nearest-neighbour tour."""
from __future__ import annotations

from itertools import permutations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fulfillment.route_planning import (
    Point,
    distance_km,
    nearest_neighbour,
    plan_route,
    tour_km,
    two_opt,
)

# Morocco's bounding box, roughly: stops of a regional partner's day.
points = st.builds(Point, latitude=st.floats(min_value=27.5, max_value=35.9),
                   longitude=st.floats(min_value=-13.2, max_value=-1.0),
                   key=st.uuids().map(str))
stop_lists = st.lists(points, min_size=0, max_size=14, unique_by=lambda p: p.key)


@settings(max_examples=300, deadline=None)
@given(start=st.none() | points, stops=stop_lists)
def test_the_route_visits_every_stop_once_and_is_never_longer_than_nearest_neighbour(
        start, stops):
    plan = plan_route(start, stops)
    assert sorted(p.key for p in plan.stops) == sorted(p.key for p in stops)
    origin = start or (stops[0] if stops else None)
    if origin is None:
        assert plan.km == 0
        return
    greedy = tour_km(origin, nearest_neighbour(origin, stops))
    assert plan.km <= greedy + 1e-9
    assert plan.km == pytest.approx(tour_km(origin, plan.stops))


@settings(max_examples=150, deadline=None)
@given(start=points, stops=st.lists(points, min_size=1, max_size=6, unique_by=lambda p: p.key))
def test_the_route_is_never_shorter_than_the_best_tour(start, stops):
    """A sanity bound: brute force over every order of up to six stops."""
    best = min(tour_km(start, order) for order in permutations(stops))
    assert plan_route(start, stops).km >= best - 1e-9


@settings(max_examples=150, deadline=None)
@given(start=points, stops=st.lists(points, min_size=2, max_size=10, unique_by=lambda p: p.key))
def test_two_opt_leaves_no_improving_reversal(start, stops):
    tour = two_opt(start, nearest_neighbour(start, stops))
    length = tour_km(start, tour)
    for i in range(len(tour)):
        for j in range(i + 1, len(tour)):
            candidate = tour[:i] + tour[i:j + 1][::-1] + tour[j + 1:]
            assert tour_km(start, candidate) >= length - 1e-6


def test_stops_along_a_road_are_visited_in_order():
    """Agadir → Inezgane → Aït Melloul → Taroudant, given scrambled."""
    agadir = Point(30.4278, -9.5981, "agadir")
    road = [Point(30.3544, -9.5376, "inezgane"), Point(30.3346, -9.4972, "ait-melloul"),
            Point(30.4703, -8.8770, "taroudant")]
    plan = plan_route(agadir, [road[2], road[0], road[1]])
    assert [p.key for p in plan.stops] == ["inezgane", "ait-melloul", "taroudant"]
    assert plan.km == pytest.approx(tour_km(agadir, road))


def test_two_opt_shortens_a_tour_where_nearest_neighbour_goes_astray():
    start = Point(30.5, -8.5, "start")
    stops = [Point(30.2, -8.8, "a"), Point(30.2, -8.5, "b"), Point(30.3, -9.0, "c"),
             Point(30.8, -8.4, "d"), Point(30.6, -8.8, "e")]
    greedy = tour_km(start, nearest_neighbour(start, stops))
    assert plan_route(start, stops).km < greedy - 10


def test_no_start_begins_at_the_first_stop_and_no_stop_is_an_empty_route():
    a, b = Point(30.0, -9.0, "a"), Point(31.0, -8.0, "b")
    assert plan_route(None, [a, b]).stops[0] == a
    assert plan_route(None, []).km == 0 and plan_route(a, []).stops == ()
    assert distance_km(a, a) == 0
