"""Django's Redis and local-memory caches without memcached's key check.

``BaseCache.validate_key`` walks every character of every key to warn about keys memcached
would refuse (over 250 characters, spaces, control characters). Neither Redis nor the local
memory cache has those limits, and a listing answered from stored products reads 200 keys in
one ``get_many``: the check was 1.4 ms of it, more than the round trip to Redis.
"""
from __future__ import annotations

from django.core.cache.backends import locmem, redis


class NoKeyCheck:
    def validate_key(self, key: str) -> None:
        """Any string is a valid key for these backends."""


# Django's names, so /healthz reports the kind of cache as before.
class RedisCache(NoKeyCheck, redis.RedisCache):
    pass


class LocMemCache(NoKeyCheck, locmem.LocMemCache):
    pass
