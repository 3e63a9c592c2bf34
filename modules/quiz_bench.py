"""The quiz statistics benchmark (called by `manage.py benchmark`): a quiz with 10,000 submitted attempts.

The quiz is built once in the benchmark database (20 questions of every type, attempts in bulk) and kept;
then the statistics are computed by `quiz_selectors.quiz_statistics` and served as the admin report.
"""

from __future__ import annotations

import statistics
import time

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from .factories import attempts_bulk_create, build_quiz
from .models import Attempt, ModulePage, QuizPage
from .quiz_selectors import quiz_statistics

BENCH_TITLE = "Benchmarktoets (statistieken)"
RUNS = 7


def bench_quiz(*, attempts: int) -> QuizPage | None:
    """The benchmark's quiz with `attempts` submitted attempts, built when missing."""
    quiz = QuizPage.objects.filter(title=BENCH_TITLE).first()
    if quiz is None:
        module = ModulePage.objects.order_by("-path").first()
        if module is None:
            return None
        quiz = build_quiz(module=module, title=BENCH_TITLE, questions=20)
    missing = attempts - Attempt.objects.filter(quiz=quiz, submitted_at__isnull=False).count()
    if missing > 0:
        attempts_bulk_create(quiz=quiz, count=missing, per_user=4, seed=attempts)
    return quiz


def _timed(function) -> float:
    started = time.perf_counter()
    function()
    return 1000 * (time.perf_counter() - started)


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def statistics_benchmark(*, attempts: int = 10_000, admin_email: str = "beheerder@example.org") -> str:
    """Median and p95 of the statistics (the selector, and the admin report page), with their queries."""
    built = time.perf_counter()
    quiz = bench_quiz(attempts=attempts)
    if quiz is None:
        return "no module to put the benchmark quiz in"
    built = time.perf_counter() - built
    with CaptureQueriesContext(connection) as queries:
        stats = quiz_statistics(quiz=quiz)
    selector_times = [_timed(lambda: quiz_statistics(quiz=quiz)) for _ in range(RUNS)]
    result = (
        f"{stats.attempts:,} attempts × {len(stats.questions)} questions: statistics median "
        f"{statistics.median(selector_times):.0f} ms, p95 {_p95(selector_times):.0f} ms, "
        f"{len(queries)} queries"
    )
    from accounts.models import User

    admin = User.objects.filter(email=admin_email).first()
    if admin is not None:
        client = Client()
        client.force_login(admin)
        url = f"/admin/toetsen/{quiz.pk}/statistieken/"
        client.get(url)
        page_times = [_timed(lambda: client.get(url)) for _ in range(RUNS)]
        result += (
            f"; admin report median {statistics.median(page_times):.0f} ms, p95 {_p95(page_times):.0f} ms"
        )
    if built > 1:
        result += f" (quiz built in {built:.0f} s)"
    return result
