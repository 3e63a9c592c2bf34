import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)


class FailOpenRedisCache(RedisCache):
    """A Redis cache that behaves as an empty cache when Redis is unreachable.

    A cache is an optimisation: when Redis is down, pages must still render (uncached), not fail.
    Connecting gives up after a second, and after a failure the cache stays out of the way for
    `RETRY_AFTER` seconds, so a page with many cache calls does not wait on each of them. Only
    Redis' own errors fail open: `incr` of a missing key still raises ValueError, as Django promises.
    """

    RETRY_AFTER = 5.0
    DEFAULT_OPTIONS = {"socket_connect_timeout": 1, "socket_timeout": 1}

    def __init__(self, server, params):
        params = {**params, "OPTIONS": {**self.DEFAULT_OPTIONS, **params.get("OPTIONS", {})}}
        super().__init__(server, params)
        self._unavailable_until = 0.0

    def _fail_open(self, method, default, *args, **kwargs):
        if time.monotonic() < self._unavailable_until:
            return default
        try:
            return getattr(super(), method)(*args, **kwargs)
        except (RedisError, OSError) as exc:
            self._unavailable_until = time.monotonic() + self.RETRY_AFTER
            logger.warning("cache %s failed open: %s", method, exc)
            return default

    def get(self, key, default=None, version=None):
        return self._fail_open("get", default, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._fail_open("set", None, key, value, timeout, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._fail_open("add", False, key, value, timeout, version)

    def delete(self, key, version=None):
        return self._fail_open("delete", False, key, version)

    def get_many(self, keys, version=None):
        return self._fail_open("get_many", {}, keys, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._fail_open("set_many", [], data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._fail_open("delete_many", None, keys, version)

    def incr(self, key, delta=1, version=None):
        return self._fail_open("incr", None, key, delta, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._fail_open("touch", False, key, timeout, version)

    def has_key(self, key, version=None):
        return self._fail_open("has_key", False, key, version)

    def clear(self):
        return self._fail_open("clear", False)
