"""Registering a business account and a network admin's decision on it."""
from __future__ import annotations

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from backend.accounts.models import User
from backend.accounts.services.accounts import account_register
from backend.core.errors import DomainError
from backend.outbox.services import enqueue

from ..error_codes import BusinessErrorCode
from ..models import ICE_VALIDATOR, BusinessAccount, BusinessKind, BusinessStatus


@dataclass(frozen=True)
class BusinessInput:
    company_name: str
    ice: str
    kind: str
    street_address: str
    city: str
    phone: str
    postal_code: str = ""


def ice_clean(value: str) -> str:
    """An ICE number: exactly 15 digits (spaces allowed when typed, removed)."""
    ice = (value or "").replace(" ", "")
    if len(ice) != 15 or not ice.isascii() or not ice.isdigit():
        raise DomainError.single(BusinessErrorCode.INVALID,
                                 str(ICE_VALIDATOR.message), "ice")
    return ice


def _clean(data: BusinessInput) -> dict[str, str]:
    ice = ice_clean(data.ice)
    if data.kind not in BusinessKind.values:
        raise DomainError.single(BusinessErrorCode.INVALID, _("Choose a kind of business."),
                                 "kind")
    cleaned = {"company_name": data.company_name, "street_address": data.street_address,
               "city": data.city, "phone": data.phone, "postal_code": data.postal_code}
    for field, value in cleaned.items():
        if (not isinstance(value, str) or "\x00" in value
                or (field != "postal_code" and not value.strip())):
            raise DomainError.single(BusinessErrorCode.REQUIRED, _("This field is required."),
                                     field)
    limits = {"company_name": 200, "street_address": 256, "city": 128, "phone": 32,
              "postal_code": 10}
    cleaned = {k: v.strip()[:limits[k]] for k, v in cleaned.items()}
    if BusinessAccount.objects.filter(ice=ice).exists():
        raise DomainError.single(BusinessErrorCode.UNIQUE,
                                 _("A business account with this ICE number already exists."),
                                 "ice")
    return {**cleaned, "ice": ice, "kind": data.kind}


@transaction.atomic
def business_account_register(*, data: BusinessInput, user: User | None = None,
                              email: str = "", password: str = "",
                              language_code: str = "fr") -> BusinessAccount:
    """A pending business account for ``user`` (signed in) or a new user (email, password).

    Nothing is visible to the buyer before a network admin approves it.
    """
    cleaned = _clean(data)
    if user is None:
        user = account_register(email=email, password=password, language_code=language_code)
    elif BusinessAccount.objects.filter(user=user).exists():
        raise DomainError.single(BusinessErrorCode.UNIQUE,
                                 _("This account already has a business account."), "user")
    try:
        with transaction.atomic():  # two applications racing for one ICE: the second is told
            return BusinessAccount.objects.create(user=user, **cleaned)
    except IntegrityError:
        raise DomainError.single(BusinessErrorCode.UNIQUE,
                                 _("A business account with this ICE number already exists."),
                                 "ice") from None


def _decide(account_id: int, *, status: str, admin: User | None) -> BusinessAccount:
    account = BusinessAccount.objects.select_for_update().filter(pk=account_id).first()
    if account is None:
        raise DomainError.single(BusinessErrorCode.NOT_FOUND, _("No such business account."),
                                 "id")
    if account.status == status:
        return account
    account.status = status
    fields = ["status"]
    if status == BusinessStatus.APPROVED:
        account.approved_at, account.approved_by = timezone.now(), admin
        fields += ["approved_at", "approved_by"]
    account.save(update_fields=fields)
    enqueue("backend.business.tasks.business_account_send_decision", args=[account.pk],
            dedup_key=f"business-decision:{account.pk}:{status}:{timezone.now():%Y%m%d%H%M%S%f}")
    return account


@transaction.atomic
def business_account_approve(*, account_id: int, admin: User | None = None) -> BusinessAccount:
    """Open the pro channel to the account and e-mail the applicant."""
    return _decide(account_id, status=BusinessStatus.APPROVED, admin=admin)


@transaction.atomic
def business_account_reject(*, account_id: int, admin: User | None = None) -> BusinessAccount:
    return _decide(account_id, status=BusinessStatus.REJECTED, admin=admin)


@transaction.atomic
def business_account_suspend(*, account_id: int, admin: User | None = None) -> BusinessAccount:
    """Close the pro channel to an approved account (its open pro carts cannot be completed)."""
    return _decide(account_id, status=BusinessStatus.SUSPENDED, admin=admin)
