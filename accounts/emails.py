"""Membership e-mails: the decision on a request and a coordinator's invitation. Sent by the tasks in
tasks.py, once each (a timestamp is claimed before sending)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from .models import MembershipInvitation, MembershipRequest, User


def absolute(path: str) -> str:
    # The CMS's base URL: Wagtail's own e-mails use it too.
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _send(*, to: str, language: str, template: str, context: dict) -> None:
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body = render_to_string(f"{template}.txt", context)
    send_mail(subject, body, None, [to])


def _send_once(queryset, field: str, send) -> bool:
    """Claims `field` before sending, so a second run of the task sends nothing; gives it back on failure."""
    if not queryset.filter(**{f"{field}__isnull": True}).update(**{field: timezone.now()}):
        return False
    try:
        send()
    except Exception:
        queryset.update(**{field: None})
        raise
    return True


def membership_decision_mail_send(*, request_id: int) -> bool:
    queryset = MembershipRequest.objects.filter(pk=request_id).exclude(
        status=MembershipRequest.Status.PENDING
    )
    decided = queryset.select_related("user", "organisation").first()
    if decided is None:
        return False
    approved = decided.status == MembershipRequest.Status.APPROVED
    return _send_once(
        queryset,
        "decision_mail_sent_at",
        lambda: _send(
            to=decided.user.email,
            language=decided.user.preferred_language,
            template="accounts/emails/membership_decision",
            context={
                "recipient": decided.user,
                "organisation": decided.organisation,
                "approved": approved,
                "profile_url": absolute(reverse("accounts:profile")),
            },
        ),
    )


def membership_invitation_mail_send(*, invitation_id: int) -> bool:
    from .services import invitation_token

    queryset = MembershipInvitation.objects.filter(pk=invitation_id, accepted_at__isnull=True)
    invitation = queryset.select_related("organisation", "invited_by").first()
    if invitation is None:
        return False
    # Someone who already has an account reads it in their own language; anyone else in Dutch.
    account = User.objects.filter(email__iexact=invitation.email).first()
    token = invitation_token(invitation=invitation)
    return _send_once(
        queryset,
        "sent_at",
        lambda: _send(
            to=invitation.email,
            language=account.preferred_language if account else settings.LANGUAGE_CODE,
            template="accounts/emails/membership_invitation",
            context={
                "organisation": invitation.organisation,
                "invited_by": invitation.invited_by,
                "has_account": account is not None,
                "accept_url": absolute(reverse("accounts:membership_invitation", args=[token])),
            },
        ),
    )
