"""Saleor's content types: ``PageType``, ``Page``, ``Menu``, ``MenuItem`` and translations.

Menu trees are read in one go (the menu's items with their links and translations) and the
children of each item come from that list, so a menu of any depth costs a fixed number of
queries. Customers only see published pages, also through a menu item.
"""
from __future__ import annotations

from typing import Any

import graphene

from backend.content.models import Menu as MenuModel
from backend.content.models import MenuItem as MenuItemModel
from backend.content.models import Page as PageModel
from backend.content.selectors import collection_listed, menu_items_queryset
from backend.graphql.core.connection import CountableConnection
from backend.graphql.core.types import (
    ChannelContext,
    ChannelContextType,
    ModelObjectType,
    Node,
    NonNullList,
    ObjectWithMetadata,
)
from catalog.graphql.attributes import (
    AssignedAttribute,
    Attribute,
    PositiveInt,
    SelectedAttribute,
)
from catalog.graphql.categories import Category
from catalog.graphql.translations import (
    BaseTranslationType,
    find_translation,
    json_or_none,
    translation_argument,
)


def caller_is_staff(info: Any) -> bool:
    user = getattr(info.context, "user", None)
    return bool(user and user.is_active and user.is_staff)


def page_visible(page: PageModel | None, info: Any) -> bool:
    return page is not None and (caller_is_staff(info) or page.is_visible())


class PageTranslation(BaseTranslationType):
    seo_title = graphene.String()
    seo_description = graphene.String()
    slug = graphene.String()
    title = graphene.String()
    content = graphene.JSONString(description="Translated content of the page (EditorJS).")
    content_json = graphene.JSONString(
        deprecation_reason="Use the `content` field instead.",
        description="Translated description of the page.")

    class Meta:
        interfaces = (Node,)
        description = "Represents page translations."

    @staticmethod
    def resolve_seo_title(root: Any, _info: Any) -> str | None:
        return root.seo_title or None

    @staticmethod
    def resolve_seo_description(root: Any, _info: Any) -> str | None:
        return root.seo_description or None

    @staticmethod
    def resolve_slug(root: Any, _info: Any) -> str | None:
        return root.slug or None

    @staticmethod
    def resolve_title(root: Any, _info: Any) -> str | None:
        return root.title or None

    @staticmethod
    def resolve_content(root: Any, _info: Any) -> Any:
        return json_or_none(root.content)

    resolve_content_json = resolve_content


class PageType(ModelObjectType):
    name = graphene.String(required=True)
    slug = graphene.String(required=True)
    attributes = NonNullList(Attribute, description="Page attributes of that page type.")
    has_pages = graphene.Boolean(description="Whether page type has pages assigned.")

    private_metadata_permission = "MANAGE_PAGES"

    class Meta:
        interfaces = (Node, ObjectWithMetadata)
        description = "Represents a type of page. It defines what attributes are available to "
        "pages of this type."

    @staticmethod
    def resolve_attributes(_root: Any, _info: Any) -> list:
        return []  # CoopStore's pages carry no attributes yet

    @staticmethod
    def resolve_has_pages(root: Any, _info: Any) -> bool:
        return root.pages.exists()


class Page(ModelObjectType):
    assigned_attribute = graphene.Field(
        AssignedAttribute, slug=graphene.String(required=True),
        description="Get a single attribute attached to page by attribute slug.")
    assigned_attributes = NonNullList(
        AssignedAttribute, required=True,
        limit=PositiveInt(default_value=100, description="Maximum number of attributes to "
                          "return. Default is 100."),
        description="List of attributes assigned to this page.")
    seo_title = graphene.String()
    seo_description = graphene.String()
    title = graphene.String(required=True)
    content = graphene.JSONString(description="Content of the page (EditorJS).")
    publication_date = graphene.Date(
        deprecation_reason="Use the `publishedAt` field to fetch the publication date.")
    published_at = graphene.DateTime()
    is_published = graphene.Boolean(required=True)
    slug = graphene.String(required=True)
    page_type = graphene.Field(PageType, required=True)
    created = graphene.DateTime(required=True)
    content_json = graphene.JSONString(required=True,
                                       deprecation_reason="Use the `content` field instead.")
    translation = graphene.Field(PageTranslation, **translation_argument(),
                                 description="Returns translated page fields for the given "
                                 "language code.")
    attribute = graphene.Field(SelectedAttribute, slug=graphene.String(required=True),
                               deprecation_reason="Use `assignedAttribute` field instead.")
    attributes = NonNullList(SelectedAttribute, required=True,
                             deprecation_reason="Use `assignedAttributes` field instead.")

    private_metadata_permission = "MANAGE_PAGES"

    class Meta:
        interfaces = (Node, ObjectWithMetadata)
        description = "A static page that can be manually added by a shop operator through "
        "the dashboard."

    @staticmethod
    def resolve_assigned_attribute(_root: Any, _info: Any, **_args: Any) -> None:
        return None

    @staticmethod
    def resolve_assigned_attributes(_root: Any, _info: Any, **_args: Any) -> list:
        return []

    resolve_attribute = resolve_assigned_attribute

    @staticmethod
    def resolve_attributes(_root: Any, _info: Any) -> list:
        return []

    @staticmethod
    def resolve_seo_title(root: PageModel, _info: Any) -> str | None:
        return root.seo_title or None

    @staticmethod
    def resolve_seo_description(root: PageModel, _info: Any) -> str | None:
        return root.seo_description or None

    @staticmethod
    def resolve_content(root: PageModel, _info: Any) -> Any:
        return json_or_none(root.content)

    @staticmethod
    def resolve_content_json(root: PageModel, _info: Any) -> Any:
        return root.content or {}

    @staticmethod
    def resolve_publication_date(root: PageModel, _info: Any) -> Any:
        return root.published_at.date() if root.published_at else None

    @staticmethod
    def resolve_created(root: PageModel, _info: Any) -> Any:
        return root.created_at

    @staticmethod
    def resolve_translation(root: PageModel, _info: Any, *, language_code: Any) -> Any:
        return find_translation(root, language_code)


class PageCountableConnection(CountableConnection):
    class Meta:
        node = Page


class PageTypeCountableConnection(CountableConnection):
    class Meta:
        node = PageType


def menu_tree(menu: MenuModel) -> list[MenuItemModel]:
    """All items of ``menu`` (prefetched, or 5 queries), each knowing its children and
    parent from the same list; the roots are returned."""
    cached = getattr(menu, "_tree_roots", None)
    if cached is not None:
        return cached
    cache = getattr(menu, "_prefetched_objects_cache", {})
    items = list(cache["items"]) if "items" in cache else list(
        menu_items_queryset().filter(menu=menu))
    by_pk = {item.pk: item for item in items}
    for item in items:
        item._tree_children = []
    roots = []
    for item in sorted(items, key=lambda i: (i.tree_id, i.lft)):
        item.menu = menu
        parent = by_pk.get(item.parent_id)
        if parent is None:
            roots.append(item)
        else:
            item._tree_parent = parent
            parent._tree_children.append(item)
    menu._tree_roots = roots
    return roots


class MenuItemTranslation(BaseTranslationType):
    name = graphene.String(required=True)

    class Meta:
        interfaces = (Node,)
        description = "Represents menu item translations."


class Menu(ModelObjectType):
    name = graphene.String(required=True)
    slug = graphene.String(required=True)
    items = NonNullList(lambda: MenuItem)

    private_metadata_permission = "MANAGE_MENUS"

    class Meta:
        interfaces = (Node, ObjectWithMetadata)
        description = "Represents a single menu - an object that is used to help navigate "
        "through the store."

    @staticmethod
    def resolve_items(root: MenuModel, _info: Any) -> list[MenuItemModel]:
        return menu_tree(root)


try:  # the catalog's collections are built beside this package
    from catalog.graphql.collections import Collection as CollectionType
except ImportError:  # pragma: no cover - until catalog.graphql.collections exists
    CollectionType = None


class MenuItem(ModelObjectType):
    name = graphene.String(required=True)
    menu = graphene.Field(Menu, required=True)
    parent = graphene.Field(lambda: MenuItem)
    category = graphene.Field(Category)
    page = graphene.Field(Page)
    level = graphene.Int(required=True)
    children = NonNullList(lambda: MenuItem)
    if CollectionType is not None:
        collection = graphene.Field(CollectionType)
    url = graphene.String(description="URL to the menu item.")
    translation = graphene.Field(MenuItemTranslation, **translation_argument(),
                                 description="Returns translated menu item fields for the "
                                 "given language code.")

    private_metadata_permission = "MANAGE_MENUS"

    class Meta:
        interfaces = (Node, ObjectWithMetadata)
        description = "Represents a single item of the related menu. Can store categories, "
        "collection or pages."

    @staticmethod
    def resolve_parent(root: MenuItemModel, _info: Any) -> MenuItemModel | None:
        if hasattr(root, "_tree_parent"):
            return root._tree_parent
        return root.parent if root.parent_id else None

    @staticmethod
    def resolve_children(root: MenuItemModel, _info: Any) -> list[MenuItemModel]:
        if hasattr(root, "_tree_children"):
            return root._tree_children
        return list(menu_items_queryset().filter(parent=root))

    @staticmethod
    def resolve_page(root: MenuItemModel, info: Any) -> PageModel | None:
        page = root.page if root.page_id else None
        return page if page_visible(page, info) else None

    @staticmethod
    def resolve_collection(root: MenuItemModel, info: Any) -> Any:
        collection = root.collection if root.collection_id else None
        if collection is None:
            return None
        channel = getattr(root.menu, "_channel", None)
        channel_id = getattr(channel, "pk", None)
        if not (caller_is_staff(info) or collection_listed(collection, channel_id)):
            return None
        if CollectionType is not None and issubclass(CollectionType, ChannelContextType):
            return ChannelContext(node=collection, channel=channel)
        return collection

    @staticmethod
    def resolve_url(root: MenuItemModel, _info: Any) -> str | None:
        return root.url or None

    @staticmethod
    def resolve_translation(root: MenuItemModel, _info: Any, *, language_code: Any) -> Any:
        return find_translation(root, language_code)


class MenuCountableConnection(CountableConnection):
    class Meta:
        node = Menu


if CollectionType is not None:
    class AssignedSingleCollectionReferenceAttribute(graphene.ObjectType):
        """Saleor's collection-reference attribute value. Saleor's storefront asks pages for
        it; CoopStore's pages carry no attributes, so it is never returned, only known."""

        attribute = graphene.Field(Attribute, required=True)
        value = graphene.Field(CollectionType, description="Referenced collection.")

        class Meta:
            interfaces = (AssignedAttribute,)
            description = "Represents single collection reference attribute."

    CONTENT_INTERFACE_TYPES: list = [AssignedSingleCollectionReferenceAttribute]
else:  # pragma: no cover
    CONTENT_INTERFACE_TYPES = []
