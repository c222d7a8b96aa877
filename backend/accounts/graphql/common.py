"""What the account mutations share: Saleor's error fields, input text, e-mailed links."""
from __future__ import annotations

from typing import Any
from urllib.parse import urlparse

import graphene
from django.conf import settings
from django.http.request import split_domain_port, validate_host
from django.utils.translation import gettext as _

from backend.accounts.error_codes import AccountErrorCode
from backend.core.errors import DomainError
from backend.graphql.core.languages import content_language
from backend.graphql.core.mutations import errors_of, input_error
from backend.graphql.core.types import NonNullList
from backend.graphql.core.validators import is_clean_text

from .errors import AccountError

SUPPORTED_LANGUAGES = {code for code, _name in settings.LANGUAGES}


def _errors() -> graphene.List:
    return NonNullList(AccountError, required=True)


def _account_errors() -> graphene.List:
    return NonNullList(AccountError, required=True,
                       deprecation_reason="Use `errors` field instead.")


def _failure(payload: type, error: DomainError, **values: Any) -> Any:
    errors = errors_of(error, AccountError, AccountErrorCode)
    return payload(errors=errors, account_errors=errors, **values)


def _text(value: Any, field: str, *, required: bool = False) -> str:
    """A text input that can reach the database: no NUL character, present when required."""
    if value is None or value == "":
        if required:
            raise input_error(AccountErrorCode.REQUIRED, _("This field is required."), field)
        return ""
    if not is_clean_text(value):
        raise input_error(AccountErrorCode.INVALID, _("Enter a valid value."), field)
    return value


def storefront_url_clean(url: Any, field: str = "redirectUrl") -> str:
    """Saleor's rule for links sent by e-mail: an absolute http(s) URL on an allowed host
    (``ALLOWED_CLIENT_HOSTS``, else ``ALLOWED_HOSTS`` and the host of ``PUBLIC_URL``)."""
    url = _text(url, field, required=True)
    try:
        parsed = urlparse(url)
        domain, _port = split_domain_port(parsed.netloc)
    except ValueError:
        parsed, domain = None, ""
    if parsed is None or not parsed.netloc or parsed.scheme not in ("http", "https"):
        raise input_error(AccountErrorCode.INVALID,
                          _("Invalid URL. Please check if URL is in RFC 1808 format."), field)
    allowed = list(getattr(settings, "ALLOWED_CLIENT_HOSTS", None) or settings.ALLOWED_HOSTS)
    public = urlparse(getattr(settings, "PUBLIC_URL", "") or "").hostname
    if public:
        allowed.append(public)
    if not validate_host(domain, allowed):
        raise input_error(AccountErrorCode.INVALID,
                          _("%(domain)s is not allowed. Please check `ALLOWED_CLIENT_HOSTS` "
                            "configuration.") % {"domain": domain or url[:80]}, field)
    return url


def stored_language(value: Any, default: str = "fr") -> str:
    """``AR_MA`` -> ``ar``; a language we have no content in keeps the default."""
    code = getattr(value, "value", value)
    language = content_language(str(code)) if code else default
    return language if language in SUPPORTED_LANGUAGES else default
