"""Many requests at once on one professional's data, on PostgreSQL: what a double-click, a reloaded tab or
an impatient htmx form sends. Each request runs through the views in a thread of its own (its own database
connection), all released together; the outcome must be one row, graded once, and no 5xx.

Marked `postgres` (skipped on SQLite, which serialises every write). Not here: two trainers grading one
open answer at once, as manual grading does not exist yet.
"""

from __future__ import annotations

import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from accounts.factories import UserFactory

# Committed data: the threads have connections of their own.
pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def wagtail_tree(transactional_db):
    """What Wagtail's migrations create and the flush after a transactional test empties: its locale and
    root page. (`serialized_rollback` would bring them back, but collides with the content types that an
    earlier transactional test's flush has created anew.)"""
    from wagtail.models import Locale, Page

    locale, _created = Locale.objects.get_or_create(language_code="nl")
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))


def post_all_at_once(clients: list[Client], url: str, data=None, headers=None) -> list[int]:
    """POSTs `url` from every client in its own thread, released together; returns the statuses."""
    start = threading.Barrier(len(clients), timeout=60)
    statuses: list[int | str] = [0] * len(clients)

    def post(number: int, client: Client) -> None:
        try:
            start.wait()
            statuses[number] = client.post(url, data or {}, headers=headers or {}).status_code
        except Exception as exc:  # an exception in a view is a 500 for the professional
            statuses[number] = f"{type(exc).__name__}: {exc}"
        finally:
            connection.close()

    threads = [threading.Thread(target=post, args=pair) for pair in enumerate(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return statuses


def logged_in_clients(user, count: int) -> list[Client]:
    clients = []
    for _ in range(count):
        client = Client(raise_request_exception=True)
        client.force_login(user)
        clients.append(client)
    return clients


def server_errors(statuses) -> list:
    return [status for status in statuses if not isinstance(status, int) or status >= 500]


@pytest.fixture
def course():
    from courses.factories import build_course

    # Two lessons: completing one does not complete the course (no certificate to render in 50 threads).
    return build_course(title="Gelijktijdig", modules=1, lessons=2)


@pytest.fixture
def professional(course):
    from courses import services

    user = UserFactory(email="gelijktijdig@example.org")
    services.enrolment_create(user=user, course=course)
    return user


def test_50_completions_of_one_lesson_at_once_leave_one_progress_row(course, professional):
    from courses.factories import lessons_of
    from courses.models import ItemProgress

    lesson = lessons_of(course)[0]
    url = reverse("courses:complete", args=[lesson.pk])
    statuses = post_all_at_once(logged_in_clients(professional, 50), url)
    htmx = post_all_at_once(logged_in_clients(professional, 10), url, headers={"HX-Request": "true"})

    assert server_errors(statuses + htmx) == []
    assert set(statuses) == {302} and set(htmx) == {200}
    progress = ItemProgress.objects.filter(user=professional, item=lesson)
    assert progress.count() == 1
    assert progress.get().completed_at is not None


def test_20_submits_of_one_attempt_at_once_grade_it_once(course, professional):
    from courses.models import ItemProgress
    from modules import quiz_services
    from modules.factories import KIND_CYCLE, attempt_answers, build_quiz
    from modules.models import Attempt, ModulePage, QuestionKind, QuestionResponse

    # Graded by the server alone: an open question would wait for a trainer (issue 14), not pass or fail.
    automatic = [kind for kind in KIND_CYCLE if kind != QuestionKind.OPEN]
    quiz = build_quiz(
        module=ModulePage.objects.child_of(course).first(),
        questions=8,
        kinds=automatic,
        shuffle_options=False,
    )
    attempt = quiz_services.attempt_start(quiz=quiz, user=professional)
    answers = attempt_answers(attempt, right=True)
    url = quiz.attempt_url(attempt, "submit")

    statuses = post_all_at_once(logged_in_clients(professional, 20), url, answers)

    assert server_errors(statuses) == []
    assert set(statuses) <= {302, 303}
    attempts = Attempt.objects.filter(quiz=quiz, user=professional)
    assert attempts.count() == 1
    graded = attempts.get()
    assert graded.submitted_at is not None and graded.passed
    responses = QuestionResponse.objects.filter(attempt=graded)
    assert responses.count() == 8 and not responses.filter(
        fraction__isnull=True, question__kind="single_choice"
    )
    # Graded once: each response has its decisive options once, not once per request.
    through = QuestionResponse.chosen_options.through
    chosen = list(
        through.objects.filter(questionresponse__attempt=graded).values_list(
            "questionresponse_id", "option_id"
        )
    )
    assert len(chosen) == len(set(chosen))
    assert ItemProgress.objects.filter(user=professional, item=quiz, completed_at__isnull=False).count() == 1
