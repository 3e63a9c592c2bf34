"""The content version, and what is derived from published content: kept until the content changes.

Every cached thing that depends on published content (page shells, resolved routes, course structures,
menus, view restrictions, success factors) is valid for one *content version*: a random token in the
shared cache that every change of published content replaces (see `bump_pages_version`, connected in
academy.apps). Nothing is ever deleted key by key, and nothing stale is served: a key of an older
version is simply never asked for again.

Two levels, so that a page costs at most two cache round trips (academy/pages.py):

- the page shell lives in the shared cache (Redis in production), read in the same `get_many` as the
  version itself, and written once on a miss;
- what a page is built from (`cached()`: routes, structures, menus, restrictions) lives in each
  process's own memory, tagged with the version it was built for, so reading it costs no round trip.

The version is read once per request (academy.pages.PageShellMiddleware remembers it for the request);
outside a request (commands, Celery) `pages_version()` reads it from the cache.
"""

import uuid
from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

from django.core.cache import cache
from django.db import transaction

VERSION_KEY = "pages-version"
# Process memory is bounded: past this many entries the process starts afresh (rebuilt on demand).
LOCAL_MAX_ENTRIES = 20_000

_request_version: ContextVar[str | None] = ContextVar("pages_version", default=None)
_local: dict[str, tuple[str, Any]] = {}


def pages_version() -> str:
    """The current content version: the request's (read once), else the cache's."""
    version = _request_version.get()
    if version is None:
        version = read_version_and([])[0]
    return version


def read_version_and(keys: list[str]) -> tuple[str, dict[str, Any]]:
    """The content version and the values of `keys`, in one cache round trip.

    A missing version (a new or flushed cache, or Redis down) becomes a new random token, so nothing
    built for an earlier version is ever taken for current."""
    found = cache.get_many([VERSION_KEY, *keys])
    version = found.pop(VERSION_KEY, None)
    if version is None:
        version = uuid.uuid4().hex
        cache.add(VERSION_KEY, version, None)
    return version, found


def use_version_for_request(version: str | None):
    """Remember the version for the rest of this request; returns the token to reset it with."""
    return _request_version.set(version)


def end_request(token) -> None:
    _request_version.reset(token)


def bump_pages_version(**kwargs) -> None:
    """Published content changed: everything cached for the current version is out of date.

    Bumped at once and again after the transaction commits: a request that read the data before the
    commit may have cached the old content under the first new version."""
    _set_new_version()
    transaction.on_commit(_set_new_version)


def _set_new_version() -> None:
    version = uuid.uuid4().hex
    cache.set(VERSION_KEY, version, None)
    if _request_version.get() is not None:
        _request_version.set(version)


def cached(key: str, build: Callable[[], Any]) -> Any:
    """The value for `key` at the current content version, built when this process does not have it."""
    version = pages_version()
    hit = _local.get(key)
    if hit is not None and hit[0] == version:
        return hit[1]
    value = build()
    if len(_local) >= LOCAL_MAX_ENTRIES:
        _local.clear()
    _local[key] = (version, value)
    return value


def clear_local() -> None:
    """Forget what this process built (tests that change content without publishing it)."""
    _local.clear()
