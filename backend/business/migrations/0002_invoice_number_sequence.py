from django.db import migrations


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE SEQUENCE IF NOT EXISTS business_invoice_number_seq")


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP SEQUENCE IF EXISTS business_invoice_number_seq")


class Migration(migrations.Migration):
    dependencies = [("business", "0001_initial")]
    operations = [migrations.RunPython(forward, backward)]
