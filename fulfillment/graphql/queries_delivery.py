"""Root fields of the delivery network: ``partners`` and ``deliveryOptions``.

Resolvers only read the input, call one selector and shape its result.
"""
from __future__ import annotations

from typing import Any

import graphene
import prices
from django.utils import translation

from backend.core.errors import DomainError
from backend.graphql.core.enums import LanguageCodeEnum
from backend.graphql.core.ids import decode_global_id, to_global_id
from backend.graphql.core.languages import content_language
from backend.graphql.core.types import NonNullList, weight_in_grams
from fulfillment import routing
from fulfillment.cart_quotes import CartQuote, LineRequest, QuoteGroup, delivery_options_quote
from fulfillment.messages import no_delivery_message
from fulfillment.models import City as CityModel
from fulfillment.models import Region as RegionModel
from fulfillment.selectors import partners_public, region_find

from .types_delivery import (
    DeliveryAddressInput,
    DeliveryError,
    DeliveryGroup,
    DeliveryGroupLine,
    DeliveryLeg,
    DeliveryLineInput,
    DeliveryOption,
    DeliveryPartner,
    DeliveryQuote,
)


def _variant_pk(global_id: Any) -> int | None:
    try:
        type_name, pk = decode_global_id(global_id)
    except ValueError:
        return None
    return pk if type_name == "ProductVariant" else None


def _region(value: str) -> RegionModel | None:
    try:
        type_name, pk = decode_global_id(value)
    except ValueError:
        return region_find(value)
    return RegionModel.objects.filter(pk=pk).first() if type_name == "Region" else None


def _option(group: QuoteGroup, option: routing.DeliveryOption, partners: dict,
            cities: dict[int, CityModel]) -> DeliveryOption:
    currency = group.currency
    return DeliveryOption(
        id=to_global_id("DeliveryOption", group.option_id(option)),
        price=prices.Money(option.price, currency),
        minimum_delivery_days=option.min_days, maximum_delivery_days=option.max_days,
        distance_km=float(option.km), short_circuit_level=option.level,
        co2_grams=option.co2_grams, hand_offs=option.hand_offs,
        legs=[DeliveryLeg(partner=partners[leg.partner.id], from_=cities[leg.origin.city_id],
                          to=cities[leg.destination.city_id], distance_km=float(leg.km),
                          price=prices.Money(leg.price, currency))
              for leg in option.legs])


def _group(group: QuoteGroup, partners: dict, cities: dict[int, CityModel]) -> DeliveryGroup:
    currency = group.currency
    delivery, total = group.delivery_price, group.total
    reason = group.quote.reason
    return DeliveryGroup(
        cooperative=group.cooperative, origin=group.cooperative.city,
        lines=[DeliveryGroupLine(variant_id=to_global_id("ProductVariant", line.variant.pk),
                                 quantity=line.quantity,
                                 total_price=prices.Money(line.total, currency))
               for line in group.lines],
        weight=weight_in_grams(group.weight_grams),
        subtotal=prices.Money(group.subtotal, currency),
        delivery_price=None if delivery is None else prices.Money(delivery, currency),
        total=None if total is None else prices.Money(total, currency),
        options=[_option(group, option, partners, cities) for option in group.quote.options],
        no_delivery_reason=reason, message=no_delivery_message(reason) if reason else None)


def _quote(quote: CartQuote) -> DeliveryQuote:
    """Shape the quote; partners and cities come from rows already loaded, no query."""
    partners = quote.snapshot.partners
    cities = {p.hub_city_id: p.hub_city for p in partners.values() if p.hub_city_id}
    cities.update({g.cooperative.city_id: g.cooperative.city for g in quote.groups})
    cities[quote.destination.pk] = quote.destination
    currency = quote.currency
    delivery, total = quote.delivery_total, quote.total
    return DeliveryQuote(
        groups=[_group(group, partners, cities) for group in quote.groups],
        subtotal=prices.Money(quote.subtotal, currency),
        delivery_total=None if delivery is None else prices.Money(delivery, currency),
        total=None if total is None else prices.Money(total, currency), errors=[])


def _errors(error: DomainError) -> DeliveryQuote:
    return DeliveryQuote(groups=[], errors=[
        DeliveryError(field=item.field, message=item.message, code=item.code,
                      variants=list(item.variants) or None)
        for item in error.errors])


class DeliveryQueries(graphene.ObjectType):
    partners = NonNullList(
        DeliveryPartner, required=True,
        region=graphene.ID(description="A region's ID, or its ISO code (MA-09) or slug."),
        description="Approved delivery partners, those serving a region when given.")
    delivery_options = graphene.Field(
        DeliveryQuote, required=True,
        channel=graphene.String(description="Slug of a channel; the default one when omitted."),
        lines=NonNullList(DeliveryLineInput, required=True),
        address=DeliveryAddressInput(required=True),
        language_code=LanguageCodeEnum(description="Language of the messages; the request's "
                                                   "when omitted."),
        description="Delivery options of a cart to an address: one group per cooperative, "
                    "each with its options, best first.")

    @staticmethod
    def resolve_partners(_root: Any, _info: Any, *, region: str | None = None) -> list:
        if region is None:
            return partners_public()
        found = _region(region)
        return partners_public(region=found) if found else []

    @staticmethod
    def resolve_delivery_options(_root: Any, _info: Any, *, lines: list, address: Any,
                                 channel: str | None = None, language_code: Any = None
                                 ) -> DeliveryQuote:
        code = getattr(language_code, "value", language_code)
        language = content_language(str(code)) if code else translation.get_language()
        requests = [LineRequest(reference=str(line.variant_id),
                                variant_id=_variant_pk(line.variant_id), quantity=line.quantity)
                    for line in lines]
        with translation.override(language):
            try:
                quote = delivery_options_quote(lines=requests, city=address.city,
                                               postal_code=address.postal_code or "",
                                               channel_slug=channel)
            except DomainError as error:
                return _errors(error)
            return _quote(quote)
