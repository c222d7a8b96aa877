"""A small local fake of Stripe's HTTP API, for tests that must never touch the network.

It speaks the parts CoopStore uses, form-encoded in and JSON out like Stripe: PaymentIntents
(create, retrieve, confirm), Refunds, Transfers and Accounts. It checks the secret key, replays
idempotent requests (same key and parameters → the same answer, other parameters → an
``idempotency_error``), records every request with its ``Idempotency-Key``, and can be told to
answer a 500 once, to decline a card (``card_declined`` with a ``decline_code``) or to require
3-D Secure. State changes produce the events Stripe would send; ``sign`` signs a payload
exactly as Stripe signs webhooks (``t=<timestamp>,v1=<HMAC-SHA256 hex>``).

``stripe.StripeClient(..., base_addresses={"api": fake.url})`` talks to it unchanged.
"""
from __future__ import annotations

import hashlib
import hmac
import json
import re
import secrets
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

API_VERSION = "2025-09-30.clover"

# Stripe's test PaymentMethods: what confirming with each of them does.
TEST_PAYMENT_METHODS: dict[str, dict[str, str]] = {
    "pm_card_visa": {},
    "pm_card_mastercard": {},
    "pm_card_visa_chargeDeclined": {"decline_code": "generic_decline"},
    "pm_card_visa_chargeDeclinedInsufficientFunds": {"decline_code": "insufficient_funds"},
    "pm_card_chargeDeclinedExpiredCard": {"decline_code": "expired_card",
                                          "code": "expired_card"},
    "pm_card_chargeDeclinedIncorrectCvc": {"decline_code": "incorrect_cvc",
                                           "code": "incorrect_cvc"},
    "pm_card_visa_chargeDeclinedStolenCard": {"decline_code": "stolen_card"},
    "pm_card_threeDSecure2Required": {"action": "3ds"},
    "pm_card_authenticationRequired": {"action": "3ds"},
}


def sign(payload: bytes | str, secret: str, timestamp: int | None = None) -> str:
    """The Stripe-Signature header for ``payload``: HMAC-SHA256 of ``"{t}.{payload}"``."""
    body = payload.decode() if isinstance(payload, bytes) else payload
    t = int(time.time()) if timestamp is None else timestamp
    digest = hmac.new(secret.encode(), f"{t}.{body}".encode(), hashlib.sha256).hexdigest()
    return f"t={t},v1={digest}"


def _nest(pairs: list[tuple[str, str]]) -> dict[str, Any]:
    """Stripe's form encoding: ``metadata[a]=1``, ``payment_method_types[0]=card``."""
    result: dict[str, Any] = {}
    for key, value in pairs:
        parts = re.findall(r"[^\[\]]+", key)
        node = result
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        node[parts[-1]] = value
    return _lists(result)


def _lists(node: Any) -> Any:
    if isinstance(node, dict):
        if node and all(k.isdigit() for k in node):
            return [_lists(node[k]) for k in sorted(node, key=int)]
        return {k: _lists(v) for k, v in node.items()}
    return node


def _new_id(prefix: str) -> str:
    return f"{prefix}_{secrets.token_hex(12)}"


@dataclass
class RecordedRequest:
    method: str
    path: str
    idempotency_key: str | None
    params: dict[str, Any]
    status: int = 0


@dataclass
class _Failure:
    method: str
    path_prefix: str
    status: int
    times: int


class StripeApiError(Exception):
    def __init__(self, status: int, error: dict[str, Any]) -> None:
        super().__init__(error.get("message", ""))
        self.status = status
        self.error = error


@dataclass
class FakeStripe:
    secret_key: str = "sk_test_coopstore_fake"
    publishable_key: str = "pk_test_coopstore_fake"
    payment_intents: dict[str, dict[str, Any]] = field(default_factory=dict)
    charges: dict[str, dict[str, Any]] = field(default_factory=dict)
    refunds: dict[str, dict[str, Any]] = field(default_factory=dict)
    transfers: dict[str, dict[str, Any]] = field(default_factory=dict)
    accounts: dict[str, dict[str, Any]] = field(default_factory=dict)
    requests: list[RecordedRequest] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._lock = threading.RLock()
        self._idempotent: dict[str, tuple[str, int, dict[str, Any]]] = {}
        self._failures: list[_Failure] = []
        self._next_confirm: dict[str, str] | None = None
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # --- lifecycle -------------------------------------------------------------------------

    def start(self) -> FakeStripe:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                fake._handle(self, "GET")

            def do_POST(self) -> None:  # noqa: N802
                fake._handle(self, "POST")

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
                return

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> FakeStripe:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def url(self) -> str:
        assert self._server is not None, "start() the fake first"
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    # --- what tests ask of it --------------------------------------------------------------

    def fail_next(self, method: str = "POST", path_prefix: str = "/v1/payment_intents",
                  status: int = 500, times: int = 1) -> None:
        """Answer the next ``times`` matching requests with ``status`` (not cached)."""
        with self._lock:
            self._failures.append(_Failure(method, path_prefix, status, times))

    def decline_next(self, decline_code: str = "generic_decline",
                     code: str = "card_declined") -> None:
        """The next confirmation is declined, whatever the card."""
        self._next_confirm = {"decline_code": decline_code, "code": code}

    def require_action_next(self) -> None:
        """The next confirmation needs 3-D Secure."""
        self._next_confirm = {"action": "3ds"}

    def requests_to(self, method: str, path: str) -> list[RecordedRequest]:
        return [r for r in self.requests if r.method == method and r.path == path]

    def add_account(self, account_id: str, *, charges_enabled: bool = True,
                    payouts_enabled: bool = True) -> dict[str, Any]:
        account = {"id": account_id, "object": "account", "charges_enabled": charges_enabled,
                   "payouts_enabled": payouts_enabled, "details_submitted": True,
                   "country": "MA", "default_currency": "mad", "type": "express"}
        self.accounts[account_id] = account
        return account

    def confirm(self, payment_intent_id: str,
                payment_method: str = "pm_card_visa") -> tuple[int, dict[str, Any]]:
        """What Stripe.js does in the browser: confirm with the publishable key and the
        client secret, over HTTP. Returns (status, JSON)."""
        intent = self.payment_intents[payment_intent_id]
        body = urllib.parse.urlencode({"payment_method": payment_method,
                                       "client_secret": intent["client_secret"]}).encode()
        request = urllib.request.Request(
            f"{self.url}/v1/payment_intents/{payment_intent_id}/confirm", data=body,
            method="POST", headers={"Authorization": f"Bearer {self.publishable_key}",
                                    "Content-Type": "application/x-www-form-urlencoded"})
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        try:
            with opener.open(request, timeout=10) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read())

    def complete_action(self, payment_intent_id: str, *, succeed: bool = True) -> dict[str, Any]:
        """The customer passed (or failed) 3-D Secure on the bank's page."""
        with self._lock:
            intent = self.payment_intents[payment_intent_id]
            assert intent["status"] == "requires_action"
            intent["next_action"] = None
            if succeed:
                self._succeed(intent)
            else:
                self._fail(intent, {"code": "payment_intent_authentication_failure",
                                    "decline_code": ""})
            return intent

    def refund_from_dashboard(self, payment_intent_id: str, amount: int) -> dict[str, Any]:
        """A refund made by hand in Stripe's dashboard (CoopStore learns it by webhook)."""
        with self._lock:
            return self._refund_create({"payment_intent": payment_intent_id,
                                        "amount": str(amount)})

    def open_dispute(self, payment_intent_id: str, reason: str = "fraudulent") -> dict[str, Any]:
        with self._lock:
            intent = self.payment_intents[payment_intent_id]
            dispute = {"id": _new_id("dp"), "object": "dispute", "amount": intent["amount"],
                       "currency": intent["currency"], "charge": intent["latest_charge"],
                       "payment_intent": intent["id"], "reason": reason,
                       "status": "needs_response", "created": int(time.time())}
            self._emit("charge.dispute.created", dispute)
            return dispute

    def event(self, type_: str, obj: dict[str, Any]) -> dict[str, Any]:
        """A Stripe event wrapping a snapshot of ``obj``."""
        return {"id": _new_id("evt"), "object": "event", "api_version": API_VERSION,
                "created": int(time.time()), "data": {"object": json.loads(json.dumps(obj))},
                "livemode": False, "pending_webhooks": 1,
                "request": {"id": None, "idempotency_key": None}, "type": type_}

    def events_of(self, type_: str) -> list[dict[str, Any]]:
        return [e for e in self.events if e["type"] == type_]

    # --- HTTP ------------------------------------------------------------------------------

    def _handle(self, handler: BaseHTTPRequestHandler, method: str) -> None:
        url = urllib.parse.urlsplit(handler.path)
        length = int(handler.headers.get("Content-Length") or 0)
        raw = handler.rfile.read(length).decode() if length else url.query
        params = _nest(urllib.parse.parse_qsl(raw, keep_blank_values=True))
        key = handler.headers.get("Idempotency-Key")
        recorded = RecordedRequest(method, url.path, key, params)
        with self._lock:
            self.requests.append(recorded)
            status, body, replayed = self._respond(method, url.path, params, key,
                                                   handler.headers.get("Authorization", ""))
            recorded.status = status
        payload = json.dumps(body).encode()
        handler.send_response(status)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(payload)))
        handler.send_header("Request-Id", _new_id("req"))
        if key:
            handler.send_header("Idempotency-Key", key)
        if replayed:
            handler.send_header("Idempotent-Replayed", "true")
        handler.end_headers()
        handler.wfile.write(payload)

    def _respond(self, method: str, path: str, params: dict[str, Any], key: str | None,
                 authorization: str) -> tuple[int, dict[str, Any], bool]:
        for failure in self._failures:
            if failure.times > 0 and failure.method == method and path.startswith(
                    failure.path_prefix):
                failure.times -= 1
                return failure.status, {"error": {"type": "api_error",
                                                  "message": "Injected failure."}}, False
        token = authorization.removeprefix("Bearer ").strip()
        browser = (token == self.publishable_key and method == "POST"
                   and path.endswith("/confirm"))
        if token != self.secret_key and not browser:
            return 401, {"error": {"type": "invalid_request_error",
                                   "message": "Invalid API Key provided."}}, False
        fingerprint = json.dumps([method, path, params], sort_keys=True)
        if key and method == "POST" and key in self._idempotent:
            seen, status, body = self._idempotent[key]
            if seen != fingerprint:
                return 400, {"error": {
                    "type": "idempotency_error",
                    "message": "Keys for idempotent requests can only be used with the same "
                               "parameters they were first used with."}}, False
            return status, body, True
        try:
            status, body = 200, self._route(method, path, params)
        except StripeApiError as error:
            status, body = error.status, {"error": error.error}
        if key and method == "POST":
            self._idempotent[key] = (fingerprint, status, body)
        return status, body, False

    def _route(self, method: str, path: str, params: dict[str, Any]) -> dict[str, Any]:
        parts = path.strip("/").split("/")
        if parts[:2] == ["v1", "payment_intents"]:
            if method == "POST" and len(parts) == 2:
                return self._payment_intent_create(params)
            intent = self._get(self.payment_intents, parts[2] if len(parts) > 2 else "",
                               "payment_intent")
            if method == "GET" and len(parts) == 3:
                return intent
            if method == "POST" and parts[3:] == ["confirm"]:
                return self._confirm(intent, params)
        if parts == ["v1", "refunds"] and method == "POST":
            return self._refund_create(params)
        if parts == ["v1", "transfers"] and method == "POST":
            return self._transfer_create(params)
        if parts[:2] == ["v1", "accounts"] and method == "GET" and len(parts) == 3:
            return self._get(self.accounts, parts[2], "account")
        raise StripeApiError(404, {"type": "invalid_request_error",
                                   "message": f"Unrecognized request URL ({method}: {path})."})

    @staticmethod
    def _get(store: dict[str, dict[str, Any]], object_id: str, kind: str) -> dict[str, Any]:
        if object_id not in store:
            raise StripeApiError(404, {"type": "invalid_request_error",
                                       "code": "resource_missing", "param": "id",
                                       "message": f"No such {kind}: '{object_id}'"})
        return store[object_id]

    @staticmethod
    def _amount(params: dict[str, Any], name: str = "amount") -> int:
        try:
            amount = int(params[name])
        except (KeyError, ValueError) as error:
            raise StripeApiError(400, {"type": "invalid_request_error", "param": name,
                                       "code": "parameter_missing",
                                       "message": f"Missing required param: {name}."}) from error
        if amount <= 0:
            raise StripeApiError(400, {"type": "invalid_request_error", "param": name,
                                       "code": "parameter_invalid_integer",
                                       "message": "This value must be greater than 0."})
        return amount

    # --- PaymentIntents --------------------------------------------------------------------

    def _payment_intent_create(self, params: dict[str, Any]) -> dict[str, Any]:
        amount = self._amount(params)
        currency = str(params.get("currency") or "")
        if not re.fullmatch(r"[a-z]{3}", currency):
            raise StripeApiError(400, {"type": "invalid_request_error", "param": "currency",
                                       "message": "Invalid currency."})
        intent_id = _new_id("pi")
        intent = {
            "id": intent_id, "object": "payment_intent", "amount": amount,
            "amount_capturable": 0, "amount_received": 0, "currency": currency,
            "capture_method": params.get("capture_method", "automatic"),
            "client_secret": f"{intent_id}_secret_{secrets.token_hex(8)}",
            "created": int(time.time()), "description": params.get("description"),
            "last_payment_error": None, "latest_charge": None, "livemode": False,
            "metadata": params.get("metadata") or {}, "next_action": None,
            "payment_method": None,
            "payment_method_types": params.get("payment_method_types") or ["card"],
            "status": "requires_payment_method",
        }
        self.payment_intents[intent_id] = intent
        self._emit("payment_intent.created", intent)
        return intent

    def _confirm(self, intent: dict[str, Any], params: dict[str, Any]) -> dict[str, Any]:
        if intent["status"] not in ("requires_payment_method", "requires_confirmation"):
            raise StripeApiError(400, {
                "type": "invalid_request_error", "code": "payment_intent_unexpected_state",
                "message": f"This PaymentIntent's status is {intent['status']}."})
        method = str(params.get("payment_method") or "pm_card_visa")
        behaviour = self._next_confirm or TEST_PAYMENT_METHODS.get(method, {})
        self._next_confirm = None
        intent["payment_method"] = method
        intent["last_payment_error"] = None
        if behaviour.get("action"):
            intent["status"] = "requires_action"
            intent["next_action"] = {"type": "use_stripe_sdk", "use_stripe_sdk": {
                "type": "three_d_secure_redirect"}}
            self._emit("payment_intent.requires_action", intent)
            return intent
        if behaviour.get("decline_code"):
            error = self._fail(intent, {"code": behaviour.get("code", "card_declined"),
                                        "decline_code": behaviour["decline_code"]})
            raise StripeApiError(402, {**error, "payment_intent": dict(intent)})
        self._succeed(intent)
        return intent

    def _charge(self, intent: dict[str, Any], status: str) -> dict[str, Any]:
        charge = {"id": _new_id("ch"), "object": "charge", "amount": intent["amount"],
                  "amount_refunded": 0, "currency": intent["currency"],
                  "payment_intent": intent["id"], "refunded": False, "status": status,
                  "metadata": intent["metadata"], "created": int(time.time())}
        self.charges[charge["id"]] = charge
        intent["latest_charge"] = charge["id"]
        return charge

    def _succeed(self, intent: dict[str, Any]) -> None:
        charge = self._charge(intent, "succeeded")
        intent["status"] = "succeeded"
        intent["amount_received"] = intent["amount"]
        self._emit("charge.succeeded", charge)
        self._emit("payment_intent.succeeded", intent)

    def _fail(self, intent: dict[str, Any], reason: dict[str, str]) -> dict[str, Any]:
        charge = self._charge(intent, "failed")
        error = {"type": "card_error", "code": reason.get("code") or "card_declined",
                 "decline_code": reason.get("decline_code") or None,
                 "message": "Your card was declined.", "charge": charge["id"]}
        intent["status"] = "requires_payment_method"
        intent["last_payment_error"] = error
        self._emit("charge.failed", charge)
        self._emit("payment_intent.payment_failed", intent)
        return error

    # --- Refunds, Transfers ----------------------------------------------------------------

    def _refund_create(self, params: dict[str, Any]) -> dict[str, Any]:
        intent = self._get(self.payment_intents, str(params.get("payment_intent") or ""),
                           "payment_intent")
        if intent["status"] != "succeeded" or not intent["latest_charge"]:
            raise StripeApiError(400, {"type": "invalid_request_error",
                                       "code": "charge_not_refundable",
                                       "message": "This PaymentIntent has no successful "
                                                  "charge to refund."})
        charge = self.charges[intent["latest_charge"]]
        left = charge["amount"] - charge["amount_refunded"]
        if left <= 0:
            raise StripeApiError(400, {"type": "invalid_request_error",
                                       "code": "charge_already_refunded",
                                       "message": "Charge has already been refunded."})
        amount = self._amount(params) if "amount" in params else left
        if amount > left:
            raise StripeApiError(400, {"type": "invalid_request_error", "param": "amount",
                                       "code": "amount_too_large",
                                       "message": "Refund amount is greater than the "
                                                  "unrefunded amount on the charge."})
        refund = {"id": _new_id("re"), "object": "refund", "amount": amount,
                  "currency": charge["currency"], "charge": charge["id"],
                  "payment_intent": intent["id"], "status": "succeeded",
                  "metadata": params.get("metadata") or {}, "created": int(time.time())}
        self.refunds[refund["id"]] = refund
        charge["amount_refunded"] += amount
        charge["refunded"] = charge["amount_refunded"] == charge["amount"]
        self._emit("charge.refunded", charge)
        return refund

    def _transfer_create(self, params: dict[str, Any]) -> dict[str, Any]:
        amount = self._amount(params)
        destination = str(params.get("destination") or "")
        self._get(self.accounts, destination, "account")
        transfer = {"id": _new_id("tr"), "object": "transfer", "amount": amount,
                    "currency": params.get("currency"), "destination": destination,
                    "metadata": params.get("metadata") or {},
                    "transfer_group": params.get("transfer_group"),
                    "created": int(time.time())}
        self.transfers[transfer["id"]] = transfer
        return transfer

    def _emit(self, type_: str, obj: dict[str, Any]) -> None:
        self.events.append(self.event(type_, obj))
