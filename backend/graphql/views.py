"""The GraphQL endpoint; GraphiQL only with DEBUG.

Errors are formatted as Saleor formats them: GraphQL errors (and Saleor's assertion-style
limits) keep their message; any other exception is logged and, outside DEBUG, reported as
``Internal Server Error`` so internals never leak. Malformed requests get a 400, never a 500.
The caller is the user of the request's JWT (``backend.accounts.graphql.auth``), never the
session: the endpoint is exempt from CSRF checks.
"""
from __future__ import annotations

import logging
import traceback
from typing import Any

from django.conf import settings
from django.core.exceptions import (
    PermissionDenied,
    RequestDataTooBig,
    SuspiciousOperation,
    ValidationError,
)
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseNotAllowed
from django.http.multipartparser import MultiPartParserError
from graphene.validation import depth_limit_validator
from graphene_django.settings import graphene_settings
from graphene_django.views import GraphQLView, HttpError
from graphene_django_graphiql_static.views import GraphiQLOfflineView
from graphql import (
    ExecutionResult,
    GraphQLError,
    OperationType,
    execute,
    get_operation_ast,
    specified_rules,
)
from jwt import PyJWTError

from backend.accounts.graphql.auth import authenticate_api_request
from catalog.cache import PAGE_TIMEOUT

from . import documents, response_cache
from .core import fragments
from .core.fragments import FragmentExecutionContext
from .core.uploads import UploadError, operations_from_multipart
from .cost import cost_rules

INTERNAL_ERROR_MESSAGE = "Internal Server Error"
# Deep enough for Saleor's storefront (a listing with variants' attribute values is ~11);
# deeper nesting (category > products > category > products ...) is refused before running.
MAX_QUERY_DEPTH = 16
ALLOWED_ERRORS = (GraphQLError, PermissionDenied, ValidationError, PyJWTError)

handled_logger = logging.getLogger("coopstore.graphql.errors.handled")
unhandled_logger = logging.getLogger("coopstore.graphql.errors.unhandled")


def _original(error: BaseException) -> BaseException:
    while isinstance(error, GraphQLError) and error.original_error is not None:
        error = error.original_error
    if isinstance(error, AssertionError):
        return GraphQLError(str(error))
    return error


def _is_input_error(error: BaseException) -> bool:
    """A value refused by a scalar's parser while graphql-core coerced the input, before
    anything ran (no ``path``): the client's error, with graphql-core's message, even when
    the parser raised a plain exception (``JSONString``'s ``json.loads`` on bad text)."""
    return (isinstance(error, GraphQLError) and error.path is None
            and isinstance(_original(error), ValueError | RecursionError))


def format_error(error: BaseException) -> dict[str, Any]:
    result: dict[str, Any] = (dict(error.formatted) if isinstance(error, GraphQLError)
                              else {"message": str(error)})
    original = _original(error)
    if isinstance(original, ALLOWED_ERRORS) or _is_input_error(error):
        handled_logger.debug("A query had an error", exc_info=original)
    else:
        unhandled_logger.error("A query failed unexpectedly", exc_info=original)
        if not settings.DEBUG:
            result["message"] = INTERNAL_ERROR_MESSAGE
    extensions = dict(result.get("extensions") or {})
    extensions["exception"] = {"code": type(original).__name__}
    if settings.DEBUG:
        extensions["exception"]["stacktrace"] = [
            line for chunk in traceback.format_exception(original) for line in
            chunk.rstrip().splitlines()]
    result["extensions"] = extensions
    return result


class CoopGraphQLView(GraphiQLOfflineView):
    # Given rules replace graphql-core's, so the specified rules are listed first.
    validation_rules = (*specified_rules, depth_limit_validator(max_depth=MAX_QUERY_DEPTH))
    # Listed products answered from their stored result (``core.fragments``).
    execution_context_class = FragmentExecutionContext

    def dispatch(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        authenticate_api_request(request)
        try:
            key = response_cache.cache_key(request)
        except RequestDataTooBig:
            key = None  # answered with a 413 by parse_body
        cached = response_cache.cached_answer(key)
        if cached is not None:
            return cached
        response = super().dispatch(request, *args, **kwargs)
        response_cache.store_answer(key, response)
        return response

    def execute_graphql_request(self, request: Any, data: Any, query: Any, variables: Any,
                                operation_name: Any, show_graphiql: bool = False) -> Any:
        """graphene-django's steps, with the parsed and validated document kept per process
        (``documents``), the query cost limit (``backend.graphql.cost``, which prices
        ``first: $n`` with this request's variables) and the listed products' results stored
        after the run (``core.fragments``)."""
        if not query:
            if show_graphiql:
                return None
            raise HttpError(HttpResponseBadRequest("Must provide query string."))
        try:
            document = documents.parsed(query)
        except Exception as error:  # noqa: BLE001 - graphene-django answers any parse failure
            return ExecutionResult(errors=[error])
        operation = get_operation_ast(document, operation_name)
        if (request.method.lower() == "get" and operation is not None
                and operation.operation != OperationType.QUERY):
            if show_graphiql:
                return None
            raise HttpError(HttpResponseNotAllowed(
                ["POST"], f"Can only perform a {operation.operation.value} operation from a "
                "POST request."))
        schema = self.schema.graphql_schema
        errors = documents.validations.errors(
            schema, document, query, variables,
            lambda: (*type(self).validation_rules, *cost_rules(variables)),
            graphene_settings.MAX_VALIDATION_ERRORS)
        if errors:
            return ExecutionResult(data=None, errors=errors)
        fragments.start(request)
        try:
            result = execute(schema, document, root_value=self.get_root_value(request),
                             context_value=self.get_context(request),
                             variable_values=variables, operation_name=operation_name,
                             middleware=self.get_middleware(request),
                             execution_context_class=self.execution_context_class)
        except Exception as error:  # noqa: BLE001 - as graphene-django: an error answer
            return ExecutionResult(errors=[error])
        fragments.flush(request, PAGE_TIMEOUT)
        return result

    def json_encode(self, request: Any, d: Any, pretty: bool = False) -> str:
        """graphene-django's encoding, then the stored nodes' texts put in place."""
        return fragments.splice(request, super().json_encode(request, d, pretty=pretty))

    @staticmethod
    def format_error(error: BaseException) -> dict[str, Any]:
        if isinstance(error, HttpError):
            return {"message": error.message}
        return format_error(error)

    def parse_body(self, request: Any) -> Any:
        """Body limits (``DATA_UPLOAD_MAX_*``) answer 413 or 400 with a JSON error."""
        try:
            if self.get_content_type(request) != "multipart/form-data":
                request.body  # noqa: B018 - read here: too large is a 413, not a parse error
            return self._parse_body(request)
        except RequestDataTooBig as error:
            raise HttpError(HttpResponse(str(error), status=413)) from None
        except SuspiciousOperation as error:  # too many fields or files
            raise HttpError(HttpResponseBadRequest(str(error))) from None
        except RecursionError:  # JSON nested thousands deep: json.loads gives up
            raise HttpError(HttpResponseBadRequest("The request body is nested too deeply.")
                            ) from None

    def _parse_body(self, request: Any) -> Any:
        """File uploads follow the GraphQL multipart request spec (``operations`` + ``map``)."""
        if self.get_content_type(request) == "multipart/form-data":
            try:
                if "operations" in request.POST:
                    return operations_from_multipart(request.POST, request.FILES)
            except (UploadError, MultiPartParserError) as error:
                raise HttpError(HttpResponseBadRequest(str(error))) from None
        parsed = response_cache.parsed_body(request)
        if (parsed is not None and not self.batch
                and self.get_content_type(request) == "application/json"):
            return parsed  # the body is decoded once, by the response cache
        return super().parse_body(request)

    @staticmethod
    def get_graphql_params(request: Any, data: Any) -> tuple:
        """Reject parameters of the wrong type with a 400 instead of failing later."""
        query, variables, operation_name, id = GraphQLView.get_graphql_params(request, data)
        if query is not None and not isinstance(query, str):
            raise HttpError(HttpResponseBadRequest("The query must be a string."))
        if variables is not None and not isinstance(variables, dict):
            raise HttpError(HttpResponseBadRequest("Variables must be a JSON object."))
        if operation_name is not None and not isinstance(operation_name, str):
            raise HttpError(HttpResponseBadRequest("The operation name must be a string."))
        return query, variables, operation_name, id
