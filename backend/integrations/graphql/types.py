"""Saleor's ``App``, ``AppToken`` and ``Permission`` types, as far as API clients read them."""
from __future__ import annotations

from typing import Any

import graphene
from graphql import GraphQLError

from backend.graphql.core.connection import CountableConnection
from backend.graphql.core.ids import to_global_id
from backend.graphql.core.types import ModelObjectType, Node, NonNullList, ObjectWithMetadata
from backend.integrations.models import App as AppModel
from backend.integrations.permissions import PERMISSIONS

PermissionEnum = graphene.Enum("PermissionEnum", [(code, code) for code in PERMISSIONS])


class AppTypeEnum(graphene.Enum):
    LOCAL = "local"
    THIRDPARTY = "thirdparty"


class Permission(graphene.ObjectType):
    code = PermissionEnum(required=True, description="Internal code for permission.")
    name = graphene.String(required=True, description="Describe action(s) allowed to do by "
                           "permission.")

    class Meta:
        description = "Represents a permission object in a friendly form."


def caller_is_staff(info: Any) -> bool:
    user = getattr(info.context, "user", None)
    return bool(user and user.is_active and user.is_staff)


def caller_app(info: Any) -> AppModel | None:
    return getattr(info.context, "app", None)


def can_manage_apps(info: Any) -> bool:
    app = caller_app(info)
    return caller_is_staff(info) or bool(app and app.has_permission("MANAGE_APPS"))


def permission_denied(*codes: str) -> GraphQLError:
    return GraphQLError("To access this path, you need one of the following permissions: "
                        + ", ".join(codes))


class AppToken(ModelObjectType):
    name = graphene.String(description="Name of the authenticated token.")
    auth_token = graphene.String(description="Last 4 characters of the token.")

    class Meta:
        interfaces = (Node,)
        description = "Represents token data."

    @staticmethod
    def resolve_auth_token(root: Any, _info: Any) -> str:
        return root.token_last_4


class App(ModelObjectType):
    identifier = graphene.String(description="Canonical app ID. If not provided, the "
                                 "identifier will be generated based on app.id.")
    permissions = NonNullList(Permission, description="List of the app's permissions.")
    created = graphene.DateTime(description="The date and time when the app was created.")
    is_active = graphene.Boolean(description="Determine if app will be set active or not.")
    name = graphene.String(description="Name of the app.")
    type = AppTypeEnum(description="Type of the app.")
    tokens = NonNullList(AppToken, description="Last 4 characters of the tokens. Requires "
                         "MANAGE_APPS.")

    private_metadata_permission = "MANAGE_APPS"

    class Meta:
        interfaces = (Node, ObjectWithMetadata)
        description = "Represents app data."

    @staticmethod
    def resolve_identifier(root: AppModel, info: Any) -> str:
        return root.identifier or to_global_id("App", root.pk)

    @staticmethod
    def resolve_permissions(root: AppModel, _info: Any) -> list[Permission]:
        return [Permission(code=code, name=str(PERMISSIONS[code]))
                for code in root.permissions or [] if code in PERMISSIONS]

    @staticmethod
    def resolve_created(root: AppModel, _info: Any) -> Any:
        return root.created_at

    @staticmethod
    def resolve_type(_root: AppModel, _info: Any) -> str:
        return AppTypeEnum.LOCAL.value

    @staticmethod
    def resolve_tokens(root: AppModel, info: Any) -> list:
        if not can_manage_apps(info):
            raise permission_denied("MANAGE_APPS")
        return list(root.tokens.all())


class AppCountableConnection(CountableConnection):
    class Meta:
        node = App
