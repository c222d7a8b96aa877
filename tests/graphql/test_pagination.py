"""Connections: keyset cursors both ways, Saleor's limits and messages, forged cursors."""
from __future__ import annotations

import base64
import json

import pytest

from catalog.models import Category
from tests.factories.catalog import CategoryFactory, make_listed_product

pytestmark = pytest.mark.django_db

PAGE = """
query Page($first: Int, $last: Int, $after: String, $before: String, $sortBy: ProductOrder) {
  products(first: $first, last: $last, after: $after, before: $before, sortBy: $sortBy,
           channel: "maroc") {
    totalCount
    edges { cursor node { slug } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}
"""


@pytest.fixture
def five(channel, cooperative):
    """Five products p-a..p-e; prices go down as slugs go up."""
    return [make_listed_product(channel=channel, cooperative=cooperative, slug=f"p-{letter}",
                                name=f"Produit {letter}", price=str(100 - 10 * index))
            for index, letter in enumerate("abcde")]


def _page(graphql_data, **variables):
    products = graphql_data(PAGE, **variables)["products"]
    return ([edge["node"]["slug"] for edge in products["edges"]], products["pageInfo"],
            products)


def test_forward_pagination_walks_every_product_once_with_after(five, graphql_data):
    slugs, info, products = _page(graphql_data, first=2)
    assert slugs == ["p-a", "p-b"]
    assert (info["hasNextPage"], info["hasPreviousPage"]) == (True, False)
    assert products["totalCount"] == 5
    assert info["startCursor"] == products["edges"][0]["cursor"]

    slugs, info, _ = _page(graphql_data, first=2, after=info["endCursor"])
    assert slugs == ["p-c", "p-d"]
    assert (info["hasNextPage"], info["hasPreviousPage"]) == (True, True)

    slugs, info, _ = _page(graphql_data, first=2, after=info["endCursor"])
    assert slugs == ["p-e"]
    assert (info["hasNextPage"], info["hasPreviousPage"]) == (False, True)


def test_backward_pagination_walks_back_with_last_and_before(five, graphql_data):
    slugs, info, _ = _page(graphql_data, last=2)
    assert slugs == ["p-d", "p-e"]
    assert (info["hasNextPage"], info["hasPreviousPage"]) == (False, True)

    slugs, info, _ = _page(graphql_data, last=2, before=info["startCursor"])
    assert slugs == ["p-b", "p-c"]
    assert (info["hasNextPage"], info["hasPreviousPage"]) == (True, True)

    slugs, info, _ = _page(graphql_data, last=2, before=info["startCursor"])
    assert slugs == ["p-a"]
    assert (info["hasNextPage"], info["hasPreviousPage"]) == (True, False)


def test_the_cursor_is_base64_of_the_json_sort_values_as_in_saleor(five, graphql_data):
    _, _, products = _page(graphql_data, first=1)

    cursor = products["edges"][0]["cursor"]
    assert json.loads(base64.b64decode(cursor)) == ["p-a", str(five[0].pk)]


def test_a_sorted_listing_pages_in_that_order_both_ways(five, graphql_data):
    by_price = {"field": "PRICE", "direction": "ASC"}
    slugs, info, _ = _page(graphql_data, first=3, sortBy=by_price)
    assert slugs == ["p-e", "p-d", "p-c"]
    slugs, _, _ = _page(graphql_data, first=3, after=info["endCursor"], sortBy=by_price)
    assert slugs == ["p-b", "p-a"]

    descending = {"field": "PRICE", "direction": "DESC"}
    slugs, info, _ = _page(graphql_data, last=2, sortBy=descending)
    assert slugs == ["p-d", "p-e"]
    slugs, _, _ = _page(graphql_data, last=2, before=info["startCursor"], sortBy=descending)
    assert slugs == ["p-b", "p-c"]


def test_rows_added_before_the_cursor_do_not_shift_the_next_page(five, graphql_data, channel,
                                                                 cooperative):
    _, info, _ = _page(graphql_data, first=2)
    make_listed_product(channel=channel, cooperative=cooperative, slug="p-0")

    slugs, _, _ = _page(graphql_data, first=2, after=info["endCursor"])

    assert slugs == ["p-c", "p-d"]


@pytest.mark.parametrize(("arguments", "message"), [
    ({"first": 101}, "Requesting 101 records on the `products` connection exceeds the "
                     "`first` limit of 100 records."),
    ({"last": 250}, "Requesting 250 records on the `products` connection exceeds the "
                    "`last` limit of 100 records."),
    ({"first": -1}, "Argument `first` must be a non-negative integer."),
    ({"last": -3}, "Argument `last` must be a non-negative integer."),
    ({"first": 1, "last": 1}, "Argument `last` cannot be combined with `first`."),
    ({"first": 1, "before": "x"}, "Argument `first` cannot be combined with `before`."),
    ({"last": 1, "after": "x"}, "Argument `last` cannot be combined with `after`."),
    ({}, "You must provide a `first` or `last` value to properly paginate the `products` "
         "connection."),
    ({"first": 0}, "You must provide a `first` or `last` value to properly paginate the "
                   "`products` connection."),
])
def test_bad_pagination_arguments_give_saleors_messages(five, graphql, arguments, message):
    body = graphql(PAGE, **arguments)

    assert body["data"] == {"products": None}
    assert [error["message"] for error in body["errors"]] == [message]
    assert body["errors"][0]["path"] == ["products"]


def test_exactly_100_is_allowed(five, graphql_data):
    slugs, _, _ = _page(graphql_data, first=100)

    assert len(slugs) == 5


def test_total_count_alone_needs_no_first_or_last(five, graphql_data):
    data = graphql_data('{ products(channel: "maroc") { totalCount } }')

    assert data == {"products": {"totalCount": 5}}


def _cursor(values) -> str:
    return base64.b64encode(json.dumps(values).encode()).decode()


@pytest.mark.parametrize("cursor", [
    "garbage!", "", _cursor(["p-a"]), _cursor({"slug": "p-a"}), _cursor(["p-a", "x"]),
    _cursor(["p-\x00", "1"]), _cursor(["p-a", "99999999999999999999999"]),
    _cursor(["p-a", 3]), base64.b64encode(b"\xff\xfe").decode(),
])
def test_a_forged_or_broken_cursor_is_a_clean_error(five, graphql, cursor):
    body = graphql(PAGE, first=2, after=cursor)

    if cursor == "":  # an empty cursor is no cursor, as in Saleor
        assert "errors" not in body
        return
    assert [error["message"] for error in body["errors"]] == ["Received cursor is invalid."]
    assert body["data"] == {"products": None}


def test_a_forged_price_cursor_that_is_not_a_number_is_a_clean_error(five, graphql):
    body = graphql(PAGE, first=2, after=_cursor(["cheap", "p-a"]),
                   sortBy={"field": "PRICE", "direction": "ASC"})

    assert [error["message"] for error in body["errors"]] == ["Received cursor is invalid."]


def test_nested_lists_page_with_offset_cursors(channel, cooperative, graphql_data):
    product = make_listed_product(channel=channel, cooperative=cooperative, variants=3)
    query = """query($slug: String!, $after: String) { product(slug: $slug) {
      productVariants(first: 2, after: $after) { totalCount
        edges { cursor node { name } } pageInfo { hasNextPage hasPreviousPage endCursor } } } }"""

    first = graphql_data(query, slug=product.slug)["product"]["productVariants"]
    second = graphql_data(query, slug=product.slug, after=first["pageInfo"]["endCursor"])[
        "product"]["productVariants"]

    assert [e["node"]["name"] for e in first["edges"]] == ["1 g", "2 g"]
    assert first["edges"][0]["cursor"] == base64.b64encode(b"arrayconnection:0").decode()
    assert first["pageInfo"]["hasNextPage"] is True
    assert first["totalCount"] == 3
    assert [e["node"]["name"] for e in second["edges"]] == ["3 g"]
    assert second["pageInfo"] == {"hasNextPage": False, "hasPreviousPage": True,
                                  "endCursor": base64.b64encode(b"arrayconnection:2").decode()}


def test_nested_lists_page_backwards_too(db, graphql_data):
    parent = CategoryFactory(name="Épices", slug="epices")
    for name in ("Cumin", "Safran", "Ras el hanout", "Paprika"):
        CategoryFactory(name=name, slug=name.lower().replace(" ", "-"), parent=parent)
    query = """{ category(slug: "epices") { children(last: 2) {
      edges { node { name } } pageInfo { hasNextPage hasPreviousPage } } } }"""

    children = graphql_data(query)["category"]["children"]

    assert Category.objects.get(slug="epices").children.count() == 4
    assert [e["node"]["name"] for e in children["edges"]] == ["Ras el hanout", "Safran"]
    assert children["pageInfo"] == {"hasNextPage": False, "hasPreviousPage": True}


def test_a_broken_offset_cursor_is_a_clean_error(channel, cooperative, graphql):
    product = make_listed_product(channel=channel, cooperative=cooperative)
    body = graphql("""query($slug: String!) { product(slug: $slug) {
      productVariants(first: 2, after: "nope") { totalCount } } }""", slug=product.slug)

    assert [error["message"] for error in body["errors"]] == ["Received cursor is invalid."]
