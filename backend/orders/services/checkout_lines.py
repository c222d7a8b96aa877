"""Creating a checkout and changing its lines, with Saleor's rules and error codes."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef, Prefetch
from django.utils.translation import gettext as _

from backend.business import rules as pro_rules
from backend.core.errors import DomainError, ErrorItem
from backend.core.validation import uuid_or_none
from catalog.models import Channel, ProductVariant, ProductVariantChannelListing
from catalog.selectors import products_visible, variant_quantity_available

from ..error_codes import CheckoutErrorCode
from ..models import Checkout, CheckoutLine

MAX_LINE_QUANTITY = getattr(settings, "MAX_CHECKOUT_LINE_QUANTITY", 50)


@dataclass(frozen=True)
class LineInput:
    variant_id: int
    quantity: int


def _variants_in(channel: Channel, variant_ids: Sequence[int]) -> dict[int, ProductVariant]:
    """Variants with stock and ``channel`` price, flagged when their product is visible."""
    visible = products_visible(channel, in_listings=False).filter(pk=OuterRef("product_id"))
    listings = ProductVariantChannelListing.objects.filter(channel=channel)
    variants = (ProductVariant.objects.filter(pk__in=list(variant_ids))
                .select_related("product", "stock")
                .prefetch_related(Prefetch("channel_listings", queryset=listings))
                .annotate(is_purchasable_product=Exists(visible)))
    return {variant.pk: variant for variant in variants}


def validate_lines(channel: Channel, wanted: dict[int, int], *,
                   field: str = "lines") -> dict[int, ProductVariant]:
    """Check quantities, visibility, channel price and stock; raise every problem at once."""
    errors: list[ErrorItem] = []
    limit = pro_rules.max_line_quantity(channel, MAX_LINE_QUANTITY)
    for variant_id, quantity in wanted.items():
        if quantity <= 0:
            errors.append(ErrorItem(CheckoutErrorCode.ZERO_QUANTITY,
                                    _("The quantity should be higher than zero."),
                                    "quantity", variants=(variant_id,)))
        elif quantity > limit:
            errors.append(ErrorItem(
                CheckoutErrorCode.QUANTITY_GREATER_THAN_LIMIT,
                _("Cannot add more than %(limit)d times this item.") % {"limit": limit},
                "quantity", variants=(variant_id,)))
    variants = _variants_in(channel, list(wanted))
    for variant_id, quantity in wanted.items():
        variant = variants.get(variant_id)
        if variant is None:
            errors.append(ErrorItem(CheckoutErrorCode.NOT_FOUND,
                                    _("Couldn't resolve to a node: %(id)s") % {"id": variant_id},
                                    "variantId", variants=(variant_id,)))
            continue
        if not variant.is_purchasable_product:
            errors.append(ErrorItem(CheckoutErrorCode.PRODUCT_NOT_PUBLISHED,
                                    _("Cannot add lines for unavailable for purchase variants."),
                                    field, variants=(variant_id,)))
            continue
        if not variant.channel_listings.all():
            errors.append(ErrorItem(
                CheckoutErrorCode.UNAVAILABLE_VARIANT_IN_CHANNEL,
                _("Cannot add lines with unavailable variants."), field, variants=(variant_id,)))
            continue
        if quantity > 0 and variant_quantity_available(variant) < quantity:
            errors.append(ErrorItem(
                CheckoutErrorCode.INSUFFICIENT_STOCK,
                _("Insufficient stock for %(name)s.") % {"name": str(variant)},
                "quantity", variants=(variant_id,)))
    errors.extend(pro_rules.minimum_quantity_errors(channel, wanted))  # pro channel only
    if errors:
        raise DomainError(*errors)
    return variants


def _merged(lines: Sequence[LineInput]) -> dict[int, int]:
    merged: dict[int, int] = {}
    for line in lines:
        merged[line.variant_id] = merged.get(line.variant_id, 0) + line.quantity
    return merged


@transaction.atomic
def checkout_create(*, channel: Channel, lines: Sequence[LineInput], email: str = "",
                    language_code: str = "fr", user=None) -> Checkout:
    """A new cart in ``channel``; refuses inactive channels and bad lines before writing."""
    if not channel.is_active:
        raise DomainError.single(CheckoutErrorCode.CHANNEL_INACTIVE,
                                 _("Cannot create checkout for an inactive channel."), "channel")
    refused = pro_rules.buyer_errors(channel, user)  # the pro channel: approved buyers only
    if refused:
        raise DomainError(*refused)
    wanted = _merged(lines)
    validate_lines(channel, wanted)
    checkout = Checkout.objects.create(
        channel=channel, email=email or (user.email if user else ""),
        language_code=language_code, user=user, currency=channel.currency_code)
    CheckoutLine.objects.bulk_create(
        [CheckoutLine(checkout=checkout, variant_id=v, quantity=q) for v, q in wanted.items()])
    return checkout


@transaction.atomic
def checkout_lines_add(*, checkout: Checkout, lines: Sequence[LineInput]) -> Checkout:
    """Add quantities to existing lines or create them; all-or-nothing."""
    added = _merged(lines)
    for quantity in added.values():
        if quantity <= 0:
            raise DomainError.single(CheckoutErrorCode.ZERO_QUANTITY,
                                     _("The quantity should be higher than zero."), "quantity")
    current = {line.variant_id: line for line in checkout.lines.select_for_update()}
    wanted = {v: q + (current[v].quantity if v in current else 0) for v, q in added.items()}
    validate_lines(checkout.channel, wanted)
    _write_quantities(checkout, current, wanted)
    return checkout


@transaction.atomic
def checkout_lines_update(*, checkout: Checkout, lines: Sequence[LineInput]) -> Checkout:
    """Set quantities; zero deletes the line."""
    current = {line.variant_id: line for line in checkout.lines.select_for_update()}
    wanted = {line.variant_id: line.quantity for line in lines}
    negative = [v for v, q in wanted.items() if q < 0]
    if negative:
        raise DomainError.single(CheckoutErrorCode.ZERO_QUANTITY,
                                 _("The quantity should be higher than zero."), "quantity",
                                 variants=tuple(negative))
    validate_lines(checkout.channel, {v: q for v, q in wanted.items() if q > 0})
    _write_quantities(checkout, current, wanted)
    return checkout


@transaction.atomic
def checkout_lines_delete(*, checkout: Checkout, line_ids: Sequence[str]) -> Checkout:
    existing = set(checkout.lines.values_list("id", flat=True))
    unknown = [i for i in line_ids if uuid_or_none(i) not in existing]
    if unknown:
        raise DomainError.single(CheckoutErrorCode.INVALID,
                                 _("Provided line_ids aren't part of checkout."), "lineIds",
                                 lines=tuple(unknown))
    checkout.lines.filter(id__in=list(line_ids)).delete()
    _drop_deliveries_of_gone_cooperatives(checkout)
    checkout.save(update_fields=["updated_at"])
    return checkout


def _drop_deliveries_of_gone_cooperatives(checkout: Checkout) -> None:
    """A cooperative whose last line left the cart has no parcel, hence no delivery."""
    remaining = checkout.lines.values("variant__product__cooperative_id")
    checkout.deliveries.exclude(cooperative_id__in=remaining).delete()


def _write_quantities(checkout: Checkout, current: dict[int, CheckoutLine],
                      wanted: dict[int, int]) -> None:
    """At most one DELETE, one UPDATE and one INSERT, however many lines change."""
    gone, changed, new = [], [], []
    for variant_id, quantity in wanted.items():
        line = current.get(variant_id)
        if quantity == 0:
            if line:
                gone.append(line.pk)
        elif line:
            line.quantity = quantity
            changed.append(line)
        else:
            new.append(CheckoutLine(checkout=checkout, variant_id=variant_id,
                                    quantity=quantity))
    if gone:
        CheckoutLine.objects.filter(pk__in=gone).delete()
    if changed:
        CheckoutLine.objects.bulk_update(changed, ["quantity"])
    if new:
        CheckoutLine.objects.bulk_create(new)
    _drop_deliveries_of_gone_cooperatives(checkout)
    checkout.save(update_fields=["updated_at"])
