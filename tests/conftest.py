import pytest
from django.core.management import call_command


@pytest.fixture
def seeded(db):
    """The demo content as `make run` loads it."""
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


@pytest.fixture
def dutch(settings):
    settings.LANGUAGE_CODE = "nl"


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: SQLite reuses ids after a rollback, so cache keys built
    from ids (pages, revisions) would otherwise leak between tests."""
    from django.core.cache import cache

    from academy.middleware import CachedSiteMiddleware

    cache.clear()
    CachedSiteMiddleware.clear()
    yield
    cache.clear()
    CachedSiteMiddleware.clear()
