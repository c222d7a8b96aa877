"""Read PostgreSQL plans of the SQL a page or selector really runs, and name the full scans.

``EXPLAIN`` runs with ``enable_seqscan = off``: PostgreSQL then reads a table whole (a seq scan,
or an index scan with no condition, only for its order) when no index can serve the query, so
such a node on a big table means a missing index.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

# Tables that grow with the catalog, the orders or the ledger (10x the network: millions of
# rows). Small reference tables (regions, channels, categories, labels) may be scanned.
BIG_TABLES = frozenset({
    "catalog_product", "catalog_productvariant", "catalog_productchannellisting",
    "catalog_productvariantchannellisting", "catalog_stock", "catalog_producttranslation",
    "catalog_productmedia", "catalog_thumbnail", "catalog_productlabel",
    "catalog_assignedproductattributevalue", "orders_order", "orders_orderline",
    "orders_orderdelivery", "orders_checkout", "orders_checkoutline", "fairpay_entry",
    "fairpay_journal", "fairpay_ordersplit", "fairpay_orderlinesplit", "fairpay_parcelhold",
    "fulfillment_shipment", "fulfillment_shipmentevent",
})


def captured_selects(call: Callable[[], Any]) -> list[str]:
    """The SELECT statements ``call`` runs, with their parameters bound."""
    with CaptureQueriesContext(connection) as context:
        call()
    return [q["sql"] for q in context.captured_queries
            if q["sql"].lstrip().upper().startswith(("SELECT", "WITH"))]


# Nodes that pass rows on as they come: a scan below them stops when a LIMIT above is met.
STREAMING = frozenset({"Nested Loop", "Merge Join", "Result", "Subquery Scan", "Append",
                       "Merge Append", "Gather Merge", "Incremental Sort", "Memoize"})


def _scans(plan: dict, limited: bool = False) -> Iterator[tuple[dict, bool]]:
    """Every node with whether a LIMIT above it can stop it early."""
    yield plan, limited
    kind = plan["Node Type"]
    below = kind == "Limit" or (limited and kind in STREAMING)
    for child in plan.get("Plans", ()):
        # The inner side of a join and sub-plans run per outer row: their own LIMITs only.
        yield from _scans(child, below and child.get("Parent Relationship") == "Outer")


def _reads_whole_table(node: dict, limited: bool) -> bool:
    """A seq scan, or an index scan with nothing to look up in the index (the index only
    gives the order: PostgreSQL's way round ``enable_seqscan = off``), unless a LIMIT stops
    it after a few rows (the newest products, say)."""
    if node["Node Type"] == "Seq Scan":
        return True
    if node["Node Type"] in ("Index Scan", "Index Only Scan", "Index Scan Backward"):
        return "Index Cond" not in node and not limited
    return False


# With a few hundred rows PostgreSQL rightly hashes whole tables; at millions of rows it looks
# rows up by index. Pricing out seq scans and hash/merge joins asks for the plan of a big
# table: an index lookup wherever one can serve the query.
PLANNER_AS_IF_BIG = ("enable_seqscan", "enable_hashjoin", "enable_mergejoin")


# On a small table an index scan read whole for its order can look cheaper than a lookup in
# another index (the GIN index of a full-text search, say), depending on the statistics the
# earlier tests left; pricing out plain index scans too leaves bitmap lookups, which need a
# condition an index can serve, or a seq scan where none can.
INDEX_LOOKUPS_ONLY = ("enable_indexscan", "enable_indexonlyscan")


def plan_of(sql: str, also_off: tuple[str, ...] = ()) -> dict:
    """The JSON plan of ``sql`` with sequential scans and hash/merge joins priced out."""
    with transaction.atomic(), connection.cursor() as cursor:
        for setting in (*PLANNER_AS_IF_BIG, *also_off):
            cursor.execute(f"SET LOCAL {setting} = off")
        cursor.execute("EXPLAIN (FORMAT JSON) " + sql)
        (document,) = cursor.fetchone()
    return document[0]["Plan"]


def plan_text(sql: str) -> str:
    """The same plan as text, for a failure message."""
    with transaction.atomic(), connection.cursor() as cursor:
        for setting in PLANNER_AS_IF_BIG:
            cursor.execute(f"SET LOCAL {setting} = off")
        cursor.execute("EXPLAIN " + sql)
        return "\n".join(row[0] for row in cursor.fetchall())


def _whole(plan: dict) -> set[str]:
    return {node["Relation Name"] for node, limited in _scans(plan)
            if node.get("Relation Name") in BIG_TABLES and _reads_whole_table(node, limited)}


def whole_big_tables(sql: str) -> set[str]:
    """The big tables ``sql`` reads whole, though PostgreSQL was told to avoid it (in the
    plan it prefers and in the plan with index lookups only)."""
    tables = _whole(plan_of(sql))
    if tables:
        tables &= _whole(plan_of(sql, INDEX_LOOKUPS_ONLY))
    return tables


def full_scans(call: Callable[[], Any]) -> list[tuple[set[str], str]]:
    """Every statement of ``call`` that reads a big table whole, with those tables."""
    found = []
    for sql in captured_selects(call):
        tables = whole_big_tables(sql)
        if tables:
            found.append((tables, sql))
    return found


def analyze() -> None:
    """Fresh statistics, as autovacuum would have after a real load."""
    with connection.cursor() as cursor:
        for table in sorted(BIG_TABLES):
            cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")


def scans_in(plan: dict) -> Iterator[dict]:
    """Every node of ``plan`` that reads a table (its ``Relation Name``), sub-plans included."""
    if plan.get("Relation Name"):
        yield plan
    for child in plan.get("Plans", ()):
        yield from scans_in(child)


def _index_names(node: dict) -> str:
    """The index a scan reads; for a bitmap heap scan, those of its bitmap index scans."""
    if node["Node Type"] != "Bitmap Heap Scan":
        return node.get("Index Name", "")
    names, stack = [], list(node.get("Plans", ()))
    while stack:
        child = stack.pop()
        if child.get("Index Name"):
            names.append(child["Index Name"])
        stack += child.get("Plans", ())
    return ",".join(sorted(names))


def table_reads(sql: str) -> list[tuple[str, str, str]]:
    """(table, node type, index) of every read in the plan PostgreSQL would use on big
    tables (sequential scans and hash/merge joins priced out)."""
    return [(node["Relation Name"], node["Node Type"], _index_names(node))
            for node in scans_in(plan_of(sql))]


def as_if_vacuumed(*tables: str) -> None:
    """Tell the planner every page of ``tables`` is all-visible, as after autovacuum.

    The test data is written inside a transaction that VACUUM cannot enter, so the visibility
    map stays empty and the planner rightly prices an index-only read as an index read plus
    the heap; on a real database the pages are all-visible. The change to ``pg_class`` is
    rolled back with the test's transaction.
    """
    with connection.cursor() as cursor:
        cursor.execute("UPDATE pg_class SET relallvisible = relpages WHERE relname = ANY(%s)",
                       [list(tables)])
