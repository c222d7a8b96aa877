"""Shared fixtures: a channel, a cooperative, listed products, users and API clients."""
from __future__ import annotations

import os

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from tests.factories.catalog import (  # noqa: E402
    ChannelFactory,
    CooperativeFactory,
    UserFactory,
    make_listed_product,
)


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.CELERY_TASK_ALWAYS_EAGER = True


@pytest.fixture
def channel(db):
    return ChannelFactory()


@pytest.fixture
def cooperative(db):
    return CooperativeFactory()


@pytest.fixture
def product(channel, cooperative):
    return make_listed_product(channel=channel, cooperative=cooperative)


@pytest.fixture
def customer(db):
    return UserFactory(email="amina@example.ma", first_name="Amina")


def pytest_make_parametrize_id(config, val, argname):
    """Stable ids for long (often random) values, so pytest-xdist workers collect alike."""
    if isinstance(val, str) and len(val) > 24:
        return f"{argname}-{len(val)}chars"
    return None
