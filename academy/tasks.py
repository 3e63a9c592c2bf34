"""The one way to enqueue a Celery task: `enqueue(task, *args, **kwargs)`.

    from academy.tasks import enqueue
    from courses.tasks import send_enrolment_confirmation

    enqueue(send_enrolment_confirmation, enrolment_id=enrolment.pk)

- The task is sent only after the current transaction commits (`transaction.on_commit`), so a worker
  never loads a row that is not there yet, and a rolled-back request sends nothing. Outside a
  transaction it is sent at once.
- If the broker cannot be reached (Redis down, a network error), the work is not lost: the task runs
  in this process instead, at once, and a warning is logged. Tasks must therefore be idempotent and
  quick enough to run inside a web request now and then.
- In the embedded mode (no broker configured) Celery runs tasks eagerly; `enqueue` is still the way in.

Pass ids and plain values, never model instances: the task loads what it needs by id.
"""

import logging
from functools import partial

from celery import Task
from django.db import transaction
from kombu.exceptions import OperationalError as BrokerError

logger = logging.getLogger(__name__)

# Fail over quickly: a web request waits for this before doing the work itself.
PUBLISH_RETRY_POLICY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.5}


def enqueue(task: Task, *args, **kwargs) -> None:
    """Sends `task` with these arguments once the transaction commits; runs it here if the broker is down."""
    transaction.on_commit(partial(_send, task, args, kwargs), robust=True)


def _send(task: Task, args: tuple, kwargs: dict) -> None:
    try:
        task.apply_async(args=args, kwargs=kwargs, retry=True, retry_policy=PUBLISH_RETRY_POLICY)
    except (BrokerError, OSError) as exc:
        logger.warning("broker unreachable (%s): running %s in-process", exc, task.name)
        result = task.apply(args=args, kwargs=kwargs)
        if result.failed():
            logger.error("%s failed in-process: %r", task.name, result.result)
