"""Catalog reads with a fixed number of SQL queries, shared by the storefront and the API."""
from .attributes import *  # noqa: F403
from .attributes import __all__ as _attributes_all
from .collections import *  # noqa: F403
from .collections import __all__ as _collections_all
from .core import *  # noqa: F403
from .core import __all__ as _core_all
from .listing import *  # noqa: F403
from .listing import __all__ as _listing_all

__all__ = [*_core_all, *_listing_all, *_attributes_all, *_collections_all]
