"""Mails of learning groups: announcements to the members and invitations of new people. Sent by the
tasks in tasks.py, once each (a timestamp is claimed before sending, as accounts/emails.py does)."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse

from accounts.emails import _send, _send_once, absolute

from .models import Announcement, GroupInvitation


def announcement_mail_send(*, announcement_id: int) -> bool:
    queryset = Announcement.objects.filter(pk=announcement_id)
    announcement = queryset.select_related("group", "author").first()
    if announcement is None:
        return False
    group = announcement.group
    members = list(group.members.only("email", "preferred_language", "first_name", "last_name"))
    group_url = absolute(reverse("programmes:group", args=[group.pk]))

    def send_all():
        for member in members:
            _send(
                to=member.email,
                language=member.preferred_language,
                template="programmes/emails/announcement",
                context={"announcement": announcement, "group": group, "group_url": group_url},
            )

    return _send_once(queryset, "emailed_at", send_all)


def group_invitation_mail_send(*, invitation_id: int) -> bool:
    queryset = GroupInvitation.objects.filter(pk=invitation_id, accepted_at__isnull=True)
    invitation = queryset.select_related("group", "invited_by").first()
    if invitation is None:
        return False
    return _send_once(
        queryset,
        "sent_at",
        lambda: _send(
            to=invitation.email,
            language=settings.LANGUAGE_CODE,
            template="programmes/emails/group_invitation",
            context={
                "group": invitation.group,
                "invited_by": invitation.invited_by,
                "signup_url": absolute(reverse("account_signup")),
            },
        ),
    )
