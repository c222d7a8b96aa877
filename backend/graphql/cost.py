"""The query cost limit: a query asking for too much is refused before it runs.

Every selected field costs 1, times the page sizes of the connections around it: in
``products(first: 100) { edges { node { variants(first: 50) { ... } } } }`` a field of a variant
costs 100 x 50. ``first``/``last`` may be literals or variables (hence a rule per request).
Fragments count where they are spread. Above ``GRAPHQL_QUERY_MAX_COMPLEXITY`` (Saleor's
setting, 50,000 by default) the answer is Saleor's error, "The query exceeds the maximum cost
of N. Actual cost is M". Page sizes above 100 are refused separately, when the connection
resolves (``backend.graphql.core.connection.page_args``), with Saleor's message.
"""
from __future__ import annotations

from typing import Any

from django.conf import settings
from graphql import (
    FieldNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    ValidationRule,
    VariableNode,
)

PAGE_ARGUMENTS = ("first", "last")


def max_complexity() -> int:
    return int(getattr(settings, "GRAPHQL_QUERY_MAX_COMPLEXITY", 50_000) or 0)


def _multiplier(field: FieldNode, variables: dict[str, Any]) -> int:
    for argument in field.arguments or ():
        if argument.name.value not in PAGE_ARGUMENTS:
            continue
        value: Any = None
        if isinstance(argument.value, IntValueNode):
            value = argument.value.value
        elif isinstance(argument.value, VariableNode):
            value = variables.get(argument.value.name.value)
        try:
            number = int(value)
        except (TypeError, ValueError):
            continue
        if number > 0:
            return number
    return 1


def selection_cost(selection_set: SelectionSetNode | None, fragments: dict[str, Any],
                   variables: dict[str, Any], seen: frozenset[str] = frozenset(),
                   memo: dict[str, int] | None = None) -> int:
    """The cost of a selection set, each field weighing 1 times the page size above it.

    A fragment's cost does not depend on where it is spread, so it is computed once
    (``memo``): a query spreading fragments into fragments costs linear time to price."""
    memo = {} if memo is None else memo
    total = 0
    for selection in selection_set.selections if selection_set else ():
        if isinstance(selection, FieldNode):
            if selection.name.value.startswith("__"):
                continue  # introspection costs nothing, as in Saleor
            total += 1 + _multiplier(selection, variables) * selection_cost(
                selection.selection_set, fragments, variables, seen, memo)
        elif isinstance(selection, InlineFragmentNode):
            total += selection_cost(selection.selection_set, fragments, variables, seen, memo)
        elif isinstance(selection, FragmentSpreadNode):
            name = selection.name.value
            fragment = fragments.get(name)
            if fragment is None or name in seen:  # cycles are another rule's error
                continue
            if name not in memo:
                memo[name] = selection_cost(fragment.selection_set, fragments, variables,
                                            seen | {name}, memo)
            total += memo[name]
    return total


def cost_limit_rule(variables: dict[str, Any] | None, maximum: int) -> type[ValidationRule]:
    """A graphql-core validation rule bound to this request's variables."""
    values = variables if isinstance(variables, dict) else {}

    class QueryCostRule(ValidationRule):
        def enter_operation_definition(self, node: OperationDefinitionNode,
                                       *_args: Any) -> None:
            fragments = {f.name.value: f for f in self.context.document.definitions
                         if getattr(f, "kind", "") == "fragment_definition"}
            cost = selection_cost(node.selection_set, fragments, values)
            if cost > maximum:
                self.report_error(GraphQLError(
                    f"The query exceeds the maximum cost of {maximum}. Actual cost is {cost}",
                    node, extensions={"cost": {"requestedQueryCost": cost,
                                               "maximumAvailable": maximum}}))

    return QueryCostRule


def cost_rules(variables: dict[str, Any] | None) -> tuple[type[ValidationRule], ...]:
    maximum = max_complexity()
    return (cost_limit_rule(variables, maximum),) if maximum > 0 else ()
