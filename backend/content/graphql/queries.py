"""``page``, ``pages``, ``pageType``, ``pageTypes``, ``menu`` and ``menus`` in Saleor's shapes.

Customers see published pages only; staff (network admins) see every page.
"""
from __future__ import annotations

from typing import Any

import graphene
from django.db.models import Prefetch, Q

from backend.content.models import Menu as MenuModel
from backend.content.models import Page as PageModel
from backend.content.models import PageType as PageTypeModel
from backend.content.selectors import menu_items_queryset
from backend.graphql.core.connection import connection_args, paginate_queryset
from backend.graphql.core.enums import LanguageCodeEnum
from backend.graphql.core.filters import check_filter_or_where
from backend.graphql.core.ids import from_global_id_or_error
from backend.graphql.core.languages import content_language
from backend.graphql.core.validators import is_clean_text, validate_one_of_args_is_in_query
from catalog.graphql.channel import channel_for_query
from catalog.graphql.translations import enum_value

from .filters import (
    MENU_SORT_FIELDS,
    PAGE_SORT_FIELDS,
    PAGE_TYPE_SORT_FIELDS,
    MenuFilterInput,
    MenuSortingInput,
    PageFilterInput,
    PageSortingInput,
    PageTypeFilterInput,
    PageTypeSortingInput,
    PageWhereInput,
    menu_filter_q,
    page_filter_q,
    page_type_filter_q,
    page_where_q,
    sort_spec,
    with_items_count,
)
from .types import (
    Menu,
    MenuCountableConnection,
    Page,
    PageCountableConnection,
    PageType,
    PageTypeCountableConnection,
    caller_is_staff,
)

MAX_SLUG = 255


def _clean_slug(value: Any) -> bool:
    return is_clean_text(value) and len(value) <= MAX_SLUG


def pages_visible(info: Any):
    queryset = PageModel.objects.all()
    return queryset if caller_is_staff(info) else queryset.published()


def _page_prepare(queryset):
    return queryset.select_related("page_type").prefetch_related("translations")


def _menu_channel(info: Any, channel: str | None) -> Any:
    """The channel a menu's collections are shown in; a menu itself is not per channel."""
    try:
        return channel_for_query(info, channel)
    except Exception:  # noqa: BLE001 - no default channel: collections simply hidden
        return None


def _with_channel(menu: MenuModel | None, channel: Any) -> MenuModel | None:
    if menu is not None:
        menu._channel = channel
    return menu


class ContentQueries(graphene.ObjectType):
    page = graphene.Field(
        Page, id=graphene.ID(description="ID of the page."),
        slug=graphene.String(description="The slug of the page."),
        slug_language_code=LanguageCodeEnum(description="Language code of the page slug."),
        channel=graphene.String(description="Slug of a channel for which the data should be "
                                "returned."),
        description="Look up a page by ID or slug.")
    pages = graphene.Field(
        PageCountableConnection, sort_by=PageSortingInput(), filter=PageFilterInput(),
        search=graphene.String(), where=PageWhereInput(), channel=graphene.String(),
        **connection_args(), description="List of the shop's pages.")
    page_type = graphene.Field(PageType, id=graphene.ID(required=True),
                               description="Look up a page type by ID.")
    page_types = graphene.Field(
        PageTypeCountableConnection, sort_by=PageTypeSortingInput(),
        filter=PageTypeFilterInput(), **connection_args(), description="List of the page types.")
    menu = graphene.Field(
        Menu, channel=graphene.String(), id=graphene.ID(description="ID of the menu."),
        name=graphene.String(description="The menu's name."),
        slug=graphene.String(description="The menu's slug."),
        description="Look up a navigation menu by ID or name.")
    menus = graphene.Field(
        MenuCountableConnection, channel=graphene.String(), sort_by=MenuSortingInput(),
        filter=MenuFilterInput(), **connection_args(), description="List of the storefront's "
        "menus.")

    @staticmethod
    def resolve_page(_root: Any, info: Any, *, id: str | None = None, slug: str | None = None,
                     slug_language_code: Any = None, **_args: Any) -> PageModel | None:
        validate_one_of_args_is_in_query("id", id, "slug", slug)
        queryset = _page_prepare(pages_visible(info))
        if id:
            _, pk = from_global_id_or_error(id, "Page")
            return queryset.filter(pk=pk).first() if pk else None
        if not _clean_slug(slug):
            return None
        if slug_language_code:
            language = content_language(str(enum_value(slug_language_code)))
            found = queryset.filter(translations__language_code=language,
                                    translations__slug=slug).first()
            if found:
                return found
        return queryset.filter(slug=slug).first()

    @staticmethod
    def resolve_pages(_root: Any, info: Any, *, filter: dict | None = None,
                      where: dict | None = None, search: str | None = None,
                      sort_by: dict | None = None, **args: Any) -> Any:
        check_filter_or_where(filter, where)
        queryset = pages_visible(info).filter(page_filter_q(filter) & page_where_q(where))
        if search:
            queryset = queryset.filter(page_filter_q({"search": search}))
        spec = sort_spec(sort_by, PAGE_SORT_FIELDS, "slug")
        return paginate_queryset(queryset, info, args, connection=PageCountableConnection,
                                 sort=spec, prepare=_page_prepare)

    @staticmethod
    def resolve_page_type(_root: Any, _info: Any, *, id: str) -> PageTypeModel | None:
        _, pk = from_global_id_or_error(id, "PageType")
        return PageTypeModel.objects.filter(pk=pk).first() if pk else None

    @staticmethod
    def resolve_page_types(_root: Any, info: Any, *, filter: dict | None = None,
                           sort_by: dict | None = None, **args: Any) -> Any:
        queryset = PageTypeModel.objects.filter(page_type_filter_q(filter))
        return paginate_queryset(queryset, info, args, connection=PageTypeCountableConnection,
                                 sort=sort_spec(sort_by, PAGE_TYPE_SORT_FIELDS, "slug"))

    @staticmethod
    def resolve_menu(_root: Any, info: Any, *, id: str | None = None, name: str | None = None,
                     slug: str | None = None, channel: str | None = None) -> MenuModel | None:
        validate_one_of_args_is_in_query("id", id, "name", name, "slug", slug)
        if id:
            _, pk = from_global_id_or_error(id, "Menu")
            lookup = Q(pk=pk) if pk else None
        elif name:
            lookup = Q(name=name) if _clean_slug(name) else None
        else:
            lookup = Q(slug=slug) if _clean_slug(slug) else None
        if lookup is None:
            return None
        menu = MenuModel.objects.filter(lookup).order_by("pk").first()
        return _with_channel(menu, _menu_channel(info, channel) if menu else None)

    @staticmethod
    def resolve_menus(_root: Any, info: Any, *, channel: str | None = None,
                      filter: dict | None = None, sort_by: dict | None = None,
                      **args: Any) -> Any:
        spec = sort_spec(sort_by, MENU_SORT_FIELDS, "name")
        queryset = with_items_count(MenuModel.objects.filter(menu_filter_q(filter)), spec)
        menu_channel = _menu_channel(info, channel)
        return paginate_queryset(
            queryset, info, args, connection=MenuCountableConnection, sort=spec,
            prepare=lambda qs: qs.prefetch_related(
                Prefetch("items", queryset=menu_items_queryset())),
            wrap=lambda menu: _with_channel(menu, menu_channel))
