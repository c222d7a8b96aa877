"""``manage.py catalog_check_listings [--fix]``: is every listing's stored cheapest price right?

Visibility reads "has a priced variant" from ``ProductChannelListing.discounted_price_amount``
(``catalog.selectors.core.listing_offered_q``), so a writer that changed variant prices without
refreshing it would show an unpriced product or hide a priced one. This recomputes the column
for every listing and names the wrong ones; ``--fix`` recomputes them (one statement).
Exits with status 1 when wrong rows are found and left as they are.
"""
from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from catalog.services.products import listings_refresh_stale_prices, listings_with_stale_price

SHOWN = 20


class Command(BaseCommand):
    help = "Check (and with --fix repair) the cheapest price stored on every product listing."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--fix", action="store_true",
                            help="recompute the wrong listings instead of failing")

    def handle(self, *args, fix: bool = False, **options) -> None:
        if fix:
            fixed = listings_refresh_stale_prices()
            self.stdout.write(f"{len(fixed)} listing(s) had a wrong cheapest price; fixed.")
            return
        stale = list(listings_with_stale_price().order_by("pk")
                     .values_list("pk", "product_id", "channel_id", "discounted_price_amount",
                                  "cheapest")[:SHOWN + 1])
        if not stale:
            self.stdout.write("Every listing's cheapest price is right.")
            return
        for pk, product_id, channel_id, stored, cheapest in stale[:SHOWN]:
            self.stderr.write(f"listing {pk} (product {product_id}, channel {channel_id}): "
                              f"stored {stored}, variants {cheapest}")
        more = " (and more)" if len(stale) > SHOWN else ""
        raise CommandError(f"Listings with a wrong cheapest price{more}: run with --fix.")
