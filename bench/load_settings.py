"""Settings of the gunicorn that ``bench/suites/load.py`` starts: the production settings, with
static files named without whitenoise's manifest so pages render without ``collectstatic``
(the load profile never fetches static files; ``tests/faults/pg_settings.py`` does the same).
"""
from backend.settings import *  # noqa: F403
from backend.settings import STORAGES

STORAGES = {**STORAGES, "staticfiles": {
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
