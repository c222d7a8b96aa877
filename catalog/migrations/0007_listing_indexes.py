"""Indexes that let listings be counted and sorted from indexes alone, and a backfill.

Visibility now reads "has a priced variant" from ``discounted_price_amount`` (NULL exactly
while no variant is priced in the channel), so every listing's value is recomputed first: a
row an older writer left wrong would otherwise be shown unpriced or hidden though priced.
"""

from django.db import migrations, models


def recompute_cheapest_prices(apps, schema_editor):
    listing_model = apps.get_model("catalog", "ProductChannelListing")
    price_model = apps.get_model("catalog", "ProductVariantChannelListing")
    cheapest = models.Subquery(
        price_model.objects.filter(variant__product_id=models.OuterRef("product_id"),
                                   channel_id=models.OuterRef("channel_id"))
        .order_by("price_amount").values("price_amount")[:1])
    listings = listing_model.objects.annotate(cheapest=cheapest)
    stale = listings.filter(
        models.Q(discounted_price_amount__isnull=True, cheapest__isnull=False)
        | models.Q(discounted_price_amount__isnull=False, cheapest__isnull=True)
        | models.Q(discounted_price_amount__lt=models.F("cheapest"))
        | models.Q(discounted_price_amount__gt=models.F("cheapest")))
    ids = list(stale.values_list("pk", flat=True))
    if ids:
        listing_model.objects.filter(pk__in=ids).update(discounted_price_amount=cheapest)


# A category's products in the storefront's default order (the French name in ICU's order for
# people, then the id: catalog.selectors.listing._sort_name), so that a leaf category's page is
# read in order and stops at its last row. PostgreSQL only: SQLite has no ICU collation. Led by
# the category: an index in name order alone would tempt the planner to walk every product
# in name order looking for a category's, and names go with categories ("Miel ...").
CATEGORY_NAME = ('CREATE INDEX IF NOT EXISTS catalog_product_category_name ON catalog_product '
                 '(category_id, (name COLLATE "und-x-icu"), id, cooperative_id)')


def category_name_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CATEGORY_NAME)


def category_name_index_drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS catalog_product_category_name")


class Migration(migrations.Migration):

    dependencies = [
        ('catalog', '0006_perf_indexes'),
        ('cooperatives', '0003_cooperative_ice'),
    ]

    operations = [
        migrations.RunPython(recompute_cheapest_prices, migrations.RunPython.noop),
        migrations.RunPython(category_name_index, category_name_index_drop),
        migrations.AddIndex(
            model_name='product',
            index=models.Index(fields=['category', 'created_at', 'id', 'cooperative', 'name'], name='catalog_product_listing'),
        ),
        migrations.AddIndex(
            model_name='productchannellisting',
            index=models.Index(condition=models.Q(('discounted_price_amount__isnull', False), ('is_published', True)), fields=['product', 'channel', 'visible_in_listings', 'published_at', 'discounted_price_amount'], name='catalog_listing_offered'),
        ),
    ]
