from smtplib import SMTPException

from celery import shared_task

from .services import notification_mail_send


@shared_task(autoretry_for=(SMTPException, OSError), retry_backoff=True, max_retries=5)
def notification_mail_task(notification_id: int) -> bool:
    return notification_mail_send(notification_id=notification_id)
