"""The journey's e-mails, each in the professional's own language with a link to stop reminders."""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from academy.site_url import public_url

REMINDER_SALT = "courses.reminders-off"


def absolute(path: str) -> str:
    return public_url(path)


def reminders_off_url(user) -> str:
    token = signing.dumps(user.pk, salt=REMINDER_SALT)
    return absolute(reverse("courses:reminders_off", args=[token]))


def send_templated_mail(*, user, template: str, context: dict, attachments: list[tuple] = ()) -> None:
    """Renders `<template>_subject.txt` and `<template>.txt` in the user's language and sends them."""
    with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
        context = {**context, "user": user, "reminders_off_url": reminders_off_url(user)}
        subject = render_to_string(f"{template}_subject.txt", context).strip()
        body = render_to_string(f"{template}.txt", context)
    message = EmailMultiAlternatives(subject=subject, body=body, to=[user.email])
    for attachment in attachments:
        message.attach(*attachment)
    message.send()
