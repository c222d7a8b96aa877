"""Public and private metadata of any row that has them (users, addresses, checkouts, orders).

The caller decides who may change what; these functions check the keys and values only, so
that nothing PostgreSQL cannot store (NUL characters) or absurdly large reaches a row.
"""
from __future__ import annotations

from django.db import models, transaction
from django.utils.translation import gettext as _

from backend.core.errors import DomainError

from ..error_codes import MetadataErrorCode

MAX_KEY_LENGTH = 256
MAX_VALUE_LENGTH = 10_000
MAX_ITEMS = 100


def _field(private: bool) -> str:
    return "private_metadata" if private else "metadata"


def metadata_items_clean(items: dict[str, str], *, field: str = "input") -> dict[str, str]:
    """Saleor's rule (a key is never blank) plus ours: no NUL, bounded sizes."""
    if len(items) > MAX_ITEMS:
        raise DomainError.single(MetadataErrorCode.INVALID,
                                 _("Send at most %(count)d items at once.")
                                 % {"count": MAX_ITEMS}, field)
    for key, value in items.items():
        if not key.strip():
            raise DomainError.single(MetadataErrorCode.REQUIRED,
                                     _("Metadata key cannot be empty."), field)
        if ("\x00" in key or "\x00" in value or len(key) > MAX_KEY_LENGTH
                or len(value) > MAX_VALUE_LENGTH):
            raise DomainError.single(MetadataErrorCode.INVALID,
                                     _("This metadata item is not allowed."), field)
    return items


@transaction.atomic
def metadata_update(*, instance: models.Model, items: dict[str, str], private: bool = False
                    ) -> models.Model:
    """Set ``items`` in the row's public (or private) metadata, keeping the other keys."""
    items = metadata_items_clean(items)
    name = _field(private)
    row = type(instance)._default_manager.select_for_update().get(pk=instance.pk)
    setattr(row, name, {**(getattr(row, name) or {}), **items})
    row.save(update_fields=[name])
    setattr(instance, name, getattr(row, name))
    return instance


@transaction.atomic
def metadata_delete(*, instance: models.Model, keys: list[str], private: bool = False
                    ) -> models.Model:
    """Remove ``keys`` (those absent are ignored, as in Saleor)."""
    name = _field(private)
    row = type(instance)._default_manager.select_for_update().get(pk=instance.pk)
    remaining = {k: v for k, v in (getattr(row, name) or {}).items() if k not in set(keys)}
    setattr(row, name, remaining)
    row.save(update_fields=[name])
    setattr(instance, name, remaining)
    return instance
