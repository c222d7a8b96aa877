"""``app`` (the calling app, or any app for MANAGE_APPS) and ``apps`` (MANAGE_APPS)."""
from __future__ import annotations

from typing import Any

import graphene

from backend.graphql.core.connection import SortSpec, connection_args, paginate_queryset
from backend.graphql.core.ids import from_global_id_or_error
from backend.integrations.models import App as AppModel

from .types import App, AppCountableConnection, caller_app, can_manage_apps, permission_denied


class AppQueries(graphene.ObjectType):
    app = graphene.Field(App, id=graphene.ID(description="ID of the app."),
                         description="Look up an app by ID. If ID is not provided, return the "
                         "currently authenticated app.")
    apps = graphene.Field(AppCountableConnection, **connection_args(),
                          description="List of the apps. Requires MANAGE_APPS.")

    @staticmethod
    def resolve_app(_root: Any, info: Any, *, id: str | None = None) -> AppModel | None:
        current = caller_app(info)
        if id is None:
            if current is None and not can_manage_apps(info):
                raise permission_denied("AUTHENTICATED_STAFF_USER", "AUTHENTICATED_APP")
            return current
        _, pk = from_global_id_or_error(id, "App")
        if current is not None and current.pk == pk:
            return current
        if not can_manage_apps(info):
            raise permission_denied("MANAGE_APPS")
        return AppModel.objects.filter(pk=pk).first() if pk else None

    @staticmethod
    def resolve_apps(_root: Any, info: Any, **args: Any) -> Any:
        if not can_manage_apps(info):
            raise permission_denied("MANAGE_APPS")
        return paginate_queryset(AppModel.objects.all(), info, args,
                                 connection=AppCountableConnection,
                                 sort=SortSpec(fields=("name", "pk")),
                                 prepare=lambda qs: qs.prefetch_related("tokens"))
