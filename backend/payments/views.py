"""The Stripe webhook endpoint: verify, store, answer fast; the work is done by a task."""
from __future__ import annotations

import logging

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from . import stripe_client
from .services.webhooks import stripe_webhook_receive

logger = logging.getLogger(__name__)


@csrf_exempt
@require_POST
def stripe_webhook(request: HttpRequest) -> HttpResponse:
    """Refuse (400, logged, nothing stored) anything not signed with our endpoint secret."""
    try:
        event = stripe_client.webhook_event_verify(
            request.body, request.headers.get("Stripe-Signature"))
    except stripe_client.WebhookSignatureInvalid as error:
        logger.warning("Stripe webhook refused from %s: %s",
                       request.META.get("REMOTE_ADDR"), error)
        return HttpResponseBadRequest("Invalid signature.")
    stripe_webhook_receive(event=event)
    return HttpResponse("ok")
