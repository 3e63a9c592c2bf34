"""Celery tasks of membership: thin, by id, idempotent (emails.py claims each mail before sending)."""

from smtplib import SMTPException

from celery import shared_task

from .emails import membership_decision_mail_send, membership_invitation_mail_send

RETRY = {
    "autoretry_for": (SMTPException, ConnectionError, TimeoutError),
    "retry_backoff": True,
    "max_retries": 5,
}


@shared_task(**RETRY)
def send_membership_decision(request_id: int) -> bool:
    return membership_decision_mail_send(request_id=request_id)


@shared_task(**RETRY)
def send_membership_invitation(invitation_id: int) -> bool:
    return membership_invitation_mail_send(invitation_id=invitation_id)
