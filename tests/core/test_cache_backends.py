"""The project's cache backends: Django's, reusing one Redis client and checking no key."""
from __future__ import annotations

import uuid

import pytest
from django.core.cache import caches

REDIS_TEST_URL = "redis://127.0.0.1:6379/12"


@pytest.fixture
def redis_cache(settings):
    settings.CACHES = {"default": {"BACKEND": "backend.core.cache_backends.RedisCache",
                                   "LOCATION": REDIS_TEST_URL},
                       "memory": {"BACKEND": "backend.core.cache_backends.LocMemCache",
                                  "LOCATION": "backends-test"}}
    return caches["default"]


def test_one_redis_client_serves_every_call(redis_cache):
    key = f"backends:{uuid.uuid4().hex}"
    first = redis_cache._cache.get_client(key, write=True)
    assert redis_cache._cache.get_client(key) is first  # not a new redis.Redis per call
    redis_cache.set_many({key: {"a": 1}, f"{key}:2": [1, 2]}, 30)
    assert redis_cache.get_many([key, f"{key}:2", f"{key}:none"]) == {
        key: {"a": 1}, f"{key}:2": [1, 2]}
    assert redis_cache.add(key, "other", 30) is False
    redis_cache.delete_many([key, f"{key}:2"])
    assert redis_cache.get(key) is None


def test_keys_memcached_would_refuse_are_used_without_a_warning(redis_cache, recwarn):
    long_key = "k" * 300 + " with spaces"
    for cache in (redis_cache, caches["memory"]):
        cache.set(long_key, "value", 30)
        assert cache.get(long_key) == "value"
        cache.delete(long_key)
    assert not [w for w in recwarn.list if "memcached" in str(w.message)]


def test_get_many_reads_the_keys_that_set_wrote_with_prefix_and_version(settings):
    settings.CACHES = {"default": {"BACKEND": "backend.core.cache_backends.RedisCache",
                                   "LOCATION": REDIS_TEST_URL, "KEY_PREFIX": "pfx",
                                   "VERSION": 3}}
    cache = caches["default"]
    key = f"backends:{uuid.uuid4().hex}"
    cache.set(key, "current", 30)
    cache.set(key, "older", 30, version=2)
    assert cache.get_many([key, f"{key}:none"]) == {key: "current"}
    assert cache.get_many([key], version=2) == {key: "older"}
    assert cache._cache.get_client().get(f"pfx:3:{key}") is not None  # Django's key format
    cache.delete_many([key])
    cache.delete(key, version=2)
