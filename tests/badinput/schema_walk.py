"""Walk the live GraphQL schema: every mutation, every scalar slot of its arguments.

A *slot* is the path to one scalar (or enum) value inside a mutation's arguments: a top-level
argument (``email``), a field of an input object (``input.name``) or a field of the first
element of a list of input objects (``lines.0.quantity``). The campaign fills all required
arguments with sane values and puts one nasty value into one slot.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from graphql import (
    GraphQLArgument,
    GraphQLEnumType,
    GraphQLField,
    GraphQLInputField,
    GraphQLInputObjectType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    get_named_type,
)

MAX_DEPTH = 3


@dataclass(frozen=True)
class Slot:
    path: tuple[str | int, ...]
    type_name: str  # the scalar's name, or "ENUM"
    is_list: bool  # the slot holds a list of that scalar

    @property
    def name(self) -> str:
        return next(str(p) for p in reversed(self.path) if isinstance(p, str))

    @property
    def label(self) -> str:
        return ".".join(str(p) for p in self.path)


def unwrap(type_: Any) -> tuple[Any, bool, bool]:
    """``(named type, required, is_list)`` of an argument or input field type."""
    required = isinstance(type_, GraphQLNonNull)
    inner = type_.of_type if required else type_
    is_list = isinstance(inner, GraphQLList)
    return get_named_type(type_), required, is_list


def mutations(schema: GraphQLSchema) -> dict[str, GraphQLField]:
    return dict(schema.mutation_type.fields) if schema.mutation_type else {}


def slots(field: GraphQLField) -> list[Slot]:
    found: list[Slot] = []
    for name, arg in field.args.items():
        found.extend(_slots_of(arg, (name,), depth=0, seen=()))
    return found


def _slots_of(arg: GraphQLArgument | GraphQLInputField, path: tuple, *, depth: int,
              seen: tuple[str, ...]) -> Iterator[Slot]:
    named, _required, is_list = unwrap(arg.type)
    if isinstance(named, GraphQLInputObjectType):
        if depth >= MAX_DEPTH or named.name in seen:
            return
        inner_path = (*path, 0) if is_list else path
        for name, sub in named.fields.items():
            yield from _slots_of(sub, (*inner_path, name), depth=depth + 1,
                                 seen=(*seen, named.name))
    elif isinstance(named, GraphQLEnumType):
        yield Slot(path, "ENUM", is_list)
    else:
        yield Slot(path, named.name, is_list)


def document(name: str, field: GraphQLField) -> str:
    """``mutation($a: T!, ...) { name(a: $a, ...) { __typename errors { field code } } }``."""
    params = ", ".join(f"${a}: {arg.type}" for a, arg in field.args.items())
    call = ", ".join(f"{a}: ${a}" for a in field.args)
    payload = get_named_type(field.type)
    selection = ["__typename"]
    if isinstance(payload, GraphQLObjectType):
        if "errors" in payload.fields:
            selection.append("errors { field code message }")
        for fname, sub in payload.fields.items():
            sub_type = get_named_type(sub.type)
            if fname == "errors" or not isinstance(sub_type, GraphQLObjectType) or sub.args:
                continue
            if "id" in sub_type.fields:
                selection.append(f"{fname} {{ id }}")
    head = f"mutation Campaign({params})" if params else "mutation Campaign"
    args = f"({call})" if call else ""
    return f"{head} {{ {name}{args} {{ {' '.join(selection)} }} }}"


SaneScalar = Callable[[str, str, str], Any]  # (mutation, slot name, scalar type) -> value


def sane_arguments(mutation: str, field: GraphQLField, sane: SaneScalar,
                   *, also: frozenset[str] = frozenset()) -> dict[str, Any]:
    """Required arguments (and the optional ones named in ``also``), filled sanely."""
    return {name: _sane(mutation, name, arg, sane, also, depth=0)
            for name, arg in field.args.items()
            if unwrap(arg.type)[1] or name in also}


def _sane(mutation: str, name: str, arg: Any, sane: SaneScalar, also: frozenset[str], *,
          depth: int) -> Any:
    named, _required, is_list = unwrap(arg.type)
    if isinstance(named, GraphQLInputObjectType):
        value: Any = {sub_name: _sane(mutation, sub_name, sub, sane, also, depth=depth + 1)
                      for sub_name, sub in named.fields.items()
                      if (unwrap(sub.type)[1] or sub_name in also) and depth < MAX_DEPTH}
    elif isinstance(named, GraphQLEnumType):
        value = sane(mutation, name, "ENUM") or next(iter(named.values))
    else:
        value = sane(mutation, name, named.name)
    return [value] if is_list else value


def with_slot(variables: dict[str, Any], field: GraphQLField, slot: Slot, value: Any,
              mutation: str, sane: SaneScalar, also: frozenset[str]) -> dict[str, Any]:
    """A copy of ``variables`` with ``value`` at ``slot``, creating the objects on the way."""
    result = _deep_copy(variables)
    container: Any = result
    holder: Any = field.args
    for index, part in enumerate(slot.path[:-1]):
        nxt = slot.path[index + 1]
        if isinstance(part, int):
            continue
        definition = holder[part]
        named, _required, is_list = unwrap(definition.type)
        if is_list:
            current = container.get(part)
            if not isinstance(current, list) or not current:
                container[part] = [_sane(mutation, part, definition, sane, also, depth=1)[0]]
            element = container[part][0]
            if not isinstance(element, dict):
                element = {}
                container[part][0] = element
            container = element
        else:
            if not isinstance(container.get(part), dict):
                container[part] = _sane(mutation, part, definition, sane, also, depth=1)
            container = container[part]
        holder = named.fields
        assert nxt is not None
    container[slot.path[-1]] = value
    return result


def _deep_copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _deep_copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_deep_copy(v) for v in value]
    return value
