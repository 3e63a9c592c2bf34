"""The group matrix and /mijn/ answer in a number of queries that does not grow with members, courses,
groups or meetings (asserted at two sizes)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.factories import UserFactory
from courses import services as journey
from courses.factories import build_course, lessons_of
from programmes.factories import add_deadline, add_meeting, build_group, build_programme, trainer_user
from programmes.models import MeetingRegistration

pytestmark = pytest.mark.django_db


def queries(client, url: str) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def grow_group(group, courses, members: int):
    for _n in range(members):
        user = UserFactory()
        from programmes.services import group_add_member

        group_add_member(group=group, user=user)
        journey.item_complete(user=user, item=lessons_of(courses[0])[0])


def test_group_matrix_queries_do_not_grow_with_members_or_courses(client):
    trainer = trainer_user()
    courses = [build_course(title=f"Cursus {n}", modules=1, lessons=2) for n in range(2)]
    programme = build_programme(courses=courses)
    group = build_group(programme=programme, trainers=[trainer])
    for course in courses:
        add_deadline(group, course, week=1)
    grow_group(group, courses, members=2)
    client.force_login(trainer)
    small = queries(client, f"/mijn/groepen/{group.pk}/voortgang/")
    more_courses = [build_course(title=f"Extra {n}", modules=2, lessons=2) for n in range(2)]
    for position, course in enumerate(more_courses, start=2):
        programme.programme_courses.create(course=course, sort_order=position)
        add_deadline(group, course, week=3)
    grow_group(group, courses, members=6)
    large = queries(client, f"/mijn/groepen/{group.pk}/voortgang/")
    assert large == small, (small, large)
    assert queries(client, f"/mijn/groepen/{group.pk}/voortgang.csv") <= large


def test_dashboard_queries_do_not_grow_with_groups_and_meetings(client):
    member = UserFactory()
    course = build_course(title="Cursus", modules=1, lessons=2)
    programme = build_programme(courses=[course])

    def join_groups(count):
        for n in range(count):
            group = build_group(programme=programme, members=[member], name=f"Groep {n}")
            add_deadline(group, course, week=2)
            for days in (-7, 3, 10):
                meeting = add_meeting(group, days_from_now=days)
                MeetingRegistration.objects.create(meeting=meeting, user=member)

    join_groups(1)
    client.force_login(member)
    small = queries(client, "/mijn/")
    join_groups(2)
    large = queries(client, "/mijn/")
    assert large == small, (small, large)
    assert "Groep 1" in client.get("/mijn/").content.decode()
    group_page = f"/mijn/groepen/{member.learning_groups.first().pk}/"
    assert queries(client, group_page) <= 20
