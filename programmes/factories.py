"""Builders for programmes and groups in tests."""

from datetime import datetime, time, timedelta

from django.utils import timezone

from accounts.factories import UserFactory
from courses.models import CoursePage
from home.demo import ensure_home

from .models import GroupDeadline, LearningGroup, Meeting, ProgrammeCourse, ProgrammeIndexPage, ProgrammePage


def programme_index() -> ProgrammeIndexPage:
    index = ProgrammeIndexPage.objects.first()
    if index is None:
        index = ensure_home().add_child(instance=ProgrammeIndexPage(title="Leergangen", slug="leergangen"))
        index.save_revision().publish()
    return index


def build_programme(*, title: str = "Leergang", courses: list[CoursePage]) -> ProgrammePage:
    programme = ProgrammePage(
        title=title, intro="<p>Introductie</p>", audience="Professionals", duration="3 maanden"
    )
    for position, course in enumerate(courses):
        programme.programme_courses.add(ProgrammeCourse(course=course, sort_order=position))
    programme_index().add_child(instance=programme)
    programme.save_revision().publish()
    return ProgrammePage.objects.get(pk=programme.pk)


def build_group(
    *, programme=None, course=None, trainers=(), members=(), started_weeks_ago: int = 2, **fields
) -> LearningGroup:
    today = timezone.localdate()
    group = LearningGroup.objects.create(
        name=fields.pop("name", "Leergroep"),
        programme=programme,
        course=course,
        start_date=today - timedelta(weeks=started_weeks_ago),
        end_date=today + timedelta(weeks=10),
        **fields,
    )
    group.trainers.set(trainers)
    group.save()
    from .services import group_add_member

    for member in members:
        group_add_member(group=group, user=member)
    return group


def add_deadline(group: LearningGroup, course: CoursePage, week: int) -> GroupDeadline:
    return GroupDeadline.objects.create(group=group, course=course, week=week)


def add_meeting(group: LearningGroup, *, days_from_now: int = 7, **fields) -> Meeting:
    day = timezone.localdate() + timedelta(days=days_from_now)
    return Meeting.objects.create(
        group=group,
        title=fields.pop("title", "Bijeenkomst"),
        starts_at=timezone.make_aware(datetime.combine(day, time(10, 0))),
        **fields,
    )


def trainer_user(**fields):
    from django.contrib.auth.models import Group

    from accounts.roles import TRAINERS

    user = UserFactory(organisation=None, **fields)
    user.groups.add(Group.objects.get_or_create(name=TRAINERS)[0])
    return user
