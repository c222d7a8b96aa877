"""productCreate / productUpdate / productDelete for cooperative staff only."""
from __future__ import annotations

import json

import pytest

from catalog.models import Product
from tests.factories.catalog import CategoryFactory, ProductTypeFactory, UserFactory
from tests.graphql.conftest import gid

pytestmark = pytest.mark.django_db

CREATE = """
mutation($input: ProductCreateInput!) {
  productCreate(input: $input) {
    product { id name slug seoTitle seoDescription description category { id }
              cooperative { name } metafield(key: "origin") }
    errors { field code message attributes values }
    productErrors { field code }
  }
}"""
UPDATE = """
mutation($id: ID, $input: ProductInput!, $ref: String) {
  productUpdate(id: $id, input: $input, externalReference: $ref) {
    product { id name slug seoTitle description category { id } }
    errors { field code message }
  }
}"""
DELETE = """
mutation($id: ID) {
  productDelete(id: $id) { product { id name } errors { field code message } }
}"""
DESCRIPTION = {"blocks": [{"type": "paragraph", "data": {"text": "Safran en filaments."}}]}


def _create_input(**extra):
    return {"name": "Safran en filaments", "productType": gid("ProductType",
                                                               ProductTypeFactory().pk),
            "category": gid("Category", CategoryFactory().pk), "attributes": [],
            "description": json.dumps(DESCRIPTION), "seo": {"title": "Safran",
                                                             "description": "Le meilleur"},
            **extra}


def test_a_manager_creates_a_product_for_their_cooperative(graphql, as_a, coop_a):
    body = graphql(CREATE, input=_create_input(
        metadata=[{"key": "origin", "value": "Taliouine"}], taxClass=None, rating=4.5,
        weight=0.25))

    result = body["data"]["productCreate"]
    assert result["errors"] == [] and result["productErrors"] == []
    product = Product.objects.get()
    assert result["product"]["id"] == gid("Product", product.pk)
    assert result["product"]["name"] == "Safran en filaments"
    assert result["product"]["slug"] == "safran-en-filaments"
    assert result["product"]["seoTitle"] == "Safran"
    assert result["product"]["cooperative"] == {"name": coop_a.name}
    assert json.loads(result["product"]["description"]) == DESCRIPTION
    assert result["product"]["metafield"] == "Taliouine"
    assert product.cooperative_id == coop_a.pk
    assert "filaments" in product.search_document


@pytest.mark.parametrize(("change", "field", "code"), [
    ({"name": ""}, "name", "REQUIRED"),
    ({"name": "x" * 5000}, "name", "INVALID"),
    ({"name": "Sa\x00fran"}, "name", "INVALID"),
    ({"productType": "nope"}, "productType", "GRAPHQL_ERROR"),
    ({"productType": ""}, "productType", "GRAPHQL_ERROR"),
    ({"productType": gid("Category", 1)}, "productType", "NOT_FOUND"),
    ({"productType": gid("ProductType", 2**62)}, "productType", "NOT_FOUND"),
    ({"productType": gid("ProductType", 2**70)}, "productType", "GRAPHQL_ERROR"),
    ({"category": gid("Category", 999999)}, "category", "NOT_FOUND"),
    ({"category": "\x00"}, "category", "GRAPHQL_ERROR"),
    ({"cooperative": gid("Cooperative", 999999)}, "cooperative", "NOT_FOUND"),
])
def test_bad_input_is_a_field_error_and_creates_nothing(graphql, as_a, change, field, code):
    body = graphql(CREATE, input=_create_input(**change))

    assert [(e["field"], e["code"]) for e in body["data"]["productCreate"]["errors"]] == [
        (field, code)]
    assert body["data"]["productCreate"]["product"] is None
    assert not Product.objects.exists()


def test_an_explicit_slug_already_taken_is_unique_error(graphql, as_a, product_b):
    body = graphql(CREATE, input=_create_input(slug=product_b.slug))

    assert [(e["field"], e["code"]) for e in body["data"]["productCreate"]["errors"]] == [
        ("slug", "UNIQUE")]
    assert Product.objects.count() == 1


def test_a_manager_cannot_create_a_product_for_another_cooperative(graphql, as_a, coop_b):
    body = graphql(CREATE, input=_create_input(cooperative=gid("Cooperative", coop_b.pk)))

    assert [(e["field"], e["code"]) for e in body["data"]["productCreate"]["errors"]] == [
        ("cooperative", "NOT_FOUND")]
    assert not Product.objects.exists()


def test_a_network_admin_names_the_cooperative(graphql, api_login, coop_b):
    api_login(UserFactory(email="admin@coopstore.ma", is_staff=True))

    missing = graphql(CREATE, input=_create_input())["data"]["productCreate"]
    created = graphql(CREATE, input=_create_input(
        cooperative=gid("Cooperative", coop_b.pk)))["data"]["productCreate"]

    assert [(e["field"], e["code"]) for e in missing["errors"]] == [("cooperative", "REQUIRED")]
    assert created["errors"] == []
    assert Product.objects.get().cooperative_id == coop_b.pk


@pytest.mark.parametrize("who", ["anonymous", "customer"])
def test_callers_without_a_cooperative_get_saleors_permission_error(graphql, api_login, who,
                                                                     product_a, unchanged):
    if who == "customer":
        api_login(UserFactory(email="client@example.ma"))
    with unchanged():
        create = graphql(CREATE, input=_create_input())
        update = graphql(UPDATE, id=gid("Product", product_a.pk), input={"name": "Volé"})
        delete = graphql(DELETE, id=gid("Product", product_a.pk))

    for body, name in ((create, "productCreate"), (update, "productUpdate"),
                       (delete, "productDelete")):
        assert body["data"] == {name: None}
        assert body["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied"
        assert body["errors"][0]["message"] == ("To access this path, you need one of the "
                                                "following permissions: MANAGE_PRODUCTS")


def test_a_manager_updates_only_the_fields_sent(graphql, as_a, product_a):
    category = CategoryFactory()
    body = graphql(UPDATE, id=gid("Product", product_a.pk),
                   input={"name": "Safran de Taliouine", "category": gid("Category",
                                                                           category.pk)})

    result = body["data"]["productUpdate"]
    assert result["errors"] == []
    assert result["product"]["name"] == "Safran de Taliouine"
    assert result["product"]["slug"] == "safran-pur"
    assert result["product"]["category"] == {"id": gid("Category", category.pk)}
    product_a.refresh_from_db()
    assert product_a.description == {"blocks": [{"type": "paragraph",
                                                 "data": {"text": "Safran pur du terroir."}}]}


@pytest.mark.parametrize("mutation", ["update", "delete"])
def test_another_cooperatives_product_is_not_found_and_unchanged(graphql, as_a, product_b,
                                                                 product_a, mutation,
                                                                 unchanged):
    with unchanged():
        if mutation == "update":
            result = graphql(UPDATE, id=gid("Product", product_b.pk),
                             input={"name": "Volé"})["data"]["productUpdate"]
        else:
            result = graphql(DELETE, id=gid("Product", product_b.pk))["data"]["productDelete"]

    assert [(e["field"], e["code"]) for e in result["errors"]] == [("id", "NOT_FOUND")]
    assert result["product"] is None


def test_isolation_holds_the_other_way_too(graphql, as_b, product_a, unchanged):
    with unchanged():
        result = graphql(UPDATE, id=gid("Product", product_a.pk),
                         input={"name": "Volé"})["data"]["productUpdate"]

    assert [(e["field"], e["code"]) for e in result["errors"]] == [("id", "NOT_FOUND")]


@pytest.mark.parametrize(("args", "field", "code"), [
    ({"id": "bm9wZQ=="}, "id", "GRAPHQL_ERROR"),
    ({"id": ""}, "id", "GRAPHQL_ERROR"),
    ({"id": "a\x00b"}, "id", "GRAPHQL_ERROR"),
    ({"id": "x" * 100_000}, "id", "GRAPHQL_ERROR"),
    ({"id": gid("Category", 1)}, "id", "NOT_FOUND"),
    ({}, "id", "GRAPHQL_ERROR"),
    ({"ref": "ERP-1"}, "externalReference", "NOT_FOUND"),
])
def test_malformed_ids_are_field_errors(graphql, as_a, product_a, args, field, code,
                                        unchanged):
    with unchanged():
        result = graphql(UPDATE, input={"name": "Nouveau"}, **args)["data"]["productUpdate"]

    assert [(e["field"], e["code"]) for e in result["errors"]] == [(field, code)]


def test_update_refusals_change_nothing(graphql, as_a, product_a, product_b, unchanged):
    with unchanged():
        taken = graphql(UPDATE, id=gid("Product", product_a.pk),
                        input={"slug": product_b.slug, "name": "Autre"})
        empty = graphql(UPDATE, id=gid("Product", product_a.pk), input={"name": " "})
        bad = graphql(UPDATE, id=gid("Product", product_a.pk),
                      input={"description": json.dumps({"blocks": "no"})})

    assert [e["code"] for e in taken["data"]["productUpdate"]["errors"]] == ["UNIQUE"]
    assert [e["code"] for e in empty["data"]["productUpdate"]["errors"]] == ["REQUIRED"]
    assert [e["code"] for e in bad["data"]["productUpdate"]["errors"]] == ["INVALID"]


def test_a_manager_deletes_their_product(graphql, as_a, product_a, product_b):
    result = graphql(DELETE, id=gid("Product", product_a.pk))["data"]["productDelete"]

    assert result == {"product": {"id": gid("Product", product_a.pk), "name": "Safran pur"},
                      "errors": []}
    assert list(Product.objects.values_list("pk", flat=True)) == [product_b.pk]
