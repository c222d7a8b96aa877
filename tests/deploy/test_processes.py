"""The CI job of issue #9: gunicorn web + Celery worker + beat as real processes against the
test PostgreSQL database and Redis. An order is placed over HTTP GraphQL with cash on
delivery and a product photo is added; every expected email and the thumbnails must be made by
the worker process (the web's own mail folder stays empty), one photo's thumbnails only after
beat's outbox relay delivered them (they were written while the broker was unreachable)."""
from __future__ import annotations

import json
import urllib.request
import uuid
from email import message_from_bytes
from email.header import decode_header, make_header
from pathlib import Path

import pytest

from backend.outbox.models import OutboxMessage
from catalog.models import Thumbnail
from catalog.services.media import media_add
from tests.catalog.test_thumbnails import _jpeg
from tests.factories.catalog import CooperativeStaffFactory, make_listed_product
from tests.orders.conftest import national_courier
from tests.outbox.conftest import CLOSED_PORT_BROKER, REDIS_BROKER, _drop_queue, celery_conf
from tests.outbox.processes import BIN, Processes, free_port, process_env, wait_for

pytestmark = [pytest.mark.deploy, pytest.mark.django_db(transaction=True)]

ERRORS = "errors { field code message }"


@pytest.fixture
def stack(tmp_path):
    """web, worker and beat, stopped (always) when the test ends."""
    processes = Processes(logs=tmp_path)
    queue = f"coopstore-ci-{uuid.uuid4().hex[:10]}"
    port = free_port()
    common = {"broker": REDIS_BROKER, "queue": queue, "tmp": tmp_path}
    web_env = process_env(**common, EMAIL_FILE_PATH=str(tmp_path / "web-emails"))
    worker_env = process_env(**common, EMAIL_FILE_PATH=str(tmp_path / "worker-emails"))
    beat_env = process_env(**common, OUTBOX_RELAY_INTERVAL="2")
    try:
        processes.start("web", [str(BIN / "gunicorn"), "backend.wsgi:application", "-b",
                                f"127.0.0.1:{port}", "-w", "2", "--timeout", "60"], web_env)
        processes.worker("ci-worker", worker_env)
        processes.start("beat", [str(BIN / "celery"), "-A", "backend", "beat", "-l", "info",
                                 "-s", str(tmp_path / "beat-schedule")], beat_env)
        url = f"http://127.0.0.1:{port}/graphql/"
        wait_for(lambda: _up(url), timeout=60, what="gunicorn", processes=processes)
        yield url, queue, tmp_path, processes
    finally:
        processes.stop_all()
        _drop_queue(queue)


def _up(url: str) -> bool:
    try:
        return "data" in _post(url, "{ __typename }")
    except OSError:
        return False


def _post(url: str, query: str, **variables) -> dict:
    request = urllib.request.Request(url, json.dumps({"query": query, "variables": variables})
                                     .encode(), headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def _data(url: str, query: str, name: str, **variables) -> dict:
    body = _post(url, query, **variables)
    assert "errors" not in body, body
    result = body["data"][name]
    assert result.get("errors", []) == [], result
    return result


def _emails(folder: Path) -> list[tuple[str, str]]:
    found = []
    for path in sorted(folder.glob("*.log")) if folder.exists() else []:
        for chunk in path.read_bytes().split(b"-" * 79):
            if chunk.strip():
                message = message_from_bytes(chunk.strip())
                found.append((message["To"], str(make_header(decode_header(message["Subject"])))))
    return found


def _place_order(url: str, channel_slug: str, variant_id: str, email: str) -> str:
    checkout = _data(url, f"""mutation($input: CheckoutCreateInput!) {{
        checkoutCreate(input: $input) {{ {ERRORS} checkout {{ id }} }} }}""", "checkoutCreate",
        input={"channel": channel_slug, "email": email,
               "lines": [{"variantId": variant_id, "quantity": 2}]})["checkout"]["id"]
    _data(url, f"""mutation($id: ID, $address: AddressInput!) {{
        checkoutShippingAddressUpdate(id: $id, shippingAddress: $address) {{ {ERRORS} }} }}""",
          "checkoutShippingAddressUpdate", id=checkout,
          address={"firstName": "Amina", "lastName": "Ait", "streetAddress1": "12 rue Tiznit",
                   "city": "AGADIR", "postalCode": "80000", "country": "MA",
                   "phone": "+212612345678"})
    groups = _data(url, """query($id: ID!) { checkout(id: $id) {
        deliveryGroups { options { id } } } }""", "checkout", id=checkout)["deliveryGroups"]
    for group in groups:
        _data(url, f"""mutation($id: ID, $method: ID) {{
            checkoutDeliveryMethodUpdate(id: $id, deliveryMethodId: $method) {{ {ERRORS} }} }}""",
              "checkoutDeliveryMethodUpdate", id=checkout, method=group["options"][0]["id"])
    _data(url, f"""mutation($id: ID, $gateway: ID!) {{
        checkoutPaymentMethodUpdate(id: $id, paymentGateway: $gateway) {{ {ERRORS} }} }}""",
          "checkoutPaymentMethodUpdate", id=checkout, gateway="coopstore.cash-on-delivery")
    return _data(url, f"""mutation($id: ID) {{ checkoutComplete(id: $id) {{ {ERRORS}
        order {{ number }} }} }}""", "checkoutComplete", id=checkout)["order"]["number"]


def test_web_worker_and_beat_deliver_every_email_and_thumbnail_from_the_worker(
        stack, channel, cooperative):
    from backend.graphql.core.ids import to_global_id

    url, queue, tmp, processes = stack
    national_courier()
    manager = CooperativeStaffFactory(cooperative=cooperative, role="manager").user
    product = make_listed_product(channel=channel, cooperative=cooperative, quantity=6)
    variant = product.default_variant
    variant.low_stock_threshold = 5  # the order of 2 crosses it: one alert to the manager
    variant.save()

    number = _place_order(url, channel.slug, to_global_id("ProductVariant", variant.pk),
                          "amina@example.ma")
    with celery_conf(broker_url=REDIS_BROKER, task_always_eager=False,
                     task_default_queue=queue):
        direct = media_add(cooperative_id=cooperative.pk, product_id=product.pk,
                           image=_jpeg(800, 600), alt="Argan")
    with celery_conf(broker_url=CLOSED_PORT_BROKER, task_always_eager=False,
                     task_default_queue=queue):  # broker unreachable: beat's relay sends it
        relayed = media_add(cooperative_id=cooperative.pk, product_id=product.pk,
                            image=_jpeg(640, 480), alt="Argan 2")
    assert OutboxMessage.objects.get(args=[relayed.pk]).status == "pending"

    wait_for(lambda: OutboxMessage.objects.count() >= 4
             and not OutboxMessage.objects.filter(done_at__isnull=True).exists(),
             timeout=60, what="every outbox message done", processes=processes)

    emails = _emails(tmp / "worker-emails")
    assert ("amina@example.ma", f"Commande n°{number} confirmée") in emails or any(
        to == "amina@example.ma" and str(number) in subject for to, subject in emails), emails
    assert len([to for to, _s in emails if to == "amina@example.ma"]) == 1
    assert len([to for to, _s in emails if to == manager.email]) == 1  # low-stock alert
    assert _emails(tmp / "web-emails") == []  # nothing sent by the web process
    for media in (direct, relayed):
        thumbs = list(Thumbnail.objects.filter(media=media))
        assert len(thumbs) == 4 and all(Path(t.image.path).exists() for t in thumbs)
    done_by = set(OutboxMessage.objects.values_list("done_by", flat=True))
    assert "eager" not in done_by and "" not in done_by
    assert "relay_outbox" in processes.log(processes.started[1])  # beat's relay ran there
