"""Liveness and readiness: /healthz reports the database status as JSON."""
from __future__ import annotations

from django.db import connection
from django.http import JsonResponse


def healthz(request):
    """200 when the database answers, 503 otherwise, so a load balancer can route around us."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        database = {"status": "ok", "vendor": connection.vendor}
    except Exception as exc:  # noqa: BLE001 - any failure means "not ready"
        database = {"status": "error", "error": exc.__class__.__name__}
    healthy = database["status"] == "ok"
    return JsonResponse({"status": "ok" if healthy else "error", "database": database},
                        status=200 if healthy else 503)
