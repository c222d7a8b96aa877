"""Debian's Chromium driven by Playwright's sync API (never a downloaded browser).

Without /usr/bin/chromium the browser tests skip, except when COOPSTORE_REQUIRE_BROWSER=1
(CI), where a missing browser must fail the run instead of hiding it.
"""
from __future__ import annotations

import mimetypes
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings

CHROMIUM = Path(os.environ.get("COOPSTORE_CHROMIUM", "/usr/bin/chromium"))
LAUNCH_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """One headless Chromium for the session."""
    if not CHROMIUM.exists():
        message = f"Chromium not found at {CHROMIUM} (apt-get install -y chromium)"
        if os.environ.get("COOPSTORE_REQUIRE_BROWSER") == "1":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


def serve_media(route: Any) -> None:
    """Answer /media/ from this test's MEDIA_ROOT (the URLconf captured the default one)."""
    from urllib.parse import unquote, urlsplit

    relative = unquote(urlsplit(route.request.url).path).removeprefix("/media/")
    root = Path(settings.MEDIA_ROOT).resolve()
    path = (root / relative).resolve()
    if root not in path.parents or not path.is_file():
        route.fulfill(status=404, body="")
        return
    route.fulfill(status=200, body=path.read_bytes(),
                  content_type=mimetypes.guess_type(path.name)[0] or "application/octet-stream")


def overflowing_elements(page: Any) -> list[str]:
    """The elements that stick out of the viewport, so a width failure says where to look."""
    return page.evaluate("""() =>
        [...document.querySelectorAll('body *')]
        .filter(e => { const r = e.getBoundingClientRect();
                       return r.right > innerWidth + 1 || r.left < -1; })
        .slice(0, 8).map(e => e.tagName + '.' + e.className + ' ' +
                         Math.round(e.getBoundingClientRect().left) + '..' +
                         Math.round(e.getBoundingClientRect().right))""")


def phone_screenshot(page: Any, path: Path, name: str) -> None:
    """Save a full-page screenshot, then fail if the page is wider than the phone."""
    page.wait_for_load_state("load")
    width = page.evaluate("() => document.documentElement.scrollWidth")
    page.screenshot(path=path, full_page=True)
    assert width == PHONE["width"], f"{name}: {width}px wide: {overflowing_elements(page)}"
