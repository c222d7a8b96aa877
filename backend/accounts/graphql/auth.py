"""Who calls the API: the user of the request's JWT, as Saleor reads it.

The token comes from ``Authorization: Bearer <JWT>`` (or ``JWT <JWT>``, or Saleor's
``Authorization-Bearer`` header). On /graphql/ the session cookie is not used: the endpoint is
exempt from CSRF checks, so a cookie must never authenticate it.

As in Saleor the user is resolved lazily, when a resolver first asks for it: a request with an
expired or revoked token still answers the fields that do not need a user, and the fields that
do fail with PyJWT's error (``ExpiredSignatureError``, ``InvalidTokenError``), which Saleor's
clients read from ``extensions.exception.code`` to refresh the token. A value that is not a JWT
at all is looked up as an app token (``request.app``, Saleor's apps); an unknown one is
ignored (anonymous), as Saleor ignores tokens it did not issue.
"""
from __future__ import annotations

import jwt as pyjwt
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from backend.accounts import jwt as tokens

SALEOR_AUTH_HEADER = "HTTP_AUTHORIZATION_BEARER"
DEFAULT_AUTH_HEADER = "HTTP_AUTHORIZATION"
AUTH_HEADER_PREFIXES = ("JWT", "BEARER")
INVALID_TOKEN_MESSAGE = "Invalid token. Create new one by using tokenCreate mutation."


def token_from_request(request: HttpRequest) -> str | None:
    """The bearer token of a request, if it sends one."""
    token = request.META.get(SALEOR_AUTH_HEADER)
    if not token:
        parts = request.META.get(DEFAULT_AUTH_HEADER, "").split(maxsplit=1)
        if len(parts) == 2 and parts[0].upper() in AUTH_HEADER_PREFIXES:
            token = parts[1]
    return token or None


def _is_jwt(token: str) -> bool:
    try:
        pyjwt.decode(token, options={"verify_signature": False})
    except pyjwt.PyJWTError:
        return False
    return True


def user_from_access_token(token: str):
    """The active user of an access token; PyJWT's errors with Saleor's messages otherwise."""
    try:
        return tokens.user_from_token(token, token_type=tokens.ACCESS)
    except tokens.InvalidToken as error:
        if error.code == "jwt_signature_expired":
            raise pyjwt.ExpiredSignatureError("Signature has expired") from None
        if error.code == "jwt_decode_error":
            raise pyjwt.InvalidSignatureError("Signature verification failed") from None
        raise pyjwt.InvalidTokenError(INVALID_TOKEN_MESSAGE) from None


def authenticate_api_request(request: HttpRequest) -> None:
    """Set ``request.user`` from the request's JWT (lazily), anonymous without one."""
    token = token_from_request(request)
    request.app = None
    if token and "\x00" not in token and not _is_jwt(token):
        # Not a JWT: perhaps an app token (Saleor's apps); the caller stays anonymous.
        from backend.integrations.selectors import app_for_token

        request.app = app_for_token(token)
    if not token or "\x00" in token or not _is_jwt(token):
        request.user = AnonymousUser()
        return
    request.user = SimpleLazyObject(lambda: user_from_access_token(token))
