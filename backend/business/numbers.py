"""Invoice numbers: one PostgreSQL sequence (no gap-free lock between buyers); max + 1 on SQLite."""
from __future__ import annotations

from django.db import connection
from django.db.models import Max

SEQUENCE = "business_invoice_number_seq"


def next_invoice_sequence() -> int:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT nextval('{SEQUENCE}')")
            return int(cursor.fetchone()[0])
    from .models import Invoice  # SQLite serialises writers

    return (Invoice.objects.aggregate(m=Max("sequence"))["m"] or 0) + 1


def invoice_number(sequence: int, year: int) -> str:
    return f"CSP-{year}-{sequence:06d}"
