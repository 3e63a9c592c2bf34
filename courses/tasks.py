"""Celery tasks of the journey: thin, by id, idempotent (a flag is claimed before the mail is sent)."""

from datetime import timedelta
from smtplib import SMTPException

from celery import shared_task
from django.db.models import Q
from django.utils import timezone

from academy.tasks import enqueue

from .certificates import certificate_issue
from .emails import absolute, send_templated_mail
from .models import Enrolment

RETRY = {
    "autoretry_for": (SMTPException, ConnectionError, TimeoutError),
    "retry_backoff": True,
    "max_retries": 5,
}
REMINDER_AFTER = timedelta(days=14)


def _claim(enrolment_id: int, field: str) -> bool:
    """Marks a mail as sent before sending it: a second run of the task finds it claimed."""
    return bool(
        Enrolment.objects.filter(pk=enrolment_id, **{f"{field}__isnull": True}).update(
            **{field: timezone.now()}
        )
    )


def _release(enrolment_id: int, field: str) -> None:
    Enrolment.objects.filter(pk=enrolment_id).update(**{field: None})


def _send_once(enrolment_id: int, field: str, send) -> None:
    if not _claim(enrolment_id, field):
        return
    try:
        send()
    except Exception:
        _release(enrolment_id, field)  # let the retry send it
        raise


@shared_task(**RETRY)
def send_enrolment_confirmation(enrolment_id: int) -> None:
    enrolment = Enrolment.objects.select_related("user", "course").filter(pk=enrolment_id).first()
    if enrolment is None:
        return
    _send_once(
        enrolment_id,
        "confirmation_sent_at",
        lambda: send_templated_mail(
            user=enrolment.user,
            template="courses/emails/enrolment",
            context={"course": enrolment.course, "course_url": absolute(enrolment.course.url)},
        ),
    )


@shared_task(**RETRY)
def complete_course(enrolment_id: int) -> None:
    """Issues the certificate (if the course offers one) and sends the congratulations with it."""
    enrolment = Enrolment.objects.select_related("user", "course").filter(pk=enrolment_id).first()
    if enrolment is None or not enrolment.completed_at:
        return
    certificate = certificate_issue(enrolment=enrolment)
    attachments = []
    if certificate and certificate.pdf:
        attachments.append((f"certificaat-{certificate.code}.pdf", certificate.pdf.read(), "application/pdf"))
    _send_once(
        enrolment_id,
        "completion_mail_sent_at",
        lambda: send_templated_mail(
            user=enrolment.user,
            template="courses/emails/completed",
            context={
                "course": enrolment.course,
                "certificate": certificate,
                "verification_url": absolute(certificate.get_absolute_url()) if certificate else "",
                "dashboard_url": absolute("/mijn/"),
            },
            attachments=attachments,
        ),
    )


@shared_task(**RETRY)
def send_inactivity_reminders() -> int:
    """Daily (Celery beat): professionals enrolled but inactive for 14 days get one reminder per 14 days."""
    now = timezone.now()
    due = (
        Enrolment.objects.filter(
            status=Enrolment.Status.ACTIVE, completed_at__isnull=True, user__reminders_enabled=True
        )
        .filter(
            Q(last_activity_at__lt=now - REMINDER_AFTER)
            | Q(last_activity_at__isnull=True, enrolled_at__lt=now - REMINDER_AFTER)
        )
        .filter(Q(reminder_sent_at__isnull=True) | Q(reminder_sent_at__lt=now - REMINDER_AFTER))
        .values_list("pk", flat=True)
    )
    due = list(due)
    for enrolment_id in due:
        enqueue(send_reminder, enrolment_id)
    return len(due)


@shared_task(**RETRY)
def send_reminder(enrolment_id: int) -> None:
    now = timezone.now()
    claimed = Enrolment.objects.filter(
        Q(reminder_sent_at__isnull=True) | Q(reminder_sent_at__lt=now - REMINDER_AFTER), pk=enrolment_id
    ).update(reminder_sent_at=now)
    if not claimed:
        return
    enrolment = Enrolment.objects.select_related("user", "course").get(pk=enrolment_id)
    send_templated_mail(
        user=enrolment.user,
        template="courses/emails/reminder",
        context={
            "course": enrolment.course,
            "continue_url": absolute(f"/mijn/cursus/{enrolment.course_id}/verder/"),
        },
    )
