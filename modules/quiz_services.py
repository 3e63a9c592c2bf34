"""Writes of a quiz attempt: start, save, submit. Every rule is checked here, on the server.

* The server draws the questions and the order of their options when an attempt starts and stores them, so
  a reload shows the same attempt with the answers saved so far.
* An attempt is submitted once: the attempt row is locked (PostgreSQL) and the submission is a conditional
  update, so a double click, a second tab or a replay gets the result of the first submission.
* After the deadline nothing is saved any more; a late submission is graded as it stood at the deadline.
* The number of attempts is checked when one starts; one open attempt per professional and quiz.
* Grading a submission takes a fixed number of queries, whatever the number of questions.
"""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import answers as answer_forms
from .grading import Grade, QuestionSpec, grade
from .models import Attempt, Question, QuestionKind, QuestionResponse, QuizPage
from .signals import quiz_passed

_random = secrets.SystemRandom()


class QuizError(Exception):
    """A request the quiz rules do not allow; the message is shown to the professional as it is."""

    def __init__(self, message: str):
        self.message = message
        super().__init__(message)


class AttemptClosed(QuizError):
    """The attempt was submitted already, or its time is up (and it has now been submitted)."""


class AnswersInvalid(QuizError):
    def __init__(self, errors: dict[str, str]):
        self.errors = errors  # question uuid -> message
        super().__init__(
            ngettext(
                "One answer needs your attention; nothing was saved.",
                "%(count)d answers need your attention; nothing was saved.",
                len(errors),
            )
            % {"count": len(errors)}
        )


class UnansweredQuestions(QuizError):
    def __init__(self, numbers: list[int]):
        self.numbers = numbers
        super().__init__(
            ngettext(
                "Question %(numbers)s has no answer yet. Answer it, or submit anyway.",
                "Questions %(numbers)s have no answer yet. Answer them, or submit anyway.",
                len(numbers),
            )
            % {"numbers": ", ".join(str(n) for n in numbers)}
        )


class _AlreadySubmitted(Exception):
    pass


def field_name(question: Question) -> str:
    return f"q-{question.uuid}"


# --- Starting --------------------------------------------------------------------------------------


def _shuffled(ids: list[str], *, must_differ: bool = False) -> list[str]:
    """A random order; for ordering and matching not the original one, which would give the answer away."""
    order = list(ids)
    for _attempt in range(20):
        _random.shuffle(order)
        if not must_differ or len(set(order)) < 2 or order != ids:
            break
    return order


def option_layout(*, quiz: QuizPage, question: Question) -> tuple[list[str], list[str]]:
    """The options in the order the attempt shows them, and for matching the right-hand items."""
    options = list(question.options.all())
    ids = [str(o.uuid) for o in options]
    kind = question.kind
    if kind == QuestionKind.ORDERING:
        return _shuffled(ids, must_differ=True), []
    if kind == QuestionKind.MATCHING:
        items = [str(o.uuid) for o in options if o.text]
        # One right-hand item per distinct text: two pairs may share their answer.
        choices = list({o.match_text: str(o.uuid) for o in reversed(options)}.values())[::-1]
        return (_shuffled(items) if quiz.shuffle_options else items), _shuffled(choices, must_differ=True)
    if kind in (QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_RESPONSE):
        return (_shuffled(ids) if quiz.shuffle_options else ids), []
    if kind == QuestionKind.TRUE_FALSE:
        return ids, []
    return [], []  # accepted answers of short-answer and numeric questions are never shown


def draw_questions(*, quiz: QuizPage, questions: list[Question]) -> list[Question]:
    drawn = questions
    if quiz.questions_per_attempt and quiz.questions_per_attempt < len(questions):
        chosen = set(_random.sample(range(len(questions)), quiz.questions_per_attempt))
        drawn = [q for index, q in enumerate(questions) if index in chosen]
    if quiz.shuffle_questions:
        drawn = list(drawn)
        _random.shuffle(drawn)
    return drawn


def attempt_start(*, quiz: QuizPage, user, now: datetime | None = None) -> Attempt:
    """The professional's open attempt, or a new one when the attempts limit allows it."""
    now = now or timezone.now()
    open_attempt = Attempt.objects.filter(quiz=quiz, user=user, submitted_at__isnull=True).first()
    if open_attempt is not None:
        if not open_attempt.is_expired(now):
            return open_attempt
        attempt_submit(attempt=open_attempt, quiz=quiz, user=user, now=now)
    used = Attempt.objects.filter(quiz=quiz, user=user).count()
    if quiz.max_attempts and used >= quiz.max_attempts:
        raise QuizError(
            ngettext(
                "You have used your %(count)d attempt at this quiz.",
                "You have used all %(count)d attempts at this quiz.",
                quiz.max_attempts,
            )
            % {"count": quiz.max_attempts}
        )
    questions = list(Question.objects.filter(quiz=quiz, is_active=True).prefetch_related("options"))
    if not questions:
        raise QuizError(_("This quiz has no questions yet."))
    drawn = draw_questions(quiz=quiz, questions=questions)
    deadline = now + timedelta(minutes=quiz.time_limit_minutes) if quiz.time_limit_minutes else None
    try:
        with transaction.atomic():
            attempt = Attempt.objects.create(
                quiz=quiz, user=user, number=used + 1, started_at=now, deadline=deadline
            )
            responses = []
            for position, question in enumerate(drawn):
                option_order, match_order = option_layout(quiz=quiz, question=question)
                responses.append(
                    QuestionResponse(
                        attempt=attempt,
                        question=question,
                        position=position,
                        option_order=option_order,
                        match_order=match_order,
                    )
                )
            QuestionResponse.objects.bulk_create(responses)
    except IntegrityError:
        # A second tab started an attempt at the same moment: continue in that one.
        existing = Attempt.objects.filter(quiz=quiz, user=user, submitted_at__isnull=True).first()
        if existing is None:
            raise
        return existing
    return attempt


# --- Saving ----------------------------------------------------------------------------------------


def _require_open(*, attempt: Attempt, quiz: QuizPage, user, now: datetime) -> None:
    if attempt.submitted_at is not None:
        raise AttemptClosed(_("This attempt has been submitted; your answers can no longer change."))
    if attempt.is_expired(now):
        attempt_submit(attempt=attempt, quiz=quiz, user=user, now=now)
        raise AttemptClosed(
            _("The time is up: your attempt was submitted with the answers saved before the deadline.")
        )


def _parse(response: QuestionResponse, data) -> dict | None:
    return answer_forms.parse_answer(
        kind=response.question.kind,
        data=data,
        name=field_name(response.question),
        option_ids=response.option_order,
        item_ids=response.option_order,
        choice_ids=response.match_order,
    )


def _parse_all(responses: list[QuestionResponse], data) -> tuple[dict[int, dict | None], dict[str, str]]:
    parsed, errors = {}, {}
    for response in responses:
        try:
            parsed[response.pk] = _parse(response, data)
        except answer_forms.AnswerError as error:
            errors[str(response.question.uuid)] = error.message
    return parsed, errors


def _valid_uuid(value: str) -> str | None:
    try:
        return str(uuid.UUID(str(value)))
    except ValueError:
        return None


def attempt_save_answer(
    *, attempt: Attempt, quiz: QuizPage, user, question_id: str, data, now: datetime | None = None
) -> QuestionResponse:
    """Saves one question's answer (auto-save). A wrong answer changes nothing and says why."""
    now = now or timezone.now()
    _require_open(attempt=attempt, quiz=quiz, user=user, now=now)
    question_uuid = _valid_uuid(question_id)
    response = (
        QuestionResponse.objects.select_related("question")
        .filter(attempt=attempt, question__uuid=question_uuid)
        .first()
        if question_uuid
        else None
    )
    if response is None:
        raise QuizError(_("This question is not part of your attempt."))
    try:
        answer = _parse(response, data)
    except answer_forms.AnswerError as error:
        raise QuizError(error.message) from None
    updated = QuestionResponse.objects.filter(pk=response.pk, attempt__submitted_at__isnull=True).update(
        answer=answer, answered_at=now
    )
    if not updated:
        raise AttemptClosed(_("This attempt has been submitted; your answers can no longer change."))
    response.answer, response.answered_at = answer, now
    return response


def attempt_responses(attempt: Attempt) -> list[QuestionResponse]:
    """The drawn questions of an attempt in their order, with their options: three queries."""
    return list(
        QuestionResponse.objects.filter(attempt=attempt)
        .select_related("question")
        .prefetch_related("question__options")
        .order_by("position")
    )


def attempt_save_answers(*, attempt: Attempt, quiz: QuizPage, user, data, now: datetime | None = None) -> int:
    """Saves every answer of the form (without JavaScript). All or nothing: one wrong answer saves none."""
    now = now or timezone.now()
    _require_open(attempt=attempt, quiz=quiz, user=user, now=now)
    responses = attempt_responses(attempt)
    parsed, errors = _parse_all(responses, data)
    if errors:
        raise AnswersInvalid(errors)
    changed = [r for r in responses if r.answer != parsed[r.pk]]
    for response in changed:
        response.answer, response.answered_at = parsed[response.pk], now
    with transaction.atomic():
        # The same lock as a submission takes, so a save never lands after the attempt was graded.
        if not Attempt.objects.select_for_update().filter(pk=attempt.pk, submitted_at__isnull=True).exists():
            raise AttemptClosed(_("This attempt has been submitted; your answers can no longer change."))
        if changed:
            QuestionResponse.objects.bulk_update(changed, ["answer", "answered_at"])
    return len(changed)


# --- Submitting and grading ------------------------------------------------------------------------


def question_spec(question: Question) -> QuestionSpec:
    return QuestionSpec(kind=question.kind, options=tuple(o.spec() for o in question.options.all()))


@dataclass(frozen=True)
class AttemptTotals:
    points_scored: float | None
    points_possible: float
    score: float | None
    passed: bool | None

    @property
    def awaiting_grading(self) -> bool:
        return self.score is None


def attempt_totals(*, graded: list[tuple[QuestionResponse, Grade]], passing_score: int) -> AttemptTotals:
    """The attempt's result; while an open answer waits for a trainer (an ungraded `Grade`) there is none."""
    possible = sum(r.question.points for r, _g in graded)
    if any(not g.is_graded for _r, g in graded):
        return AttemptTotals(None, possible, None, None)
    scored = sum(g.fraction * r.question.points for r, g in graded)
    score = round(100 * scored / possible, 2) if possible else 100.0
    return AttemptTotals(scored, possible, score, score >= passing_score)


def submitted_grade(question: Question, answer: dict | None) -> Grade:
    """The grade at submission: an open answer waits for a trainer (modules.manual_grading); no answer is 0."""
    if question.kind == QuestionKind.OPEN and answer is None:
        return Grade(0.0)
    return grade(question_spec(question), answer)


def attempt_submit(
    *,
    attempt: Attempt,
    quiz: QuizPage,
    user,
    data=None,
    allow_unanswered: bool = False,
    now: datetime | None = None,
) -> Attempt:
    """Grades and closes the attempt, once. Returns the attempt as submitted (also on a repeat)."""
    now = now or timezone.now()
    if attempt.submitted_at is not None:
        return attempt
    expired = attempt.is_expired(now)
    try:
        with transaction.atomic():
            locked = Attempt.objects.select_for_update().get(pk=attempt.pk)
            if locked.submitted_at is not None:
                raise _AlreadySubmitted
            responses = attempt_responses(locked)
            if data is not None and not expired:
                parsed, errors = _parse_all(responses, data)
                if errors:
                    raise AnswersInvalid(errors)
                for response in responses:
                    if response.answer != parsed[response.pk]:
                        response.answer, response.answered_at = parsed[response.pk], now
            if not allow_unanswered and not expired:
                missing = [
                    r.position + 1
                    for r in responses
                    if not answer_forms.is_complete(r.question.kind, r.answer, item_count=len(r.option_order))
                ]
                if missing:
                    raise UnansweredQuestions(missing)
            graded = [(r, submitted_grade(r.question, r.answer)) for r in responses]
            submitted_at = min(now, attempt.deadline) if expired else now
            for response, result in graded:
                response.fraction = result.fraction
                response.points_scored = (
                    result.fraction * response.question.points if result.is_graded else None
                )
                response.awaiting_grading_since = None if result.is_graded else submitted_at
            QuestionResponse.objects.bulk_update(
                responses, ["answer", "answered_at", "fraction", "points_scored", "awaiting_grading_since"]
            )
            through = QuestionResponse.chosen_options.through
            option_ids = {str(o.uuid): o.pk for r in responses for o in r.question.options.all()}
            through.objects.bulk_create(
                [
                    through(questionresponse_id=r.pk, option_id=option_ids[decisive])
                    for r, result in graded
                    for decisive in result.decisive
                    if decisive in option_ids
                ]
            )
            totals = attempt_totals(graded=graded, passing_score=quiz.passing_score)
            fields = {
                "submitted_at": submitted_at,
                "points_scored": totals.points_scored,
                "points_possible": totals.points_possible,
                "score": totals.score,
                "passed": totals.passed,
                "awaiting_grading": totals.awaiting_grading,
            }
            if not Attempt.objects.filter(pk=attempt.pk, submitted_at__isnull=True).update(**fields):
                raise _AlreadySubmitted
            for name, value in fields.items():
                setattr(attempt, name, value)
            if totals.passed:
                transaction.on_commit(partial(announce_pass, quiz_id=quiz.pk, user=user))
    except _AlreadySubmitted:
        attempt.refresh_from_db()
    return attempt


def announce_pass(*, quiz_id: int, user) -> None:
    # Loaded again after the commit: the page may have moved in the tree since the attempt was graded.
    quiz = QuizPage.objects.filter(pk=quiz_id).first()
    if quiz is not None:
        quiz_passed.send(sender=QuizPage, user=user, quiz=quiz)


def attempt_close_if_expired(*, attempt: Attempt | None, quiz: QuizPage, user, now=None) -> bool:
    """Submits an attempt whose time is up, as it stood at the deadline (e.g. the tab was closed)."""
    now = now or timezone.now()
    if attempt is None or attempt.submitted_at is not None or not attempt.is_expired(now):
        return False
    attempt_submit(attempt=attempt, quiz=quiz, user=user, now=now)
    return True


__all__ = [
    "AnswersInvalid",
    "AttemptClosed",
    "QuizError",
    "UnansweredQuestions",
    "attempt_close_if_expired",
    "attempt_save_answer",
    "attempt_save_answers",
    "attempt_start",
    "attempt_submit",
]
