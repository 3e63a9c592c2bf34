from smtplib import SMTPException

from celery import shared_task

from .round_services import respondent_invitation_send


@shared_task(autoretry_for=(SMTPException, OSError), retry_backoff=True, max_retries=5)
def respondent_invitation_task(respondent_id: int) -> bool:
    return respondent_invitation_send(respondent_id=respondent_id)
