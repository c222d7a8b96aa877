"""Reading a query's selection: which fields it asks for, through its fragments."""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from graphql import FieldNode, FragmentSpreadNode, InlineFragmentNode


def selected_fields(selection_sets: Iterable[Any], fragments: dict[str, Any]
                    ) -> dict[str, list[FieldNode]]:
    """The fields of one level of ``selection_sets`` by name, inline fragments and fragment
    spreads followed (each named fragment once), so resolvers can load what is asked."""
    found: dict[str, list[FieldNode]] = {}
    seen: set[str] = set()

    def walk(selection_set: Any) -> None:
        for selection in getattr(selection_set, "selections", None) or ():
            if isinstance(selection, FieldNode):
                found.setdefault(selection.name.value, []).append(selection)
            elif isinstance(selection, InlineFragmentNode):
                walk(selection.selection_set)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = fragments.get(name)
                if fragment is not None and name not in seen:
                    seen.add(name)
                    walk(fragment.selection_set)

    for selection_set in selection_sets:
        walk(selection_set)
    return found
