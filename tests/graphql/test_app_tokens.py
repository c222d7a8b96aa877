"""Apps and app tokens as in Saleor: ``Authorization: Bearer <app token>`` authenticates the
app; only a hash of the token is stored; an app with no permission may read ``channels``."""
from __future__ import annotations

import hashlib
import json

import pytest
from django.contrib.messages import get_messages

from backend.integrations.models import App, AppToken
from backend.integrations.selectors import app_for_token
from backend.integrations.services import app_token_create
from tests.factories.catalog import ChannelFactory, UserFactory
from tests.graphql.conftest import gid

APP = "{ app { id name isActive type identifier permissions { code name } } }"
CHANNELS = "{ channels { id name slug isActive currencyCode } }"


@pytest.fixture
def storefront_app(db):
    return App.objects.create(name="Saleor storefront")


@pytest.fixture
def token(storefront_app):
    return app_token_create(app=storefront_app, name="storefront").raw


def post(client, query: str, token: str | None = None, header: str = "HTTP_AUTHORIZATION",
         prefix: str = "Bearer ") -> dict:
    extra = {header: f"{prefix}{token}"} if token is not None else {}
    response = client.post("/graphql/", json.dumps({"query": query}),
                           content_type="application/json", **extra)
    assert response.status_code in (200, 400)
    return response.json()


def test_a_token_is_stored_only_as_its_hash_with_its_last_four_characters(storefront_app):
    created = app_token_create(app=storefront_app, name="storefront")
    stored = AppToken.objects.get()
    assert len(created.raw) == 30
    assert stored.token_hash == hashlib.sha256(created.raw.encode()).hexdigest()
    assert stored.token_last_4 == created.raw[-4:]
    assert created.raw not in json.dumps(list(AppToken.objects.values()), default=str)


def test_two_tokens_of_one_app_are_different(storefront_app):
    first = app_token_create(app=storefront_app).raw
    second = app_token_create(app=storefront_app).raw
    assert first != second and AppToken.objects.count() == 2


def test_the_app_token_authenticates_the_app(client, storefront_app, token):
    data = post(client, APP, token)["data"]
    assert data["app"] == {"id": gid("App", storefront_app.pk), "name": "Saleor storefront",
                           "isActive": True, "type": "LOCAL",
                           "identifier": gid("App", storefront_app.pk), "permissions": []}


def test_saleors_authorization_bearer_header_works_too(client, storefront_app, token):
    data = post(client, APP, token, header="HTTP_AUTHORIZATION_BEARER", prefix="")["data"]
    assert data["app"]["name"] == "Saleor storefront"


@pytest.mark.parametrize("bad", ["not-a-token", "x" * 5000, "abc\x00def", ""])
def test_an_unknown_token_is_anonymous(client, token, bad):
    body = post(client, APP, bad)
    assert body["errors"][0]["message"] == ("To access this path, you need one of the "
                                            "following permissions: AUTHENTICATED_STAFF_USER, "
                                            "AUTHENTICATED_APP")
    assert body["data"]["app"] is None


def test_an_inactive_app_is_not_authenticated(client, storefront_app, token):
    storefront_app.is_active = False
    storefront_app.save()
    assert app_for_token(token) is None
    assert post(client, APP, token)["data"]["app"] is None


def test_a_deleted_token_no_longer_authenticates(client, token):
    AppToken.objects.all().delete()
    assert post(client, APP, token)["data"]["app"] is None


def test_an_app_with_no_permission_reads_the_channels(client, token):
    channel = ChannelFactory(slug="maroc", name="Maroc")
    ChannelFactory(slug="cache", name="Caché", is_active=False)
    data = post(client, CHANNELS, token)["data"]
    assert data["channels"] == [{"id": gid("Channel", channel.pk), "name": "Maroc",
                                 "slug": "maroc", "isActive": True, "currencyCode": "MAD"}]


def test_an_app_token_is_not_a_user(client, token):
    body = post(client, "{ me { email } }", token)
    assert body["data"]["me"] is None


def test_an_app_cannot_read_other_apps_without_manage_apps(client, storefront_app, token):
    other = App.objects.create(name="ERP")
    app_token_create(app=other)
    body = post(client, f'{{ app(id: "{gid("App", other.pk)}") {{ name }} }}', token)
    assert body["errors"][0]["message"].endswith("permissions: MANAGE_APPS")
    body = post(client, "{ apps(first: 5) { edges { node { name } } } }", token)
    assert body["errors"][0]["message"].endswith("permissions: MANAGE_APPS")
    body = post(client, "{ app { tokens { authToken } } }", token)
    assert body["errors"][0]["message"].endswith("permissions: MANAGE_APPS")


def test_an_app_with_manage_apps_lists_apps_and_token_endings(client, storefront_app, token):
    storefront_app.permissions = ["MANAGE_APPS"]
    storefront_app.save()
    App.objects.create(name="ERP")
    data = post(client, "{ apps(first: 5) { totalCount edges { node { name tokens { name "
                        "authToken } permissions { code } } } } }", token)["data"]
    assert data["apps"]["totalCount"] == 2
    erp, mine = (edge["node"] for edge in data["apps"]["edges"])
    assert erp == {"name": "ERP", "tokens": [], "permissions": []}
    assert mine["tokens"] == [{"name": "storefront", "authToken": token[-4:]}]
    assert mine["permissions"] == [{"code": "MANAGE_APPS"}]


def test_staff_read_any_app_by_id(client, api_login, storefront_app, token):
    api_login(UserFactory(email="admin@coopstore.ma", is_staff=True))
    body = post(client, f'{{ app(id: "{gid("App", storefront_app.pk)}") {{ name }} }}')
    assert body["data"]["app"] == {"name": "Saleor storefront"}


def test_a_malformed_app_id_is_a_clean_error(client, token):
    body = post(client, '{ app(id: "nope") { name } }', token)
    assert body["errors"][0]["message"] == "Invalid ID: nope. Expected: App."


def test_a_network_admin_creates_a_token_in_the_admin_and_sees_it_once(client, storefront_app):
    admin = UserFactory(email="admin@coopstore.ma", is_staff=True, is_superuser=True)
    client.force_login(admin)
    response = client.post("/admin/integrations/apptoken/add/",
                           {"app": storefront_app.pk, "name": "vitrine"})
    assert response.status_code == 302
    [message] = [str(m) for m in get_messages(response.wsgi_request) if "copiez-le" in str(m)]
    raw = message.rsplit(" ", 1)[-1]
    stored = AppToken.objects.get()
    assert stored.name == "vitrine" and stored.token_hash == hashlib.sha256(
        raw.encode()).hexdigest()
    assert app_for_token(raw) == storefront_app
    shown = client.get(f"/admin/integrations/apptoken/{stored.pk}/change/").content.decode()
    assert raw in shown  # the message, this once
    page = client.get(f"/admin/integrations/apptoken/{stored.pk}/change/").content.decode()
    assert raw not in page and stored.token_last_4 in page
    page = client.get(f"/admin/integrations/app/{storefront_app.pk}/change/").content.decode()
    assert raw not in page


def test_customers_cannot_create_tokens_in_the_admin(client, storefront_app):
    client.force_login(UserFactory(email="client@example.ma"))
    response = client.post("/admin/integrations/apptoken/add/",
                           {"app": storefront_app.pk, "name": "vol"})
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert not AppToken.objects.exists()


def test_app_permissions_are_checked_against_saleor_codes(client, storefront_app):
    client.force_login(UserFactory(email="admin@coopstore.ma", is_staff=True,
                                   is_superuser=True))
    response = client.post(f"/admin/integrations/app/{storefront_app.pk}/change/", {
        "name": "Saleor storefront", "identifier": "", "is_active": "on",
        "permissions": ["MANAGE_ORDERS", "DROP_DATABASE"], "metadata": "{}",
        "tokens-TOTAL_FORMS": "0", "tokens-INITIAL_FORMS": "0"})
    assert response.status_code == 200
    storefront_app.refresh_from_db()
    assert storefront_app.permissions == []
