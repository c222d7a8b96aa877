"""JSON Web Tokens for the API, shaped like Saleor's (access 5 min, refresh 30 days)."""
from __future__ import annotations

import base64
from datetime import timedelta

import jwt
from django.conf import settings
from django.utils import timezone

from .models import User

ALGORITHM = "HS256"
ACCESS_TTL = timedelta(minutes=getattr(settings, "JWT_ACCESS_TTL_MINUTES", 5))
REFRESH_TTL = timedelta(days=getattr(settings, "JWT_REFRESH_TTL_DAYS", 30))
ACCESS, REFRESH = "access", "refresh"


class InvalidToken(Exception):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def _user_global_id(user: User) -> str:
    return base64.b64encode(f"User:{user.pk}".encode()).decode()


def _encode(user: User, token_type: str, ttl: timedelta) -> str:
    now = timezone.now()
    payload = {
        "iat": int(now.timestamp()), "exp": int((now + ttl).timestamp()),
        "token": user.jwt_token_key, "email": user.email, "type": token_type,
        "user_id": _user_global_id(user), "is_staff": user.is_staff,
    }
    return jwt.encode(payload, settings.SECRET_KEY, algorithm=ALGORITHM)


def create_access_token(user: User) -> str:
    return _encode(user, ACCESS, ACCESS_TTL)


def create_refresh_token(user: User) -> str:
    return _encode(user, REFRESH, REFRESH_TTL)


def user_from_token(token: str, *, token_type: str = ACCESS) -> User:
    """The active user a token names; raises InvalidToken with Saleor's error code."""
    try:
        payload = jwt.decode(token, settings.SECRET_KEY, algorithms=[ALGORITHM])
    except jwt.ExpiredSignatureError:
        raise InvalidToken("jwt_signature_expired") from None
    except jwt.PyJWTError:
        raise InvalidToken("jwt_decode_error") from None
    if payload.get("type") != token_type:
        raise InvalidToken("jwt_invalid_token")
    user = User.objects.filter(email=payload.get("email"), is_active=True).first()
    if user is None or user.jwt_token_key != payload.get("token"):
        raise InvalidToken("jwt_invalid_token")
    return user
