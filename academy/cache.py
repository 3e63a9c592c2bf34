import logging

from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)


class FailOpenRedisCache(RedisCache):
    """A Redis cache that behaves as an empty cache when Redis is unreachable.

    A cache is an optimisation: when Redis is down, pages must still render (uncached), not fail.
    """

    def _fail_open(self, method, default, *args, **kwargs):
        try:
            return getattr(super(), method)(*args, **kwargs)
        except Exception as exc:  # redis raises several connection error types
            logger.warning("cache %s failed open: %s", method, exc)
            return default

    def get(self, key, default=None, version=None):
        return self._fail_open("get", default, key, default, version)

    def set(self, key, value, timeout=None, version=None):
        return self._fail_open("set", None, key, value, timeout, version)

    def add(self, key, value, timeout=None, version=None):
        return self._fail_open("add", False, key, value, timeout, version)

    def delete(self, key, version=None):
        return self._fail_open("delete", False, key, version)

    def get_many(self, keys, version=None):
        return self._fail_open("get_many", {}, keys, version)

    def set_many(self, data, timeout=None, version=None):
        return self._fail_open("set_many", [], data, timeout, version)

    def incr(self, key, delta=1, version=None):
        return self._fail_open("incr", None, key, delta, version)

    def touch(self, key, timeout=None, version=None):
        return self._fail_open("touch", False, key, timeout, version)

    def has_key(self, key, version=None):
        return self._fail_open("has_key", False, key, version)
