"""A wholesale cart in the pro channel, for an approved business account.

It is an ordinary checkout of channel ``pro``: the normal services add lines, set the address,
the deliveries and the payment method, and ``checkout_complete`` places the order (stock, fair
pay with the pro commission rate, an invoice when paid by bank transfer).
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from backend.accounts.models import Address
from backend.core.errors import DomainError
from backend.orders.models import Checkout
from backend.orders.services.checkout_lines import LineInput, checkout_create

from ..access import is_approved_business
from ..error_codes import BusinessErrorCode
from .listings import pro_channel_get_or_create


@transaction.atomic
def pro_checkout_create(*, user: Any, lines: Sequence[tuple[Any, int]],
                        shipping_address: Address | None = None,
                        language_code: str = "fr") -> Checkout:
    """A pro checkout of ``lines`` ((variant, quantity) pairs) for ``user``.

    Raises a DomainError (``NOT_APPROVED``) unless the user's business account is approved,
    and checkout's own errors (``INVALID`` on field ``quantity`` below a minimum order quantity,
    stock, channel price). ``shipping_address`` (an address, copied) is set when given.
    """
    if not is_approved_business(user):
        raise DomainError.single(BusinessErrorCode.NOT_APPROVED,
                                 _("Only approved business accounts may order in the pro "
                                   "channel."), "user")
    channel = pro_channel_get_or_create()
    checkout = checkout_create(
        channel=channel, user=user, language_code=language_code,
        lines=[LineInput(variant_id=variant.pk, quantity=quantity) for variant, quantity in lines])
    if shipping_address is not None:
        checkout.shipping_address = Address.objects.create(**shipping_address.copy_fields())
        checkout.save(update_fields=["shipping_address", "updated_at"])
    return checkout
