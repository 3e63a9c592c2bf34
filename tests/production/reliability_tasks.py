"""A task for the reliability tests, loaded by their Celery workers with `-I reliability_tasks`.

It records in Redis every time it starts (which worker process), waits until the test releases it,
then does its one effect at most once per key, however often it is delivered: the shape every real
task has (load by id, do the work only if it is not done yet).
"""

import os
import time

import redis
from celery import shared_task


def runs_store(url: str) -> redis.Redis:
    return redis.Redis.from_url(url, decode_responses=True)


@shared_task(bind=True)
def record_run(self, store_url: str, key: str) -> None:
    store = runs_store(store_url)
    store.rpush(f"{key}:starts", f"{self.request.hostname}/{os.getpid()}")
    deadline = time.monotonic() + 60
    while not store.exists(f"{key}:release") and time.monotonic() < deadline:
        time.sleep(0.05)
    if store.set(f"{key}:done", self.request.hostname or "in-process", nx=True):
        store.incr(f"{key}:effects")
