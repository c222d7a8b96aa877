"""Order numbers: a PostgreSQL sequence (no lock between buyers); max + 1 on SQLite."""
from __future__ import annotations

from django.db import connection
from django.db.models import Max

SEQUENCE = "orders_order_number_seq"


def next_order_number() -> int:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT nextval('{SEQUENCE}')")
            return int(cursor.fetchone()[0])
    from .models import Order  # SQLite serialises writers, so max + 1 is safe there

    return (Order.objects.aggregate(m=Max("number"))["m"] or 1000) + 1
