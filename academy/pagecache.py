"""A cache for what only changes when published content changes: resolved pages, course structures,
menus, view restrictions. Every key carries the current "pages version", which publishing, unpublishing,
moving or deleting a page (or changing a view restriction) bumps, so nothing stale is ever served and
nothing needs to be deleted key by key.
"""

from collections.abc import Callable
from typing import Any

from django.core.cache import cache

VERSION_KEY = "pages-version"
TIMEOUT = 60 * 60
_MISSING = object()


def pages_version() -> int:
    return cache.get_or_set(VERSION_KEY, 1, None)


def bump_pages_version(**kwargs) -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, None)


def cached(key: str, build: Callable[[], Any], *, version: int | None = None) -> Any:
    """The value for `key` at the current pages version, built (and stored) when missing."""
    full_key = f"pagecache:{version or pages_version()}:{key}"
    value = cache.get(full_key, _MISSING)
    if value is _MISSING:
        value = build()
        cache.set(full_key, value, TIMEOUT)
    return value
