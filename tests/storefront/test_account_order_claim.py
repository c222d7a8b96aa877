"""orders_claim_for_user: a new account gets the guest orders placed with its e-mail, no others."""
from __future__ import annotations

from django.test import Client

from backend.accounts.services.accounts import account_register
from backend.orders.models import Order
from backend.orders.services.order_claim import orders_claim_for_user
from tests.factories.catalog import UserFactory
from tests.storefront.checkout_data import buy


def test_only_guest_orders_of_that_email_are_claimed(store):
    buy(Client(), store, email="Salma@Example.ma")  # a guest's order, typed in capitals
    buy(Client(), store, email="other@example.ma")
    someone = UserFactory(email="someone@example.ma")
    theirs = Order.objects.get(user_email="other@example.ma")  # an account's, same e-mail
    Order.objects.filter(pk=theirs.pk).update(user=someone, user_email="salma@example.ma")
    salma = UserFactory(email="salma@example.ma")

    claimed = orders_claim_for_user(user=salma)

    assert claimed == 1
    assert Order.objects.filter(user=salma).count() == 1
    theirs.refresh_from_db()
    assert theirs.user == someone


def test_claiming_twice_claims_nothing_more(store):
    buy(Client(), store, email="salma@example.ma")
    salma = UserFactory(email="salma@example.ma")

    assert orders_claim_for_user(user=salma) == 1
    assert orders_claim_for_user(user=salma) == 0


def test_registering_claims_nothing_until_the_email_is_confirmed(store):
    from backend.accounts.services.accounts import account_confirm, confirmation_tokens

    buy(Client(), store, email="salma@example.ma")

    user = account_register(email="Salma@Example.ma", password="argan-et-safran-2026")

    assert Order.objects.get().user is None
    account_confirm(email="salma@example.ma", token=confirmation_tokens.make_token(user))
    assert Order.objects.get().user == user
