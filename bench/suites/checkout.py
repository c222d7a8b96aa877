"""Checkout through the GraphQL API as a guest client does it: create → add lines (three
cooperatives) → shipping address → delivery (calculate + choose) → cash on delivery →
complete. One buyer timed per step, then 20 concurrent buyers (threads, each with its own
client and database connection) completing at the same moment.

Each completed checkout is a real order in the bench database. The stock of the variants used
is topped up first so that no buyer meets a legitimate out-of-stock.
"""
from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Callable
from typing import Any

from bench.harness import BenchError, Context, Result, graphql_data, mutation_ok
from bench.suites._common import cart_variants, channel, destination_city, gid

GROUP = "checkout"
BUYERS = 20
ERRORS = "errors { field code message }"
CREATE = f"""mutation($input: CheckoutCreateInput!) {{ checkoutCreate(input: $input) {{
  {ERRORS} checkout {{ id }} }} }}"""
ADD = f"""mutation($id: ID, $lines: [CheckoutLineInput!]!) {{
  checkoutLinesAdd(id: $id, lines: $lines) {{ {ERRORS} checkout {{ quantity }} }} }}"""
ADDRESS = f"""mutation($id: ID, $address: AddressInput!) {{
  checkoutShippingAddressUpdate(id: $id, shippingAddress: $address) {{ {ERRORS}
    checkout {{ id }} }} }}"""
CALCULATE = """mutation($id: ID!) { deliveryOptionsCalculate(id: $id) {
  errors { field code message } deliveries { id } } }"""
CHOOSE = f"""mutation($id: ID, $method: ID) {{
  checkoutDeliveryMethodUpdate(id: $id, deliveryMethodId: $method) {{ {ERRORS}
    checkout {{ shippingPrice {{ gross {{ amount }} }} }} }} }}"""
PAY = f"""mutation($id: ID, $gateway: ID!) {{
  checkoutPaymentMethodUpdate(id: $id, paymentGateway: $gateway) {{ {ERRORS}
    checkout {{ paymentGateway }} }} }}"""
COMPLETE = f"""mutation($id: ID) {{ checkoutComplete(id: $id) {{ {ERRORS}
  order {{ id number total {{ gross {{ amount }} }} }} }} }}"""
STEPS = ("create", "add lines", "address", "delivery", "payment method", "complete")


class Buyer:
    """One guest's checkout, step by step, through its own client."""

    def __init__(self, client: Any, *, channel_slug: str, variants: list[Any], city: Any,
                 email: str) -> None:
        self.client = client
        self.channel_slug = channel_slug
        self.variants = variants
        self.city = city
        self.email = email
        self.checkout_id = ""

    def _call(self, query: str, field_name: str, **variables: Any) -> dict[str, Any]:
        body = json.dumps({"query": query, "variables": variables})
        data = graphql_data(self.client.post("/graphql/", body,
                                             content_type="application/json"))
        return mutation_ok(data, field_name)

    def create(self) -> None:
        first = self.variants[0]
        payload = self._call(CREATE, "checkoutCreate", input={
            "channel": self.channel_slug, "email": self.email,
            "lines": [{"variantId": gid("ProductVariant", first.pk), "quantity": 1}]})
        self.checkout_id = payload["checkout"]["id"]

    def add_lines(self) -> None:
        self._call(ADD, "checkoutLinesAdd", id=self.checkout_id, lines=[
            {"variantId": gid("ProductVariant", v.pk), "quantity": 1}
            for v in self.variants[1:]])

    def address(self) -> None:
        self._call(ADDRESS, "checkoutShippingAddressUpdate", id=self.checkout_id, address={
            "firstName": "Salma", "lastName": "Idrissi", "streetAddress1": "12 rue des Oliviers",
            "city": self.city.name, "postalCode": self.city.postal_code or "10000",
            "phone": "+212612345678", "country": "MA"})

    def delivery(self) -> None:
        deliveries = self._call(CALCULATE, "deliveryOptionsCalculate",
                                id=self.checkout_id)["deliveries"]
        if not deliveries:
            raise BenchError("no delivery offered")
        self._call(CHOOSE, "checkoutDeliveryMethodUpdate", id=self.checkout_id,
                   method=deliveries[0]["id"])

    def payment_method(self) -> None:
        self._call(PAY, "checkoutPaymentMethodUpdate", id=self.checkout_id,
                   gateway="coopstore.cash-on-delivery")

    def complete(self) -> None:
        if self._call(COMPLETE, "checkoutComplete", id=self.checkout_id)["order"] is None:
            raise BenchError("checkoutComplete placed no order")

    def steps(self) -> list[Callable[[], None]]:
        return [self.create, self.add_lines, self.address, self.delivery, self.payment_method,
                self.complete]


def _timed(step: Callable[[], None]) -> float:
    started = time.perf_counter()
    step()
    return (time.perf_counter() - started) * 1000.0


def _counted(step: Callable[[], None]) -> dict[str, Any]:
    """SQL of one step: statements and their total time (on the untimed warm-up buyer)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        step()
    return {"queries": len(captured),
            "sql_ms": round(sum(float(q["time"]) for q in captured) * 1000.0, 1)}


def _top_up(variants: list[Any], units: int) -> None:
    """Enough stock for every run of the bench (an update of the bench database only)."""
    from django.db.models import F
    from django.db.models.functions import Greatest

    from catalog.models import Stock

    Stock.objects.filter(variant__in=variants).update(
        quantity=Greatest(F("quantity"), F("quantity_allocated") + units))


def _concurrent_round(ctx: Context, make_buyer: Callable[[int], Buyer]) -> tuple[list[float], int]:
    """20 buyers prepare their checkouts, then the ones ready complete at the same moment."""
    from django.db import connection

    go = threading.Event()
    settled = threading.Semaphore(0)  # one release per buyer: prepared or failed
    samples: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()

    def buyer_thread(index: int) -> None:
        try:
            try:
                buyer = make_buyer(index)
                for step in buyer.steps()[:-1]:
                    step()
            finally:
                settled.release()
            go.wait()
            elapsed = _timed(buyer.complete)
            with lock:
                samples.append(elapsed)
        except Exception as exc:  # noqa: BLE001 - counted as an error of the run
            with lock:
                errors.append(f"{type(exc).__name__}: {exc}")
        finally:
            connection.close()

    threads = [threading.Thread(target=buyer_thread, args=(i,)) for i in range(BUYERS)]
    for thread in threads:
        thread.start()
    for _ in threads:
        settled.acquire()
    go.set()
    for thread in threads:
        thread.join()
    for message in errors[:3]:
        ctx.log(f"  concurrent buyer failed: {message[:200]}")
    return samples, len(errors)


def run(ctx: Context) -> list[Result]:
    public = channel()
    city = destination_city()
    # Cooperatives of the destination's region: every parcel has a delivery partner, so a
    # failure is the application's, not a cart the network cannot deliver.
    pool = cart_variants(public.pk, cooperatives=3 * BUYERS, minimum=3,
                         region_id=city.region_id)
    _top_up(pool, units=100_000)
    stamp = int(time.time())

    def make_buyer(index: int) -> Buyer:
        variants = [pool[(3 * index + k) % len(pool)] for k in range(3)]
        return Buyer(ctx.client(), channel_slug=public.slug, variants=variants, city=city,
                     email=f"bench-{stamp}-{index}@example.ma")

    repeat = int(os.environ.get("BENCH_CHECKOUT_REPEAT", str(ctx.repeat)))
    per_step: dict[str, list[float]] = {name: [] for name in STEPS}
    sql: dict[str, dict[str, Any]] = {}
    errors = 0
    for i in range(repeat + 1):  # the first checkout warms up and is not counted
        buyer = make_buyer(1000 + i)
        try:
            if not i:
                sql = {name: _counted(step) for name, step in zip(STEPS, buyer.steps(),
                                                                   strict=True)}
                continue
            times = [_timed(step) for step in buyer.steps()]
        except Exception as exc:  # noqa: BLE001 - counted, the next buyer tries again
            errors += 1
            ctx.log(f"  checkout failed: {str(exc)[:200]}")
            continue
        for name, elapsed in zip(STEPS, times, strict=True):
            per_step[name].append(elapsed)
    results = [Result(name=f"checkout {name}", group=GROUP, scale=ctx.scale,
                      samples_ms=samples, errors=errors if name == "complete" else 0,
                      extra={**sql.get(name, {}), "note": "single buyer" if name != "complete"
                             else "single buyer, cash on delivery, 3 cooperatives"})
               for name, samples in per_step.items()]
    totals = [sum(per_step[name][k] for name in STEPS) for k in range(len(per_step["complete"]))]
    results.append(Result(name="checkout whole flow", group=GROUP, scale=ctx.scale,
                          samples_ms=totals, errors=errors,
                          extra={"note": "the six steps, single buyer"}))

    rounds = int(os.environ.get("BENCH_CONCURRENT_ROUNDS", "3"))
    concurrent: list[float] = []
    concurrent_errors = 0
    for r in range(rounds):
        samples, failed = _concurrent_round(
            ctx, lambda index, r=r: make_buyer(10_000 + r * BUYERS + index))
        concurrent += samples
        concurrent_errors += failed
    # Threads of one process share its interpreter lock: the 20 completes queue behind each
    # other, so the p95 here is about 20 single completes (gunicorn's processes: suite "load").
    results.append(Result(
        name=f"checkout complete, {BUYERS} concurrent buyers", group=GROUP, scale=ctx.scale,
        samples_ms=concurrent, errors=concurrent_errors,
        extra={"rounds": rounds, "target_errors": 0,
               "note": f"{rounds} rounds of {BUYERS} threads in one process"}))
    return results
