"""Edge middleware: request id + access log + metrics, body size limit, security headers.

``RequestObservabilityMiddleware`` comes first in ``MIDDLEWARE`` so every answer (redirects and
refusals of the middleware below it included) is logged once, as one structured line, and
counted in ``/metrics``.
"""
from __future__ import annotations

import logging
import time
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.functional import empty

from backend import metrics
from backend.core.logs import request_id_clean, request_id_new, request_id_var

access_logger = logging.getLogger("coopstore.request")

Handler = Callable[[HttpRequest], HttpResponse]

# Fits our pages: our own static files, Stripe.js on the card step, inline style attributes
# and the few inline scripts (photo drop zone, card step, print buttons) of the templates.
DEFAULT_CSP = (
    "default-src 'self'; "
    "script-src 'self' 'unsafe-inline' https://js.stripe.com; "
    "style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; "
    "font-src 'self' data:; "
    "connect-src 'self' https://api.stripe.com; "
    "frame-src https://js.stripe.com https://hooks.stripe.com; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
DEFAULT_PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(self \"https://js.stripe.com\"), usb=()"
)


def _user_id(request: HttpRequest) -> int | str | None:
    """The signed-in user's id, only if the request already loaded the user: the access log
    must not add a session query to a page that did not need one."""
    user = request.__dict__.get("user")
    if user is None:
        return None
    if getattr(user, "_wrapped", None) is empty:
        return None
    return user.pk if getattr(user, "is_authenticated", False) else None


def _route(request: HttpRequest) -> str:
    """A bounded label: the URL name (``storefront:product``), not the path."""
    match = getattr(request, "resolver_match", None)
    if match is None:
        return "unmatched"
    return match.view_name or match.route or "unnamed"


class RequestObservabilityMiddleware:
    """Request id (client's ``X-Request-ID`` when valid, else new), echoed in the response;
    one JSON access-log line and the request metrics per request."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = request_id_clean(request.META.get("HTTP_X_REQUEST_ID")) or request_id_new()
        request.request_id = request_id  # type: ignore[attr-defined]
        token = request_id_var.set(request_id)
        started = time.perf_counter()
        status = 500
        try:
            response = self.get_response(request)
            status = response.status_code
            response["X-Request-ID"] = request_id
            return response
        finally:
            seconds = time.perf_counter() - started
            route = _route(request)
            metrics.request_observed(method=request.method or "", route=route, status=status,
                                     seconds=seconds)
            access_logger.info(
                "%s %s %s", request.method, request.path, status,
                extra={"method": request.method, "path": request.path[:512], "route": route,
                       "status": status, "duration_ms": round(seconds * 1000, 1),
                       "user_id": _user_id(request)})
            request_id_var.reset(token)


class RequestSizeLimitMiddleware:
    """413 for a body announced larger than ``MAX_REQUEST_BODY_BYTES``, before anything reads
    it (the proxy's ``client_max_body_size`` says the same; this holds without the proxy).
    Django's own ``DATA_UPLOAD_MAX_*`` limits cover bodies that do not announce a length."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limit = int(getattr(settings, "MAX_REQUEST_BODY_BYTES", 12 * 1024 * 1024))
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return HttpResponse("Invalid Content-Length.\n", status=400,
                                content_type="text/plain")
        if length > limit:
            return HttpResponse(
                f"Request body too large: {length} bytes, {limit} at most.\n", status=413,
                content_type="text/plain")
        return self.get_response(request)


class SecurityHeadersMiddleware:
    """Content-Security-Policy and Permissions-Policy on every response (``CONTENT_SECURITY_
    POLICY`` / ``PERMISSIONS_POLICY`` settings; empty turns one off), plus the headers Django's
    ``SecurityMiddleware``/``XFrameOptionsMiddleware`` set, in case a response skipped them."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        csp = getattr(settings, "CONTENT_SECURITY_POLICY", DEFAULT_CSP)
        if csp and "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = csp
        policy = getattr(settings, "PERMISSIONS_POLICY", DEFAULT_PERMISSIONS_POLICY)
        if policy:
            response.headers.setdefault("Permissions-Policy", policy)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy",
                                    getattr(settings, "SECURE_REFERRER_POLICY", None)
                                    or "same-origin")
        response.headers.setdefault("X-Frame-Options", "DENY")
        return response
