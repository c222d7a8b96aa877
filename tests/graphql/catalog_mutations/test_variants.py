"""Variant mutations: create, update, delete, stocks per warehouse, price per channel."""
from __future__ import annotations

from decimal import Decimal

import pytest

from catalog.models import ProductVariant, ProductVariantChannelListing, Stock
from tests.graphql.conftest import gid

pytestmark = pytest.mark.django_db

CREATE = """
mutation($input: ProductVariantCreateInput!) {
  productVariantCreate(input: $input) {
    productVariant { id name sku weight { unit value } trackInventory quantityLimitPerCustomer
                     quantityAvailable product { id } }
    errors { field code message }
  }
}"""
UPDATE = """
mutation($id: ID, $sku: String, $input: ProductVariantInput!) {
  productVariantUpdate(id: $id, sku: $sku, input: $input) {
    productVariant { id name sku weight { value } }
    errors { field code message }
  }
}"""
DELETE = """
mutation($id: ID, $sku: String) {
  productVariantDelete(id: $id, sku: $sku) { productVariant { id } errors { field code } }
}"""
STOCKS = """
mutation($id: ID, $sku: String, $stocks: [StockInput!]!) {
  productVariantStocksUpdate(variantId: $id, sku: $sku, stocks: $stocks) {
    productVariant { id quantityAvailable }
    errors { field code message index }
    bulkStockErrors { field code index }
  }
}"""
PRICES = """
mutation($id: ID, $input: [ProductVariantChannelListingAddInput!]!) {
  productVariantChannelListingUpdate(id: $id, input: $input) {
    variant { id }
    errors { field code message channels variants }
  }
}"""


def _warehouse(cooperative):
    return gid("Warehouse", cooperative.pk)


def test_a_manager_adds_a_variant_with_its_stock(graphql, as_a, product_a, coop_a):
    result = graphql(CREATE, input={
        "product": gid("Product", product_a.pk), "attributes": [], "name": "5 g",
        "sku": "SAF-5G", "weight": {"value": 8, "unit": "g"}, "quantityLimitPerCustomer": 3,
        "stocks": [{"warehouse": _warehouse(coop_a), "quantity": 12}]})["data"][
        "productVariantCreate"]

    assert result["errors"] == []
    variant = ProductVariant.objects.get(sku="SAF-5G")
    assert result["productVariant"] == {
        "id": gid("ProductVariant", variant.pk), "name": "5 g", "sku": "SAF-5G",
        "weight": {"unit": "G", "value": 8.0}, "trackInventory": True,
        "quantityLimitPerCustomer": 3, "quantityAvailable": 12,
        "product": {"id": gid("Product", product_a.pk)}}
    assert variant.stock.quantity == 12


def test_a_bare_weight_is_in_kilograms_as_in_saleor(graphql, as_a, product_a):
    graphql(CREATE, input={"product": gid("Product", product_a.pk), "attributes": [],
                           "sku": "SAF-KG", "weight": 0.25})

    assert ProductVariant.objects.get(sku="SAF-KG").weight_grams == 250


@pytest.mark.parametrize(("change", "field", "code"), [
    ({"sku": "TAKEN"}, "sku", "UNIQUE"),
    ({"sku": "S\x00KU"}, "sku", "INVALID"),
    ({"weight": -1}, "weight", "INVALID"),
    ({"weight": 10**9}, "weight", "INVALID"),
    ({"stocks": [{"warehouse": "WAREHOUSE_B", "quantity": 1}]}, "stocks", "NOT_FOUND"),
    ({"stocks": [{"warehouse": "bad", "quantity": 1}]}, "stocks", "GRAPHQL_ERROR"),
    ({"stocks": [{"warehouse": "WAREHOUSE_A", "quantity": -5}]}, "quantity", "INVALID"),
    ({"stocks": [{"warehouse": "WAREHOUSE_A", "quantity": 1}] * 2}, "stocks",
     "DUPLICATED_INPUT_ITEM"),
    ({"product": "PRODUCT_B"}, "product", "NOT_FOUND"),
    ({"product": "nope"}, "product", "GRAPHQL_ERROR"),
])
def test_variant_create_refusals_change_nothing(graphql, as_a, product_a, product_b, coop_a,
                                                coop_b, change, field, code, unchanged):
    product_b.variants.update(sku="TAKEN")
    names = {"WAREHOUSE_A": _warehouse(coop_a), "WAREHOUSE_B": _warehouse(coop_b),
             "PRODUCT_B": gid("Product", product_b.pk)}
    for stock in change.get("stocks", []):
        stock["warehouse"] = names.get(stock["warehouse"], stock["warehouse"])
    if "product" in change:
        change["product"] = names.get(change["product"], change["product"])
    with unchanged():
        result = graphql(CREATE, input={"product": gid("Product", product_a.pk),
                                        "attributes": [], **change})["data"][
            "productVariantCreate"]

    assert [(e["field"], e["code"]) for e in result["errors"]] == [(field, code)]
    assert result["productVariant"] is None


def test_a_variant_is_updated_by_id_or_by_sku(graphql, as_a, product_a):
    first, second = product_a.variants.order_by("sort_order")

    by_id = graphql(UPDATE, id=gid("ProductVariant", first.pk),
                    input={"name": "2 g", "weight": {"value": 3, "unit": "g"}})
    by_sku = graphql(UPDATE, sku=second.sku, input={"sku": "SAF-NEW"})

    assert by_id["data"]["productVariantUpdate"] == {
        "productVariant": {"id": gid("ProductVariant", first.pk), "name": "2 g",
                           "sku": first.sku, "weight": {"value": 3.0}}, "errors": []}
    assert by_sku["data"]["productVariantUpdate"]["productVariant"]["sku"] == "SAF-NEW"


@pytest.mark.parametrize("mutation", ["update", "delete", "stocks", "prices"])
def test_another_cooperatives_variant_is_not_found_both_ways(graphql, api_login, manager_a,
                                                             manager_b, product_a, product_b,
                                                             channel, mutation, unchanged):
    for user, victim in ((manager_a, product_b), (manager_b, product_a)):
        api_login(user)
        variant = victim.variants.first()
        variant_id = gid("ProductVariant", variant.pk)
        with unchanged():
            if mutation == "update":
                result = graphql(UPDATE, id=variant_id, input={"name": "x"})
            elif mutation == "delete":
                result = graphql(DELETE, sku=variant.sku)
            elif mutation == "stocks":
                result = graphql(STOCKS, id=variant_id, stocks=[
                    {"warehouse": gid("Warehouse", victim.cooperative_id), "quantity": 0}])
            else:
                result = graphql(PRICES, id=variant_id, input=[
                    {"channelId": gid("Channel", channel.pk), "price": "1.00"}])
        payload = next(iter(result["data"].values()))
        assert [e["code"] for e in payload["errors"]] == ["NOT_FOUND"]


def test_variant_arguments_are_exactly_one_of_id_and_sku(graphql, as_a, product_a, unchanged):
    variant = product_a.variants.first()
    with unchanged():
        none = graphql(UPDATE, input={"name": "x"})["data"]["productVariantUpdate"]
        both = graphql(UPDATE, id=gid("ProductVariant", variant.pk), sku=variant.sku,
                       input={"name": "x"})["data"]["productVariantUpdate"]
        unknown = graphql(UPDATE, sku="NOPE\x00", input={"name": "x"})["data"][
            "productVariantUpdate"]

    assert [(e["field"], e["code"]) for e in none["errors"]] == [("id", "GRAPHQL_ERROR")]
    assert [(e["field"], e["code"]) for e in both["errors"]] == [("id", "GRAPHQL_ERROR")]
    assert [(e["field"], e["code"]) for e in unknown["errors"]] == [("sku", "NOT_FOUND")]


def test_a_manager_deletes_a_variant(graphql, as_a, product_a):
    variant = product_a.variants.last()

    result = graphql(DELETE, id=gid("ProductVariant", variant.pk))["data"][
        "productVariantDelete"]

    assert result == {"productVariant": {"id": gid("ProductVariant", variant.pk)},
                      "errors": []}
    assert not ProductVariant.objects.filter(pk=variant.pk).exists()


def test_stocks_update_sets_the_cooperatives_stock(graphql, as_a, product_a, coop_a):
    variant = product_a.variants.first()

    result = graphql(STOCKS, sku=variant.sku, stocks=[
        {"warehouse": gid("Cooperative", coop_a.pk), "quantity": 42}])["data"][
        "productVariantStocksUpdate"]

    assert result == {"productVariant": {"id": gid("ProductVariant", variant.pk),
                                         "quantityAvailable": 42},
                      "errors": [], "bulkStockErrors": []}
    assert Stock.objects.get(variant=variant).quantity == 42


@pytest.mark.parametrize(("stocks", "field", "code", "index"), [
    ([{"warehouse": "OTHER", "quantity": 1}], "warehouse", "NOT_FOUND", 0),
    ([{"warehouse": "OWN", "quantity": 1}, {"warehouse": "OWN", "quantity": 2}], "warehouse",
     "DUPLICATED_INPUT_ITEM", 1),
    ([{"warehouse": "OWN", "quantity": -1}], "quantity", "INVALID", 0),
    ([{"warehouse": "OWN", "quantity": 2**31 - 1}], None, None, None),
    ([{"warehouse": "OWN", "quantity": 3}], "quantity", "INVALID", 0),  # below allocated
])
def test_stock_refusals_name_the_index_and_change_nothing(graphql, as_a, product_a, coop_a,
                                                          coop_b, stocks, field, code, index,
                                                          unchanged):
    variant = product_a.variants.first()
    Stock.objects.filter(variant=variant).update(quantity_allocated=5)
    names = {"OWN": gid("Warehouse", coop_a.pk), "OTHER": gid("Warehouse", coop_b.pk)}
    sent = [{**s, "warehouse": names[s["warehouse"]]} for s in stocks]
    if code is None:  # the largest quantity the column holds is accepted
        result = graphql(STOCKS, sku=variant.sku, stocks=sent)["data"][
            "productVariantStocksUpdate"]
        assert result["errors"] == []
        return
    with unchanged():
        result = graphql(STOCKS, sku=variant.sku, stocks=sent)["data"][
            "productVariantStocksUpdate"]

    assert [(e["field"], e["code"], e["index"]) for e in result["errors"]] == [
        (field, code, index)]
    assert result["bulkStockErrors"] == [{"field": field, "code": code, "index": index}]


def test_a_huge_quantity_is_refused_by_graphql_itself(graphql, as_a, product_a, coop_a,
                                                      unchanged):
    with unchanged():
        body = graphql(STOCKS, sku=product_a.variants.first().sku, stocks=[
            {"warehouse": gid("Warehouse", coop_a.pk), "quantity": 2**40}])

    assert body["errors"][0]["message"].startswith("Variable '$stocks' got invalid value")


def test_prices_per_channel(graphql, as_a, product_a, channel, other_channel, unchanged):
    variant = product_a.variants.first()

    result = graphql(PRICES, id=gid("ProductVariant", variant.pk), input=[
        {"channelId": gid("Channel", channel.pk), "price": "75.50", "costPrice": 40}])
    with unchanged():
        unlisted = graphql(PRICES, id=gid("ProductVariant", variant.pk), input=[
            {"channelId": gid("Channel", other_channel.pk), "price": "7"}])
        too_precise = graphql(PRICES, id=gid("ProductVariant", variant.pk), input=[
            {"channelId": gid("Channel", channel.pk), "price": "7.123"}])
        negative = graphql(PRICES, id=gid("ProductVariant", variant.pk), input=[
            {"channelId": gid("Channel", channel.pk), "price": "-1"}])

    assert result["data"]["productVariantChannelListingUpdate"]["errors"] == []
    listing = ProductVariantChannelListing.objects.get(variant=variant, channel=channel)
    assert (listing.price_amount, listing.cost_price_amount) == (Decimal("75.50"),
                                                                 Decimal("40.00"))
    errors = unlisted["data"]["productVariantChannelListingUpdate"]["errors"]
    assert [(e["code"], e["channels"]) for e in errors] == [
        ("PRODUCT_NOT_ASSIGNED_TO_CHANNEL", [gid("Channel", other_channel.pk)])]
    assert [e["code"] for e in too_precise["data"]["productVariantChannelListingUpdate"][
        "errors"]] == ["INVALID_PRICE"]
    assert negative["errors"][0]["message"].startswith("Variable '$input' got invalid value")
