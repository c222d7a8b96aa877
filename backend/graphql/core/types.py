"""Base types shared by every domain: Saleor's ``Node`` and ``ObjectWithMetadata`` interfaces,
``Image``, ``Weight``, display types, and the channel context products are resolved in."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar
from urllib.parse import urljoin, urlparse

import graphene
from babel import Locale
from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import get_language, get_language_from_request
from graphql import GraphQLError

from .enums import LanguageCodeEnum, WeightUnitsEnum
from .ids import to_global_id
from .languages import language_name
from .scalars import Metadata

N = TypeVar("N")


def NonNullList(of_type: Any, **kwargs: Any) -> graphene.List:  # noqa: N802 (Saleor's name)
    """``[T!]``: a list whose items are never null."""
    return graphene.List(graphene.NonNull(of_type), **kwargs)


def absolute_url(info: Any, url: str | None) -> str | None:
    """API clients get absolute media URLs: ``PUBLIC_URL`` if set, else the request's host."""
    if not url:
        return None
    if urlparse(url).netloc:
        return url
    public = getattr(settings, "PUBLIC_URL", "")
    if public:
        return urljoin(public.rstrip("/") + "/", url.lstrip("/"))
    request = getattr(info, "context", None)
    if hasattr(request, "build_absolute_uri"):
        return request.build_absolute_uri(url)
    return url


def request_language(info: Any) -> str:
    """The client's language for an API call: its ``Accept-Language`` (the storefront's URL
    prefixes do not apply to /graphql/), else the active language."""
    request = getattr(info, "context", None)
    if isinstance(request, HttpRequest):
        return get_language_from_request(request)[:2]
    return (get_language() or "fr")[:2]


@dataclass(frozen=True)
class ChannelContext(Generic[N]):
    """A node seen through a channel: prices, availability and listings depend on it."""

    node: N
    channel: Any  # catalog.models.Channel | None; core does not import domain models


def _node_attribute(attname: str, default_value: Any, root: Any, _info: Any, **_args: Any) -> Any:
    return getattr(root.node, attname, default_value)


class Node(graphene.Interface):
    id = graphene.ID(required=True, description="The ID of the object.")

    class Meta:
        description = "An object with an ID"


def resolve_global_id(root: Any, info: Any) -> str:
    """The Relay ID of a model instance (or of the node of a channel context)."""
    instance = root.node if isinstance(root, ChannelContext) else root
    return to_global_id(info.parent_type.name, instance.pk)


class ModelObjectType(graphene.ObjectType):
    """An object type over a model instance, with its Relay ``id``."""

    class Meta:
        abstract = True

    @staticmethod
    def resolve_id(root: Any, info: Any) -> str:
        return resolve_global_id(root, info)


class ChannelContextType(ModelObjectType):
    """An object type whose root is a :class:`ChannelContext`; plain fields read the node."""

    class Meta:
        abstract = True

    @classmethod
    def __init_subclass_with_meta__(cls, default_resolver: Any = None, **options: Any) -> None:
        super().__init_subclass_with_meta__(default_resolver=default_resolver or _node_attribute,
                                            **options)


class MetadataItem(graphene.ObjectType):
    key = graphene.String(required=True, description="Key of a metadata item.")
    value = graphene.String(required=True, description="Value of a metadata item.")


# Python class of a root -> its GraphQL type name, registered by the domains whose rows are
# returned through the ``ObjectWithMetadata`` interface (the metadata mutations).
METADATA_TYPE_NAMES: dict[type, str] = {}


def _instance(root: Any) -> Any:
    return root.node if isinstance(root, ChannelContext) else root


def _items(data: dict | None) -> list[MetadataItem]:
    return [MetadataItem(key=key, value=value) for key, value in (data or {}).items()]


def _only(data: dict | None, keys: list[str] | None) -> dict:
    data = data or {}
    return dict(data) if keys is None else {k: v for k, v in data.items() if k in keys}


def _private(root: Any, info: Any) -> dict:
    """Private metadata is for staff only; anyone else gets Saleor's permission error."""
    user = getattr(info.context, "user", None)
    if not (user and user.is_active and user.is_staff):
        permission = getattr(getattr(info.parent_type, "graphene_type", None),
                             "private_metadata_permission", "MANAGE_PRODUCTS")
        raise GraphQLError("To access this path, you need one of the following permissions: "
                           f"{permission}")
    return getattr(_instance(root), "private_metadata", None) or {}


class ObjectWithMetadata(graphene.Interface):
    private_metadata = NonNullList(MetadataItem, required=True,
                                   description="List of private metadata items.")
    private_metafield = graphene.String(key=graphene.String(required=True),
                                        description="A single key from private metadata.")
    private_metafields = Metadata(keys=NonNullList(graphene.String),
                                  description="Private metadata, optionally only some keys.")
    metadata = NonNullList(MetadataItem, required=True,
                           description="List of public metadata items.")
    metafield = graphene.String(key=graphene.String(required=True),
                                description="A single key from public metadata.")
    metafields = Metadata(keys=NonNullList(graphene.String),
                          description="Public metadata, optionally only some keys.")

    @classmethod
    def resolve_type(cls, instance: Any, info: Any) -> Any:
        """The concrete type of a root returned as ``ObjectWithMetadata`` (the metadata
        mutations' ``item``), from ``METADATA_TYPE_NAMES``."""
        name = METADATA_TYPE_NAMES.get(type(_instance(instance)))
        graphql_type = info.schema.get_type(name) if name else None
        return getattr(graphql_type, "graphene_type", None) or super().resolve_type(instance,
                                                                                    info)

    @staticmethod
    def resolve_metadata(root: Any, _info: Any) -> list[MetadataItem]:
        return _items(getattr(_instance(root), "metadata", None))

    @staticmethod
    def resolve_metafield(root: Any, _info: Any, *, key: str) -> str | None:
        return (getattr(_instance(root), "metadata", None) or {}).get(key)

    @staticmethod
    def resolve_metafields(root: Any, _info: Any, *, keys: list[str] | None = None) -> dict:
        return _only(getattr(_instance(root), "metadata", None), keys)

    @staticmethod
    def resolve_private_metadata(root: Any, info: Any) -> list[MetadataItem]:
        return _items(_private(root, info))

    @staticmethod
    def resolve_private_metafield(root: Any, info: Any, *, key: str) -> str | None:
        return _private(root, info).get(key)

    @staticmethod
    def resolve_private_metafields(root: Any, info: Any, *, keys: list[str] | None = None
                                   ) -> dict:
        return _only(_private(root, info), keys)


class Image(graphene.ObjectType):
    url = graphene.String(required=True, description="The URL of the image.")
    alt = graphene.String(description="Alt text for an image.")

    class Meta:
        description = "Represents an image."


class Weight(graphene.ObjectType):
    unit = WeightUnitsEnum(required=True, description="Weight unit.")
    value = graphene.Float(required=True, description="Weight value.")

    class Meta:
        description = "Represents weight value in a specific weight unit."


def weight_in_grams(grams: int | None) -> Weight | None:
    return None if grams is None else Weight(unit=WeightUnitsEnum.G, value=float(grams))


class CountryDisplay(graphene.ObjectType):
    code = graphene.String(required=True, description="Country code.")
    country = graphene.String(required=True, description="Country name.")


def country_display(code: str) -> CountryDisplay:
    code = (code or "").upper()
    return CountryDisplay(code=code, country=Locale("en").territories.get(code, code))


class LanguageDisplay(graphene.ObjectType):
    code = LanguageCodeEnum(required=True, description="ISO 639 representation of the language.")
    language = graphene.String(required=True, description="Full name of the language.")


def language_display(code: str) -> LanguageDisplay:
    """``code`` is an enum name such as ``AR`` or ``EN_US``."""
    return LanguageDisplay(code=code, language=language_name(code))
