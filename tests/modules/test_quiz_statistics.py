"""Quiz statistics: aggregates by the database, the same numbers as computed by hand, bounded queries."""

import math
import random
import statistics

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.factories import UserFactory
from accounts.roles import TRAINERS
from accounts.services import groups_ensure
from modules.factories import attempts_bulk_create, build_quiz
from modules.models import Attempt, QuestionResponse
from modules.quiz_selectors import correlation, quiz_statistics, quizzes_for_statistics

pytestmark = pytest.mark.django_db


def test_correlation_from_sums_matches_pearson():
    rng = random.Random(7)
    xs = [rng.choice([0, 0.5, 1]) for _ in range(200)]
    ys = [x * 3 + rng.random() * 4 for x in xs]
    r = correlation(
        len(xs),
        sum(xs),
        sum(ys),
        sum(x * x for x in xs),
        sum(y * y for y in ys),
        sum(x * y for x, y in zip(xs, ys, strict=True)),
    )
    assert r == pytest.approx(statistics.correlation(xs, ys))


def test_correlation_is_undefined_without_variation():
    assert correlation(5, 5, 10, 5, 30, 10) is None  # every x is 1
    assert correlation(1, 1, 1, 1, 1, 1) is None


def by_hand(quiz):
    """Facility and discrimination computed in Python from the stored rows, to check the aggregates."""
    result = {}
    rows = QuestionResponse.objects.filter(attempt__quiz=quiz, fraction__isnull=False).values_list(
        "question_id", "fraction", "points_scored", "attempt__points_scored"
    )
    per_question = {}
    for question_id, fraction, points, total in rows:
        per_question.setdefault(question_id, []).append((fraction, total - points))
    for question_id, pairs in per_question.items():
        xs, ys = zip(*pairs, strict=True)
        facility = sum(xs) / len(xs)
        try:
            discrimination = statistics.correlation(xs, ys)
        except statistics.StatisticsError:
            discrimination = None
        result[question_id] = (facility, discrimination)
    return result


@pytest.fixture
def quiz_with_attempts(module):
    quiz = build_quiz(module=module, title="Statistiek", questions=8)
    attempts_bulk_create(quiz=quiz, count=60, seed=3)
    return quiz


def test_statistics_match_a_computation_by_hand(quiz_with_attempts):
    quiz = quiz_with_attempts
    stats = quiz_statistics(quiz=quiz)
    attempts = list(Attempt.objects.filter(quiz=quiz))
    assert stats.attempts == 60
    assert stats.mean_score == pytest.approx(statistics.mean(a.score for a in attempts))
    assert stats.passed == sum(a.passed for a in attempts)
    assert stats.pass_rate == pytest.approx(100 * stats.passed / 60)
    expected = by_hand(quiz)
    graded = [row for row in stats.questions if row.question.is_graded]
    assert len(graded) == 7
    for row in graded:
        facility, discrimination = expected[row.question.pk]
        assert row.facility == pytest.approx(facility)
        assert row.graded == 60
        if discrimination is None:
            assert row.discrimination is None
        else:
            assert row.discrimination == pytest.approx(discrimination, abs=1e-9)
    open_question = next(row for row in stats.questions if not row.question.is_graded)
    assert (open_question.facility, open_question.discrimination, open_question.options) == (None, None, [])


def test_option_counts(quiz_with_attempts):
    stats = quiz_statistics(quiz=quiz_with_attempts)
    single = next(row for row in stats.questions if row.question.kind == "single_choice")
    through = QuestionResponse.chosen_options.through.objects
    for option in single.options:
        assert option.times_chosen == through.filter(option=option.option).count()
    assert sum(o.times_chosen for o in single.options) == 60
    assert sum(o.share for o in single.options) == pytest.approx(1.0)
    assert [o.is_right for o in single.options] == [True, False, False]


def test_statistics_queries_do_not_grow_with_attempts(module):
    quiz = build_quiz(module=module, title="Groei", questions=8)
    attempts_bulk_create(quiz=quiz, count=10, seed=1)
    with CaptureQueriesContext(connection) as small:
        quiz_statistics(quiz=quiz)
    attempts_bulk_create(quiz=quiz, count=200, seed=2)
    with CaptureQueriesContext(connection) as large:
        stats = quiz_statistics(quiz=quiz)
    assert stats.attempts == 210
    assert len(small) == len(large) <= 6


def test_a_question_that_misleads_is_flagged(module):
    quiz = build_quiz(module=module, title="Misleidend", questions=3, kinds=["single_choice"])
    attempts_bulk_create(quiz=quiz, count=40, seed=5)
    question = quiz.questions.first()
    # Flip the first question: the best professionals now get it wrong.
    for response in QuestionResponse.objects.filter(question=question).select_related("attempt"):
        rest = response.attempt.points_scored - response.points_scored
        response.fraction = response.points_scored = 0.0 if rest >= 1 else 1.0
        response.save()
        Attempt.objects.filter(pk=response.attempt_id).update(points_scored=rest + response.points_scored)
    row = next(r for r in quiz_statistics(quiz=quiz).questions if r.question == question)
    assert row.discrimination < 0 and row.verdict == "misleading"


# --- In the admin ----------------------------------------------------------------------------------


@pytest.fixture
def trainer(course):
    user = UserFactory(email="trainer@example.org")
    user.groups.add(groups_ensure()[TRAINERS])
    course.trainers.add(user)
    course.save()  # a parental many-to-many is written when the page is saved
    return user


@pytest.fixture
def other_trainer(db):
    user = UserFactory(email="andere-trainer@example.org")
    user.groups.add(groups_ensure()[TRAINERS])
    return user


def test_trainer_sees_statistics_of_own_course_and_csv(client, trainer, quiz_with_attempts):
    quiz = quiz_with_attempts
    client.force_login(trainer)
    html = client.get(f"/admin/toetsen/{quiz.pk}/statistieken/").content.decode()
    assert "Statistieken van Statistiek" in html
    assert "p-waarde" in html and "Discriminatie-index" in html
    response = client.get(f"/admin/toetsen/{quiz.pk}/statistieken/?format=csv")
    assert response["Content-Type"].startswith("text/csv")
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0] == "Pogingen;Gemiddelde score (%);Geslaagd (%)"
    assert lines[1].startswith("60;")
    assert any(line.startswith("Vraag 1;Eén juist antwoord;60;") for line in lines)
    assert "Statistiek" in client.get("/admin/toetsen/").content.decode()


def test_other_trainer_and_professional_get_no_statistics(client, other_trainer, professional, quiz):
    client.force_login(other_trainer)
    response = client.get(f"/admin/toetsen/{quiz.pk}/statistieken/")
    assert response.status_code == 403
    assert "cursussen die je zelf geeft" in response.content.decode()
    assert client.get(f"/admin/toetsen/{quiz.pk}/statistieken/?format=csv").status_code == 403
    assert quiz.title not in client.get("/admin/toetsen/").content.decode()
    client.force_login(professional)
    assert client.get(f"/admin/toetsen/{quiz.pk}/statistieken/").status_code in (302, 403)


def test_administrator_sees_every_quiz(admin_user, quiz):
    assert [row.quiz for row in quizzes_for_statistics(user=admin_user)] == [quiz]


def test_statistics_index_queries_do_not_grow_with_quizzes(client, trainer, module, quiz):
    client.force_login(trainer)
    client.get("/admin/toetsen/")
    with CaptureQueriesContext(connection) as small:
        client.get("/admin/toetsen/")
    for n in range(3):
        build_quiz(module=module, title=f"Extra {n}", questions=1)
    with CaptureQueriesContext(connection) as large:
        client.get("/admin/toetsen/")
    assert len(large) == len(small)


def test_attempts_are_built_in_bulk_for_the_benchmark(module):
    """The benchmark's builder (it makes 10,000): bulk inserts, not a query per attempt or answer."""
    quiz = build_quiz(module=module, title="Benchmark", questions=20)
    with CaptureQueriesContext(connection) as inserts:
        attempts_bulk_create(quiz=quiz, count=1_000, per_user=4, seed=11)
    assert len(inserts) < 500  # 1,000 attempts with 20,000 answers (SQLite allows 999 values a query)
    stats = quiz_statistics(quiz=quiz)
    assert stats.attempts == 1_000
    assert all(math.isfinite(row.facility) for row in stats.questions if row.question.is_graded)


def test_benchmark_entry_point_builds_once_and_reports(module, admin_user):
    from modules.quiz_bench import statistics_benchmark

    first = statistics_benchmark(attempts=30, admin_email=admin_user.email)
    assert first.startswith("30 attempts × 20 questions: statistics median") and "admin report" in first
    assert statistics_benchmark(attempts=30).startswith("30 attempts")
    assert Attempt.objects.count() == 30
