"""Personal data of learning groups (see accounts.privacy)."""

from .models import Announcement, CalendarFeed, GroupInvitation, GroupMembership, MeetingRegistration


def export(user) -> dict:
    return {
        "learning_groups": [
            {"group": m.group.name, "joined_at": m.joined_at.isoformat()}
            for m in GroupMembership.objects.filter(user=user).select_related("group")
        ],
        "meeting_registrations": [
            {
                "meeting": r.meeting.title,
                "starts_at": r.meeting.starts_at.isoformat(),
                "registered_at": r.registered_at.isoformat(),
                "attended": r.attended,
            }
            for r in MeetingRegistration.objects.filter(user=user).select_related("meeting")
        ],
        "calendar_feed": CalendarFeed.objects.filter(user=user).exists(),
    }


def erase(user) -> None:
    # Memberships, registrations and the feed go with the account (cascade); an announcement the user
    # wrote as trainer stays for the group, without its author.
    Announcement.objects.filter(author=user).update(author=None)
    GroupInvitation.objects.filter(email__iexact=user.email).delete()
