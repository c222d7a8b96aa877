"""WSGI entry point (gunicorn backend.wsgi)."""
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backend.settings")
application = get_wsgi_application()

from backend.core.warmup import warm_up_and_freeze  # noqa: E402 - needs Django set up

warm_up_and_freeze()
