"""Load the indicator definitions (names and definitions in fr/ar/en)."""
from django.db import migrations


def load(apps, schema_editor):
    from backend.followup.definitions import definitions_sync

    definitions_sync(apps.get_model("followup", "IndicatorDefinition"))


class Migration(migrations.Migration):
    dependencies = [("followup", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
