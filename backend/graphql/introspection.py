"""Introspection as a Saleor server answers it: deprecated arguments and input fields listed.

graphql-core hides an argument or input field that has a ``deprecation_reason`` unless the
query asks ``args(includeDeprecated: true)`` / ``inputFields(includeDeprecated: true)``; the
standard introspection query (graphql-js ``getIntrospectionQuery()`` without
``inputValueDeprecation``, as Saleor's storefront codegen sends it) does not ask. Saleor marks
those inputs deprecated only in its printed SDL (a description marker), so its live
introspection always lists them: ``products(filter:)``, ``Collection.products(filter:)``,
``PreorderSettingsInput``'s fields... A client generated from ours must see them too, while
our SDL (``make schema``) keeps the ``@deprecated`` marks that match Saleor's reference.

So the three introspection resolvers that filter inputs list every input, deprecated or not;
``isDeprecated``/``deprecationReason`` still tell the truth to a client that asks for them.
"""
from __future__ import annotations

from typing import Any

from graphql import GraphQLObjectType, introspection_types

# (introspection type, field) whose resolver takes ``includeDeprecated`` for input values.
INPUT_VALUE_LISTS = (("__Type", "inputFields"), ("__Field", "args"), ("__Directive", "args"))


def _listing_deprecated_inputs(resolve: Any) -> Any:
    def resolver(root: Any, info: Any, includeDeprecated: bool = False) -> Any:  # noqa: N803
        return resolve(root, info, includeDeprecated=True)

    resolver.lists_deprecated_inputs = True  # type: ignore[attr-defined]
    return resolver


def list_deprecated_inputs() -> None:
    """Make introspection list deprecated arguments and input fields (idempotent).

    graphql-core's introspection types are shared by every schema of the process; ours is the
    only one, and listing more inputs never breaks a client."""
    for type_name, field_name in INPUT_VALUE_LISTS:
        introspection_type = introspection_types[type_name]
        assert isinstance(introspection_type, GraphQLObjectType)
        field = introspection_type.fields[field_name]
        if not getattr(field.resolve, "lists_deprecated_inputs", False):
            field.resolve = _listing_deprecated_inputs(field.resolve)
