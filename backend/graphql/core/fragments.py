"""Completed results of list nodes kept between requests ("fragments").

A listing's answer (``response_cache``) is dropped by any change to any product; most of its
nodes are not. A connection that can tell when each of its nodes last changed (a version per
node, see ``catalog.graphql.fragments``) looks the page's nodes up in the cache before loading
them: a node found there is not loaded from the database, and graphql-core does not execute its
fields (:class:`FragmentExecutionContext` answers the stored dict). The others are loaded and
executed as usual, and their completed dict is stored after the request.

The key is the node's selection (its text in the query, the fragments it spreads and the
values of the variables it reads) plus what the caller says the answer depends on (channel,
language, host). A node is cached only when the selection reaches it through one response key
(``edges { node }``, not twice under aliases) and asks nothing listed in ``refuse`` (fields
whose answer holds *other* nodes, which the node's version does not follow). A node whose
completion raised an error is not stored.

A node is kept as its JSON text, encoded once when it is completed: the answer holds a
placeholder string for it (a NUL, the request's random marker, a number), and the view puts the
text in its place once the answer is encoded (:meth:`FragmentRegistry.splice`), so a stored
node is neither decoded nor encoded again (two thirds of a stored page's time went to that).
"""
from __future__ import annotations

import hashlib
import json
import re
import secrets
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from graphql import (
    ExecutionContext,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLObjectType,
    Node,
    OperationType,
    VariableNode,
    Visitor,
    get_nullable_type,
    located_error,
    print_ast,
    visit,
)

from .selections import selected_fields

REGISTRY_ATTRIBUTE = "_graphql_fragments"


@dataclass
class Fragment:
    """One node's entry: its key, the versions a stored value must carry, what was found."""

    key: str
    stamp: tuple[str, ...]
    payload: str | None = None  # the node's JSON text, when stored with this stamp


class StoredNode:
    """Stands for a row whose node is answered from its fragment: nothing reads it but
    the cursor, so no model instance is built (one costs ~25 us)."""

    __slots__ = ("pk",)

    def __init__(self, pk: Any) -> None:
        self.pk = pk


def encode(value: Any) -> str:
    """JSON as graphene-django's view encodes an answer (compact, ASCII)."""
    return json.dumps(value, separators=(",", ":"))


class FragmentRegistry:
    """The request's node objects with a fragment, the completed ones to store and the texts
    that stand in the answer as placeholders."""

    def __init__(self) -> None:
        self._nodes: dict[int, tuple[Any, Fragment]] = {}
        self._pending: dict[str, tuple[tuple[str, ...], str]] = {}
        self._texts: list[str] = []
        # Random per request: no value of the answer can spell a placeholder (NUL characters
        # never reach the database, and the marker is unknown to the caller).
        self._marker = f"\x00{secrets.token_hex(8)}:"
        self._encoded_marker = encode(self._marker)[1:-1]

    def expect(self, node: Any, fragment: Fragment) -> None:
        self._nodes[id(node)] = (node, fragment)

    def __bool__(self) -> bool:
        return bool(self._nodes)

    def find(self, node: Any) -> Fragment | None:
        found = self._nodes.get(id(node))
        return found[1] if found is not None and found[0] is node else None

    def keep(self, fragment: Fragment, text: str) -> None:
        self._pending[fragment.key] = (fragment.stamp, text)

    def placeholder(self, text: str) -> str:
        """The string standing in the answer for a node's JSON text."""
        self._texts.append(text)
        return f"{self._marker}{len(self._texts) - 1}\x00"

    def holds_placeholder(self, text: str) -> bool:
        return self._encoded_marker in text

    def splice(self, encoded: str) -> str:
        """The encoded answer with each placeholder replaced by its node's text."""
        if not self._texts:
            return encoded
        texts = self._texts
        pattern = re.compile('"' + re.escape(self._encoded_marker) + r'(\d+)\\u0000"')
        return pattern.sub(lambda match: texts[int(match.group(1))], encoded)

    def flush(self, timeout: int) -> int:
        """Store the completed nodes (one round trip); returns how many."""
        pending, self._pending = self._pending, {}
        if pending:
            cache.set_many(pending, timeout)
        return len(pending)


def start(request: Any) -> None:
    """Called by the view that executes with :class:`FragmentExecutionContext`: only its
    requests may answer nodes from stored fragments (another executor would run the fields of
    a :class:`StoredNode`)."""
    setattr(request, REGISTRY_ATTRIBUTE, FragmentRegistry())


def registry(request: Any) -> FragmentRegistry | None:
    """The request's registry, None when its executor cannot answer stored nodes."""
    return getattr(request, REGISTRY_ATTRIBUTE, None)


def flush(request: Any, timeout: int) -> int:
    found = registry(request)
    return found.flush(timeout) if found is not None else 0


def splice(request: Any, encoded: str) -> str:
    """The view's encoded answer with the nodes' texts in place (see the module's doc)."""
    found = registry(request)
    return found.splice(encoded) if found is not None else encoded


def stored_payload(stored: Any, stamp: tuple[str, ...]) -> str | None:
    """The node text the cache gave for a key, if it carries exactly these versions."""
    if (isinstance(stored, tuple) and len(stored) == 2 and stored[0] == stamp
            and isinstance(stored[1], str)):
        return stored[1]
    return None


class FragmentExecutionContext(ExecutionContext):
    """graphql-core's execution, answering registered nodes from their stored fragment."""

    def complete_object_value(self, return_type: GraphQLObjectType, field_nodes: list[FieldNode],
                              info: Any, path: Any, result: Any) -> Any:
        found = registry(self.context_value)
        fragment = found.find(result) if found is not None else None
        if fragment is None:
            return super().complete_object_value(return_type, field_nodes, info, path, result)
        if fragment.payload is not None:
            return found.placeholder(fragment.payload)
        errors = len(self.collected_errors.errors)
        completed = super().complete_object_value(return_type, field_nodes, info, path, result)
        if not isinstance(completed, dict) or len(self.collected_errors.errors) != errors:
            return completed
        text = encode(completed)
        if found.holds_placeholder(text):  # another stored node inside: not this node's alone
            return completed
        found.keep(fragment, text)
        return found.placeholder(text)

    def complete_list_value(self, return_type: Any, field_nodes: list[FieldNode], info: Any,
                            path: Any, result: Any) -> Any:
        """A connection's ``edges``: an edge whose node is stored is written at once (its
        cursor, the stored node, its type name), not executed field by field."""
        found = registry(self.context_value)
        plan = self._edge_plan(return_type, field_nodes, result) if found else None
        if plan is None:
            return super().complete_list_value(return_type, field_nodes, info, path, result)
        item_type = return_type.of_type
        completed: list[Any] = []
        for index, edge in enumerate(result):
            fragment = found.find(edge.node)
            if fragment is not None and fragment.payload is not None:
                node = found.placeholder(fragment.payload)
                completed.append({key: node if name == "node" else
                                  edge.cursor if name == "cursor" else plan.type_name
                                  for key, name in plan.fields})
                continue
            item_path = path.add_key(index, None)
            try:
                completed.append(self.complete_value(item_type, field_nodes, info, item_path,
                                                     edge))
            except Exception as raw_error:  # noqa: BLE001 - as graphql-core: a located error
                self.handle_field_error(located_error(raw_error, field_nodes,
                                                      item_path.as_list()), item_type, item_path)
                completed.append(None)
        return completed

    def _edge_plan(self, return_type: Any, field_nodes: list[FieldNode], result: Any
                   ) -> _EdgePlan | None:
        """The response keys of an edge selection asking only ``node``, ``cursor`` and
        ``__typename``, for a list of edges (None for any other list)."""
        if not isinstance(result, list) or not result:
            return None
        edge_type = get_nullable_type(return_type.of_type)
        if not (isinstance(edge_type, GraphQLObjectType) and edge_type.name.endswith("Edge")
                and "node" in edge_type.fields and "cursor" in edge_type.fields):
            return None
        fields = tuple((key, nodes[0].name.value) for key, nodes in
                       self.collect_subfields(edge_type, field_nodes).items())
        if any(name not in EDGE_FIELDS for _key, name in fields):
            return None
        return _EdgePlan(fields=fields, type_name=edge_type.name)


EDGE_FIELDS = frozenset({"node", "cursor", "__typename"})


@dataclass(frozen=True)
class _EdgePlan:
    fields: tuple[tuple[str, str], ...]
    type_name: str


class _Reads(Visitor):
    """Field names, variables and fragment spreads under a selection."""

    def __init__(self) -> None:
        super().__init__()
        self.fields: set[str] = set()
        self.variables: set[str] = set()
        self.spreads: set[str] = set()

    def enter_field(self, node: FieldNode, *_args: Any) -> None:
        self.fields.add(node.name.value)

    def enter_variable(self, node: VariableNode, *_args: Any) -> None:
        self.variables.add(node.name.value)

    def enter_fragment_spread(self, node: FragmentSpreadNode, *_args: Any) -> None:
        self.spreads.add(node.name.value)


def _text(node: Node) -> str:
    loc = node.loc
    return loc.source.body[loc.start:loc.end] if loc is not None else print_ast(node)


def _one_key(nodes: list[FieldNode]) -> bool:
    return len({(node.alias or node.name).value for node in nodes}) == 1


def node_selection_fingerprint(info: Any, path: tuple[str, ...], *,
                               refuse: frozenset[str]) -> str | None:
    """A digest of what the query asks of each node under ``path`` (e.g. edges, node), or None
    when its nodes cannot be cached (a mutation, aliased twice, a refused field)."""
    if info.operation.operation != OperationType.QUERY:
        return None
    nodes: list[FieldNode] = list(info.field_nodes)
    for name in path:
        nodes = selected_fields((node.selection_set for node in nodes), info.fragments
                                ).get(name, [])
        if not nodes or not _one_key(nodes):
            return None
    reads = _Reads()
    parts = []
    for node in nodes:
        visit(node, reads)
        parts.append(_text(node))
    done: set[str] = set()
    while reads.spreads - done:
        name = min(reads.spreads - done)
        done.add(name)
        definition: FragmentDefinitionNode | None = info.fragments.get(name)
        if definition is None:
            return None
        visit(definition, reads)
        parts.append(_text(definition))
    if reads.fields & refuse:
        return None
    values = info.variable_values or {}
    used = {name: values.get(name) for name in sorted(reads.variables)}
    parts.append(json.dumps(used, sort_keys=True, default=str))
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]
