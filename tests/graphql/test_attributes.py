"""Saleor's attribute fields validate for Saleor clients and are empty in CoopStore."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db

QUERY = """query($slug: String!) { product(slug: $slug) {
  flag: assignedAttribute(slug: "bestseller") { ... on AssignedBooleanAttribute { value } }
  assignedAttributes(limit: 50) { attribute { name slug }
    ... on AssignedPlainTextAttribute { text: value translation(languageCode: AR) }
    ... on AssignedSingleChoiceAttribute { choice: value { name slug } }
    ... on AssignedMultiChoiceAttribute { choices: value { name } }
    ... on AssignedNumericAttribute { number: value } }
  attributes { attribute { slug } values { name } }
  productVariants(first: 5) { edges { node {
    attributes(variantSelection: VARIANT_SELECTION) { attribute { slug inputType }
      values { name slug value file { url } translation(languageCode: AR) { name } } }
    assignedAttributes { attribute { slug } } } } } } }"""


def test_products_and_variants_have_no_attributes(product, graphql_data):
    data = graphql_data(QUERY, slug=product.slug)["product"]

    assert data == {"flag": None, "assignedAttributes": [], "attributes": [],
                    "productVariants": {"edges": [{"node": {"attributes": [],
                                                            "assignedAttributes": []}}]}}


def test_assigned_attributes_limit_must_be_positive(product, graphql):
    body = graphql('query($slug: String!) { product(slug: $slug) { '
                   'assignedAttributes(limit: 0) { attribute { slug } } } }', slug=product.slug)

    assert [error["message"] for error in body["errors"]] == [
        "Expected a positive integer, got: 0."]
