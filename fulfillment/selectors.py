"""Delivery reads: the partner network as routing dataclasses and product-page estimates.

Each function runs a fixed number of SQL queries whatever the size of the network.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from django.conf import settings
from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import get_language

from backend.cooperatives.models import Cooperative
from backend.core.money import format_money

from . import routing
from .messages import no_delivery_message, short_circuit_label
from .models import City, Partner, PartnerCoverage, Region, Shipment, ShipmentStatus

if TYPE_CHECKING:
    from catalog.models import Product

DEFAULT_PARCEL_GRAMS = 500


@dataclass(frozen=True)
class NetworkSnapshot:
    """The routing network plus the partner rows behind it (coverage prefetched)."""

    network: routing.Network
    partners: dict[int, Partner]


def place_for_city(city: City) -> routing.Place:
    return routing.Place(city_id=city.pk, region_id=city.region_id,
                         latitude=float(city.latitude), longitude=float(city.longitude),
                         name=city.name, name_ar=city.name_ar, name_en=city.name_en)


def place_for_cooperative(cooperative: Cooperative) -> routing.Place:
    """Pick-up at the cooperative's own location (its ``city`` must be loaded)."""
    city = cooperative.city
    return routing.Place(city_id=city.pk, region_id=cooperative.region_id,
                         latitude=float(cooperative.latitude),
                         longitude=float(cooperative.longitude),
                         name=city.name, name_ar=city.name_ar, name_en=city.name_en)


def _areas(coverages: list[PartnerCoverage]) -> tuple[routing.Area, routing.Area]:
    pickup: dict[str, set[int]] = {"cities": set(), "regions": set()}
    dropoff: dict[str, set[int]] = {"cities": set(), "regions": set()}
    for coverage in coverages:
        kind, target = (("cities", coverage.city_id) if coverage.city_id
                        else ("regions", coverage.region_id))
        if coverage.can_pickup:
            pickup[kind].add(target)
        if coverage.can_dropoff:
            dropoff[kind].add(target)
    return (routing.Area(frozenset(pickup["cities"]), frozenset(pickup["regions"])),
            routing.Area(frozenset(dropoff["cities"]), frozenset(dropoff["regions"])))


def _pricing(partner: Partner) -> routing.Pricing:
    rule = partner.pricing
    return routing.Pricing(
        base_fee=rule.base_fee, fee_per_km=rule.fee_per_km, minimum_fee=rule.minimum_fee,
        fee_per_kg=rule.fee_per_kg, free_weight_grams=rule.free_weight_grams,
        min_delay_days=rule.min_delay_days, max_delay_days=rule.max_delay_days,
        currency=rule.currency)


def parcels_booked(*, day: date) -> dict[int, int]:
    """Parcels each partner already took for ``day``; shipments (a later issue) will fill it."""
    return {}


def delivery_network_load(*, day: date | None = None) -> NetworkSnapshot:
    """Approved partners with a pricing rule, their coverage and hubs: two SQL queries."""
    day = day or timezone.localdate()
    partners = list(partners_with_coverage(Partner.objects.approved().filter(pricing__isnull=False))
                    .select_related("pricing").order_by("pk"))
    nodes = []
    for partner in partners:
        pickup, dropoff = _areas(list(partner.coverages.all()))
        nodes.append(routing.PartnerNode(
            id=partner.pk, slug=partner.slug, name=partner.name, pricing=_pricing(partner),
            pickup=pickup, dropoff=dropoff,
            co2_grams_per_km=partner.effective_co2_grams_per_km(),
            hub=place_for_city(partner.hub_city) if partner.hub_city else None,
            daily_capacity=partner.daily_capacity, collects_cash=partner.collects_cash))
    network = routing.Network(partners=tuple(nodes), road_factor=float(settings.ROAD_FACTOR),
                              booked=parcels_booked(day=day))
    return NetworkSnapshot(network=network, partners={p.pk: p for p in partners})


def partners_with_coverage(queryset: QuerySet[Partner]) -> QuerySet[Partner]:
    """Partners with their hub and coverage (regions and cities) loaded: two queries."""
    coverages = PartnerCoverage.objects.select_related("region", "city__region").order_by("pk")
    return queryset.select_related("hub_city__region").prefetch_related(
        Prefetch("coverages", queryset=coverages))


def partners_public(*, region: Region | None = None) -> list[Partner]:
    """Approved partners (serving ``region`` when given, by region or by one of its cities)."""
    queryset = Partner.objects.approved()
    if region is not None:
        queryset = queryset.filter(Q(coverages__region=region) | Q(coverages__city__region=region))
    return list(partners_with_coverage(queryset.distinct()).order_by("name", "pk"))


def region_find(value: str) -> Region | None:
    """A region by its ISO code (MA-09) or slug."""
    value = (value or "").strip()
    return Region.objects.filter(Q(code__iexact=value) | Q(slug=value.lower())).first()


@dataclass(frozen=True)
class DeliveryEstimate:
    """The best delivery of a product to a city, or why there is none, ready to display."""

    option: routing.DeliveryOption | None
    reason: routing.NoDeliveryReason | None
    origin: routing.Place
    destination: routing.Place

    @property
    def partner_names(self) -> str:
        """Who carries the parcel, in order ("A → B" through a relay)."""
        return " → ".join(leg.partner.name for leg in self.option.legs) if self.option else ""

    @property
    def origin_name(self) -> str:
        return self.origin.localized_name(get_language() or "fr")

    @property
    def level_label(self) -> str:
        return short_circuit_label(self.option.level) if self.option else ""

    @property
    def co2_kg(self) -> Decimal:
        return Decimal(self.option.co2_grams) / 1000 if self.option else Decimal(0)

    @property
    def price_display(self) -> str:
        if not self.option:
            return ""
        currency = self.option.legs[0].partner.pricing.currency
        return format_money(self.option.price, currency, get_language() or "fr")

    @property
    def message(self) -> str:
        return no_delivery_message(self.reason) if self.reason else ""


def _estimate_weight(product: Product) -> int:
    """The default variant's weight, read from prefetched variants when there are any."""
    variants = list(product.variants.all())
    chosen = next((v for v in variants if v.pk == product.default_variant_id), None)
    chosen = chosen or (variants[0] if variants else None)
    return (chosen.weight_grams if chosen else 0) or DEFAULT_PARCEL_GRAMS


def delivery_estimate(source: Product | Cooperative, city: City, *, day: date | None = None,
                      weight_grams: int | None = None) -> DeliveryEstimate:
    """Best option for a product (or a cooperative's parcel) to ``city``, for the product page.

    ``source`` is a Product (its cooperative and the cooperative's city loaded, as
    ``catalog.selectors.products_with_details`` does) or such a Cooperative.
    Costs the network's two queries (plus one for variants when they are not prefetched).
    """
    if isinstance(source, Cooperative):
        cooperative, weight = source, weight_grams or DEFAULT_PARCEL_GRAMS
    else:
        cooperative, weight = source.cooperative, weight_grams or _estimate_weight(source)
    day = day or timezone.localdate()
    snapshot = delivery_network_load(day=day)
    origin, destination = place_for_cooperative(cooperative), place_for_city(city)
    result = routing.quote(snapshot.network, pickup=origin, dropoff=destination,
                           weight_grams=weight, day=day, limit=1)
    return DeliveryEstimate(option=result.best, reason=result.reason, origin=origin,
                            destination=destination)


def order_parcels_prepared(*, order_id) -> bool:
    """Whether a cooperative has packed a parcel of the order (a shipment past preparation)."""
    return (Shipment.objects.filter(order_id=order_id)
            .exclude(status__in=[ShipmentStatus.AWAITING_PREPARATION, ShipmentStatus.CANCELED])
            .exists())
