"""A new cooperative applies: it is created PENDING with its first manager; a network admin
approves or suspends it in the admin, and the managers are told by email."""
from __future__ import annotations

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from backend.core.errors import DomainError, ErrorItem
from backend.core.validation import email_clean
from fulfillment.models import City

from ..cleaning import odco_clean, text_clean
from ..error_codes import CooperativeErrorCode as Code
from ..models import Cooperative, CooperativeStaff, CooperativeStatus, StaffRole


@dataclass(frozen=True)
class SignupInput:
    name: str
    odco_number: str
    city_id: object
    phone: str = ""
    email: str = ""
    manager_email: str = ""
    manager_password: str = ""
    manager_first_name: str = ""
    manager_last_name: str = ""


def _city(city_id: object) -> City:
    try:
        pk = int(str(city_id or "").strip())
    except ValueError:
        pk = 0
    city = City.objects.select_related("region").filter(pk=pk).first() if 0 < pk < 2**31 else None
    if city is None:
        raise DomainError.single(Code.INVALID, _("Choose your city in the list."), "city")
    return city


def _unique_slug(name: str) -> str:
    base = (slugify(name) or "cooperative")[:180]
    taken = set(Cooperative.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def _clean(data: SignupInput) -> dict:
    """Every field checked before anything is written; all errors at once."""
    errors: list[ErrorItem] = []
    cleaned: dict = {}
    checks = {
        "name": lambda: text_clean(data.name, field="name", max_length=200),
        "odco_number": lambda: odco_clean(data.odco_number),
        "city": lambda: _city(data.city_id),
        "phone": lambda: text_clean(data.phone, field="phone", max_length=32, required=False),
        "email": lambda: (email_clean(data.email, code_enum=Code) if (data.email or "").strip()
                          else ""),
    }
    for field, check in checks.items():
        try:
            cleaned[field] = check()
        except DomainError as error:
            errors.extend(error.errors)
    if "odco_number" in cleaned and Cooperative.objects.filter(
            odco_number=cleaned["odco_number"]).exists():
        errors.append(ErrorItem(Code.UNIQUE, _("A cooperative with this ODCO registration "
                                               "number is already registered."), "odco_number"))
    if errors:
        raise DomainError(*errors)
    return cleaned


def cooperative_signup(*, data: SignupInput, user=None, language_code: str = "fr"
                       ) -> Cooperative:
    """Create a PENDING cooperative whose manager is ``user`` (signed in) or a new account."""
    from backend.accounts.services.accounts import account_register

    cleaned = _clean(data)
    city = cleaned["city"]
    try:
        with transaction.atomic():
            if user is None or not user.is_authenticated:
                user = account_register(
                    email=data.manager_email, password=data.manager_password,
                    first_name=text_clean(data.manager_first_name, field="manager_first_name",
                                          max_length=150, required=False),
                    last_name=text_clean(data.manager_last_name, field="manager_last_name",
                                         max_length=150, required=False),
                    language_code=language_code)
            cooperative = Cooperative.objects.create(
                name=cleaned["name"], slug=_unique_slug(cleaned["name"]),
                odco_number=cleaned["odco_number"], region=city.region, city=city,
                latitude=city.latitude, longitude=city.longitude, phone=cleaned["phone"],
                email=cleaned["email"] or user.email, status=CooperativeStatus.PENDING)
            CooperativeStaff.objects.create(cooperative=cooperative, user=user,
                                            role=StaffRole.MANAGER)
    except IntegrityError:  # a racing sign-up took the number (or the slug) first
        raise DomainError.single(Code.UNIQUE, _("A cooperative with this ODCO registration "
                                                "number is already registered."),
                                 "odco_number") from None
    return cooperative


def cooperatives_set_status(*, cooperative_ids: list[int], status: str) -> list[int]:
    """Approve or suspend cooperatives; their managers get an email. Returns the changed ids.

    Products go live (or off) through the storefront selectors, which show approved
    cooperatives only. Unchanged cooperatives send nothing (idempotent admin action).
    """
    if status not in (CooperativeStatus.APPROVED, CooperativeStatus.SUSPENDED):
        raise DomainError.single(Code.INVALID, _("Unknown status."), "status")
    with transaction.atomic():
        changed = list(Cooperative.objects.select_for_update()
                       .filter(pk__in=cooperative_ids).exclude(status=status)
                       .order_by("pk").values_list("pk", flat=True))
        Cooperative.objects.filter(pk__in=changed).update(status=status,
                                                          updated_at=timezone.now())
        if changed:
            from backend.outbox.services import enqueue

            for pk in changed:
                enqueue("backend.cooperatives.tasks.cooperative_send_status_email",
                        args=[pk, str(status)])
    return changed
