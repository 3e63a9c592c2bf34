"""Bounded work per request: query counts do not grow with courses, lessons, learners or answers."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.factories import UserFactory
from courses import services
from courses.factories import build_course, course_index, lessons_of

pytestmark = pytest.mark.django_db

MAX_QUERIES = 10


def queries(client, url: str) -> int:
    client.get(url)  # warm caches (site root paths, rendered lesson bodies) as in normal traffic
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def progress(user, course, done: int):
    services.enrolment_create(user=user, course=course)
    for lesson in lessons_of(course)[:done]:
        services.item_complete(user=user, item=lesson)
    block = next(b for b in lessons_of(course)[0].body if b.block_type == "reflection")
    services.journal_save(user=user, lesson=lessons_of(course)[0], block_id=block.id, answer="Antwoord")


def grow(user, courses: int, start: int = 0):
    for n in range(start, start + courses):
        course = build_course(title=f"Cursus {n}", modules=2, lessons=3)
        progress(user, course, done=2)
        for other in range(2):
            progress(UserFactory(), course, done=other + 1)


def test_catalogue_and_dashboard_queries_do_not_grow(client):
    user = UserFactory()
    client.force_login(user)
    grow(user, courses=1)
    index_url = course_index().url
    small = (queries(client, index_url), queries(client, "/mijn/"))
    grow(user, courses=4, start=1)
    large = (queries(client, index_url), queries(client, "/mijn/"))
    assert small == large
    assert max(large) <= MAX_QUERIES


def test_course_and_lesson_page_queries_do_not_grow(client):
    user = UserFactory()
    client.force_login(user)
    small_course = build_course(title="Klein", modules=1, lessons=2)
    large_course = build_course(title="Groot", modules=4, lessons=6)
    progress(user, small_course, done=1)
    progress(user, large_course, done=10)
    for other in range(5):
        progress(UserFactory(), large_course, done=other)
    small = (queries(client, small_course.url), queries(client, lessons_of(small_course)[1].url))
    large = (queries(client, large_course.url), queries(client, lessons_of(large_course)[11].url))
    assert small == large
    assert large[1] <= MAX_QUERIES, "a logged-in lesson page stays within 10 queries"
    # What it actually needs: the session, the user, and their enrolment, progress and answers in one query.
    assert large[1] == 3


def test_trainer_report_queries_do_not_grow(admin_client):
    course = build_course(title="Rapport", modules=1, lessons=3)
    for n in range(2):
        progress(UserFactory(), course, done=n)
    small = queries(admin_client, f"/admin/voortgang/{course.pk}/")
    for n in range(8):
        progress(UserFactory(), course, done=n % 3)
    assert queries(admin_client, f"/admin/voortgang/{course.pk}/") == small
