"""Domain errors raised by services: a list of ``{field, code, message}`` the API maps 1:1."""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


@dataclass(frozen=True)
class ErrorItem:
    code: Enum
    message: str
    field: str | None = None
    variants: tuple[str, ...] = ()
    lines: tuple[str, ...] = ()


class DomainError(Exception):
    """A broken business rule; carries one or more errors and changes nothing."""

    def __init__(self, *errors: ErrorItem) -> None:
        super().__init__("; ".join(e.message for e in errors))
        self.errors = list(errors)

    @classmethod
    def single(cls, code: Enum, message: str, field: str | None = None, **kwargs) -> DomainError:
        return cls(ErrorItem(code=code, message=message, field=field, **kwargs))
