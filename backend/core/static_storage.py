"""Static files with content-hashed names (served by whitenoise as immutable for a year).

Vendored packages ship minified CSS/JS whose ``sourceMappingURL`` comments name ``.map`` files
they do not ship (graphene-django-graphiql-static's ``graphiql.min.css``): Django's manifest
storage then fails ``collectstatic``. Source maps are a debugging aid, not a page's asset, so
their references are left as they are instead of being hashed.
"""
from __future__ import annotations

from whitenoise.storage import CompressedManifestStaticFilesStorage


def _without_source_maps(patterns: tuple) -> tuple:
    def keep(pattern) -> bool:
        regex = pattern if isinstance(pattern, str) else pattern[0]
        return "sourceMappingURL" not in regex

    return tuple((extension, tuple(p for p in rules if keep(p)))
                 for extension, rules in patterns)


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    patterns = _without_source_maps(CompressedManifestStaticFilesStorage.patterns)
