"""Writes of groups and meetings. Each rule is checked here, whatever the page showed."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from academy.tasks import enqueue
from courses.services import JourneyError, enrolment_create

from .models import (
    Announcement,
    CalendarFeed,
    GroupInvitation,
    GroupMembership,
    LearningGroup,
    Meeting,
    MeetingRegistration,
    new_feed_token,
)
from .selectors import courses_of, may_manage


class GroupError(Exception):
    """A request the rules do not allow; the message is shown as it is."""


def group_add_member(*, group: LearningGroup, user) -> bool:
    """Adds a member and enrols them in the group's courses. False if they were a member already.

    A course whose prerequisites the member has not completed yet is left: they enrol when they get there."""
    if group.memberships.filter(user=user).exists():
        return False
    if group.capacity is not None and group.memberships.count() >= group.capacity:
        raise GroupError(_("The group “%(group)s” is full.") % {"group": group.name})
    try:
        with transaction.atomic():
            GroupMembership.objects.create(group=group, user=user)
    except IntegrityError:
        return False
    for course in courses_of(group):
        try:
            enrolment_create(user=user, course=course)
        except JourneyError:
            continue
    return True


def meeting_register(*, user, meeting: Meeting) -> MeetingRegistration:
    if not meeting.group.memberships.filter(user=user).exists():
        raise GroupError(_("Only members of the group can register for its meetings."))
    if meeting.starts_at <= timezone.now():
        raise GroupError(_("This meeting has already taken place."))
    with transaction.atomic():
        # Locks the meeting's row where the database can, so two last registrations cannot both fit.
        Meeting.objects.select_for_update().filter(pk=meeting.pk).first()
        existing = MeetingRegistration.objects.filter(meeting=meeting, user=user).first()
        if existing is not None:
            return existing
        if meeting.capacity is not None and meeting.registrations.count() >= meeting.capacity:
            raise GroupError(_("This meeting is full."))
        return MeetingRegistration.objects.create(meeting=meeting, user=user)


def meeting_unregister(*, user, meeting: Meeting) -> None:
    if meeting.starts_at <= timezone.now():
        raise GroupError(_("This meeting has already taken place."))
    MeetingRegistration.objects.filter(meeting=meeting, user=user).delete()


def attendance_record(*, trainer, meeting: Meeting, present_user_ids: set[int]) -> int:
    """Records who attended among the registered members; everyone else registered was absent."""
    if not may_manage(user=trainer, group=meeting.group):
        raise PermissionDenied
    registrations = MeetingRegistration.objects.filter(meeting=meeting)
    registrations.filter(user_id__in=present_user_ids).update(attended=True)
    registrations.exclude(user_id__in=present_user_ids).update(attended=False)
    return registrations.filter(attended=True).count()


def announcement_post(*, author, group: LearningGroup, title: str, body: str) -> Announcement:
    if not may_manage(user=author, group=group):
        raise PermissionDenied
    title, body = title.strip(), body.strip()
    if not title or not body:
        raise GroupError(_("Write a title and a message."))
    announcement = Announcement.objects.create(
        group=group, author=author, title=title[:200], body=body[:5000]
    )
    from .tasks import send_announcement

    enqueue(send_announcement, announcement.pk)
    return announcement


def calendar_feed_for(*, user) -> CalendarFeed:
    feed, _created = CalendarFeed.objects.get_or_create(user=user)
    return feed


def calendar_feed_regenerate(*, user) -> CalendarFeed:
    """A new secret address: the old one answers 404 from now on."""
    feed = calendar_feed_for(user=user)
    feed.token = new_feed_token()
    feed.save(update_fields=["token"])
    return feed


def group_invite(*, group: LearningGroup, email: str, invited_by) -> GroupInvitation:
    invitation, created = GroupInvitation.objects.get_or_create(
        group=group, email=email.lower(), defaults={"invited_by": invited_by}
    )
    if created:
        from .tasks import send_group_invitation

        enqueue(send_group_invitation, invitation.pk)
    return invitation


def invitations_accept_for_email(*, user, email: str) -> int:
    """Adds a user who confirmed this address to every group it was invited to."""
    accepted = 0
    for invitation in GroupInvitation.objects.filter(
        email__iexact=email, accepted_at__isnull=True
    ).select_related("group"):
        try:
            group_add_member(group=invitation.group, user=user)
        except GroupError:
            continue
        GroupInvitation.objects.filter(pk=invitation.pk).update(accepted_at=timezone.now())
        accepted += 1
    return accepted
