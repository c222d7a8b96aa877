"""Channels in the API, and Saleor's rule for the channel a query runs in.

With one channel it is the default; with several, a query that needs a channel and names none
gets Saleor's error. Inactive and restricted channels are only visible to staff.
"""
from __future__ import annotations

import copy
from contextlib import suppress
from typing import Any

import graphene
from graphql import GraphQLError, OperationType

from backend.graphql.core.ids import from_global_id_or_error
from backend.graphql.core.types import (
    CountryDisplay,
    ModelObjectType,
    Node,
    NonNullList,
    ObjectWithMetadata,
    country_display,
)
from backend.graphql.core.validators import is_clean_text, validate_one_of_args_is_in_query
from catalog.cache import catalog_shared_version
from catalog.models import Channel

MORE_THAN_ONE_CHANNEL = "More than one channel exists. Specify which channel to use."
NO_DEFAULT_CHANNEL = "A default channel does not exist."


def is_staff(info: Any) -> bool:
    user = getattr(info.context, "user", None)
    return bool(user and user.is_active and user.is_staff)


def _cache(info: Any) -> dict:
    """Per-request memo so nested fields do not look the same channel up again."""
    context = info.context
    cache = getattr(context, "_coop_channel_cache", None)
    if cache is None:
        cache = {}
        with suppress(AttributeError):  # a context that takes no attributes: no memo
            context._coop_channel_cache = cache
    return cache


# Every channel, as read under the catalog's shared token (a channel's change sets a new one).
_process_channels: tuple[str, list[Channel]] | None = None


def _channels_read(info: Any) -> list[Channel]:
    """A query reads the channels once per process and shared token, not once per request
    (a listing's query less); a mutation reads them, as it may have changed one."""
    global _process_channels
    operation = getattr(getattr(info, "operation", None), "operation", None)
    if operation != OperationType.QUERY:
        return list(Channel.objects.order_by("pk"))
    version = catalog_shared_version()  # before the rows: a change after them sets a new one
    kept = _process_channels
    if kept is None or kept[0] != version:
        kept = _process_channels = (version, list(Channel.objects.order_by("pk")))
    return [copy.copy(channel) for channel in kept[1]]  # a request's own instances


def _all_channels(info: Any) -> list[Channel]:
    cache = _cache(info)
    if "all" not in cache:
        cache["all"] = _channels_read(info)
    return cache["all"]


def channel_is_visible(channel: Channel, info: Any) -> bool:
    """Staff see every channel; others the active public ones, and approved business buyers
    the restricted (pro) one too."""
    if is_staff(info):
        return True
    if not channel.is_active:
        return False
    if not channel.is_restricted:
        return True
    from backend.business.access import is_approved_business

    return is_approved_business(getattr(info.context, "user", None))


def visible_channels(info: Any) -> list[Channel]:
    return [c for c in _all_channels(info) if channel_is_visible(c, info)]


def default_channel(info: Any) -> Channel:
    """Saleor's default: the only channel, else the only active one, else an error.

    Restricted channels (pro) are never a default: they are named or not used."""
    channels = [c for c in _all_channels(info) if not c.is_restricted]
    if len(channels) == 1:
        return channels[0]
    if not channels:
        raise GraphQLError(NO_DEFAULT_CHANNEL)
    active = [c for c in channels if c.is_active]
    if len(active) == 1:
        return active[0]
    raise GraphQLError(MORE_THAN_ONE_CHANNEL)


def channel_for_query(info: Any, slug: str | None) -> Channel | None:
    """The channel a query runs in; ``None`` when the named one is unknown or not visible,
    which makes product queries empty (as in Saleor)."""
    if slug is None:
        channel = default_channel(info)
    else:
        channel = next((c for c in _all_channels(info)
                        if is_clean_text(slug) and c.slug == slug), None)
    if channel is None or not channel_is_visible(channel, info):
        return None
    return channel


class ChannelType(ModelObjectType):
    slug = graphene.String(required=True, description="Slug of the channel.")
    name = graphene.String(required=True, description="Name of the channel.")
    is_active = graphene.Boolean(required=True, description="Whether the channel is active.")
    currency_code = graphene.String(required=True, description="A currency that is assigned "
                                    "to the channel.")
    default_country = graphene.Field(CountryDisplay, required=True,
                                     description="Default country for the channel.")
    countries = NonNullList(CountryDisplay, description="List of shippable countries.")
    is_restricted = graphene.Boolean(
        required=True, description="CoopStore: reserved to approved business buyers.")

    private_metadata_permission = "MANAGE_CHANNELS"

    class Meta:
        name = "Channel"
        interfaces = (Node, ObjectWithMetadata)
        description = "Represents channel."

    @staticmethod
    def resolve_default_country(root: Channel, _info: Any) -> CountryDisplay:
        return country_display(root.default_country)

    @staticmethod
    def resolve_countries(root: Channel, _info: Any) -> list[CountryDisplay]:
        return [country_display(root.default_country)]


class ChannelQueries(graphene.ObjectType):
    channel = graphene.Field(ChannelType, id=graphene.ID(description="ID of the channel."),
                             slug=graphene.String(description="Slug of the channel."),
                             description="Look up a channel by ID or slug.")
    channels = NonNullList(ChannelType, description="List of all channels.")

    @staticmethod
    def resolve_channel(_root: Any, info: Any, *, id: str | None = None,
                        slug: str | None = None) -> Channel | None:
        validate_one_of_args_is_in_query("id", id, "slug", slug)
        if id:
            _, pk = from_global_id_or_error(id, "Channel")
            found = next((c for c in _all_channels(info) if c.pk == pk), None)
        else:
            found = next((c for c in _all_channels(info)
                          if is_clean_text(slug) and c.slug == slug), None)
        return found if found and channel_is_visible(found, info) else None

    @staticmethod
    def resolve_channels(_root: Any, info: Any) -> list[Channel]:
        return visible_channels(info)
