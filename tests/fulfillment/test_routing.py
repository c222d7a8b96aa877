"""Table tests of the quote engine, one per short-circuit level and per reason; no database."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from fulfillment import routing
from fulfillment.routing import NoDeliveryReason, ShortCircuitLevel

from .network import PLACES, cooperative_at, network, partner, pricing

MONDAY = date(2026, 11, 30)
SUNDAY = date(2026, 11, 29)


def quote(net: routing.Network, origin: routing.Place, city: str, *, weight: int = 500,
          day: date = MONDAY, limit: int = routing.DEFAULT_OPTION_LIMIT) -> routing.Quote:
    return routing.quote(net, pickup=origin, dropoff=PLACES[city], weight_grams=weight, day=day,
                         limit=limit)


@pytest.mark.parametrize(("origin", "city", "partners", "level", "legs"), [
    ("agadir", "agadir", [partner(1, cities=("agadir",))], ShortCircuitLevel.LOCAL, 1),
    ("taliouine", "agadir", [partner(1, regions=("MA-09",))], ShortCircuitLevel.REGIONAL, 1),
    ("taliouine", "tanger", [partner(1, regions=("MA-09", "MA-01"))],
     ShortCircuitLevel.NATIONAL_DIRECT, 1),
    ("taliouine", "tanger", [partner(1, regions=("MA-09",), cities=("marrakech",)),
                             partner(2, regions=("MA-01", "MA-07"), hub="marrakech")],
     ShortCircuitLevel.NATIONAL_RELAY, 2),
    ("taliouine", "tanger", [partner(1, regions=("MA-09",), cities=("marrakech",)),
                             partner(2, cities=("marrakech", "casablanca"), hub="marrakech"),
                             partner(3, regions=("MA-01",), cities=("casablanca",),
                                     hub="casablanca")],
     ShortCircuitLevel.NATIONAL_RELAY, 3),
])
def test_each_short_circuit_level_is_given_to_the_first_option(origin, city, partners, level,
                                                               legs):
    result = quote(network(*partners), cooperative_at(origin), city)

    assert result.reason is None
    assert result.best.level is level
    assert len(result.best.legs) == legs
    assert result.best.legs[0].origin == cooperative_at(origin)
    assert result.best.legs[-1].destination == PLACES[city]


@pytest.mark.parametrize(("partners", "reason"), [
    ([partner(1, regions=("MA-09",))], NoDeliveryReason.NO_DROPOFF_PARTNER),
    ([partner(1, regions=("MA-01",))], NoDeliveryReason.NO_PICKUP_PARTNER),
    ([partner(1, regions=("MA-09",)), partner(2, regions=("MA-01",))], NoDeliveryReason.NO_ROUTE),
    ([partner(1, regions=("MA-09", "MA-01"), capacity=3)], NoDeliveryReason.CAPACITY_REACHED),
    ([], NoDeliveryReason.NO_DROPOFF_PARTNER),
])
def test_no_option_comes_with_a_reason_and_never_raises(partners, reason):
    result = quote(network(*partners, booked={1: 3}), cooperative_at("taliouine"), "tanger")

    assert result.options == ()
    assert result.best is None
    assert result.reason is reason


def test_a_partner_only_dropping_off_at_the_origin_cannot_pick_up_there():
    only_drops = partner(1, regions=("MA-09",), pickup=routing.Area(),
                         dropoff=routing.Area(regions=frozenset({9})))

    result = quote(network(only_drops), cooperative_at("taliouine"), "agadir")

    assert result.reason is NoDeliveryReason.NO_PICKUP_PARTNER


def test_a_leg_costs_base_plus_km_plus_started_kg_above_the_free_weight():
    rule = pricing(base="18.00", per_km="0.06", minimum="20.00", per_kg="3.00", free_grams=2000)

    assert rule.leg_price(Decimal("209.3"), 500) == Decimal("30.56")
    assert rule.leg_price(Decimal("209.3"), 2000) == Decimal("30.56")
    assert rule.leg_price(Decimal("209.3"), 2001) == Decimal("33.56")
    assert rule.leg_price(Decimal("209.3"), 3500) == Decimal("36.56")
    assert rule.leg_price(Decimal("10.0"), 500) == Decimal("20.00")


def test_road_kilometres_are_the_great_circle_times_the_factor_rounded_up_to_100_m():
    casablanca, rabat = PLACES["casablanca"], PLACES["rabat"]

    straight = routing.haversine_km(casablanca, rabat)
    road = routing.road_km(casablanca, rabat, 1.3)

    assert 84 < straight < 88  # the two city centres are about 85 km apart
    assert Decimal(repr(straight * 1.3)) <= road < Decimal(repr(straight * 1.3)) + Decimal("0.1")
    assert road == road.quantize(Decimal("0.1"))


def test_an_option_adds_up_its_legs_price_delay_km_and_co2():
    first = partner(1, regions=("MA-09",), cities=("marrakech",), co2=60,
                    price=pricing(days=(1, 2)))
    second = partner(2, regions=("MA-01", "MA-07"), hub="marrakech", co2=80,
                     price=pricing(base="30.00", days=(2, 3)))

    option = quote(network(first, second), cooperative_at("taliouine"), "tanger").best

    assert [leg.partner.id for leg in option.legs] == [1, 2]
    assert option.legs[0].destination == PLACES["marrakech"] == option.legs[1].origin
    assert option.price == option.legs[0].price + option.legs[1].price
    assert option.km == option.legs[0].km + option.legs[1].km
    assert (option.min_days, option.max_days) == (3, 5)
    expected_co2 = option.legs[0].km * 60 + option.legs[1].km * 80
    assert option.co2_grams == int(expected_co2.quantize(Decimal(1)))
    assert option.hand_offs == 1
    assert option.key == f"1@{PLACES['marrakech'].city_id}:2"


def test_options_are_sorted_by_hand_offs_then_km_then_price():
    cheap_direct = partner(1, regions=("MA-09", "MA-01"), price=pricing(base="50.00"))
    dear_direct = partner(2, regions=("MA-09", "MA-01"), price=pricing(base="70.00"))
    to_hub = partner(3, regions=("MA-09",), cities=("marrakech",), price=pricing(base="5.00"))
    from_hub = partner(4, regions=("MA-01", "MA-07"), hub="marrakech", price=pricing(base="5.00"))

    options = quote(network(dear_direct, to_hub, cheap_direct, from_hub),
                    cooperative_at("taliouine"), "tanger").options

    assert [o.partners[0].id for o in options[:2]] == [1, 2]
    assert options[0].price < options[1].price
    assert options[2].hand_offs == 1
    assert options[2].price < options[0].price  # cheaper, but one more hand-off
    assert [o.sort_key() for o in options] == sorted(o.sort_key() for o in options)


def test_a_partner_never_hands_a_parcel_over_to_itself():
    everywhere = partner(1, regions=("MA-09", "MA-07", "MA-01"), hub="marrakech")

    options = quote(network(everywhere), cooperative_at("taliouine"), "tanger").options

    assert [len(o.legs) for o in options] == [1]


def test_no_chain_has_more_than_two_hand_offs():
    chain = [
        partner(1, regions=("MA-09",), cities=("marrakech",)),
        partner(2, cities=("marrakech", "casablanca"), hub="marrakech"),
        partner(3, cities=("casablanca", "rabat"), hub="casablanca"),
        partner(4, regions=("MA-01",), cities=("rabat",), hub="rabat"),
    ]

    result = quote(network(*chain), cooperative_at("taliouine"), "tanger")

    assert result.reason is NoDeliveryReason.NO_ROUTE


def test_a_parcel_handed_over_on_sunday_waits_one_more_day():
    net = network(partner(1, regions=("MA-09",), price=pricing(days=(1, 2))))

    monday = quote(net, cooperative_at("taliouine"), "agadir", day=MONDAY).best
    sunday = quote(net, cooperative_at("taliouine"), "agadir", day=SUNDAY).best

    assert (monday.min_days, monday.max_days) == (1, 2)
    assert (sunday.min_days, sunday.max_days) == (2, 3)


def test_a_fully_booked_partner_is_skipped_for_the_day():
    net = network(partner(1, regions=("MA-09",), capacity=2),
                  partner(2, regions=("MA-09",), capacity=10), booked={1: 2, 2: 9})

    options = quote(net, cooperative_at("taliouine"), "agadir").options

    assert [o.partners[0].id for o in options] == [2]


def test_the_number_of_options_is_limited():
    net = network(*(partner(n, regions=("MA-09",)) for n in range(1, 9)))

    assert len(quote(net, cooperative_at("taliouine"), "agadir", limit=3).options) == 3


def test_a_negative_weight_is_a_programming_error():
    with pytest.raises(ValueError):
        quote(network(partner(1, regions=("MA-09",))), cooperative_at("taliouine"), "agadir",
              weight=-1)
