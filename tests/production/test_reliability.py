"""What happens when a part of the topology fails: Redis stopped, the broker gone, a worker killed."""

import os
import signal
import subprocess
import sys
import time

import pytest
from django.core.cache import cache
from django.db import transaction
from production_support import ROOT, broker, database_url_of_tests, needs_services, production_env, wait_for
from reliability_tasks import record_run
from services import RedisServer, free_port

from academy.tasks import enqueue

pytestmark = needs_services


def test_a_task_is_sent_only_when_the_transaction_commits_and_then_done_once(worker, transactional_db, runs):
    url, key, store = runs
    store.set(f"{key}:release", 1)

    with transaction.atomic():
        enqueue(record_run, url, key)
        assert broker().llen("celery") == 0, "sent before the commit"
    wait_for(lambda: store.get(f"{key}:effects") == "1", what="the worker to do the task")

    assert store.llen(f"{key}:starts") == 1


def test_a_rolled_back_transaction_sends_nothing(worker, transactional_db, runs):
    url, key, store = runs

    with pytest.raises(RuntimeError), transaction.atomic():
        enqueue(record_run, url, key)
        raise RuntimeError("the request failed")

    assert broker().llen("celery") == 0
    assert store.llen(f"{key}:starts") == 0


def test_a_task_whose_worker_process_dies_is_redelivered_and_done_once(worker, transactional_db, runs):
    url, key, store = runs
    enqueue(record_run, url, key)
    wait_for(lambda: store.llen(f"{key}:starts") == 1, what="the worker to start the task")
    pool_process = int(store.lindex(f"{key}:starts", 0).split("/")[1])

    # The pool process dies (out of memory, say); the worker itself lives on and, with
    # reject_on_worker_lost, puts the message back on the queue instead of dropping it.
    os.kill(pool_process, signal.SIGKILL)
    store.set(f"{key}:release", 1)
    wait_for(lambda: store.get(f"{key}:effects") == "1", what="the task to be done after the redelivery")

    starts = store.lrange(f"{key}:starts", 0, -1)
    assert len(starts) == 2
    assert starts[1].split("/")[1] != str(pool_process)


def test_work_is_done_in_process_when_the_broker_is_down(runs):
    url, key, store = runs
    store.set(f"{key}:release", 1)
    down = f"redis://127.0.0.1:{free_port()}"
    script = (
        "from academy.tasks import enqueue; from reliability_tasks import record_run; "
        f"enqueue(record_run, {url!r}, {key!r})"
    )

    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=ROOT,
        env=production_env(
            DATABASE_URL=database_url_of_tests(), REDIS_URL=f"{down}/0", CELERY_BROKER_URL=f"{down}/1"
        ),
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode == 0, result.stderr
    assert "broker unreachable" in result.stderr
    assert "running reliability_tasks.record_run in-process" in result.stderr
    assert store.get(f"{key}:effects") == "1"
    assert store.llen(f"{key}:starts") == 1


def test_pages_render_while_redis_is_stopped(seeded, client, django_user_model, settings, tmp_path):
    server = RedisServer(tmp_path / "redis", port=free_port(), password="cache", persistent=False, cwd=ROOT)
    server.start()
    settings.CACHES = {"default": {"BACKEND": "academy.cache.FailOpenRedisCache", "LOCATION": server.url(0)}}
    try:
        cache.set("probe", "stored")
        assert cache.get("probe") == "stored"
        with pytest.raises(ValueError):  # Django's contract holds while Redis is up
            cache.incr("never-stored")
        assert client.get("/").status_code == 200
    finally:
        server.stop()
    client.force_login(django_user_model.objects.get(email="deelnemer@example.org"))

    started = time.monotonic()
    for path in ("/", "/cursussen/", "/handelingsrepertoire/", "/mijn/"):
        assert client.get(path).status_code == 200, path
    health = client.get("/healthz/")

    assert time.monotonic() - started < 10
    assert cache.get("probe") is None
    assert cache.incr("probe") is None
    assert cache.get_or_set("pages-version", 1) == 1
    assert health.status_code == 503
    assert health.json()["checks"]["cache"].startswith("error")
    assert health.json()["checks"]["database"] == "ok"


def test_health_reports_postgresql_and_a_worker_that_answers(worker, transactional_db, client):
    response = client.get("/healthz/")

    assert response.status_code == 200, response.content
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok", "broker": "ok", "worker": "ok"},
        "database_vendor": "postgresql",
    }
