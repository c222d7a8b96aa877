"""Full-text and trigram-free search indexes that only PostgreSQL has."""
from django.db import migrations

FORWARD = [
    "CREATE INDEX IF NOT EXISTS catalog_product_search_gin "
    "ON catalog_product USING gin (search_vector)",
]
BACKWARD = ["DROP INDEX IF EXISTS catalog_product_search_gin"]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in FORWARD:
            schema_editor.execute(statement)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in BACKWARD:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("catalog", "0001_initial")]
    operations = [migrations.RunPython(forward, backward)]
