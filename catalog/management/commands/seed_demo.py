"""``python manage.py seed_demo``: the CoopStore demo (catalog, cooperatives, demo accounts).

Idempotent: a second run updates the same rows (keyed on slugs, SKUs and emails) and draws only
the pictures that are missing. The demo accounts exist only because this command creates them.
"""
from __future__ import annotations

import logging
import time
from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from backend.cooperatives.models import Cooperative, CooperativeStatus
from catalog.demo import DEMO_EMAIL_DOMAIN, DEMO_PASSWORD
from catalog.demo.seed import (
    seed_accounts,
    seed_cooperative_products,
    seed_cooperatives,
    seed_structure,
)
from catalog.models import Product, ProductMedia, ProductVariant, Thumbnail


class Command(BaseCommand):
    help = "Seed the demo marketplace: cooperatives of the 12 regions, products, demo accounts."

    def handle(self, *args: Any, **options: Any) -> None:
        self.verbosity = options["verbosity"]
        self.network = ""
        started = time.monotonic()
        # Eager Celery logs every thumbnail task at INFO; keep the progress lines readable.
        trace_logger = logging.getLogger("celery.app.trace")
        previous_level = trace_logger.level
        trace_logger.setLevel(logging.WARNING)
        try:
            self.seed(started)
        finally:
            trace_logger.setLevel(previous_level)

    def seed(self, started: float) -> None:
        with transaction.atomic():
            catalog = seed_structure()
        self.progress(f"Channel {catalog.channel.slug} ({catalog.channel.currency_code}), "
                      f"{len(catalog.categories)} categories, {len(catalog.labels)} labels")

        with transaction.atomic():
            cooperatives = seed_cooperatives()
        self.progress(f"{len(cooperatives)} cooperatives")

        drawn = 0
        for index, (spec, cooperative) in enumerate(cooperatives):
            # One transaction per cooperative: thumbnails are made when it commits.
            with transaction.atomic():
                report = seed_cooperative_products(spec, cooperative, index, catalog)
            drawn += report.images_drawn
            self.progress(f"  [{index + 1:2d}/{len(cooperatives)}] {cooperative.name} "
                          f"({cooperative.city.name}, {cooperative.status}): "
                          f"{report.products} products, {report.variants} variants, "
                          f"{report.images_drawn} pictures drawn")

        from catalog.demo.lots import seed_lots

        self.progress(f"Lots: {seed_lots()} sizes of saffron, argan oil and honey got lots")

        from catalog.demo.attributes import seed_attributes
        from catalog.demo.collections import seed_collections

        self.progress(f"Attributes: {seed_attributes()}")
        self.progress(f"Collections: {seed_collections()}")

        with transaction.atomic():
            accounts = seed_accounts(cooperatives, DEMO_PASSWORD)
        self.progress(f"{len(accounts)} demo accounts")

        self.seed_delivery_network()
        self.seed_content()
        from backend.discounts.demo import seed_promotions

        self.progress(f"Promotions: {seed_promotions()}")
        from backend.programmes.demo import seed_programmes
        self.progress(f"Programmes: {seed_programmes(DEMO_PASSWORD)}")
        from backend.business.demo import seed_pro
        self.progress(f"Pro: {seed_pro(DEMO_PASSWORD)}")
        from backend.rawabit.demo import seed_rawabit
        self.progress(f"Rawabit: {seed_rawabit()}")
        self.summary(accounts_count=len(accounts), drawn=drawn,
                     seconds=time.monotonic() - started)

    def progress(self, message: str) -> None:
        if self.verbosity >= 1:
            self.stdout.write(message)

    def seed_delivery_network(self) -> None:
        """The delivery partners' demo, when the fulfillment package provides one."""
        try:
            from fulfillment.demo import seed_delivery_network
        except ImportError as error:
            if error.name == "fulfillment.demo":
                self.progress("Delivery network: not available yet, skipped")
            else:
                self.stderr.write(f"Delivery network skipped: {error}")
            return
        network = seed_delivery_network(password=DEMO_PASSWORD)
        if isinstance(network, list | tuple):
            self.network = (f"{len(network)} partners, staff accounts "
                             f"partner.<partner-slug>@{DEMO_EMAIL_DOMAIN}")
        else:
            self.network = str(network) if network else "seeded"
        self.progress(f"Delivery network: {self.network}")

    def seed_content(self) -> None:
        """Content pages and the ``navbar`` / ``footer`` menus (backend.content)."""
        from backend.content.demo import seed_content

        self.progress(f"Content: {seed_content()}")

    def summary(self, *, accounts_count: int, drawn: int, seconds: float) -> None:
        approved = Cooperative.objects.filter(status=CooperativeStatus.APPROVED)
        lines = [
            "",
            f"Demo ready in {seconds:.1f} s: {approved.count()} approved cooperatives in "
            f"{approved.values('region').distinct().count()} regions, "
            f"{Product.objects.count()} products, {ProductVariant.objects.count()} variants, "
            f"{ProductMedia.objects.count()} pictures ({drawn} drawn now), "
            f"{Thumbnail.objects.count()} thumbnails.",
            "",
            f"Demo accounts ({accounts_count}), all with the password: {DEMO_PASSWORD}",
            f"  network admin  admin@{DEMO_EMAIL_DOMAIN}  (Django admin at /admin/)",
            f"  customer       client@{DEMO_EMAIL_DOMAIN}",
            f"  managers       manager.<cooperative-slug>@{DEMO_EMAIL_DOMAIN}, e.g.",
        ]
        for slug in Cooperative.objects.order_by("slug").values_list("slug", flat=True)[:3]:
            lines.append(f"                 manager.{slug}@{DEMO_EMAIL_DOMAIN}")
        if self.network:
            lines.append(f"  delivery       {self.network}")
        if self.verbosity >= 1:
            self.stdout.write(self.style.SUCCESS("\n".join(lines)))
