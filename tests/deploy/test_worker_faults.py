"""A worker killed in the middle of a task: the task is redone once by the next worker and its
effect happens once (acks_late + a short visibility timeout + an idempotency key)."""
from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from backend.outbox.models import OutboxMessage
from backend.outbox.services import enqueue
from catalog.models import Stock
from tests.factories.catalog import make_listed_product
from tests.outbox.conftest import REDIS_BROKER, _drop_queue, celery_conf
from tests.outbox.processes import Processes, process_env, wait_for

pytestmark = [pytest.mark.deploy, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def processes(tmp_path):
    started = Processes(logs=tmp_path)
    yield started
    started.stop_all()


@pytest.mark.flaky(reruns=1)  # real processes on a shared 2-core machine: one retry, visible
def test_a_task_killed_mid_way_is_redone_once_and_its_effect_happens_once(
        tmp_path: Path, processes, channel, cooperative):
    queue = f"coopstore-fault-{uuid.uuid4().hex[:10]}"
    variant = make_listed_product(channel=channel, cooperative=cooperative,
                                  quantity=10).default_variant
    env = process_env(broker=REDIS_BROKER, queue=queue, tmp=tmp_path,
                      CELERY_VISIBILITY_TIMEOUT="3")
    log = tmp_path / "task.log"
    first = processes.worker("fault1", env, "-I", "tests.outbox.fault_tasks")
    try:
        with celery_conf(broker_url=REDIS_BROKER, task_always_eager=False,
                         task_default_queue=queue):
            message = enqueue("tests.outbox.fault_tasks.stock_credit_then_block",
                              args=[variant.pk, 5, str(log)])
        wait_for(lambda: log.exists() and "effect done" in log.read_text(),
                 what="the first worker to apply the effect", processes=processes)
        processes.kill(first)  # kill -9 while the task blocks, before its acknowledgement
        assert Stock.objects.get(variant=variant).quantity == 15
        assert OutboxMessage.objects.get(pk=message.pk).done_at is None

        second = processes.worker("fault2", env, "-I", "tests.outbox.fault_tasks")
        # Redelivery waits for the visibility timeout and the transport's restore pass,
        # which a loaded machine delays: allow two minutes.
        wait_for(lambda: OutboxMessage.objects.get(pk=message.pk).done_at is not None,
                 what="the second worker to redo the task", processes=processes, timeout=120)
    finally:
        _drop_queue(queue)

    starts = [line for line in log.read_text().splitlines() if line.startswith("start")]
    assert len(starts) == 2 and starts[0] != starts[1]  # redone once, by another process
    assert f"effect skipped {second.pid}" in log.read_text()
    assert Stock.objects.get(variant=variant).quantity == 15  # credited once, not twice
    assert OutboxMessage.objects.get(pk=message.pk).done_by not in ("", "eager")
    assert "stock_credit_then_block" in processes.log(second)
    assert "succeeded" in processes.log(second) and "succeeded" not in processes.log(first)
