"""``python manage.py seed_scale --cooperatives 1000 --products 20000 --orders 100000``.

Generates a network of the given size (deterministic for a ``--seed``) with PostgreSQL COPY,
in one transaction that also writes the marker ``backend.scale.seeded_parameters()`` reads. A
second run with the same parameters does nothing; other parameters need ``--reset``.
"""
from __future__ import annotations

import time
from datetime import UTC, date, datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, transaction
from django.utils import timezone

from backend.scale import seeded_parameters
from backend.scale.catalog import seed_catalog
from backend.scale.checks import generated_rows_problems, scale_checksum
from backend.scale.context import Parameters, SeedContext
from backend.scale.models import ScaleSeed
from backend.scale.network import seed_cooperatives, seed_customers, seed_partners
from backend.scale.orders import seed_orders
from backend.scale.reset import scale_data_delete, scale_data_exists

ANALYZED = ["cooperatives_cooperative", "catalog_product", "catalog_productvariant",
            "catalog_productchannellisting", "catalog_productvariantchannellisting",
            "catalog_stock", "catalog_productmedia", "catalog_thumbnail", "accounts_user",
            "accounts_address", "orders_order", "orders_orderline", "orders_orderdelivery",
            "fairpay_ordersplit", "fairpay_orderlinesplit", "fairpay_journal", "fairpay_entry",
            "fairpay_parcelhold", "fulfillment_shipment", "payments_transactionitem"]
LIMIT = 10_000_000


def _superuser() -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
        row = cursor.fetchone()
    return bool(row and row[0])


def _count(value: str) -> int:
    number = int(value)
    if not 0 <= number <= LIMIT:
        raise ValueError(value)
    return number


class Command(BaseCommand):
    help = "Generate scale data (cooperatives, products, orders, ledger) for benchmarks."
    # A data command: URL or template checks have nothing to say about it.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--cooperatives", type=_count, default=1000)
        parser.add_argument("--products", type=_count, default=20000)
        parser.add_argument("--orders", type=_count, default=100000)
        parser.add_argument("--seed", type=int, default=42)
        parser.add_argument("--members-per-coop", type=_count, default=10)
        parser.add_argument("--anchor", type=date.fromisoformat, default=None,
                            help="Orders are dated in the year before this day (default: "
                                 "today, UTC).")
        parser.add_argument("--reset", action="store_true",
                            help="Delete the generated data first (never the other rows).")
        parser.add_argument("--checksum", action="store_true",
                            help="Print a checksum of the generated tables at the end.")
        parser.add_argument("--no-progress", action="store_true")
        parser.add_argument(
            "--checked", action="store_true",
            help="Keep PostgreSQL's triggers on while writing: every foreign key and balanced "
                 "journal checked row by row (slow; the tests use it). By default a superuser "
                 "writes with triggers off, then checks the ledger and the keys set-based.")

    def handle(self, *args: Any, **options: Any) -> None:
        if connection.vendor != "postgresql":
            raise CommandError("seed_scale needs PostgreSQL (it writes with COPY): set "
                               "DATABASE_URL=postgres://...")
        params = Parameters(cooperatives=options["cooperatives"], products=options["products"],
                            orders=options["orders"], seed=options["seed"],
                            members_per_coop=options["members_per_coop"])
        if not all(0 <= value <= LIMIT for value in (
                params.cooperatives, params.products, params.orders, params.members_per_coop)):
            raise CommandError(f"Counts go from 0 to {LIMIT}.")
        if params.cooperatives < 1 and (params.products or params.orders):
            raise CommandError("Products and orders need at least one cooperative.")
        if params.products < 1 and params.orders:
            raise CommandError("Orders need at least one product.")
        started = time.monotonic()
        if options["reset"]:
            scale_data_delete()
            self.stdout.write(f"Reset: generated data deleted in "
                              f"{time.monotonic() - started:.1f} s")
        elif seeded_parameters() == params.as_dict():
            self.stdout.write(f"Already seeded with {params.as_dict()}: nothing to do.")
            return
        elif scale_data_exists():
            raise CommandError(f"The database holds scale data seeded with "
                               f"{seeded_parameters()}; run with --reset to replace it.")
        day = options["anchor"] or timezone.now().astimezone(UTC).date()
        if isinstance(day, str):
            day = date.fromisoformat(day)
        anchor = datetime(day.year, day.month, day.day, tzinfo=UTC)
        ctx = SeedContext(params=params, anchor=anchor, stream=self.stderr._out,
                          show_progress=not options["no_progress"] and options["verbosity"] > 0)
        began = time.monotonic()
        with transaction.atomic():
            fast = not options["checked"] and _superuser()
            if fast:
                with connection.cursor() as cursor:
                    cursor.execute("SET LOCAL session_replication_role = replica")
            ctx.load_geography()
            if not ctx.places:
                raise CommandError("No cities: run the migrations first.")
            coops = seed_cooperatives(ctx)
            carriers = seed_partners(ctx)
            customers = seed_customers(ctx)
            sellables = seed_catalog(ctx, coops) if params.products else {}
            seed_orders(ctx, coops, carriers, customers, sellables)
            if fast:
                with connection.cursor() as cursor:
                    cursor.execute("SET LOCAL session_replication_role = origin")
                problems = generated_rows_problems(ctx)
                if problems:
                    raise CommandError("Generated rows failed their checks: "
                                       + "; ".join(problems))
            seconds = time.monotonic() - began
            ScaleSeed.objects.create(parameters=params.as_dict(), anchor=anchor,
                                     seconds=round(seconds, 1), counts=ctx.counts,
                                     finished_at=timezone.now())
        with connection.cursor() as cursor:
            for table in ANALYZED:
                cursor.execute(f'ANALYZE "{table}"')
        rows = sum(ctx.counts.values())
        self.stdout.write(f"Seeded {params.as_dict()} in {time.monotonic() - began:.1f} s: "
                          f"{rows} rows")
        for table, count in sorted(ctx.counts.items()):
            self.stdout.write(f"  {table:<40} {count:>10}")
        if options["checksum"]:
            self.stdout.write(f"checksum: {scale_checksum()}")
