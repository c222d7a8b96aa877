"""Reads over the generated data: a checksum (same seed, same rows) and the ledger's balance."""
from __future__ import annotations

import hashlib

from django.db import connection

# Every table seed_scale writes, with the columns left out of the checksum (set by the clock
# when a shared row is created through the ORM, not by the seed).
CHECKSUM_TABLES: dict[str, tuple[str, ...]] = {
    "cooperatives_cooperative": (), "fairpay_cooperativefairpay": ("updated_at",),
    "fairpay_cooperativemember": (), "fulfillment_partner": (), "fulfillment_pricingrule": (),
    "fulfillment_partnercoverage": (), "fairpay_partnerpayoutdetails": ("updated_at",),
    "accounts_user": (), "accounts_address": (), "catalog_product": (),
    "catalog_productvariant": (), "catalog_productvariantchannellisting": (),
    "catalog_productchannellisting": (), "catalog_stock": (), "catalog_productmedia": (),
    "catalog_thumbnail": (), "orders_order": (), "orders_orderline": (),
    "orders_orderdelivery": (), "fairpay_ordersplit": (), "fairpay_orderlinesplit": (),
    "payments_transactionitem": (), "payments_transactionevent": (),
    "fairpay_journal": (), "fairpay_entry": (), "fairpay_account": ("created_at",),
    "fulfillment_shipment": (), "fulfillment_shipmentevent": (), "fairpay_parcelhold": (),
}


def scale_checksum() -> str:
    """An MD5 over every row of the tables seed_scale writes, in primary-key order."""
    digest = hashlib.md5()
    with connection.cursor() as cursor:
        for table, skipped in CHECKSUM_TABLES.items():
            row = "to_jsonb(t)" + "".join(f" - '{column}'" for column in skipped)
            cursor.execute(f'SELECT count(*), md5(string_agg(({row})::text, \'|\' '
                           f'ORDER BY t.{_pk(table)})) FROM "{table}" t')
            count, md5 = cursor.fetchone()
            digest.update(f"{table}:{count}:{md5}".encode())
    return digest.hexdigest()


def _pk(table: str) -> str:
    return {"fairpay_cooperativefairpay": "cooperative_id",
            "fairpay_partnerpayoutdetails": "partner_id"}.get(table, "id")


def unbalanced_journals() -> int:
    """Journals whose entries do not sum to zero (the trigger makes this 0)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM (SELECT journal_id FROM fairpay_entry "
                       "GROUP BY journal_id HAVING sum(amount) <> 0) t")
        return cursor.fetchone()[0]


def generated_rows_problems(ctx) -> list[str]:
    """What PostgreSQL's triggers would have refused, checked set-based after a fast write:
    unbalanced journals, and foreign keys of the written tables that point nowhere."""
    problems = []
    if unbalanced := unbalanced_journals():
        problems.append(f"{unbalanced} unbalanced journals")
    with connection.cursor() as cursor:
        for table in ctx.tables.values():
            for field in table.model._meta.concrete_fields:
                if not field.is_relation or not field.db_constraint:
                    continue
                parent = field.related_model._meta
                target = field.target_field.column
                cursor.execute(
                    f'SELECT count(*) FROM "{table.name}" c WHERE c."{field.column}" IS NOT NULL '
                    f'AND NOT EXISTS (SELECT 1 FROM "{parent.db_table}" p '
                    f'WHERE p."{target}" = c."{field.column}")')
                if missing := cursor.fetchone()[0]:
                    problems.append(f"{missing} rows of {table.name}.{field.column} point to "
                                    f"no {parent.db_table}")
    return problems
