import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("catalog", "0004_attributes_collections"),
        ("content", "0001_pages_menus"),
    ]

    operations = [
        migrations.AddField(
            model_name="menuitem",
            name="collection",
            field=models.ForeignKey(blank=True, null=True,
                                    on_delete=django.db.models.deletion.CASCADE,
                                    related_name="menu_items", to="catalog.collection",
                                    verbose_name="collection"),
        ),
    ]
