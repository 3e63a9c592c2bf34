"""Reads of programmes and groups. Every function answers in a fixed number of queries, whatever the
number of groups, members, courses or meetings (tests/programmes/test_queries.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.utils import timezone

from accounts import roles
from courses.models import CoursePage, Enrolment
from courses.selectors import LearnerRow, learner_rows

from .models import (
    Announcement,
    GroupDeadline,
    LearningGroup,
    Meeting,
    MeetingRegistration,
    ProgrammeCourse,
    ProgrammePage,
)

# --- Programmes (public pages) ---------------------------------------------------------------------


def _live_courses_prefetch() -> Prefetch:
    return Prefetch(
        "programme_courses",
        queryset=ProgrammeCourse.objects.filter(course__live=True)
        .select_related("course")
        .order_by("sort_order"),
    )


def programmes_for_index(*, index) -> list[ProgrammePage]:
    return list(
        ProgrammePage.objects.live()
        .child_of(index)
        .order_by("path")
        .prefetch_related(_live_courses_prefetch(), "success_factors")
    )


def programme_overview_for(*, programme: ProgrammePage) -> dict:
    links = ProgrammeCourse.objects.filter(programme=programme, course__live=True).select_related("course")
    return {
        "programme_courses": [link.course for link in links.order_by("sort_order")],
        "programme_factors": list(programme.success_factors.all()),
    }


# --- Groups: who may see what ---------------------------------------------------------------------------


def groups_with_courses():
    return LearningGroup.objects.select_related("programme", "course")


def may_manage(*, user, group: LearningGroup) -> bool:
    """Trainers of the group and administrators manage it (members, attendance, announcements)."""
    if roles.is_administrator(user):
        return True
    return group.trainers.filter(pk=user.pk).exists()


def group_for(*, user, group_id: int) -> tuple[LearningGroup, bool]:
    """The group as its member or trainer sees it, and whether this user manages it. Anyone else: 404."""
    group = groups_with_courses().filter(pk=group_id).first()
    if group is None or not user.is_authenticated:
        raise Http404
    if may_manage(user=user, group=group):
        return group, True
    if group.memberships.filter(user=user).exists():
        return group, False
    raise Http404


def groups_managed_by(*, user):
    groups = groups_with_courses()
    if roles.is_administrator(user):
        return groups
    return groups.filter(trainers=user)


def courses_of(group: LearningGroup) -> list[CoursePage]:
    """The group's courses in programme order (live ones only)."""
    if group.course_id:
        return [group.course] if group.course.live else []
    links = ProgrammeCourse.objects.filter(programme_id=group.programme_id, course__live=True)
    return [link.course for link in links.select_related("course").order_by("sort_order")]


def courses_of_groups(groups: list[LearningGroup]) -> dict[int, list[CoursePage]]:
    """Courses per group for many groups: one query."""
    programme_ids = {g.programme_id for g in groups if g.programme_id}
    by_programme: dict[int, list[CoursePage]] = {}
    links = (
        ProgrammeCourse.objects.filter(programme_id__in=programme_ids, course__live=True)
        .select_related("course")
        .order_by("sort_order")
    )
    for link in links if programme_ids else []:
        by_programme.setdefault(link.programme_id, []).append(link.course)
    return {
        g.pk: ([g.course] if g.course.live else []) if g.course_id else by_programme.get(g.programme_id, [])
        for g in groups
    }


# --- Deadlines ------------------------------------------------------------------------------------------


@dataclass
class DeadlineState:
    course: CoursePage
    week: int
    due: date
    done: bool

    @property
    def days_left(self) -> int:
        return (self.due - timezone.localdate()).days

    @property
    def late(self) -> bool:
        return not self.done and self.days_left < 0


def deadline_states(
    deadlines: list[GroupDeadline], *, start_date: date, completed_course_ids: set[int]
) -> list[DeadlineState]:
    return sorted(
        (
            DeadlineState(
                course=d.course,
                week=d.week,
                due=d.due_date_for(start_date),
                done=d.course_id in completed_course_ids,
            )
            for d in deadlines
        ),
        key=lambda state: state.due,
    )


# --- The member's view -------------------------------------------------------------------------------


@dataclass
class MeetingView:
    meeting: Meeting
    registered_count: int
    registered: bool
    attended: bool | None = None

    @property
    def is_past(self) -> bool:
        return self.meeting.starts_at <= timezone.now()

    @property
    def is_full(self) -> bool:
        return self.meeting.capacity is not None and self.registered_count >= self.meeting.capacity


@dataclass
class GroupView:
    group: LearningGroup
    courses: list[CoursePage] = field(default_factory=list)
    deadlines: list[DeadlineState] = field(default_factory=list)
    meetings: list[MeetingView] = field(default_factory=list)

    @property
    def upcoming_meetings(self) -> list[MeetingView]:
        return [m for m in self.meetings if not m.is_past]


def meeting_views(*, user, groups: list[LearningGroup]) -> dict[int, list[MeetingView]]:
    """Meetings per group with their registration count and this user's registration: two queries."""
    meetings = list(
        Meeting.objects.filter(group__in=groups)
        .annotate(registered_count=Count("registrations"))
        .order_by("starts_at")
    )
    own = {
        r.meeting_id: r
        for r in MeetingRegistration.objects.filter(user=user, meeting__in=[m.pk for m in meetings])
    }
    views: dict[int, list[MeetingView]] = {g.pk: [] for g in groups}
    for meeting in meetings:
        registration = own.get(meeting.pk)
        views[meeting.group_id].append(
            MeetingView(
                meeting=meeting,
                registered_count=meeting.registered_count,
                registered=registration is not None,
                attended=registration.attended if registration else None,
            )
        )
    return views


def member_group_views(*, user, groups: list[LearningGroup]) -> list[GroupView]:
    """What a member sees of their groups: courses, their deadlines and the meetings. Six queries."""
    if not groups:
        return []
    courses = courses_of_groups(groups)
    deadlines: dict[int, list[GroupDeadline]] = {}
    for deadline in GroupDeadline.objects.filter(group__in=groups).select_related("course"):
        deadlines.setdefault(deadline.group_id, []).append(deadline)
    completed = set(
        Enrolment.objects.filter(user=user, completed_at__isnull=False).values_list("course_id", flat=True)
    )
    meetings = meeting_views(user=user, groups=groups)
    return [
        GroupView(
            group=group,
            courses=courses[group.pk],
            deadlines=deadline_states(
                deadlines.get(group.pk, []), start_date=group.start_date, completed_course_ids=completed
            ),
            meetings=meetings[group.pk],
        )
        for group in groups
    ]


def member_groups(*, user) -> list[LearningGroup]:
    return list(
        groups_with_courses()
        .filter(memberships__user=user)
        .prefetch_related("trainers")
        .order_by("-start_date", "name")
    )


def dashboard_groups_for(*, user) -> dict | None:
    """The /mijn/ section: the member's groups. None (no section) for someone in no group."""
    groups = member_groups(user=user)
    if not groups:
        return None
    return {"group_views": member_group_views(user=user, groups=groups)}


def group_page_for(*, user, group: LearningGroup, manages: bool) -> dict:
    trainers = list(group.trainers.all())
    view = member_group_views(user=user, groups=[group])[0]
    return {
        "group": group,
        "group_view": view,
        "trainers": trainers,
        "manages": manages,
        "member_count": group.memberships.count(),
        "announcements": list(Announcement.objects.filter(group=group).select_related("author")[:20]),
    }


# --- The trainer's matrix ---------------------------------------------------------------------------


@dataclass
class MatrixCell:
    row: LearnerRow | None
    deadline: date | None

    @property
    def completed(self) -> bool:
        return bool(self.row and self.row.enrolment.completed_at)

    @property
    def percent(self) -> int:
        return self.row.percent if self.row else 0

    @property
    def late(self) -> bool:
        return self.deadline is not None and not self.completed and self.deadline < timezone.localdate()


@dataclass
class MatrixRow:
    member: object
    cells: list[MatrixCell]

    @property
    def late_count(self) -> int:
        return sum(cell.late for cell in self.cells)


def group_matrix_for(*, group: LearningGroup) -> dict:
    """Members × courses with progress and late items. Six queries for any number of members and courses."""
    courses = courses_of(group)
    members = list(group.members.select_related("organisation").order_by("last_name", "first_name", "email"))
    due = {
        d.course_id: d.due_date_for(group.start_date)
        for d in GroupDeadline.objects.filter(group=group).only("course_id", "week")
    }
    rows = (
        learner_rows(Enrolment.objects.filter(user__in=[m.pk for m in members], course__in=courses))
        if members and courses
        else []
    )
    by_key = {(row.enrolment.user_id, row.enrolment.course_id): row for row in rows}
    matrix = [
        MatrixRow(
            member=member,
            cells=[MatrixCell(row=by_key.get((member.pk, c.pk)), deadline=due.get(c.pk)) for c in courses],
        )
        for member in members
    ]
    return {
        "group": group,
        "courses": courses,
        "deadlines": [due.get(c.pk) for c in courses],
        "matrix": matrix,
    }


def meeting_attendance_for(*, meeting: Meeting) -> list[MeetingRegistration]:
    return list(
        MeetingRegistration.objects.filter(meeting=meeting)
        .select_related("user")
        .order_by("user__last_name", "user__first_name")
    )


# --- Calendar -----------------------------------------------------------------------------------------


@dataclass
class CalendarItem:
    uid: str
    title: str
    starts_at: datetime | date
    ends_at: datetime | date | None
    location: str = ""
    description: str = ""
    url: str = ""


def calendar_items_for(*, user) -> list[CalendarItem]:
    """Meetings and deadlines of the user's groups, as events for a calendar app."""
    groups = member_groups(user=user)
    items: list[CalendarItem] = []
    for view in member_group_views(user=user, groups=groups):
        for meeting_view in view.meetings:
            items.append(meeting_item(meeting_view.meeting, group=view.group))
        for deadline in view.deadlines:
            items.append(
                CalendarItem(
                    uid=f"deadline-{view.group.pk}-{deadline.course.pk}@academie-voor-samenwerken",
                    title=f"Deadline: {deadline.course.title}",
                    starts_at=deadline.due,
                    ends_at=None,
                    description=view.group.name,
                )
            )
    return items


def meeting_item(meeting: Meeting, *, group: LearningGroup) -> CalendarItem:
    location = ", ".join(part for part in (meeting.location, meeting.online_url) if part)
    return CalendarItem(
        uid=f"meeting-{meeting.pk}@academie-voor-samenwerken",
        title=f"{meeting.title} ({group.name})",
        starts_at=meeting.starts_at,
        ends_at=meeting.ends_at,
        location=location,
        description=meeting.description,
        url=meeting.online_url,
    )


def meeting_for(*, user, meeting_id: int) -> tuple[Meeting, bool]:
    """A meeting for a member or trainer of its group (else 404), and whether the user manages it."""
    meeting = Meeting.objects.select_related("group").filter(pk=meeting_id).first()
    if meeting is None:
        raise Http404
    group, manages = group_for(user=user, group_id=meeting.group_id)
    meeting.group = group
    return meeting, manages


def group_member_ids(*, group: LearningGroup) -> set[int]:
    return set(group.memberships.values_list("user_id", flat=True))


def open_groups():
    """Groups that have not ended: what a bulk enrolment may target."""
    return groups_with_courses().filter(Q(end_date__gte=timezone.localdate())).order_by("start_date", "name")
