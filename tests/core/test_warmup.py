"""Web processes free each request's cyclic garbage after the response, while it is young."""
from __future__ import annotations

import gc

import pytest
from django.core.signals import request_finished

from backend.core.warmup import GC_THRESHOLDS, collect_after_response, warm_up_and_freeze


@pytest.fixture
def restored_gc():
    thresholds = gc.get_threshold()
    yield
    request_finished.disconnect(dispatch_uid="coopstore-gc-after-response")
    gc.set_threshold(*thresholds)
    gc.unfreeze()


class Cyclic:
    def __init__(self) -> None:
        self.me = self


@pytest.mark.django_db
def test_a_finished_request_leaves_no_young_garbage(client, restored_gc):
    assert warm_up_and_freeze() > 0
    assert gc.get_threshold() == GC_THRESHOLDS
    assert client.get("/healthz").status_code in (200, 503)
    # The signal ran once the response was closed: the young generation was just collected.
    assert gc.get_count()[0] < 100


def test_the_collection_frees_cyclic_garbage_the_refcounts_cannot(restored_gc):
    gc.collect()
    gc.disable()
    try:
        for _ in range(1000):
            Cyclic()
        assert gc.get_count()[0] >= 1000
        collect_after_response()
        assert gc.get_count()[0] < 10
        assert not [o for o in gc.get_objects(generation=0) if isinstance(o, Cyclic)]
    finally:
        gc.enable()
