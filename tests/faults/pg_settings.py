"""Settings of the web process that the PostgreSQL-restart test runs: production-like
(DEBUG off, persistent connections with health checks), static files without a manifest so
pages render without ``collectstatic``."""
from backend.settings import *  # noqa: F403
from backend.settings import STORAGES

STORAGES = {**STORAGES, "staticfiles": {
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
