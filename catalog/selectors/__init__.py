"""Catalog reads with a fixed number of SQL queries, shared by the storefront and the API."""
from .core import *  # noqa: F403
from .core import __all__ as _core_all
from .listing import *  # noqa: F403
from .listing import __all__ as _listing_all

__all__ = [*_core_all, *_listing_all]
