"""Choosing the deliveries of a checkout: one parcel per cooperative, so one choice per parcel.

Saleor's checkout has a single ``deliveryMethodId``; a CoopStore basket ships one parcel per
cooperative, each with its own options (fulfillment's quote engine). ``checkout_delivery_options``
returns one quote group per cooperative of the cart, and every option id
(``QuoteGroup.option_id``: ``"<cooperative pk>/<route key>"``) names its cooperative. So a client
chooses the deliveries by calling ``checkoutDeliveryMethodUpdate(id, deliveryMethodId)`` once per
group, with one option id of that group each time: a call sets that cooperative's parcel and
leaves the other parcels as they are. A Saleor client that knows a single method calls it once
and sets one parcel; ``checkoutComplete`` then answers ``SHIPPING_METHOD_NOT_SET`` until every
group has its delivery. (An API id naming one option per parcel is expanded by the GraphQL layer
into one call per parcel, in one transaction.)

The chosen option is stored as a snapshot (``CheckoutDelivery``: price, delays, km, CO2, level,
legs); ``checkout_complete`` checks that each snapshot is still offered before placing the order.
"""
from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Sequence
from datetime import date

from django.db import transaction
from django.db.models import prefetch_related_objects
from django.utils.translation import gettext as _

from backend.accounts.models import Address
from backend.core.errors import DomainError
from fulfillment import routing
from fulfillment.cart_quotes import CartLine, QuoteGroup, cart_quote, legs_snapshot
from fulfillment.models import City

from ..error_codes import CheckoutErrorCode
from ..locks import checkout_for_update
from ..models import Checkout, CheckoutDelivery
from ..selectors import CheckoutLineInfo, checkout_lines_info

DELIVERY_METHOD_FIELD = "deliveryMethodId"
# "<cooperative>/<first partner>" then "@<hub city>:<partner>" per hand-over (routing key).
_PK = r"[1-9]\d{0,17}"
OPTION_ID_PATTERN = re.compile(rf"(?P<cooperative>{_PK})/{_PK}(?:@{_PK}:{_PK})*")
OPTION_ID_MAX_LENGTH = 255
GLOBAL_ID_TYPE = "DeliveryOption"


def _shipping_city(checkout: Checkout) -> City:
    """The city of the checkout's shipping address (one query), or SHIPPING_ADDRESS_NOT_SET."""
    address = None
    if checkout.shipping_address_id is not None:
        address = (Address.objects.select_related("city_ref")
                   .filter(pk=checkout.shipping_address_id).first())
    if address is None or address.city_ref is None:
        raise DomainError.single(CheckoutErrorCode.SHIPPING_ADDRESS_NOT_SET,
                                 _("Shipping address is not set."), "shippingAddress")
    return address.city_ref


def quote_groups_for_lines(*, lines: Sequence[CheckoutLineInfo], destination: City,
                           currency: str, day: date | None = None) -> tuple[QuoteGroup, ...]:
    """Quote each cooperative's parcel of these lines to ``destination``: three queries.

    Only purchasable lines (visible, priced in the channel) make a parcel: the others cannot be
    ordered, and ``checkout_complete`` reports them. Loads the cooperatives' cities in one query
    (routing starts at the cooperative), then the partner network (two).
    """
    buyable = [info for info in lines if info.unit_price is not None and info.is_visible]
    if not buyable:
        return ()
    prefetch_related_objects([info.variant.product.cooperative for info in buyable], "city")
    cart_lines = [CartLine(variant=info.variant, quantity=info.quantity,
                           unit_price=info.unit_price) for info in buyable]
    return cart_quote(lines=cart_lines, destination=destination, currency=currency,
                      day=day).groups


def checkout_delivery_options(*, checkout: Checkout,
                              day: date | None = None) -> tuple[QuoteGroup, ...]:
    """The delivery options of each cooperative's parcel, in the order the cart lists them.

    Nine SQL queries whatever the number of lines or cooperatives (address, lines with their
    variants, prices and translations, cooperatives' cities, partner network). Raises
    SHIPPING_ADDRESS_NOT_SET when the checkout has no address in a known city.
    """
    destination = _shipping_city(checkout)
    return quote_groups_for_lines(lines=checkout_lines_info(checkout), destination=destination,
                                  currency=checkout.currency, day=day)


def _option_id_clean(value: object) -> tuple[str, int]:
    """The raw option id and its cooperative pk, from the raw id or its Relay global ID."""
    raw = value.strip() if isinstance(value, str) else ""
    if raw and not OPTION_ID_PATTERN.fullmatch(raw):
        raw = _from_global_id(raw)
    match = OPTION_ID_PATTERN.fullmatch(raw) if len(raw) <= OPTION_ID_MAX_LENGTH else None
    if match is None:
        raise DomainError.single(CheckoutErrorCode.INVALID,
                                 _("Couldn't resolve to a delivery option: %(id)s")
                                 % {"id": str(value)[:80]}, DELIVERY_METHOD_FIELD)
    return raw, int(match["cooperative"])


def _from_global_id(value: str) -> str:
    """``base64("DeliveryOption:<id>")`` as the API exposes options, else ``""``."""
    try:
        decoded = base64.b64decode(value + "=" * (-len(value) % 4), validate=True).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return ""
    kind, _sep, option_id = decoded.partition(":")
    return option_id if kind == GLOBAL_ID_TYPE else ""


def _snapshot(option: routing.DeliveryOption) -> dict:
    return {"price_amount": option.price,
            "minimum_delivery_days": option.min_days, "maximum_delivery_days": option.max_days,
            "distance_km": option.km, "co2_grams": option.co2_grams,
            "short_circuit_level": option.level.value, "legs": legs_snapshot(option)}


def checkout_delivery_set(*, checkout: Checkout, delivery_method_id: str) -> Checkout:
    """Choose the delivery of one cooperative's parcel: the one ``delivery_method_id`` names.

    The id must be one of the current options of that cooperative's group (else
    DELIVERY_METHOD_NOT_APPLICABLE; a malformed id is INVALID). Stores the option's snapshot,
    replacing that cooperative's previous choice, and drops the choices of cooperatives no longer
    in the cart. Locks the checkout row, so it never races ``checkout_complete``.
    """
    option_id, cooperative_id = _option_id_clean(delivery_method_id)
    with transaction.atomic():
        locked = checkout_for_update(checkout.token)
        if locked is None:
            raise DomainError.single(CheckoutErrorCode.NOT_FOUND,
                                     _("Couldn't resolve to a node: %(id)s")
                                     % {"id": checkout.token}, "id")
        groups = checkout_delivery_options(checkout=locked)
        group = next((g for g in groups if g.cooperative.pk == cooperative_id), None)
        option = group.find_option(option_id) if group else None
        if group is None or option is None:
            raise DomainError.single(
                CheckoutErrorCode.DELIVERY_METHOD_NOT_APPLICABLE,
                _("This delivery method is not available for this parcel."),
                DELIVERY_METHOD_FIELD)
        CheckoutDelivery.objects.filter(checkout=locked).exclude(
            cooperative_id__in=[g.cooperative.pk for g in groups]).delete()
        CheckoutDelivery.objects.update_or_create(
            checkout=locked, cooperative=group.cooperative,
            defaults={**_snapshot(option), "option_id": option_id})
        locked.save(update_fields=["updated_at"])
    return locked


def checkout_deliveries_validate(*, checkout: Checkout, lines: Sequence[CheckoutLineInfo],
                                 day: date | None = None) -> None:
    """Refuse (DELIVERY_METHOD_NOT_APPLICABLE) a stored delivery that is no longer offered.

    For ``checkout_complete``, with the lines it loaded: a partner suspended, a coverage or hub
    removed, a cooperative whose lines were removed since the choice. Five queries whatever
    the cart holds (deliveries, address, cooperatives' cities, network). The stored price is
    kept: it is what the customer saw and agreed to.
    """
    deliveries = list(checkout.deliveries.all())
    if not deliveries:
        return
    groups = {group.cooperative.pk: group for group in quote_groups_for_lines(
        lines=lines, destination=_shipping_city(checkout), currency=checkout.currency, day=day)}
    stale = [d for d in deliveries
             if d.cooperative_id not in groups
             or groups[d.cooperative_id].find_option(d.option_id) is None]
    if stale:
        raise DomainError.single(
            CheckoutErrorCode.DELIVERY_METHOD_NOT_APPLICABLE,
            _("A chosen delivery is no longer available: choose the delivery of each parcel "
              "again."), DELIVERY_METHOD_FIELD)
