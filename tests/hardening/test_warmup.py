"""A web process freezes its start-up objects so full GC passes do not walk them."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_wsgi_module_freezes_the_views_the_schema_and_the_catalogues():
    code = ("import gc, sys, backend.wsgi; "
            "print(gc.get_freeze_count(), 'backend.graphql.api' in sys.modules, "
            "'storefront.views' in sys.modules)")
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "backend.settings"}
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120, check=True)
    frozen, schema_loaded, views_loaded = done.stdout.split()[-3:]
    assert int(frozen) > 50_000
    assert schema_loaded == "True" and views_loaded == "True"
