"""Writes of notifications: tell a professional once per event, mark read, choose which kinds are mailed.

`notify` is the one way in for every app: it stores the notification (once per `event_key`), raises the
unread count in the same transaction and sends the e-mail with Celery after the commit.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import F
from django.db.models.functions import Greatest
from django.utils import timezone

from .models import Kind, MailOptOut, Notification


def notify(*, user_id: int, kind: str, subject: str, url: str = "", event_key: str) -> Notification | None:
    """Tells the user about an event; a second call for the same event changes nothing (returns None)."""
    try:
        with transaction.atomic():
            notification = Notification.objects.create(
                user_id=user_id, kind=kind, subject=subject[:300], url=url[:500], event_key=event_key[:200]
            )
            get_user_model().objects.filter(pk=user_id).update(
                unread_notifications=F("unread_notifications") + 1
            )
    except IntegrityError:
        return None
    from academy.tasks import enqueue

    from .tasks import notification_mail_task

    enqueue(notification_mail_task, notification.pk)
    return notification


def _mark_read(user, queryset) -> int:
    with transaction.atomic():
        count = queryset.filter(user=user, read_at__isnull=True).update(read_at=timezone.now())
        if count:
            get_user_model().objects.filter(pk=user.pk).update(
                unread_notifications=Greatest(F("unread_notifications") - count, 0)
            )
    user.unread_notifications = max(0, user.unread_notifications - count)
    return count


def notification_mark_read(*, user, notification: Notification) -> bool:
    return bool(_mark_read(user, Notification.objects.filter(pk=notification.pk)))


def notifications_mark_all_read(*, user) -> int:
    return _mark_read(user, Notification.objects.all())


def mail_preferences_save(*, user, mailed_kinds: Iterable[str]) -> None:
    """The kinds the professional wants by e-mail; the others are switched off."""
    wanted = set(mailed_kinds)
    off = [kind for kind in Kind.values if kind not in wanted]
    with transaction.atomic():
        MailOptOut.objects.filter(user=user).exclude(kind__in=off).delete()
        MailOptOut.objects.bulk_create(
            [MailOptOut(user=user, kind=kind) for kind in off], ignore_conflicts=True
        )


def mail_wanted(*, user_id: int, kind: str) -> bool:
    return not MailOptOut.objects.filter(user_id=user_id, kind=kind).exists()


def notification_mail_send(*, notification_id: int) -> bool:
    """Mails one notification, once, unless its kind is switched off. Returns whether a mail went out."""
    from django.conf import settings
    from django.core.mail import send_mail
    from django.template.loader import render_to_string
    from django.utils import translation

    notification = Notification.objects.select_related("user").filter(pk=notification_id).first()
    if notification is None or not mail_wanted(user_id=notification.user_id, kind=notification.kind):
        return False
    claimed = Notification.objects.filter(pk=notification_id, mailed_at__isnull=True).update(
        mailed_at=timezone.now()
    )
    if not claimed:
        return False
    user = notification.user
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    try:
        with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
            context = {
                "notification": notification,
                "user": user,
                "link": base + (notification.url or "/mijn/meldingen/"),
                "settings_link": base + "/mijn/meldingen/instellingen/",
            }
            subject = " ".join(render_to_string("notifications/emails/subject.txt", context).split())
            body = render_to_string("notifications/emails/body.txt", context)
        send_mail(subject, body, None, [user.email])
    except Exception:
        # Give the claim back so a retry sends it.
        Notification.objects.filter(pk=notification_id).update(mailed_at=None)
        raise
    return True
