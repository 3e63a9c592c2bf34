"""Reads of notifications: a professional's list and which kinds they receive by e-mail."""

from __future__ import annotations

from django.shortcuts import get_object_or_404

from .models import Kind, MailOptOut, Notification

LIST_LENGTH = 100


def notifications_for(*, user) -> list[Notification]:
    """The newest notifications of the user: one query, however many there are."""
    return list(Notification.objects.filter(user=user).order_by("-created_at", "-pk")[:LIST_LENGTH])


def notification_get(*, user, notification_id: int) -> Notification:
    """The user's own notification; anyone else's is a 404."""
    return get_object_or_404(Notification, pk=notification_id, user=user)


def mailed_kinds_for(*, user) -> list[str]:
    off = set(MailOptOut.objects.filter(user=user).values_list("kind", flat=True))
    return [kind for kind in Kind.values if kind not in off]
