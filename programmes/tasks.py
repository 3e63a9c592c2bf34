"""Celery tasks of learning groups: thin, by id, idempotent (emails.py claims each mail before sending)."""

from celery import shared_task

from accounts.tasks import RETRY

from .emails import announcement_mail_send, group_invitation_mail_send


@shared_task(**RETRY)
def send_announcement(announcement_id: int) -> bool:
    return announcement_mail_send(announcement_id=announcement_id)


@shared_task(**RETRY)
def send_group_invitation(invitation_id: int) -> bool:
    return group_invitation_mail_send(invitation_id=invitation_id)
