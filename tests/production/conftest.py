"""Tests of the production topology: real PostgreSQL, Redis and Celery workers.

`make test-production` starts PostgreSQL and Redis and runs this folder with DATABASE_URL (PostgreSQL),
REDIS_URL and CELERY_BROKER_URL set. Without them the tests that need the servers skip themselves
(`needs_services`), so `make test` stays embedded and fast.
"""

import os
import sys
import uuid
from pathlib import Path

import pytest
from django.conf import settings

# The helpers beside this file and scripts/services.py, whatever pytest's import mode.
sys.path[:0] = [str(Path(__file__).resolve().parent), str(Path(__file__).resolve().parents[2] / "scripts")]

from production_support import Worker  # noqa: E402


def pytest_collection_modifyitems(config, items):
    """Tests marked `postgres` (concurrency that SQLite cannot show) skip on SQLite, with the reason."""
    if settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        return
    skip = pytest.mark.skip(
        reason="needs PostgreSQL: concurrent transactions and row locks mean nothing on SQLite; "
        "runs in `make test-production`"
    )
    for item in items:
        if item.get_closest_marker("postgres"):
            item.add_marker(skip)


def flush_broker() -> None:
    """Nothing a test left on the queue (or took and never acknowledged) reaches the next test's workers."""
    import redis

    redis.Redis.from_url(os.environ["CELERY_BROKER_URL"]).flushdb()


@pytest.fixture(scope="module")
def worker(django_db_setup, tmp_path_factory):
    """One real Celery worker for the tests of a module (on the test database: committed data only)."""
    running = Worker("worker", tmp_path_factory.mktemp("worker")).start()
    yield running
    running.stop()
    flush_broker()


@pytest.fixture
def start_worker(transactional_db, tmp_path):
    """Starts real Celery workers for a test that kills them; stops what is left after the test."""
    workers: list[Worker] = []

    def start(name: str = "worker", **env: str) -> Worker:
        started = Worker(name, tmp_path, **env).start()
        workers.append(started)
        return started

    yield start
    for started in workers:
        started.stop()
    flush_broker()


@pytest.fixture
def runs(request):
    """The Redis database where the reliability task records its runs, and a key of this test's own."""
    from reliability_tasks import runs_store

    url = os.environ["REDIS_URL"].rsplit("/", 1)[0] + "/2"
    store = runs_store(url)
    key = f"{request.node.name}:{uuid.uuid4().hex[:8]}"
    yield url, key, store
    store.set(f"{key}:release", 1)  # a run still waiting ends
    for name in store.scan_iter(f"{key}:*"):
        store.delete(name)
