"""PostgreSQL guards of the ledger, and version 1 of the split policy.

- ``fairpay_entry_append_only``: entries and journals are never updated nor deleted.
- ``fairpay_journal_balanced``: a deferred constraint trigger checks, at commit, that the
  entries of every journal touched sum to zero.
SQLite (the embedded mode) relies on the service checks alone.
"""
from datetime import UTC, datetime

from django.db import migrations

FORWARD = """
CREATE FUNCTION fairpay_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'fairpay ledger rows are append-only (% on %)', TG_OP, TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER fairpay_entry_append_only BEFORE UPDATE OR DELETE ON fairpay_entry
    FOR EACH ROW EXECUTE FUNCTION fairpay_refuse_change();
CREATE TRIGGER fairpay_journal_append_only BEFORE UPDATE OR DELETE ON fairpay_journal
    FOR EACH ROW EXECUTE FUNCTION fairpay_refuse_change();

CREATE FUNCTION fairpay_check_journal_balanced() RETURNS trigger AS $$
DECLARE
    total bigint;
BEGIN
    SELECT COALESCE(SUM(amount), 0) INTO total FROM fairpay_entry
        WHERE journal_id = NEW.journal_id;
    IF total <> 0 THEN
        RAISE EXCEPTION 'fairpay journal % does not balance (%)', NEW.journal_id, total;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE CONSTRAINT TRIGGER fairpay_journal_balanced AFTER INSERT ON fairpay_entry
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    EXECUTE FUNCTION fairpay_check_journal_balanced();
"""

BACKWARD = """
DROP TRIGGER IF EXISTS fairpay_journal_balanced ON fairpay_entry;
DROP TRIGGER IF EXISTS fairpay_entry_append_only ON fairpay_entry;
DROP TRIGGER IF EXISTS fairpay_journal_append_only ON fairpay_journal;
DROP FUNCTION IF EXISTS fairpay_check_journal_balanced();
DROP FUNCTION IF EXISTS fairpay_refuse_change();
"""


def _on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql, params=None)
    return run


def first_policy(apps, schema_editor):
    SplitPolicy = apps.get_model("fairpay", "SplitPolicy")
    if not SplitPolicy.objects.exists():
        SplitPolicy.objects.create(version=1, effective_from=datetime(2020, 1, 1, tzinfo=UTC),
                                   notes="Published defaults of issue 6.")


class Migration(migrations.Migration):

    dependencies = [("fairpay", "0001_initial")]

    operations = [
        migrations.RunPython(_on_postgresql(FORWARD), _on_postgresql(BACKWARD)),
        migrations.RunPython(first_policy, migrations.RunPython.noop),
    ]
