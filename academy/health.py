"""Readiness checks for /healthz/: each returns "ok" (or a mode such as "eager") or raises."""

import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection


def check_database() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return "ok"


def check_cache() -> str:
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "1", timeout=5)
    if cache.get(key) != "1" and settings.REDIS_URL:
        raise RuntimeError("cache did not return what was stored")
    cache.delete(key)
    return "ok"


def check_broker() -> str:
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return "eager"
    from academy.celery import app

    with app.connection_for_write() as conn:
        # One quick retry: /healthz/ answers a load balancer, it must not hang on a vanished broker.
        conn.ensure_connection(max_retries=1, interval_start=0, interval_step=0.5, timeout=2)
    return "ok"


def check_worker() -> str:
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return "eager"
    from academy.celery import app

    replies = app.control.ping(timeout=1.0)
    if not replies:
        raise RuntimeError("no worker answered")
    return "ok"


CHECKS = {
    "database": check_database,
    "cache": check_cache,
    "broker": check_broker,
    "worker": check_worker,
}


def run_checks() -> tuple[bool, dict[str, str]]:
    results: dict[str, str] = {}
    healthy = True
    for name, check in CHECKS.items():
        try:
            results[name] = check()
        except Exception as exc:  # a health check reports every failure rather than raising
            results[name] = f"error: {exc.__class__.__name__}"
            healthy = False
    return healthy, results
