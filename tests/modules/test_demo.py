"""Demo quizzes: one per module, Dutch, mixed types, one from a GIFT file, attempts of the demo professional."""

import pytest
from wagtail.models import Page

from accounts.factories import UserFactory
from courses.factories import build_course, course_index
from modules import demo
from modules.gift import parse_gift
from modules.manual_grading import GradeInput, response_grade
from modules.models import Attempt, ModulePage, Question, QuizPage
from modules.quiz_selectors import quiz_statistics

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_context(db):
    index = course_index()
    course = build_course(title="Startcondities voor samenwerking", modules=2, lessons=1, index=index)
    first, _second = ModulePage.objects.child_of(course).order_by("path")
    first.slug = demo.ATTEMPTS_MODULE
    first.save_revision().publish()
    professional = UserFactory(email=demo.DEMO_PROFESSIONAL)
    trainer = UserFactory(email=demo.DEMO_TRAINER)
    return {
        "course_index": index,
        "home": index.get_parent(),
        "courses": {course.slug: course},
        "users": {demo.DEMO_PROFESSIONAL: professional, demo.DEMO_TRAINER: trainer},
    }


def counts():
    return (Page.objects.count(), Question.objects.count(), Attempt.objects.count())


def test_every_module_ends_with_a_quiz_and_seeding_twice_changes_nothing(demo_context):
    lines = []
    result = demo.seed(lines.append, demo_context)
    assert len(result["quizzes"]) == 2
    for module in ModulePage.objects.all():
        last = module.get_children().last().specific
        assert isinstance(last, QuizPage) and last.live
        questions = Question.objects.filter(quiz=last)
        assert questions.count() >= 5
        assert len(set(questions.values_list("kind", flat=True))) >= 4
    before = counts()
    demo.seed(lines.append, demo_context)
    assert counts() == before
    assert lines[-1] == "quizzes: 2 demo quizzes (0 new), 0 new demo attempts"


def test_a_trainers_own_course_gets_no_demo_quiz(demo_context):
    own = build_course(title="Eigen cursus van een trainer", modules=2, lessons=1)
    demo.seed(lambda line: None, demo_context)
    assert not QuizPage.objects.descendant_of(own).exists()


def test_one_quiz_comes_from_the_dutch_gift_file(demo_context):
    quizzes = demo.seed(lambda line: None, demo_context)["quizzes"]
    quiz = quizzes[demo.ATTEMPTS_MODULE]
    gift = parse_gift((demo.DEMO_DATA / "twee-werelden-van-samenwerken.gift").read_text(encoding="utf-8"))
    names = [q.name for q in gift if q.kind != "description"]
    assert list(Question.objects.filter(quiz=quiz).values_list("name", flat=True)) == names
    quiz.refresh_from_db()
    assert "blauwe en de oranje wereld" in quiz.intro  # the file's description became text


def test_demo_professional_has_a_failed_and_a_passed_attempt(demo_context):
    quiz = demo.seed(lambda line: None, demo_context)["quizzes"][demo.ATTEMPTS_MODULE]
    attempts = list(Attempt.objects.filter(quiz=quiz).order_by("number"))
    assert [a.passed for a in attempts] == [False, True]
    assert attempts[1].score == 100.0 and 0 < attempts[0].score < quiz.passing_score
    stats = quiz_statistics(quiz=quiz)
    assert stats.attempts == 2 and stats.pass_rate == 50


@pytest.mark.parametrize("slug", sorted(demo.QUIZZES))
def test_written_demo_quizzes_are_valid(module, slug):
    """Each quiz of the demo courses has 5+ questions of 3+ types that a professional can answer right."""
    from modules.factories import attempt_answers
    from modules.quiz_services import attempt_start, attempt_submit

    spec = demo.QUIZZES[slug]
    module.slug = slug
    module.save()
    quiz, created = demo.ensure_quiz(module, spec)
    assert created
    questions = list(Question.objects.filter(quiz=quiz))
    assert len(questions) >= 5 and len({q.kind for q in questions}) >= 3
    user = UserFactory()
    quiz.questions_per_attempt = None
    attempt = attempt_start(quiz=quiz, user=user)
    attempt = attempt_submit(attempt=attempt, quiz=quiz, user=user, data=attempt_answers(attempt))
    for response in attempt.responses.filter(awaiting_grading_since__isnull=False).select_related("question"):
        grade = GradeInput(points=response.question.points)
        response_grade(response=response, grader=user, grade=grade, expected_graded_at=None)
    attempt.refresh_from_db()
    assert attempt.score == 100.0
