"""Contact, addresses and payment choice of a checkout."""
from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from backend.accounts.models import Address
from backend.accounts.services.addresses import AddressInput, address_clean
from backend.core.errors import DomainError
from backend.core.validation import email_clean
from backend.payments.gateways import get_gateway

from ..error_codes import CheckoutErrorCode
from ..models import Checkout


@transaction.atomic
def checkout_email_update(*, checkout: Checkout, email: str) -> Checkout:
    checkout.email = email_clean(email, code_enum=CheckoutErrorCode)
    checkout.save(update_fields=["email", "updated_at"])
    return checkout


def _replace_address(current: Address | None, data: AddressInput) -> Address:
    cleaned = address_clean(data, code_enum=CheckoutErrorCode)
    if current is not None and current.user_id is None:
        for key, value in cleaned.items():
            setattr(current, key, value)
        current.save()
        return current
    return Address.objects.create(**cleaned)


@transaction.atomic
def checkout_shipping_address_update(*, checkout: Checkout, address: AddressInput) -> Checkout:
    """Set the delivery address; a changed city makes the chosen deliveries stale (dropped)."""
    previous_city = checkout.shipping_address.city_ref_id if checkout.shipping_address else None
    checkout.shipping_address = _replace_address(checkout.shipping_address, address)
    checkout.save(update_fields=["shipping_address", "updated_at"])
    if previous_city != checkout.shipping_address.city_ref_id:
        checkout.deliveries.all().delete()
    return checkout


@transaction.atomic
def checkout_billing_address_update(*, checkout: Checkout, address: AddressInput) -> Checkout:
    checkout.billing_address = _replace_address(checkout.billing_address, address)
    checkout.save(update_fields=["billing_address", "updated_at"])
    return checkout


@transaction.atomic
def checkout_payment_gateway_set(*, checkout: Checkout, gateway_id: str) -> Checkout:
    gateway = get_gateway(gateway_id)
    if (gateway is None or checkout.currency not in gateway.currencies
            or not gateway.offered_in(checkout.channel)):
        raise DomainError.single(CheckoutErrorCode.PAYMENT_ERROR,
                                 _("This payment method is not available."), "paymentGateway")
    checkout.payment_gateway = gateway.id
    checkout.save(update_fields=["payment_gateway", "updated_at"])
    return checkout


@transaction.atomic
def checkout_attach_to_user(*, checkout: Checkout, user) -> Checkout:
    """Give a guest's cart to the account that just signed in (merging into theirs is not done:
    the most recent cart wins, as in Saleor)."""
    checkout.user = user
    if not checkout.email:
        checkout.email = user.email
    checkout.save(update_fields=["user", "email", "updated_at"])
    return checkout


@transaction.atomic
def checkout_customer_detach(*, checkout: Checkout) -> Checkout:
    """Saleor's checkoutCustomerDetach: the cart becomes a guest's again (its e-mail stays)."""
    checkout.user = None
    checkout.save(update_fields=["user", "updated_at"])
    return checkout
