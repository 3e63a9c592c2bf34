"""A worker killed in the middle of a task: the task is done once, by another worker."""

import time

from production_support import broker, needs_services, wait_for
from reliability_tasks import record_run

from academy.tasks import enqueue

pytestmark = needs_services


def test_a_task_of_a_killed_worker_is_done_once_by_another_worker(start_worker, runs):
    url, key, store = runs
    first = start_worker("first")
    enqueue(record_run, url, key)
    wait_for(lambda: store.llen(f"{key}:starts") == 1, what="the first worker to start the task")
    taken = time.monotonic()

    first.kill()  # the task was taken, never acknowledged (acks_late)
    store.set(f"{key}:release", 1)
    # Redis hands an unacknowledged message out again after the visibility timeout (an hour in
    # production; one second here, so that the second worker takes it over at its start).
    time.sleep(max(0.0, taken + 1.2 - time.monotonic()))
    second = start_worker("second", CELERY_VISIBILITY_TIMEOUT="1")
    wait_for(lambda: store.get(f"{key}:effects") == "1", what="the second worker to finish the task")

    starts = store.lrange(f"{key}:starts", 0, -1)
    assert [start.split("/")[0] for start in starts] == [first.hostname, second.hostname]
    assert store.get(f"{key}:done") == second.hostname
    wait_for(lambda: broker().hlen("unacked") == 0, timeout=10, what="the acknowledgement")
    assert broker().llen("celery") == 0
