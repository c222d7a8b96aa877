"""Removing what ``seed_scale`` wrote (``--reset``), and only that.

Generated rows are found by their markers: slugs starting with ``scale-`` (cooperatives,
partners, products) and e-mails at ``scale.coopstore.test`` (customers, their orders). The
ledger is append-only (triggers refuse a DELETE): its rows of generated orders and accounts are
removed with the triggers off for this transaction only (``session_replication_role``, which
needs a superuser, as on the development and bench databases).
"""
from __future__ import annotations

from django.db import connection, transaction
from django.db.models import Q

from backend.accounts.models import Address, User
from backend.cooperatives.models import Cooperative
from backend.orders.models import Order, OrderLine
from backend.payments.models import Refund, TransactionItem
from catalog.models import Product
from fulfillment.models import Partner

from .context import EMAIL_DOMAIN, SLUG_PREFIX
from .models import ScaleSeed

LEDGER_SQL = """
DROP TABLE IF EXISTS pg_temp.scale_orders, pg_temp.scale_accounts, pg_temp.scale_journals;
CREATE TEMP TABLE scale_orders ON COMMIT DROP AS
    SELECT id FROM orders_order WHERE user_email LIKE %(email)s
    UNION SELECT l.order_id FROM orders_orderline l
    JOIN cooperatives_cooperative c ON c.id = l.cooperative_id WHERE c.slug LIKE %(slug)s;
CREATE TEMP TABLE scale_accounts ON COMMIT DROP AS
    SELECT a.id FROM fairpay_account a
    LEFT JOIN cooperatives_cooperative c ON c.id = a.cooperative_id
    LEFT JOIN fulfillment_partner p ON p.id = a.partner_id
    WHERE c.slug LIKE %(slug)s OR p.slug LIKE %(slug)s;
CREATE TEMP TABLE scale_journals ON COMMIT DROP AS
    SELECT id FROM fairpay_journal WHERE order_id IN (SELECT id FROM scale_orders)
    UNION SELECT journal_id FROM fairpay_entry WHERE account_id IN (SELECT id FROM scale_accounts);
DELETE FROM fairpay_entry WHERE journal_id IN (SELECT id FROM scale_journals);
DELETE FROM fairpay_journal WHERE id IN (SELECT id FROM scale_journals);
DELETE FROM fairpay_payout WHERE account_id IN (SELECT id FROM scale_accounts);
DELETE FROM fairpay_account WHERE id IN (SELECT id FROM scale_accounts);
DELETE FROM fairpay_parcelhold WHERE order_id IN (SELECT id FROM scale_orders);
DELETE FROM fairpay_orderlinesplit WHERE order_split_id IN (
    SELECT id FROM fairpay_ordersplit WHERE order_id IN (SELECT id FROM scale_orders));
DELETE FROM fairpay_ordersplit WHERE order_id IN (SELECT id FROM scale_orders);
DROP TABLE scale_orders, scale_accounts, scale_journals;
"""


def scale_data_exists() -> bool:
    return (Cooperative.objects.filter(slug__startswith=SLUG_PREFIX).exists()
            or ScaleSeed.objects.exists())


def scale_data_delete() -> None:
    """Delete every generated row (and the seed markers); other rows are left as they are."""
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL session_replication_role = replica")
            cursor.execute(LEDGER_SQL, {"email": f"%@{EMAIL_DOMAIN}",
                                        "slug": f"{SLUG_PREFIX}%"})
            cursor.execute("SET LOCAL session_replication_role = origin")
        # The generated customers' orders, and any order placed since on generated
        # cooperatives (the bench's checkouts buy from them as other customers).
        orders = Order.objects.filter(
            Q(user_email__endswith=f"@{EMAIL_DOMAIN}")
            | Q(pk__in=OrderLine.objects.filter(cooperative__slug__startswith=SLUG_PREFIX)
                .values("order_id")))
        address_ids = set(orders.values_list("shipping_address_id", flat=True))
        Refund.objects.filter(order__in=orders).delete()
        TransactionItem.objects.filter(order__in=orders).delete()
        orders.delete()
        Address.objects.filter(pk__in=address_ids - {None}).delete()
        Product.objects.filter(slug__startswith=SLUG_PREFIX).delete()
        User.objects.filter(email__endswith=f"@{EMAIL_DOMAIN}").delete()
        Partner.objects.filter(slug__startswith=SLUG_PREFIX).delete()
        Cooperative.objects.filter(slug__startswith=SLUG_PREFIX).delete()
        ScaleSeed.objects.all().delete()
        _sequences_rewind()


def _sequences_rewind() -> None:
    """Set the sequences of the generated tables back to the highest id left, so that seeding
    again (same seed) writes the very same rows. Run it only when nothing else writes."""
    from django.apps import apps
    from django.db import models

    from backend.orders.numbers import SEQUENCE

    from .checks import CHECKSUM_TABLES

    with connection.cursor() as cursor:
        for model in apps.get_models():
            table = model._meta.db_table
            if table not in CHECKSUM_TABLES or not isinstance(model._meta.pk, models.AutoField):
                continue
            column = model._meta.pk.column
            cursor.execute(f"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{column}'), "
                           f"COALESCE(max(\"{column}\"), 1), max(\"{column}\") IS NOT NULL) "
                           f"FROM \"{table}\"")
        cursor.execute(f"SELECT setval('{SEQUENCE}', COALESCE(max(number), 1000), true) "
                       f"FROM orders_order")
