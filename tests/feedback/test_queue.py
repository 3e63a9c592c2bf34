"""The trainer's queue: own courses only, oldest first, filters, the dashboard count, bounded queries."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from accounts.factories import UserFactory
from accounts.roles import ADMINISTRATORS
from courses import services as course_services
from courses.factories import lessons_of
from courses.models import JournalEntry
from feedback import selectors
from feedback.factories import reflections_ask_feedback
from modules.models import QuestionResponse

from .conftest import open_response, professional_in, submitted_attempt

pytestmark = pytest.mark.django_db

QUEUE = "/admin/te-beoordelen/"


def waiting_items(course, quiz, lesson, block_id, count: int, start: int = 0):
    """`count` professionals each with a reflection and an open answer waiting."""
    for n in range(start, start + count):
        user = professional_in(course, f"deelnemer{n}@example.org")
        course_services.journal_save(user=user, lesson=lesson, block_id=block_id, answer=f"Reflectie {n}")
        submitted_attempt(quiz, user, text=f"Open antwoord {n}")


def test_the_queue_lists_only_the_trainers_courses_oldest_first(
    client, trainers, course, other_course, quiz, lesson, block_id, professional
):
    course_services.journal_save(
        user=professional, lesson=lesson, block_id=block_id, answer="Oudste reflectie"
    )
    JournalEntry.objects.update(awaiting_feedback_since=timezone.now() - timedelta(days=2))
    submitted_attempt(quiz, professional, text="Nieuwer open antwoord")
    other_lesson = lessons_of(other_course)[0]
    other_block = reflections_ask_feedback(other_lesson)
    elsewhere = professional_in(other_course, "elders@example.org")
    course_services.journal_save(user=elsewhere, lesson=other_lesson, block_id=other_block, answer="Elders")

    client.force_login(trainers[0])
    html = client.get(QUEUE).content.decode()
    assert html.index("Oudste reflectie") < html.index("Nieuwer open antwoord")
    assert "Elders" not in html and "2 items wachten op feedback of een beoordeling." in html
    client.force_login(trainers[1])
    html = client.get(QUEUE).content.decode()
    assert "Elders" in html and "Oudste reflectie" not in html
    administrator = UserFactory(email="beheer@example.org")
    administrator.groups.add(Group.objects.get(name=ADMINISTRATORS))
    assert selectors.waiting_count(user=administrator) == 3


def test_filters_by_course_and_status(client, trainer, course, quiz, lesson, block_id, professional):
    course_services.journal_save(user=professional, lesson=lesson, block_id=block_id, answer="Reflectie A")
    attempt = submitted_attempt(quiz, professional, text="Antwoord B")
    from modules.manual_grading import GradeInput, response_grade

    response_grade(
        response=open_response(attempt), grader=trainer, grade=GradeInput(points=1), expected_graded_at=None
    )
    client.force_login(trainer)
    waiting = client.get(QUEUE, {"course": course.pk}).content.decode()
    assert "Reflectie A" in waiting and "Antwoord B" not in waiting
    done = client.get(QUEUE, {"status": "done", "course": course.pk}).content.decode()
    assert "Antwoord B" in done and "Reflectie A" not in done
    # Nonsense in the filters is ignored, never a 500.
    for params in ({"course": "abc"}, {"status": "<script>"}, {"p": "999999999999"}, {"course": "99999"}):
        assert client.get(QUEUE, params).status_code == 200


def test_the_admin_dashboard_shows_the_count(client, trainer, quiz, professional):
    submitted_attempt(quiz, professional)
    client.force_login(trainer)
    html = client.get("/admin/").content.decode()
    assert "Er wacht 1 item op je feedback of beoordeling." in html


def test_a_professional_has_no_queue(client, professional):
    client.force_login(professional)
    assert client.get(QUEUE).status_code == 302  # Wagtail sends them to the login


QUEUE_BUDGET = 22  # the admin page around it included; the queue itself: 7


def test_the_queue_takes_the_same_queries_for_2_and_42_items(client, trainer, course, quiz, lesson, block_id):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def measure() -> int:
        client.force_login(trainer)
        client.get(QUEUE)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(QUEUE).status_code == 200
        return len(captured)

    waiting_items(course, quiz, lesson, block_id, 1)
    small = measure()
    waiting_items(course, quiz, lesson, block_id, 20, start=1)
    assert QuestionResponse.objects.filter(awaiting_grading_since__isnull=False).count() == 21
    large = measure()
    assert small == large and large <= QUEUE_BUDGET


def test_the_queue_selector_itself_is_bounded(
    trainer, course, quiz, lesson, block_id, django_assert_num_queries
):
    waiting_items(course, quiz, lesson, block_id, 3)
    with django_assert_num_queries(7):
        page = selectors.queue_page(user=trainer)
    assert len(page.items) == 6 and page.total == 6
