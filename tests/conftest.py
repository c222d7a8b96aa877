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


@pytest.fixture(autouse=True)
def _storefront_menus_cached_absent():
    """The header and footer menus read as cached and absent, so a page's query count
    measures that page; tests/content measures the menus themselves (it clears the cache)."""
    from backend.content.cache import menus_prime_absent

    menus_prime_absent()


@pytest.fixture(autouse=True)
def _catalog_pages_uncached():
    """Each test starts with no cached storefront page (storefront/cache.py): the cache
    outlives a test, and a test's rows may reuse another test's slugs."""
    from catalog.cache import catalog_pages_new_version

    catalog_pages_new_version()


@pytest.fixture(autouse=True)
def _ratelimit_namespace(settings):
    """Each test counts its own sign-in attempts (backend.core.ratelimit): the cache outlives
    a test, and every test client comes from 127.0.0.1."""
    import uuid

    settings.RATELIMIT_NAMESPACE = uuid.uuid4().hex


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


def pytest_sessionstart(session):
    """The bad-input campaign reports only what this run tried (tests/badinput/report.py)."""
    from tests.badinput.report import mark_start

    mark_start()


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """Print the bad-input campaign's counts (inputs tried, 500s seen) at the end of a run."""
    from tests.badinput.report import emit

    emit(terminalreporter)
