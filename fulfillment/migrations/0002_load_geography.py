from django.db import migrations


def load(apps, schema_editor):
    from fulfillment.geodata import load_geography

    load_geography(apps.get_model("fulfillment", "Region"), apps.get_model("fulfillment", "City"))


class Migration(migrations.Migration):
    dependencies = [("fulfillment", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
