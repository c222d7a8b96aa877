"""``page`` / ``pages`` / ``pageType(s)`` in Saleor's shapes; customers see published pages."""
from __future__ import annotations

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from backend.content.models import Page
from tests.graphql.conftest import gid

from .conftest import make_page

PAGE = """query($slug: String, $id: ID, $lang: LanguageCodeEnum!, $slugLang: LanguageCodeEnum) {
  page(slug: $slug, id: $id, slugLanguageCode: $slugLang) {
    id slug title seoTitle seoDescription content isPublished publishedAt created
    contentJson publicationDate
    pageType { id name slug attributes { id } hasPages }
    assignedAttributes { attribute { slug } }
    attributes { attribute { slug } }
    translation(languageCode: $lang) { title slug content seoTitle language { code } }
    metadata { key value }
  }
}"""


def test_a_published_page_reads_by_slug_with_its_arabic_translation(fair_pay_page, graphql_data):
    page = graphql_data(PAGE, slug="prix-juste", lang="AR")["page"]
    assert page["id"] == gid("Page", fair_pay_page.pk)
    assert page["title"] == "Le prix juste"
    assert page["isPublished"] is True
    assert json.loads(page["content"]) == {"blocks": [
        {"type": "paragraph", "data": {"text": "Le prix juste."}}]}
    assert page["pageType"]["slug"] == "informations"
    assert page["pageType"]["attributes"] == []
    assert page["pageType"]["hasPages"] is True
    assert page["assignedAttributes"] == [] and page["attributes"] == []
    assert page["translation"]["title"] == "السعر العادل"
    assert page["translation"]["slug"] == "prix-juste-ar"
    assert page["translation"]["language"]["code"] == "AR"


@pytest.mark.parametrize("lang, title", [("AR_MA", "السعر العادل"), ("EN", "Fair pay"),
                                         ("EN_GB", "Fair pay")])
def test_translations_follow_saleor_language_codes(fair_pay_page, graphql_data, lang, title):
    page = graphql_data(PAGE, slug="prix-juste", lang=lang)["page"]
    assert page["translation"]["title"] == title


def test_french_translation_is_null_because_french_is_stored_on_the_page(fair_pay_page,
                                                                         graphql_data):
    assert graphql_data(PAGE, slug="prix-juste", lang="FR")["page"]["translation"] is None


def test_a_page_reads_by_id_and_by_its_translated_slug(fair_pay_page, graphql_data):
    assert graphql_data(PAGE, id=gid("Page", fair_pay_page.pk), lang="EN")["page"]["slug"] \
        == "prix-juste"
    by_en_slug = graphql_data(PAGE, slug="prix-juste-en", slugLang="EN", lang="EN")["page"]
    assert by_en_slug["slug"] == "prix-juste"


@pytest.mark.parametrize("fixture", ["draft_page", "scheduled_page"])
def test_customers_never_see_draft_or_scheduled_pages(request, fixture, graphql_data):
    page = request.getfixturevalue(fixture)
    assert graphql_data(PAGE, slug=page.slug, lang="EN")["page"] is None
    assert graphql_data(PAGE, id=gid("Page", page.pk), lang="EN")["page"] is None
    pages = graphql_data("{ pages(first: 10) { totalCount edges { node { slug } } } }")
    assert pages["pages"]["totalCount"] == 0


def test_network_admins_see_draft_pages(draft_page, staff, api_login, graphql_data):
    api_login(staff)
    page = graphql_data(PAGE, slug="brouillon", lang="EN")["page"]
    assert page["isPublished"] is False


@pytest.mark.parametrize("variables, message", [
    ({}, "At least one of arguments is required: 'id', 'slug'."),
    ({"id": "", "slug": ""}, "At least one of arguments is required: 'id', 'slug'."),
    ({"id": "bm9wZQ==", "slug": None}, "Invalid ID: bm9wZQ==. Expected: Page."),
    ({"id": "x\x00"}, "Invalid ID: x\\x00. Expected: Page."),
])
def test_bad_page_arguments_give_saleor_errors(fair_pay_page, graphql, variables, message):
    body = graphql(PAGE, lang="EN", **variables)
    assert body["errors"][0]["message"] == message


@pytest.mark.parametrize("slug", ["nul\x00", "x" * 5000, "inconnue"])
def test_odd_slugs_find_nothing_without_a_server_error(fair_pay_page, graphql_data, slug):
    assert graphql_data(PAGE, slug=slug, lang="EN")["page"] is None


def test_a_page_of_another_type_id_is_null(fair_pay_page, graphql_data):
    assert graphql_data(PAGE, id=gid("Product", fair_pay_page.pk), lang="EN")["page"] is None


PAGES = """query($where: PageWhereInput, $filter: PageFilterInput, $sort: PageSortingInput,
                 $first: Int, $after: String, $search: String) {
  pages(where: $where, filter: $filter, sortBy: $sort, first: $first, after: $after,
        search: $search) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { slug title translation(languageCode: EN) { title } } }
  }
}"""


@pytest.fixture
def many_pages(page_type, fair_pay_page, draft_page):
    for slug, title in (("livraison", "Livraison"), ("rejoindre", "Nous rejoindre")):
        make_page(page_type, slug, title, en=title.upper())
    return Page.objects.published()


def slugs(data: dict) -> list[str]:
    return [edge["node"]["slug"] for edge in data["pages"]["edges"]]


def test_saleor_storefront_reads_pages_by_slug_list(many_pages, graphql_data):
    data = graphql_data(PAGES, where={"slug": {"oneOf": ["prix-juste", "livraison",
                                                         "brouillon", "inconnue"]}},
                        first=20)
    assert slugs(data) == ["livraison", "prix-juste"]


def test_where_combines_with_or_and_filters_by_page_type(many_pages, page_type, graphql_data):
    data = graphql_data(PAGES, first=20, where={"OR": [{"slug": {"eq": "livraison"}},
                                                       {"slug": {"eq": "rejoindre"}}]})
    assert slugs(data) == ["livraison", "rejoindre"]
    data = graphql_data(PAGES, first=20, where={"pageType": {"eq": gid("PageType",
                                                                       page_type.pk)}})
    assert data["pages"]["totalCount"] == 3


def test_filter_by_slugs_search_and_ids(many_pages, fair_pay_page, graphql_data):
    assert slugs(graphql_data(PAGES, first=20, filter={"slugs": ["rejoindre"]})) == \
        ["rejoindre"]
    assert slugs(graphql_data(PAGES, first=20, filter={"search": "LIVR"})) == ["livraison"]
    assert slugs(graphql_data(PAGES, first=20, search="juste")) == ["prix-juste"]
    assert slugs(graphql_data(PAGES, first=20, filter={"ids": [gid("Page", fair_pay_page.pk)]})
                 ) == ["prix-juste"]
    assert slugs(graphql_data(PAGES, first=20, filter={"search": "\x00"})) == []


def test_filter_and_where_together_are_refused(many_pages, graphql):
    body = graphql(PAGES, first=5, filter={"slugs": ["a"]}, where={"slug": {"eq": "a"}})
    assert body["errors"][0]["message"] == ("Only one filtering argument (filter or where) "
                                            "can be specified.")


def test_pages_sort_by_title_descending_and_paginate_with_cursors(many_pages, graphql_data):
    sort = {"field": "TITLE", "direction": "DESC"}
    first = graphql_data(PAGES, first=2, sort=sort)
    assert slugs(first) == ["rejoindre", "livraison"]
    assert first["pages"]["pageInfo"]["hasNextPage"] is True
    rest = graphql_data(PAGES, first=2, sort=sort,
                        after=first["pages"]["pageInfo"]["endCursor"])
    assert slugs(rest) == ["prix-juste"]
    assert rest["pages"]["pageInfo"]["hasNextPage"] is False


def test_pages_need_first_or_last(many_pages, graphql):
    body = graphql(PAGES)
    assert "You must provide a `first` or `last` value" in body["errors"][0]["message"]


def count_queries(graphql_data, query, **variables) -> int:
    with CaptureQueriesContext(connection) as queries:
        graphql_data(query, **variables)
    return len(queries)


def test_listing_pages_costs_the_same_queries_for_3_or_30_pages(page_type, graphql_data):
    for index in range(3):
        make_page(page_type, f"a{index}", f"A{index}", ar="ع", en="E")
    few = count_queries(graphql_data, PAGES, first=100)
    for index in range(3, 30):
        make_page(page_type, f"a{index}", f"A{index}", ar="ع", en="E")
    assert count_queries(graphql_data, PAGES, first=100) == few


PAGE_TYPES = """query($filter: PageTypeFilterInput) { pageTypes(first: 10, filter: $filter) {
  totalCount edges { node { id name slug } } } }"""


def test_page_types_list_and_read_by_id(page_type, graphql_data):
    data = graphql_data(PAGE_TYPES, filter={"slugs": ["informations"]})
    assert data["pageTypes"]["totalCount"] == 1
    node = data["pageTypes"]["edges"][0]["node"]
    assert node == {"id": gid("PageType", page_type.pk), "name": "Informations",
                    "slug": "informations"}
    one = graphql_data("query($id: ID!) { pageType(id: $id) { slug } }", id=node["id"])
    assert one["pageType"]["slug"] == "informations"
    assert graphql_data(PAGE_TYPES, filter={"search": "zzz"})["pageTypes"]["totalCount"] == 0


def test_private_metadata_of_a_page_needs_staff(fair_pay_page, graphql):
    fair_pay_page.private_metadata = {"note": "interne"}
    fair_pay_page.metadata = {"theme": "vert"}
    fair_pay_page.save()
    body = graphql('{ page(slug: "prix-juste") { metadata { key value } privateMetadata '
                   '{ key } } }')
    assert body["errors"][0]["message"] == ("To access this path, you need one of the "
                                            "following permissions: MANAGE_PAGES")
    assert body["data"] is None or body["data"]["page"] is None
    public = graphql('{ page(slug: "prix-juste") { metadata { key value } } }')
    assert public["data"]["page"]["metadata"] == [{"key": "theme", "value": "vert"}]
