"""``me``: the signed-in customer (from the request's JWT); ``addressValidationRules``."""
from __future__ import annotations

from typing import Any

import graphene

from .address_rules import AddressRulesQueries
from .types import User


class AccountQueries(AddressRulesQueries, graphene.ObjectType):
    me = graphene.Field(User, description="Return the currently authenticated user.")

    @staticmethod
    def resolve_me(_root: Any, info: Any) -> Any:
        user = getattr(info.context, "user", None)
        return user if user is not None and user.is_authenticated else None
