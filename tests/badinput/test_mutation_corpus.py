"""Every mutation of the live schema, fed the fixed corpus of nasty inputs.

For each mutation: all required arguments get sane values (``sane.py``) and one slot at a time
gets a nasty value (``corpus.py``). The caller most likely to get deep into the mutation (the
cooperative's manager for catalog mutations, the customer for account and checkout ones, an
anonymous visitor for sign-in and sign-up) sends every corpus value of each type the mutation
takes, spread over its slots; the two other callers, in turn, send one value into every slot.
Judged on: no HTTP 500, nothing logged at ERROR (the endpoint logs unhandled exceptions there),
and, when the request was refused, the main tables unchanged, row for row.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

import pytest

from backend.graphql.api import schema
from tests.badinput.conftest import fingerprint, post_graphql
from tests.badinput.corpus import LIST_SIZES, values_for
from tests.badinput.report import record
from tests.badinput.sane import ALSO, make_sane
from tests.badinput.schema_walk import (
    Slot,
    document,
    mutations,
    sane_arguments,
    slots,
    unwrap,
    with_slot,
)

pytestmark = pytest.mark.django_db

MUTATIONS = mutations(schema.graphql_schema)
ROLES = ("anonymous", "customer", "manager")
ANONYMOUS_FIRST = {"tokenCreate", "tokenRefresh", "accountRegister", "requestPasswordReset",
                   "setPassword", "confirmAccount", "checkoutCreate"}
MANAGER_FIRST = ("product", "updateMetadata", "deleteMetadata", "updatePrivateMetadata",
                 "deletePrivateMetadata")


def deep_role(mutation: str) -> str:
    if mutation in ANONYMOUS_FIRST:
        return "anonymous"
    if mutation.startswith(MANAGER_FIRST):
        return "manager"
    return "customer"


def plan(mutation: str, field: Any, world: Any) -> Iterator[tuple[str, str, dict]]:
    """``(role, what, variables)`` for every request the campaign sends to ``mutation``."""
    sane = make_sane(world)
    base = sane_arguments(mutation, field, sane, also=ALSO)
    by_type: dict[str, list[Slot]] = defaultdict(list)
    for slot in slots(field):
        if values_for(slot.type_name):
            by_type[slot.type_name].append(slot)

    def put(slot: Slot, value: Any) -> dict:
        return with_slot(base, field, slot, [value] if slot.is_list else value, mutation,
                         sane, ALSO)

    deep = deep_role(mutation)
    others = [r for r in ROLES if r != deep]
    for type_name, typed_slots in sorted(by_type.items()):
        values = list(values_for(type_name).items())
        for i, (name, value) in enumerate(values):  # every value, by the deep caller
            slot = typed_slots[i % len(typed_slots)]
            yield deep, f"{slot.label}={name}", put(slot, value)
        for j, slot in enumerate(typed_slots):  # every slot, by the other two in turn
            name, value = values[(j * 7 + 3) % len(values)]
            yield others[j % 2], f"{slot.label}={name}", put(slot, value)
    for arg_name, arg in field.args.items():
        if unwrap(arg.type)[2] and arg_name in base:
            element = base[arg_name][0]
            for size_name, size in LIST_SIZES.items():
                yield deep, f"{arg_name}={size_name}", {**base, arg_name: [element] * size}
    yield deep, "all sane", base


@pytest.mark.parametrize("mutation", sorted(MUTATIONS))
def test_nasty_inputs_never_break_the_mutation_nor_change_data_when_refused(
        mutation, world, error_records):
    field = MUTATIONS[mutation]
    query = document(mutation, field)
    problems: list[str] = []
    counts = {"inputs": 0, "http_500": 0, "unhandled_exceptions": 0, "changed_on_refusal": 0}
    after: tuple | None = None
    for role, what, variables in plan(mutation, field, world):
        before = after or fingerprint()
        outcome = post_graphql(world.clients[role], query, variables, error_records)
        after = fingerprint() if outcome.refused else None
        counts["inputs"] += 1
        if outcome.status >= 500:
            counts["http_500"] += 1
            problems.append(f"{role} {what}: HTTP {outcome.status}")
        if outcome.errors_logged:
            counts["unhandled_exceptions"] += 1
            first = outcome.errors_logged[0]
            problems.append(f"{role} {what}: logged {first.name}: {first.getMessage()[:120]} "
                            f"{first.exc_info[1]!r:.300}" if first.exc_info else "")
        if outcome.refused and after != before:
            counts["changed_on_refusal"] += 1
            problems.append(f"{role} {what}: refused but data changed: "
                            f"{str(outcome.body)[:300]}")
    record("corpus", operation=mutation, **counts)
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:25])
