"""Celery tasks of the collaboration scan: thin, by id, idempotent."""

from smtplib import SMTPException

from celery import shared_task

from .emails import invitation_mail_send
from .services import rounds_close_due

RETRY = {
    "autoretry_for": (SMTPException, ConnectionError, TimeoutError),
    "retry_backoff": True,
    "max_retries": 5,
}


@shared_task(**RETRY)
def send_invitation(invitation_id: int) -> bool:
    return invitation_mail_send(invitation_id=invitation_id)


@shared_task
def close_due_rounds() -> int:
    return rounds_close_due()
