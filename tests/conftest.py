import pytest
from django.core.management import call_command


@pytest.fixture
def seeded(db):
    """The demo content as `make run` loads it."""
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


@pytest.fixture
def demo_accounts(db):
    """Only the demo organisations, accounts and home page: a second instead of the whole seed."""
    from accounts import demo as accounts_demo
    from home import demo as home_demo

    context = accounts_demo.seed(lambda *args: None, {})
    context.update(home_demo.seed(lambda *args: None, context))
    return context


@pytest.fixture
def dutch(settings):
    settings.LANGUAGE_CODE = "nl"


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: SQLite reuses ids after a rollback, so cache keys built
    from ids (pages, revisions) would otherwise leak between tests."""
    from django.core.cache import cache

    from academy.middleware import CachedSiteMiddleware

    clear_cache_keeping_measurements(cache)
    CachedSiteMiddleware.clear()
    yield
    clear_cache_keeping_measurements(cache)
    CachedSiteMiddleware.clear()


# Measurements keyed by content (not by ids) stay valid between tests and are expensive: whether an
# instrument sheet fits one A4 takes several WeasyPrint renders, and every seeded test needs 14 of them.
KEEP_ACROSS_TESTS = ("instrument-sheet-overflow:",)


def clear_cache_keeping_measurements(cache) -> None:
    from django.core.cache.backends.locmem import LocMemCache

    if not isinstance(cache, LocMemCache):  # Redis in `make test-production`: clear it all
        cache.clear()
        return
    store = cache._cache
    kept = {
        key: (value, cache._expire_info.get(key))
        for key, value in store.items()
        if any(p in key for p in KEEP_ACROSS_TESTS)
    }
    cache.clear()
    for key, (value, expires) in kept.items():
        store[key] = value
        cache._expire_info[key] = expires


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploads and generated files (PDFs, demo images) go to a temporary folder, not the checkout."""
    settings.MEDIA_ROOT = tmp_path / "media"
