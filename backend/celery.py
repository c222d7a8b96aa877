"""The Celery application: eager in the embedded mode, Redis-backed with REDIS_URL."""
import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backend.settings")

app = Celery("coopstore")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
