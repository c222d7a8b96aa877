"""The load profile of issue #10: browse 80 %, search 10 %, checkout 10 %, as real clients do.

Browsing and searching go through the storefront pages (home, category, product, search);
the checkout goes through the Saleor-style GraphQL API (create with a line, address, one
delivery per parcel, cash on delivery, complete), as a mobile app or Saleor's storefront does.

What to ask for comes from a JSON file named by ``COOPSTORE_LOAD_TARGETS`` (written by
``bench/suites/load.py`` from the bench database): product and category slugs, search terms
and checkout recipes (a variant and a city it can be delivered to). ``COOPSTORE_LOAD_SAMPLES``
names a file where every request's (name, kind, milliseconds, ok) is written when the run
stops, so the bench computes its own median and p95 from the raw samples.

Run by hand (``--tags checkout`` for purchases only; the tags are browse, search, checkout)::

    locust -f bench/locustfile.py --headless -u 20 -r 5 -t 60s --host http://127.0.0.1:8000
"""
from __future__ import annotations

import json
import os
import random
import threading
import uuid
from pathlib import Path
from typing import Any

from locust import HttpUser, between, events, tag, task

TARGETS: dict[str, Any] = {}
SAMPLES: list[tuple[str, str, float, bool]] = []
_samples_lock = threading.Lock()

ERRORS = "errors { field code message }"
CREATE = f"""mutation($input: CheckoutCreateInput!) {{ checkoutCreate(input: $input) {{
  {ERRORS} checkout {{ id }} }} }}"""
ADDRESS = f"""mutation($id: ID, $address: AddressInput!) {{
  checkoutShippingAddressUpdate(id: $id, shippingAddress: $address) {{ {ERRORS} }} }}"""
GROUPS = """query($id: ID!) { checkout(id: $id) { deliveryGroups { options { id } } } }"""
DELIVERY = f"""mutation($id: ID, $method: ID) {{
  checkoutDeliveryMethodUpdate(id: $id, deliveryMethodId: $method) {{ {ERRORS} }} }}"""
PAYMENT = f"""mutation($id: ID, $gateway: ID!) {{
  checkoutPaymentMethodUpdate(id: $id, paymentGateway: $gateway) {{ {ERRORS} }} }}"""
COMPLETE = f"""mutation($id: ID) {{ checkoutComplete(id: $id) {{ {ERRORS}
  order {{ number }} }} }}"""
CASH_ON_DELIVERY = "coopstore.cash-on-delivery"


def targets_load(path: str | None) -> dict[str, Any]:
    """The targets file, checked: every list the tasks draw from must have something in it."""
    if not path:
        raise RuntimeError("COOPSTORE_LOAD_TARGETS must name the targets JSON file")
    data = json.loads(Path(path).read_text())
    for key in ("products", "categories", "searches", "checkouts"):
        if not data.get(key):
            raise RuntimeError(f"the load targets have no {key}")
    return data


@events.init.add_listener
def _on_init(environment, **_kwargs) -> None:
    TARGETS.update(targets_load(os.environ.get("COOPSTORE_LOAD_TARGETS")))


@events.request.add_listener
def _on_request(request_type, name, response_time, exception, **_kwargs) -> None:
    kind = name.split(":", 1)[0]
    with _samples_lock:
        SAMPLES.append((name, kind, float(response_time), exception is None))


@events.quitting.add_listener
def _on_quitting(environment, **_kwargs) -> None:
    path = os.environ.get("COOPSTORE_LOAD_SAMPLES")
    if path:
        with _samples_lock:
            Path(path).write_text(json.dumps(SAMPLES))


class GraphQLError(Exception):
    """A GraphQL answer with top-level errors or a mutation's error list."""


class Shopper(HttpUser):
    """A visitor on a phone: mostly browsing, sometimes searching, now and then buying."""

    wait_time = between(0.5, 2.0)

    def on_start(self) -> None:
        self.rng = random.Random()
        self.prefix = self.rng.choice(["", "", "", "/ar", "/en"])  # mostly French

    def _page(self, url: str, name: str) -> None:
        with self.client.get(url, name=name, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"HTTP {response.status_code}")
            else:
                response.success()

    @task(3)
    @tag("browse")
    def home(self) -> None:
        self._page(f"{self.prefix}/", "browse:home")

    @task(2)
    @tag("browse")
    def category(self) -> None:
        slug = self.rng.choice(TARGETS["categories"])
        self._page(f"{self.prefix}/categories/{slug}/", "browse:category")

    @task(3)
    @tag("browse")
    def product(self) -> None:
        slug = self.rng.choice(TARGETS["products"])
        self._page(f"{self.prefix}/products/{slug}/", "browse:product")

    @task(1)
    @tag("search")
    def search(self) -> None:
        term = self.rng.choice(TARGETS["searches"])
        self._page(f"{self.prefix}/search/?q={term}", "search:results")

    def _graphql(self, name: str, query: str, **variables: Any) -> dict[str, Any]:
        """POST one operation; a transport error, top-level errors or a payload's errors fail it."""
        with self.client.post("/graphql/", json={"query": query, "variables": variables},
                              name=name, catch_response=True) as response:
            try:
                body = response.json()
            except ValueError:
                response.failure(f"HTTP {response.status_code}, not JSON")
                raise GraphQLError(name) from None
            if response.status_code != 200 or body.get("errors"):
                response.failure(f"HTTP {response.status_code}: {body.get('errors')}")
                raise GraphQLError(name)
            data = body["data"]
            payload = next(iter(data.values())) if data else None
            if isinstance(payload, dict) and payload.get("errors"):
                response.failure(f"{payload['errors']}")
                raise GraphQLError(name)
            response.success()
            return data

    def _fail(self, name: str, message: str) -> None:
        self.environment.events.request.fire(
            request_type="POST", name=name, response_time=0, response_length=0,
            exception=GraphQLError(message), context={})

    @task(1)
    @tag("checkout")
    def checkout(self) -> None:
        """A guest's cash-on-delivery purchase through the API, step by step."""
        recipe = self.rng.choice(TARGETS["checkouts"])
        try:
            created = self._graphql("checkout:create", CREATE, input={
                "channel": TARGETS["channel"], "email": f"load-{uuid.uuid4().hex[:12]}@example.ma",
                "lines": [{"variantId": recipe["variant"], "quantity": 1}]})
            checkout_id = created["checkoutCreate"]["checkout"]["id"]
            self._graphql("checkout:address", ADDRESS, id=checkout_id, address={
                "firstName": "Salma", "lastName": "Idrissi", "streetAddress1": "12 rue Tiznit",
                "city": recipe["city"], "postalCode": recipe["postal_code"], "country": "MA",
                "phone": "+212612345678"})
            groups = self._graphql("checkout:delivery-options", GROUPS,
                                   id=checkout_id)["checkout"]["deliveryGroups"]
            for group in groups:
                if not group["options"]:
                    self._fail("checkout:delivery", "a parcel has no delivery option")
                    return
                self._graphql("checkout:delivery", DELIVERY, id=checkout_id,
                              method=group["options"][0]["id"])
            self._graphql("checkout:payment", PAYMENT, id=checkout_id, gateway=CASH_ON_DELIVERY)
            self._graphql("checkout:complete", COMPLETE, id=checkout_id)
        except (GraphQLError, KeyError, IndexError, TypeError):
            return  # already counted as a failure of the step that broke
