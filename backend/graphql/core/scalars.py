"""Saleor's custom scalars that graphene does not provide under the same name."""
from __future__ import annotations

import decimal
from typing import Any

import graphene
from graphene.types.generic import GenericScalar
from graphql import GraphQLError
from graphql.language import ast


class Decimal(graphene.Float):
    """A decimal number: sent as a Float, read back as an exact ``Decimal`` (from its text)."""

    @staticmethod
    def parse_literal(node: Any, _variables: Any = None) -> decimal.Decimal | None:
        if isinstance(node, ast.FloatValueNode | ast.IntValueNode):
            return Decimal.parse_value(node.value)
        return None

    @staticmethod
    def parse_value(value: Any) -> decimal.Decimal | None:
        try:
            parsed = decimal.Decimal(str(value))
        except (decimal.DecimalException, ValueError):
            return None
        return parsed if parsed.is_finite() else None


class Metadata(GenericScalar):
    """Metadata is a map of key-value pairs, both keys and values are `String`."""


class PositiveDecimal(Decimal):
    """Positive Decimal scalar implementation. Should be used in places where value must be
    positive."""

    @staticmethod
    def parse_literal(node: Any, _variables: Any = None) -> decimal.Decimal:
        if isinstance(node, ast.FloatValueNode | ast.IntValueNode):
            return PositiveDecimal.parse_value(node.value)
        raise GraphQLError("Expected a positive decimal number.")

    @staticmethod
    def parse_value(value: Any) -> decimal.Decimal:
        parsed = Decimal.parse_value(value)
        if parsed is None:
            raise GraphQLError("Expected a decimal number.")
        if parsed < 0:
            raise GraphQLError("Value cannot be lower than 0.")
        return parsed


class JSON(GenericScalar):
    """Any JSON value (an object, a list, a string...), as Saleor's payment apps exchange it."""
