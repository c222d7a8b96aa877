"""Scale tests seed a tiny network; the shared pictures are drawn once per session."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def _scale_media(tmp_path_factory):
    return tmp_path_factory.mktemp("scale-media")


@pytest.fixture(autouse=True)
def _shared_scale_media(settings, _scale_media):
    settings.MEDIA_ROOT = _scale_media
