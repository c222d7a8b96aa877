"""A partner's shipments are found by their legs (``legs @> [{partner_id}]``): GIN indexes on
the JSON, one for every shipment (the cash page's delivered parcels) and a small one for the
parcels still on the way (the delivery board, board_selectors.TERMINAL excluded). PostgreSQL
only: SQLite scans its small embedded tables."""
from django.db import migrations

FORWARD = [
    "CREATE INDEX IF NOT EXISTS fulfillment_shipment_legs_gin "
    "ON fulfillment_shipment USING gin (legs jsonb_path_ops)",
    "CREATE INDEX IF NOT EXISTS fulfillment_shipment_active_legs_gin "
    "ON fulfillment_shipment USING gin (legs jsonb_path_ops) "
    "WHERE status NOT IN ('delivered', 'returned', 'canceled')",
]
BACKWARD = ["DROP INDEX IF EXISTS fulfillment_shipment_active_legs_gin",
            "DROP INDEX IF EXISTS fulfillment_shipment_legs_gin"]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in FORWARD:
            schema_editor.execute(statement)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in BACKWARD:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("fulfillment", "0005_shipment_event_photo")]
    operations = [migrations.RunPython(forward, backward)]
