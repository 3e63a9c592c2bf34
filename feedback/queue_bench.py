"""The grading queue benchmark (called by `manage.py benchmark`): 10,000 waiting items over 50 courses.

Built once in the benchmark database: 50 small courses (a lesson whose reflection asks for feedback, a
quiz with an open question), each with 100 reflections and 100 open answers waiting, in bulk inserts; one
trainer teaches all 50. Then the trainer's queue page (the first page, oldest first) is timed."""

from __future__ import annotations

import statistics
import time

from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import Client
from django.utils import timezone

BENCH_PREFIX = "Benchmark feedback"
TRAINER_EMAIL = "bench-trainer@example.org"
RUNS = 15


def _build(*, courses: int, per_course: int):
    from accounts.roles import TRAINERS
    from accounts.services import groups_ensure
    from courses.factories import build_course, lessons_of
    from courses.models import CoursePage, JournalEntry
    from modules.factories import build_quiz
    from modules.models import Attempt, ModulePage, QuestionKind, QuestionResponse

    from .factories import reflections_ask_feedback

    user_model = get_user_model()
    trainer, _created = user_model.objects.get_or_create(email=TRAINER_EMAIL, defaults={"password": "!"})
    trainer.groups.add(groups_ensure()[TRAINERS])
    existing = CoursePage.objects.filter(title__startswith=BENCH_PREFIX).count()
    now = timezone.now()
    for number in range(existing, courses):
        course = build_course(title=f"{BENCH_PREFIX} {number}", modules=1, lessons=1)
        course.trainers.add(trainer)
        course.save_revision().publish()
        lesson = lessons_of(course)[0]
        block_id = reflections_ask_feedback(lesson)
        quiz = build_quiz(
            module=ModulePage.objects.child_of(course).first(), questions=1, kinds=[QuestionKind.OPEN]
        )
        question = quiz.questions.get()
        with transaction.atomic():
            users = user_model.objects.bulk_create(
                [
                    user_model(email=f"bench-fb-{number}-{n}@example.org", password="!")  # noqa: S106
                    for n in range(per_course)
                ]
            )
            JournalEntry.objects.bulk_create(
                [
                    JournalEntry(
                        user=user,
                        lesson=lesson,
                        course=course,
                        block_id=block_id,
                        question="Wat neem je mee?",
                        answer=f"Reflectie {n} van een deelnemer over de startcondities.",
                        feedback_requested=True,
                        awaiting_feedback_since=now,
                    )
                    for n, user in enumerate(users)
                ]
            )
            attempts = Attempt.objects.bulk_create(
                [
                    Attempt(
                        quiz=quiz,
                        user=user,
                        number=1,
                        started_at=now,
                        submitted_at=now,
                        awaiting_grading=True,
                    )
                    for user in users
                ]
            )
            QuestionResponse.objects.bulk_create(
                [
                    QuestionResponse(
                        attempt=attempt,
                        question=question,
                        position=0,
                        answer={"text": "Een open antwoord over de oranje wereld."},
                        answered_at=now,
                        awaiting_grading_since=now,
                    )
                    for attempt in attempts
                ]
            )
    return trainer


def queue_benchmark(*, courses: int = 50, per_course: int = 100) -> str:
    """Median and p95 of the trainer's queue page over courses × 2 × per_course waiting items."""
    from . import selectors

    built = time.perf_counter()
    trainer = _build(courses=courses, per_course=per_course)
    built = time.perf_counter() - built
    waiting = selectors.waiting_count(user=trainer)
    client = Client()
    client.force_login(trainer)
    assert client.get("/admin/te-beoordelen/").status_code == 200  # noqa: S101
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        client.get("/admin/te-beoordelen/")
        times.append(1000 * (time.perf_counter() - started))
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    result = (
        f"{waiting:,} waiting items over {courses} courses: queue page median {statistics.median(times):.0f} ms, "
        f"p95 {p95:.0f} ms (queries: asserted in tests/feedback/test_queue.py)"
    )
    return result + (f" (built in {built:.0f} s)" if built > 1 else "")
