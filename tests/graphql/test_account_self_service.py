"""Saleor's self-service account mutations: accountUpdate, the address book, passwordChange,
confirmAccount, accountRequestDeletion / accountDelete, and what a stranger may not do."""
from __future__ import annotations

import re

import pytest
from django.core import mail

from backend.accounts.models import Address, User
from backend.accounts.services.accounts import confirmation_tokens, deletion_tokens
from backend.orders.models import Checkout
from tests.factories.catalog import UserFactory
from tests.graphql.checkout_helpers import make_checkout
from tests.graphql.conftest import gid

pytestmark = pytest.mark.django_db

ERR = "errors { field code message } accountErrors { code }"
AGADIR = {"firstName": "Amina", "lastName": "Ait Ali", "streetAddress1": "12 rue de Tiznit",
          "city": "agadir", "phone": "06 12 34 56 78", "country": "MA"}
ADDRESS = "id city streetAddress1 phone isDefaultShippingAddress isDefaultBillingAddress"
UPDATE = f"""mutation($input: AccountInput!) {{ accountUpdate(input: $input) {{ {ERR}
  user {{ firstName lastName languageCode metadata {{ key value }}
          defaultShippingAddress {{ city }} defaultBillingAddress {{ city }} }} }} }}"""
CREATE = f"""mutation($input: AddressInput!, $type: AddressTypeEnum) {{
  accountAddressCreate(input: $input, type: $type) {{ {ERR} address {{ {ADDRESS} }}
    user {{ addresses {{ city }} defaultShippingAddress {{ city }}
            defaultBillingAddress {{ city }} }} }} }}"""
EDIT = f"""mutation($id: ID!, $input: AddressInput!) {{ accountAddressUpdate(id: $id, input: $input)
  {{ {ERR} address {{ {ADDRESS} }} user {{ email }} }} }}"""
DELETE = f"""mutation($id: ID!) {{ accountAddressDelete(id: $id) {{ {ERR} address {{ id city }}
  user {{ addresses {{ id }} defaultShippingAddress {{ id }} }} }} }}"""
DEFAULT = f"""mutation($id: ID!, $type: AddressTypeEnum!) {{
  accountSetDefaultAddress(id: $id, type: $type) {{ {ERR}
    user {{ defaultShippingAddress {{ city }} defaultBillingAddress {{ city }} }} }} }}"""
PASSWORD = f"""mutation($old: String, $new: String!) {{
  passwordChange(oldPassword: $old, newPassword: $new) {{ {ERR} user {{ email }} }} }}"""
CONFIRM = f"""mutation($email: String!, $token: String!) {{
  confirmAccount(email: $email, token: $token) {{ {ERR} user {{ email isConfirmed }} }} }}"""
REQUEST_DELETION = f"""mutation($url: String!) {{ accountRequestDeletion(redirectUrl: $url) {{
  {ERR} }} }}"""
ACCOUNT_DELETE = f"""mutation($token: String!) {{ accountDelete(token: $token) {{ {ERR}
  user {{ email isActive }} }} }}"""
REGISTER = """mutation($input: AccountRegisterInput!) { accountRegister(input: $input) {
  requiresConfirmation errors { field code } user { isConfirmed } } }"""
PASSWORD_OF = "Argan-et-safran-2026"


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def guest_order(channel, saffron_variant):
    """An order placed as a guest with buyer@example.ma."""
    from backend.orders.services.checkout_complete import checkout_complete
    from tests.orders.conftest import ready_checkout

    checkout = ready_checkout(channel, [(saffron_variant, 1)], email="buyer@example.ma")
    return checkout_complete(checkout_token=checkout.token).order


def _address(user, city="AGADIR", **fields):
    from fulfillment.models import City

    return Address.objects.create(user=user, city=city, street_address_1="1 rue",
                                  city_ref=City.objects.get(slug=city.lower()), **fields)


def _snapshot(user) -> tuple:
    user = User.objects.get(pk=user.pk)
    return (user.first_name, user.last_name, user.language_code, user.metadata,
            user.default_shipping_address_id, user.default_billing_address_id, user.password,
            user.email, user.is_active, user.is_confirmed,
            list(Address.objects.filter(user=user).values()))


# --- anonymous callers ------------------------------------------------------------------------

@pytest.mark.parametrize("query, variables", [
    (UPDATE, {"input": {"firstName": "X"}}),
    (CREATE, {"input": AGADIR}),
    (PASSWORD, {"old": "a", "new": "b"}),
    (REQUEST_DELETION, {"url": "http://localhost/delete"}),
    (ACCOUNT_DELETE, {"token": "x"}),
])
def test_an_anonymous_caller_gets_the_permission_error(graphql, customer, query, variables):
    before = _snapshot(customer)

    body = graphql(query, **variables)

    assert body["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied"
    assert "AUTHENTICATED_USER" in body["errors"][0]["message"]
    assert _snapshot(customer) == before and not mail.outbox


# --- accountUpdate ----------------------------------------------------------------------------

def test_account_update_changes_only_the_fields_sent_and_saves_default_addresses(
        graphql, api_login, customer):
    customer.last_name = "Idrissi"
    customer.save()
    api_login(customer)

    result = graphql(UPDATE, input={
        "firstName": "Salma", "languageCode": "AR", "metadata": [{"key": "k", "value": "v"}],
        "defaultShippingAddress": AGADIR,
        "defaultBillingAddress": {**AGADIR, "city": "Tiznit"}})["data"]["accountUpdate"]

    assert result["errors"] == [] and result["accountErrors"] == []
    assert result["user"] == {"firstName": "Salma", "lastName": "Idrissi", "languageCode": "AR",
                              "metadata": [{"key": "k", "value": "v"}],
                              "defaultShippingAddress": {"city": "AGADIR"},
                              "defaultBillingAddress": {"city": "TIZNIT"}}
    assert Address.objects.filter(user=customer).count() == 2
    # A second update changes the same default address in place.
    graphql(UPDATE, input={"defaultShippingAddress": {**AGADIR, "streetAddress1": "2 rue"}})
    assert Address.objects.filter(user=customer).count() == 2
    assert User.objects.get(pk=customer.pk).default_shipping_address.street_address_1 == "2 rue"


@pytest.mark.parametrize("change, code, field", [
    ({"firstName": "Sal\x00ma"}, "INVALID", "firstName"),
    ({"metadata": [{"key": " ", "value": "v"}]}, "REQUIRED", "metadata"),
    ({"defaultShippingAddress": {**AGADIR, "city": "Agadri"}}, "INVALID", "city"),
    ({"defaultShippingAddress": {**AGADIR, "streetAddress1": ""}}, "REQUIRED", "streetAddress1"),
    ({"defaultShippingAddress": {**AGADIR, "phone": "123"}}, "INVALID", "phone"),
    ({"defaultShippingAddress": {**AGADIR, "postalCode": "ABC"}}, "INVALID", "postalCode"),
])
def test_a_refused_account_update_changes_nothing(graphql, api_login, customer, change, code,
                                                  field):
    api_login(customer)
    before = _snapshot(customer)

    result = graphql(UPDATE, input={"firstName": "Salma", **change})["data"]["accountUpdate"]

    assert (code, field) in [(e["code"], e["field"]) for e in result["errors"]]
    assert result["user"] is None
    assert _snapshot(customer) == before


def test_impersonating_another_customer_is_refused(graphql, api_login, customer,
                                                   other_customer):
    api_login(customer)
    before = _snapshot(other_customer)

    body = graphql("""mutation($id: ID!) { accountUpdate(customerId: $id,
        input: {firstName: "X"}) { errors { code } } }""", id=gid("User", other_customer.pk))

    assert body["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied"
    assert _snapshot(other_customer) == before


# --- the address book -------------------------------------------------------------------------

def test_the_first_address_becomes_both_defaults_and_a_typed_one_only_its_kind(
        graphql, api_login, customer):
    api_login(customer)

    first = graphql(CREATE, input=AGADIR)["data"]["accountAddressCreate"]
    second = graphql(CREATE, input={**AGADIR, "city": "tiznit"},
                     type="BILLING")["data"]["accountAddressCreate"]

    assert first["errors"] == []
    assert first["address"]["city"] == "AGADIR" and first["address"]["phone"] == "+212612345678"
    assert first["address"]["isDefaultShippingAddress"] is True
    assert second["address"]["isDefaultBillingAddress"] is True
    assert second["address"]["isDefaultShippingAddress"] is False
    assert second["user"]["defaultShippingAddress"] == {"city": "AGADIR"}
    assert second["user"]["defaultBillingAddress"] == {"city": "TIZNIT"}
    assert User.objects.get(pk=customer.pk).default_shipping_address.city_ref.slug == "agadir"


@pytest.mark.parametrize("change, code, field", [
    ({"city": ""}, "REQUIRED", "city"),
    ({"city": "Marakesh"}, "INVALID", "city"),
    ({"streetAddress1": ""}, "REQUIRED", "streetAddress1"),
    ({"phone": "+33 1"}, "INVALID", "phone"),
    ({"country": "FR"}, "INVALID", "country"),
    ({"postalCode": "123"}, "INVALID", "postalCode"),
    ({"lastName": "x" * 300}, "INVALID", "lastName"),
])
def test_a_refused_address_creates_nothing(graphql, api_login, customer, change, code, field):
    api_login(customer)

    result = graphql(CREATE, input={**AGADIR, **change})["data"]["accountAddressCreate"]

    assert (code, field) in [(e["code"], e["field"]) for e in result["errors"]]
    assert result["address"] is None and not Address.objects.exists()


def test_an_unknown_city_suggests_the_close_names(graphql, api_login, customer):
    api_login(customer)

    result = graphql(CREATE, input={**AGADIR, "city": "Marakesh"})["data"]["accountAddressCreate"]

    assert "Marrakech" in result["errors"][0]["message"]


def test_update_delete_and_default_work_on_the_customers_own_addresses(graphql, api_login,
                                                                       customer):
    home, work = _address(customer), _address(customer, "TIZNIT")
    customer.default_shipping_address = customer.default_billing_address = home
    customer.save()
    api_login(customer)

    edited = graphql(EDIT, id=gid("Address", work.pk),
                     input={**AGADIR, "city": "Tiznit", "streetAddress1": "9 av."})
    default = graphql(DEFAULT, id=gid("Address", work.pk), type="SHIPPING")
    deleted = graphql(DELETE, id=gid("Address", home.pk))

    assert edited["data"]["accountAddressUpdate"]["address"]["streetAddress1"] == "9 av."
    assert default["data"]["accountSetDefaultAddress"]["user"] == {
        "defaultShippingAddress": {"city": "TIZNIT"}, "defaultBillingAddress": {"city": "AGADIR"}}
    result = deleted["data"]["accountAddressDelete"]
    assert result["errors"] == [] and result["address"] == {"id": gid("Address", home.pk),
                                                            "city": "AGADIR"}
    assert result["user"]["addresses"] == [{"id": gid("Address", work.pk)}]
    assert list(Address.objects.filter(user=customer)) == [work]
    assert User.objects.get(pk=customer.pk).default_billing_address is None


@pytest.mark.parametrize("query, extra", [
    (EDIT, {"input": AGADIR}), (DELETE, {}), (DEFAULT, {"type": "SHIPPING"})])
def test_a_customer_can_never_touch_another_customers_address(graphql, api_login, customer,
                                                              other_customer, query, extra):
    theirs = _address(other_customer, "TIZNIT")
    mine = _address(customer)
    api_login(customer)
    before = (_snapshot(customer), _snapshot(other_customer))

    body = graphql(query, id=gid("Address", theirs.pk), **extra)
    result = next(iter(body["data"].values()))

    assert [(e["code"], e["field"]) for e in result["errors"]] == [("NOT_FOUND", "id")]
    assert (_snapshot(customer), _snapshot(other_customer)) == before
    assert mine.pk and Address.objects.get(pk=theirs.pk).city == "TIZNIT"


@pytest.mark.parametrize("bad_id, code", [
    ("", "GRAPHQL_ERROR"), ("not-an-id", "GRAPHQL_ERROR"), ("\x00", "GRAPHQL_ERROR"),
    (gid("Product", 1), "GRAPHQL_ERROR"), (gid("Address", 999999), "NOT_FOUND")])
def test_a_malformed_address_id_is_a_clear_error(graphql, api_login, customer, bad_id, code):
    api_login(customer)

    result = graphql(DELETE, id=bad_id)["data"]["accountAddressDelete"]

    assert [(e["code"], e["field"]) for e in result["errors"]] == [(code, "id")]


# --- passwordChange ---------------------------------------------------------------------------

def test_password_change_needs_the_old_one_and_revokes_the_tokens(graphql, api_login, customer,
                                                                  client):
    customer.set_password(PASSWORD_OF)
    customer.save()
    api_login(customer)

    result = graphql(PASSWORD, old=PASSWORD_OF, new="Dattes-de-Zagora-99")["data"]

    assert result["passwordChange"]["errors"] == []
    assert User.objects.get(pk=customer.pk).check_password("Dattes-de-Zagora-99")
    # The token used for the call is revoked with every other one.
    assert "errors" in graphql("{ me { email } }")


@pytest.mark.parametrize("old, new, code, field", [
    ("wrong", "Dattes-de-Zagora-99", "INVALID_CREDENTIALS", "oldPassword"),
    (None, "Dattes-de-Zagora-99", "INVALID_CREDENTIALS", "oldPassword"),
    (PASSWORD_OF, "short", "PASSWORD_TOO_SHORT", "newPassword"),
    (PASSWORD_OF, "12345678901", "PASSWORD_ENTIRELY_NUMERIC", "newPassword"),
    (PASSWORD_OF, "password123", "PASSWORD_TOO_COMMON", "newPassword"),
    (PASSWORD_OF, "", "REQUIRED", "newPassword"),
    (PASSWORD_OF, "Dattes\x00Zagora99", "INVALID_PASSWORD", "newPassword"),
])
def test_a_refused_password_change_keeps_the_password(graphql, api_login, customer, old, new,
                                                      code, field):
    customer.set_password(PASSWORD_OF)
    customer.save()
    api_login(customer)
    before = _snapshot(customer)

    result = graphql(PASSWORD, old=old, new=new)["data"]["passwordChange"]

    assert (code, field) in [(e["code"], e["field"]) for e in result["errors"]]
    assert _snapshot(customer) == before
    assert User.objects.get(pk=customer.pk).jwt_token_key == customer.jwt_token_key


# --- registration and confirmAccount ----------------------------------------------------------

def test_registration_mails_a_confirmation_link_and_claims_orders_only_once_confirmed(
        graphql, django_capture_on_commit_callbacks, guest_order):
    with django_capture_on_commit_callbacks(execute=True):
        result = graphql(REGISTER, input={
            "email": "buyer@example.ma", "password": PASSWORD_OF,
            "redirectUrl": "http://localhost/confirm?x=1"})["data"]["accountRegister"]

    assert result == {"requiresConfirmation": True, "errors": [],
                      "user": {"isConfirmed": False}}
    user = User.objects.get(email="buyer@example.ma")
    guest_order.refresh_from_db()
    assert guest_order.user is None  # not before the mailbox's owner confirms
    link = re.search(r"http://localhost/confirm\?x=1&\S+", mail.outbox[0].body).group(0)
    assert "email=buyer%40example.ma" in link
    token = re.search(r"token=([^&\s]+)", link).group(1)

    confirmed = graphql(CONFIRM, email="buyer@example.ma", token=token)["data"]["confirmAccount"]

    assert confirmed["errors"] == [] and confirmed["user"]["isConfirmed"] is True
    guest_order.refresh_from_db()
    assert guest_order.user == user
    # The link works once.
    again = graphql(CONFIRM, email="buyer@example.ma", token=token)["data"]["confirmAccount"]
    assert [e["code"] for e in again["errors"]] == ["INVALID"]


def test_registration_refuses_a_redirect_to_a_foreign_host(graphql):
    result = graphql(REGISTER, input={"email": "buyer@example.ma", "password": PASSWORD_OF,
                                      "redirectUrl": "https://evil.example.com/c"})
    assert [e["code"] for e in result["data"]["accountRegister"]["errors"]] == ["INVALID"]
    assert not User.objects.exists() and not mail.outbox


@pytest.mark.parametrize("email, token, code, field", [
    ("buyer@example.ma", "bad-token", "INVALID", "token"),
    ("nobody@example.ma", "x", "NOT_FOUND", "email"),
    ("", "x", "REQUIRED", "email"),
    ("buyer@example.ma", "", "REQUIRED", "token"),
    ("buyer@example.ma", "a\x00b", "INVALID", "token"),
])
def test_a_refused_confirmation_confirms_nothing_and_claims_nothing(graphql, guest_order, email,
                                                                    token, code, field):
    user = UserFactory(email="buyer@example.ma", is_confirmed=False)

    result = graphql(CONFIRM, email=email, token=token)["data"]["confirmAccount"]

    assert [(e["code"], e["field"]) for e in result["errors"]] == [(code, field)]
    user.refresh_from_db()
    guest_order.refresh_from_db()
    assert user.is_confirmed is False and guest_order.user is None


def test_a_confirmation_token_of_another_account_is_refused(graphql, guest_order):
    victim = UserFactory(email="buyer@example.ma", is_confirmed=False)
    attacker = UserFactory(email="attacker@example.ma", is_confirmed=False)

    result = graphql(CONFIRM, email=victim.email,
                     token=confirmation_tokens.make_token(attacker))["data"]["confirmAccount"]

    assert [e["code"] for e in result["errors"]] == ["INVALID"]
    guest_order.refresh_from_db()
    assert guest_order.user is None


# --- accountRequestDeletion and accountDelete -------------------------------------------------

def test_deletion_anonymises_the_customer_and_keeps_their_orders(
        graphql, api_login, customer, channel, saffron_variant, guest_order,
        django_capture_on_commit_callbacks):
    guest_order.user = customer
    guest_order.save()
    _address(customer)
    make_checkout(channel, [(saffron_variant, 1)], user=customer)
    customer.metadata = {"k": "v"}
    customer.save()
    api_login(customer)

    with django_capture_on_commit_callbacks(execute=True):
        asked = graphql(REQUEST_DELETION, url="http://localhost/delete")
    assert asked["data"]["accountRequestDeletion"]["errors"] == []
    token = re.search(r"http://localhost/delete\?token=(\S+)", mail.outbox[0].body).group(1)

    result = graphql(ACCOUNT_DELETE, token=token)["data"]["accountDelete"]

    assert result["errors"] == []
    user = User.objects.get(pk=customer.pk)
    assert (user.email, user.first_name, user.is_active, user.metadata) == (
        f"deleted-{customer.pk}@deleted.coopstore.invalid", "", False, {})
    assert not user.has_usable_password()
    assert not Address.objects.filter(user=user).exists()
    assert not Checkout.objects.filter(user=user).exists()
    guest_order.refresh_from_db()
    assert guest_order.user == user and guest_order.pk  # the order is kept
    assert "errors" in graphql("{ me { email } }")  # the token is revoked


@pytest.mark.parametrize("token", ["bad", "", "\x00"])
def test_a_refused_deletion_deletes_nothing(graphql, api_login, customer, token):
    _address(customer)
    api_login(customer)
    before = _snapshot(customer)

    result = graphql(ACCOUNT_DELETE, token=token)["data"]["accountDelete"]

    assert result["errors"][0]["code"] in ("INVALID", "REQUIRED")
    assert _snapshot(customer) == before


def test_a_deletion_token_of_another_customer_deletes_nobody(graphql, api_login, customer,
                                                             other_customer):
    api_login(customer)
    before = (_snapshot(customer), _snapshot(other_customer))

    result = graphql(ACCOUNT_DELETE, token=deletion_tokens.make_token(other_customer))

    assert [e["code"] for e in result["data"]["accountDelete"]["errors"]] == ["INVALID"]
    assert (_snapshot(customer), _snapshot(other_customer)) == before


def test_a_deletion_link_to_a_foreign_host_is_refused(graphql, api_login, customer):
    api_login(customer)

    result = graphql(REQUEST_DELETION, url="https://evil.example.com/d")

    assert [(e["code"], e["field"]) for e in result["data"]["accountRequestDeletion"]["errors"]
            ] == [("INVALID", "redirectUrl")]
    assert not mail.outbox


# --- checkoutCustomerAttach / Detach ----------------------------------------------------------

ATTACH = """mutation($id: ID, $customerId: ID) { checkoutCustomerAttach(id: $id,
  customerId: $customerId) { errors { field code } checkout { email user { email } } } }"""
DETACH = """mutation($id: ID) { checkoutCustomerDetach(id: $id) { errors { field code }
  checkout { user { email } } } }"""


def test_a_customer_attaches_a_guest_checkout_and_detaches_it(graphql, api_login, channel,
                                                              customer, saffron_variant):
    cart = make_checkout(channel, [(saffron_variant, 1)], email="")
    api_login(customer)

    attached = graphql(ATTACH, id=gid("Checkout", cart.token))["data"]["checkoutCustomerAttach"]
    assert attached == {"errors": [], "checkout": {"email": "amina@example.ma",
                                                   "user": {"email": "amina@example.ma"}}}
    detached = graphql(DETACH, id=gid("Checkout", cart.token))["data"]["checkoutCustomerDetach"]
    assert detached == {"errors": [], "checkout": {"user": None}}
    assert Checkout.objects.get().user is None


def test_another_customers_checkout_can_be_neither_attached_nor_detached(
        graphql, api_login, channel, customer, other_customer, saffron_variant):
    theirs = make_checkout(channel, [(saffron_variant, 1)], user=other_customer)
    api_login(customer)

    for query, name in ((ATTACH, "checkoutCustomerAttach"), (DETACH, "checkoutCustomerDetach")):
        result = graphql(query, id=gid("Checkout", theirs.token))["data"][name]
        assert [e["code"] for e in result["errors"]] == ["NOT_FOUND"]
    assert Checkout.objects.get().user == other_customer


def test_attaching_someone_else_or_detaching_a_guest_checkout_is_refused(
        graphql, api_login, channel, customer, other_customer, saffron_variant):
    cart = make_checkout(channel, [(saffron_variant, 1)])
    api_login(customer)

    other = graphql(ATTACH, id=gid("Checkout", cart.token), customerId=gid("User",
                                                                            other_customer.pk))
    guest = graphql(DETACH, id=gid("Checkout", cart.token))

    assert other["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied"
    assert guest["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied"
    assert Checkout.objects.get().user is None


def test_an_anonymous_caller_cannot_attach(graphql, channel, saffron_variant):
    cart = make_checkout(channel, [(saffron_variant, 1)])

    body = graphql(ATTACH, id=gid("Checkout", cart.token))

    assert body["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied"
    assert Checkout.objects.get().user is None
