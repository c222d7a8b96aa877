"""Property tests of the quote engine over random networks on the real Moroccan geography."""
from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from fulfillment import routing
from fulfillment.routing import ShortCircuitLevel

from .network import PLACES, pricing

CITY_SLUGS = sorted(PLACES)
REGION_IDS = sorted({p.region_id for p in PLACES.values()})
HUB_CITIES = ["casablanca", "marrakech", "fes", "agadir", "rabat", "oujda", "laayoune"]

areas = st.builds(
    routing.Area,
    cities=st.frozensets(st.sampled_from(CITY_SLUGS).map(lambda s: PLACES[s].city_id),
                         max_size=6),
    regions=st.frozensets(st.sampled_from(REGION_IDS), max_size=7),
)
money = st.decimals(min_value=0, max_value=80, places=2)
tariffs = st.builds(
    lambda base, per_km, minimum, per_kg, free, low, extra: pricing(
        base=str(base), per_km=str(per_km), minimum=str(minimum), per_kg=str(per_kg),
        free_grams=free, days=(low, low + extra)),
    money, st.decimals(min_value=0, max_value=1, places=4), money, money,
    st.integers(0, 5000), st.integers(0, 3), st.integers(0, 3),
)


@st.composite
def networks(draw) -> routing.Network:
    count = draw(st.integers(0, 8))
    partners = tuple(
        routing.PartnerNode(
            id=pid, slug=f"p{pid}", name=f"Partner {pid}", pricing=draw(tariffs),
            pickup=draw(areas), dropoff=draw(areas), co2_grams_per_km=draw(st.integers(0, 300)),
            hub=draw(st.none() | st.sampled_from(HUB_CITIES).map(PLACES.get)),
            daily_capacity=draw(st.none() | st.integers(0, 5)))
        for pid in range(1, count + 1))
    booked = draw(st.dictionaries(st.integers(1, 8), st.integers(0, 5), max_size=3))
    factor = draw(st.floats(1.0, 2.0))
    return routing.Network(partners=partners, road_factor=factor, booked=booked)


@st.composite
def pickups(draw) -> routing.Place:
    city = PLACES[draw(st.sampled_from(CITY_SLUGS))]
    return routing.Place(city_id=city.city_id, region_id=city.region_id,
                         latitude=city.latitude + draw(st.floats(-0.05, 0.05)),
                         longitude=city.longitude + draw(st.floats(-0.05, 0.05)))


quote_args = dict(
    network=networks(), pickup=pickups(), dropoff=st.sampled_from(CITY_SLUGS).map(PLACES.get),
    weight=st.integers(0, 40_000),
    day=st.dates(date(2026, 1, 1), date(2027, 1, 1)),
)


def run(network, pickup, dropoff, weight, day) -> routing.Quote:
    return routing.quote(network, pickup=pickup, dropoff=dropoff, weight_grams=weight, day=day,
                         limit=50)


@settings(max_examples=150, deadline=None)
@given(**quote_args)
def test_every_price_is_at_least_its_minimum_and_exact_to_the_centime(network, pickup, dropoff,
                                                                      weight, day):
    for option in run(network, pickup, dropoff, weight, day).options:
        for leg in option.legs:
            assert leg.price >= leg.partner.pricing.minimum_fee
            assert leg.price == leg.price.quantize(Decimal("0.01"))
        assert option.price == sum(leg.price for leg in option.legs)
        assert option.price >= sum(leg.partner.pricing.minimum_fee for leg in option.legs)


@settings(max_examples=150, deadline=None)
@given(**quote_args)
def test_kilometres_are_never_shorter_than_the_straight_line(network, pickup, dropoff, weight,
                                                             day):
    straight = routing.haversine_km(pickup, dropoff)
    for option in run(network, pickup, dropoff, weight, day).options:
        assert option.km >= Decimal(repr(straight))
        assert float(option.km) >= straight * network.road_factor - 1e-6
        assert option.km == sum(leg.km for leg in option.legs)


@settings(max_examples=150, deadline=None)
@given(**quote_args)
def test_legs_chain_from_pickup_to_dropoff_through_hubs(network, pickup, dropoff, weight, day):
    hubs = set(network.hubs())
    for option in run(network, pickup, dropoff, weight, day).options:
        assert 1 <= len(option.legs) <= routing.MAX_HAND_OFFS + 1
        assert option.legs[0].origin == pickup
        assert option.legs[-1].destination == dropoff
        for before, after in zip(option.legs, option.legs[1:], strict=False):
            assert before.destination == after.origin
            assert before.destination in hubs
            assert before.partner.id != after.partner.id


@settings(max_examples=150, deadline=None)
@given(**quote_args)
def test_no_partner_is_used_outside_its_coverage_or_capacity(network, pickup, dropoff, weight,
                                                             day):
    for option in run(network, pickup, dropoff, weight, day).options:
        for leg in option.legs:
            assert leg.partner.pickup.contains(leg.origin)
            assert leg.partner.dropoff.contains(leg.destination)
            assert network.has_capacity(leg.partner)


@settings(max_examples=150, deadline=None)
@given(**quote_args)
def test_options_are_ordered_by_hand_offs_then_km_then_price(network, pickup, dropoff, weight,
                                                             day):
    options = run(network, pickup, dropoff, weight, day).options
    keys = [(o.hand_offs, o.km, o.price) for o in options]
    assert keys == sorted(keys)
    direct = [p for p in network.partners
              if network.has_capacity(p) and p.can_carry(pickup, dropoff)]
    if direct:
        assert options[0].hand_offs == 0
        assert len([o for o in options if o.hand_offs == 0]) == len(direct)
    for relay in (o for o in options if o.hand_offs):
        assert not any(other.dominates(relay) for other in options)


@settings(max_examples=150, deadline=None)
@given(**quote_args)
def test_a_quote_has_options_or_a_reason_and_a_consistent_level(network, pickup, dropoff,
                                                                weight, day):
    result = run(network, pickup, dropoff, weight, day)

    assert (result.reason is None) == bool(result.options)
    for option in result.options:
        if len(option.legs) > 1:
            assert option.level is ShortCircuitLevel.NATIONAL_RELAY
        elif pickup.city_id == dropoff.city_id:
            assert option.level is ShortCircuitLevel.LOCAL
        elif pickup.region_id == dropoff.region_id:
            assert option.level is ShortCircuitLevel.REGIONAL
        else:
            assert option.level is ShortCircuitLevel.NATIONAL_DIRECT
        assert 0 <= option.min_days <= option.max_days
        assert option.co2_grams >= 0


@settings(max_examples=100, deadline=None)
@given(network=networks(), pickup=pickups(),
       dropoff=st.sampled_from(CITY_SLUGS).map(PLACES.get), weight=st.integers(0, 40_000),
       day=st.dates(date(2026, 1, 1), date(2027, 1, 1)))
def test_a_sunday_hand_over_adds_exactly_one_day(network, pickup, dropoff, weight, day):
    sunday = day + timedelta(days=(6 - day.weekday()))
    monday = sunday + timedelta(days=1)

    on_sunday = run(network, pickup, dropoff, weight, sunday).options
    on_monday = run(network, pickup, dropoff, weight, monday).options

    assert [o.key for o in on_sunday] == [o.key for o in on_monday]
    for a, b in zip(on_sunday, on_monday, strict=True):
        assert (a.min_days, a.max_days) == (b.min_days + 1, b.max_days + 1)
