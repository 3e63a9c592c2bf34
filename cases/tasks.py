from smtplib import SMTPException

from celery import shared_task

from .services import case_decision_mail_send


@shared_task(autoretry_for=(SMTPException, OSError), retry_backoff=True, max_retries=5)
def case_decision_mail_task(submission_id: int) -> bool:
    return case_decision_mail_send(submission_id=submission_id)
