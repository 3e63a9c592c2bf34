"""The rules of an attempt, on the server: drawing, saving, submitting once, deadline, attempts limit."""

from datetime import timedelta

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.factories import UserFactory
from courses.models import ItemProgress
from modules import quiz_services as services
from modules.factories import add_question, build_quiz
from modules.manual_grading import GradeInput, response_grade
from modules.models import Attempt, Question, QuestionResponse
from modules.signals import quiz_passed

pytestmark = pytest.mark.django_db


def form(**values) -> QueryDict:
    data = QueryDict(mutable=True)
    for key, value in values.items():
        data.setlist(key, value if isinstance(value, list) else [value])
    return data


def responses(attempt) -> list[QuestionResponse]:
    return list(attempt.responses.select_related("question").prefetch_related("question__options"))


def option_ids(response, **credit) -> list[str]:
    options = response.question.options.all()
    if "credit" in credit:
        options = [o for o in options if o.credit == credit["credit"]]
    return [str(o.uuid) for o in options]


def right_answers(attempt) -> QueryDict:
    """The form a professional who knows everything would post."""
    data = QueryDict(mutable=True)
    for response in responses(attempt):
        question, name = response.question, services.field_name(response.question)
        options = list(question.options.all())
        if question.kind in ("single_choice", "true_false"):
            data[name] = next(str(o.uuid) for o in options if o.credit == 100)
        elif question.kind == "multiple_response":
            data.setlist(name, [str(o.uuid) for o in options if o.credit > 0])
        elif question.kind == "short_answer":
            data[name] = "Startcondities"
        elif question.kind == "numeric":
            data[name] = "8"
        elif question.kind == "matching":
            for option in options:
                if option.text:
                    data[f"{name}-{option.uuid}"] = str(response.match_order.index(str(option.uuid)) + 1)
        elif question.kind == "ordering":
            for place, option in enumerate(options, start=1):
                data[f"{name}-{option.uuid}"] = str(place)
        elif question.kind == "open":
            data[name] = "Een reflectie."
    return data


def start(quiz, user, **kwargs):
    return services.attempt_start(quiz=quiz, user=user, **kwargs)


# --- Starting --------------------------------------------------------------------------------------


def test_start_draws_and_stores_questions_and_option_order(quiz, professional):
    attempt = start(quiz, professional)
    stored = responses(attempt)
    assert [r.position for r in stored] == list(range(8))
    assert [r.question.sort_order for r in stored] == list(range(8))  # no shuffling configured
    by_kind = {r.question.kind: r for r in stored}
    assert len(by_kind["single_choice"].option_order) == 3
    assert by_kind["short_answer"].option_order == []  # accepted answers are never shown
    ordering = by_kind["ordering"]
    assert sorted(ordering.option_order) == sorted(option_ids(ordering))
    assert ordering.option_order != option_ids(ordering)  # never shown in the right order
    matching = by_kind["matching"]
    assert len(matching.option_order) == 3 and len(matching.match_order) == 4
    assert start(quiz, professional) == attempt  # the open attempt is continued, not redrawn


def test_draw_n_questions_at_random_and_shuffle(module, professional):
    quiz = build_quiz(
        module=module, title="Loting", questions=10, questions_per_attempt=4, shuffle_questions=True
    )
    drawn = [{r.question_id for r in responses(start(quiz, UserFactory()))} for _ in range(6)]
    assert all(len(d) == 4 for d in drawn)
    assert len({frozenset(d) for d in drawn}) > 1


def test_retired_questions_are_not_drawn(quiz, professional):
    retired = Question.objects.filter(quiz=quiz).first()
    retired.is_active = False
    retired.save()
    assert retired.pk not in [r.question_id for r in responses(start(quiz, professional))]


def test_quiz_without_questions(module, professional):
    quiz = build_quiz(module=module, title="Leeg", questions=0)
    with pytest.raises(services.QuizError, match="geen vragen"):
        start(quiz, professional)
    assert not Attempt.objects.exists()


def test_attempts_limit_is_enforced(quiz, professional):
    quiz.max_attempts = 1
    quiz.save()
    attempt = start(quiz, professional)
    services.attempt_submit(attempt=attempt, quiz=quiz, user=professional, allow_unanswered=True)
    with pytest.raises(services.QuizError, match="1 poging"):
        start(quiz, professional)
    assert Attempt.objects.filter(user=professional).count() == 1


# --- Saving ----------------------------------------------------------------------------------------


def test_save_one_answer_keeps_it_for_a_reload(quiz, professional):
    attempt = start(quiz, professional)
    single = next(r for r in responses(attempt) if r.question.kind == "single_choice")
    choice = single.option_order[1]
    services.attempt_save_answer(
        attempt=attempt,
        quiz=quiz,
        user=professional,
        question_id=str(single.question.uuid),
        data=form(**{services.field_name(single.question): choice}),
    )
    single.refresh_from_db()
    assert single.answer == {"option": choice}


@pytest.mark.parametrize(
    ("kind", "value", "message"),
    [
        ("single_choice", "00000000-0000-0000-0000-000000000000", "niet een van de antwoorden"),
        ("numeric", "acht", "geen getal"),
        ("numeric", "1.000,5", "geen getal"),
        ("ordering", "9", "niet een van de antwoorden"),
    ],
)
def test_bad_answer_gives_a_message_and_changes_nothing(quiz, professional, kind, value, message):
    attempt = start(quiz, professional)
    response = next(r for r in responses(attempt) if r.question.kind == kind)
    response.answer = {"kept": True}
    response.save()
    name = services.field_name(response.question)
    if kind == "ordering":
        name = f"{name}-{response.option_order[0]}"
    with pytest.raises(services.QuizError, match=message):
        services.attempt_save_answer(
            attempt=attempt,
            quiz=quiz,
            user=professional,
            question_id=str(response.question.uuid),
            data=form(**{name: value}),
        )
    response.refresh_from_db()
    assert response.answer == {"kept": True}


def test_ordering_places_must_differ(quiz, professional):
    attempt = start(quiz, professional)
    response = next(r for r in responses(attempt) if r.question.kind == "ordering")
    name = services.field_name(response.question)
    data = form(**{f"{name}-{item}": "1" for item in response.option_order})
    with pytest.raises(services.QuizError, match="andere plaats"):
        services.attempt_save_answer(
            attempt=attempt, quiz=quiz, user=professional, question_id=str(response.question.uuid), data=data
        )


def test_question_not_in_the_attempt(module, quiz, professional):
    other = build_quiz(module=module, title="Andere toets", questions=1)
    attempt = start(quiz, professional)
    for question_id in [str(Question.objects.get(quiz=other).uuid), "geen-uuid", ""]:
        with pytest.raises(services.QuizError, match="hoort niet bij"):
            services.attempt_save_answer(
                attempt=attempt, quiz=quiz, user=professional, question_id=question_id, data=form()
            )


def test_an_emptied_answer_is_cleared(quiz, professional):
    attempt = start(quiz, professional)
    response = next(r for r in responses(attempt) if r.question.kind == "short_answer")
    name, question_id = services.field_name(response.question), str(response.question.uuid)
    kwargs = {"attempt": attempt, "quiz": quiz, "user": professional, "question_id": question_id}
    services.attempt_save_answer(data=form(**{name: "start"}), **kwargs)
    services.attempt_save_answer(data=form(**{name: "  "}), **kwargs)
    response.refresh_from_db()
    assert response.answer is None


def test_save_all_is_all_or_nothing(quiz, professional):
    attempt = start(quiz, professional)
    data = right_answers(attempt)
    numeric = next(r for r in responses(attempt) if r.question.kind == "numeric")
    data[services.field_name(numeric.question)] = "veel"
    with pytest.raises(services.AnswersInvalid) as info:
        services.attempt_save_answers(attempt=attempt, quiz=quiz, user=professional, data=data)
    assert list(info.value.errors) == [str(numeric.question.uuid)]
    assert not QuestionResponse.objects.filter(attempt=attempt, answer__isnull=False).exists()


# --- Submitting ------------------------------------------------------------------------------------


def test_submit_with_right_answers_passes_and_sends_the_signal_after_commit(
    quiz, professional, django_capture_on_commit_callbacks
):
    received = []
    quiz_passed.connect(lambda sender, **kw: received.append(kw), weak=False, dispatch_uid="test-received")
    try:
        attempt = start(quiz, professional)
        with django_capture_on_commit_callbacks(execute=True):
            attempt = services.attempt_submit(
                attempt=attempt, quiz=quiz, user=professional, data=right_answers(attempt)
            )
        # The open answer waits for a trainer: no result yet, nothing announced.
        assert (attempt.score, attempt.passed, attempt.awaiting_grading) == (None, None, True)
        assert received == []
        open_response = next(r for r in responses(attempt) if r.question.kind == "open")
        assert open_response.answer == {"text": "Een reflectie."} and open_response.fraction is None
        assert open_response.awaiting_grading_since == attempt.submitted_at
        with django_capture_on_commit_callbacks(execute=True):
            response_grade(
                response=open_response,
                grader=UserFactory(),
                grade=GradeInput(points=open_response.question.points),
                expected_graded_at=None,
            )
    finally:
        quiz_passed.disconnect(dispatch_uid="test-received")
    attempt.refresh_from_db()
    assert (attempt.score, attempt.passed, attempt.awaiting_grading) == (100.0, True, False)
    assert (attempt.points_scored, attempt.points_possible) == (8.0, 8.0)
    assert [(kw["user"], kw["quiz"]) for kw in received] == [(professional, quiz)]
    assert ItemProgress.objects.get(user=professional, item=quiz).completed_at is not None


def test_chosen_options_are_recorded_for_statistics(quiz, professional):
    attempt = start(quiz, professional)
    services.attempt_submit(attempt=attempt, quiz=quiz, user=professional, data=right_answers(attempt))
    single = next(r for r in responses(attempt) if r.question.kind == "single_choice")
    assert [o.credit for o in single.chosen_options.all()] == [100]
    short = next(r for r in responses(attempt) if r.question.kind == "short_answer")
    assert [o.text for o in short.chosen_options.all()] == ["startconditie*"]


def test_unanswered_questions_are_named_and_nothing_is_stored(quiz, professional):
    attempt = start(quiz, professional)
    data = right_answers(attempt)
    unanswered = [r for r in responses(attempt) if r.question.kind in ("numeric", "open")]
    for response in unanswered:
        del data[services.field_name(response.question)]
    with pytest.raises(services.UnansweredQuestions) as info:
        services.attempt_submit(attempt=attempt, quiz=quiz, user=professional, data=data)
    assert info.value.numbers == [r.position + 1 for r in unanswered]
    attempt.refresh_from_db()
    assert attempt.submitted_at is None
    assert not QuestionResponse.objects.filter(attempt=attempt, answer__isnull=False).exists()
    attempt = services.attempt_submit(
        attempt=attempt, quiz=quiz, user=professional, data=data, allow_unanswered=True
    )
    # An unanswered open question needs no trainer: it scores 0 like any unanswered question.
    assert attempt.submitted_at is not None and not attempt.awaiting_grading
    assert attempt.score == pytest.approx(100 * 6 / 8, abs=0.01)


def test_submit_once_a_replay_returns_the_same_result(quiz, professional, django_capture_on_commit_callbacks):
    received = []
    quiz_passed.connect(lambda sender, **kw: received.append(kw), weak=False, dispatch_uid="test-once")
    Question.objects.filter(quiz=quiz, kind="open").update(is_active=False)  # graded at once
    try:
        attempt = start(quiz, professional)
        data = right_answers(attempt)
        stale = Attempt.objects.get(pk=attempt.pk)  # a second tab, loaded before the first submission
        with django_capture_on_commit_callbacks(execute=True):
            first = services.attempt_submit(attempt=attempt, quiz=quiz, user=professional, data=data)
            again = services.attempt_submit(attempt=stale, quiz=quiz, user=professional, data=form())
    finally:
        quiz_passed.disconnect(dispatch_uid="test-once")
    assert (again.submitted_at, again.score) == (first.submitted_at, first.score)
    assert again.score == 100.0
    assert len(received) == 1
    # Graded once: single choice, two of the multiple response, true/false, short answer, numeric.
    assert QuestionResponse.chosen_options.through.objects.count() == 6


def test_saving_after_submission_is_refused(quiz, professional):
    attempt = start(quiz, professional)
    services.attempt_submit(attempt=attempt, quiz=quiz, user=professional, allow_unanswered=True)
    response = responses(attempt)[0]
    with pytest.raises(services.AttemptClosed):
        services.attempt_save_answer(
            attempt=Attempt.objects.get(pk=attempt.pk),
            quiz=quiz,
            user=professional,
            question_id=str(response.question.uuid),
            data=form(),
        )


def test_after_the_deadline_answers_are_ignored_and_the_attempt_graded_as_it_stood(quiz, professional):
    quiz.time_limit_minutes = 10
    quiz.save()
    begin = timezone.now() - timedelta(minutes=30)
    attempt = start(quiz, professional, now=begin)
    assert attempt.deadline == begin + timedelta(minutes=10)
    data = right_answers(attempt)
    single = next(r for r in responses(attempt) if r.question.kind == "single_choice")
    name = services.field_name(single.question)
    services.attempt_save_answer(
        attempt=attempt,
        quiz=quiz,
        user=professional,
        question_id=str(single.question.uuid),
        data=form(**{name: data[name]}),
        now=begin + timedelta(minutes=5),
    )
    late = responses(attempt)[1]
    with pytest.raises(services.AttemptClosed, match="tijd is om"):
        services.attempt_save_answer(
            attempt=attempt, quiz=quiz, user=professional, question_id=str(late.question.uuid), data=data
        )
    attempt = Attempt.objects.get(pk=attempt.pk)
    assert attempt.submitted_at == attempt.deadline
    assert attempt.points_scored == 1.0  # only the answer saved in time
    again = services.attempt_submit(attempt=attempt, quiz=quiz, user=professional, data=data)
    assert again.points_scored == 1.0


def test_a_late_submission_of_the_full_form_counts_what_was_saved_in_time(quiz, professional):
    quiz.time_limit_minutes = 5
    quiz.save()
    attempt = start(quiz, professional, now=timezone.now() - timedelta(minutes=6))
    attempt = services.attempt_submit(
        attempt=attempt, quiz=quiz, user=professional, data=right_answers(attempt)
    )
    assert (attempt.points_scored, attempt.passed) == (0.0, False)


def test_an_expired_open_attempt_is_closed_before_a_new_one_starts(quiz, professional):
    quiz.time_limit_minutes = 5
    quiz.save()
    first = start(quiz, professional, now=timezone.now() - timedelta(hours=1))
    second = start(quiz, professional)
    assert second != first and second.number == 2
    assert Attempt.objects.get(pk=first.pk).submitted_at is not None


# --- Budget ----------------------------------------------------------------------------------------


def submit_queries(module, questions: int) -> int:
    quiz = build_quiz(module=module, title=f"Toets {questions}", questions=questions)
    Question.objects.filter(quiz=quiz, kind="open").update(is_active=False)  # graded at once
    user = UserFactory()
    attempt = start(quiz, user)
    data = right_answers(attempt)
    attempt = Attempt.objects.get(pk=attempt.pk)
    with CaptureQueriesContext(connection) as captured:
        attempt = services.attempt_submit(attempt=attempt, quiz=quiz, user=user, data=data)
    assert attempt.score == 100.0
    return len(captured)


def test_submitting_and_grading_takes_the_same_queries_for_5_and_20_questions(module):
    small, large = submit_queries(module, 5), submit_queries(module, 20)
    assert small == large
    assert large <= 10


def test_a_question_of_each_type_added_with_custom_options(quiz):
    question = add_question(quiz, "single_choice", options=[("Ja", 100, {}), ("Nee", 0, {})])
    assert [o.text for o in question.options.all()] == ["Ja", "Nee"]
