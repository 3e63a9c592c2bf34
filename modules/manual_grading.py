"""Trainers grade open answers: a score (0 … the question's points, or per rubric criterion) and feedback.

An attempt with answered open questions waits (`Attempt.awaiting_grading`) until every open answer has a
score; then its grade and pass or fail are computed once from all answers, and a pass is announced as at a
submission (`quiz_passed`: the course progress follows). A regrade recomputes the attempt.

Two trainers grading the same answer at once: the grade carries the moment of the grade it replaces
(`expected_graded_at`, None for a first grade), and the write is conditional on it, so the second trainer
is told the answer was graded meanwhile instead of overwriting it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from functools import partial

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from academy.sanitizer import FEEDBACK, sanitize_html

from .models import Attempt, QuestionKind, QuestionResponse
from .quiz_services import announce_pass

MAX_FEEDBACK_LENGTH = 10_000


class GradingError(Exception):
    """The grade cannot be stored; the message is shown to the trainer as it is."""

    def __init__(self, message: str):
        self.message = message
        super().__init__(message)


class AlreadyGraded(GradingError):
    pass


@dataclass(frozen=True)
class GradeInput:
    points: float | None = None  # without a rubric
    criterion_scores: Mapping[int, float] | None = None  # with a rubric: criterion id → points
    feedback: str = ""


def _fraction(response: QuestionResponse, grade: GradeInput) -> tuple[float, dict[str, float]]:
    question = response.question
    criteria = list(question.rubric_criteria.all())
    if criteria:
        given = grade.criterion_scores or {}
        scores = {}
        for criterion in criteria:
            value = given.get(criterion.pk)
            if value is None:
                raise GradingError(_("Give a score for “%(criterion)s”.") % {"criterion": criterion.name})
            if not 0 <= value <= criterion.points:
                raise GradingError(
                    _("The score for “%(criterion)s” is between 0 and %(max)d.")
                    % {"criterion": criterion.name, "max": criterion.points}
                )
            scores[str(criterion.pk)] = float(value)
        return sum(scores.values()) / sum(c.points for c in criteria), scores
    if grade.points is None:
        raise GradingError(_("Give a score."))
    if not 0 <= grade.points <= question.points:
        raise GradingError(_("The score is between 0 and %(max)d.") % {"max": question.points})
    return grade.points / question.points, {}


def response_grade(
    *,
    response: QuestionResponse,
    grader,
    grade: GradeInput,
    expected_graded_at: datetime | None,
    now: datetime | None = None,
) -> QuestionResponse:
    """Stores the trainer's grade of one open answer and recomputes the attempt when it was the last."""
    now = now or timezone.now()
    if response.question.kind != QuestionKind.OPEN or response.attempt.submitted_at is None:
        raise GradingError(_("Only open answers of submitted attempts are graded by a trainer."))
    fraction, scores = _fraction(response, grade)
    feedback = sanitize_html(grade.feedback, profile=FEEDBACK)
    if len(feedback) > MAX_FEEDBACK_LENGTH:
        raise GradingError(_("The feedback is too long."))
    with transaction.atomic():
        attempt = Attempt.objects.select_for_update().get(pk=response.attempt_id)
        unchanged = QuestionResponse.objects.filter(pk=response.pk)
        unchanged = (
            unchanged.filter(graded_at__isnull=True)
            if expected_graded_at is None
            else unchanged.filter(graded_at=expected_graded_at)
        )
        points = fraction * response.question.points
        if not unchanged.update(
            fraction=fraction,
            points_scored=points,
            criterion_scores=scores,
            feedback=feedback,
            graded_at=now,
            graded_by=grader,
            awaiting_grading_since=None,
        ):
            raise AlreadyGraded(
                _("Another trainer graded this answer meanwhile; their grade is shown below.")
            )
        attempt_finalise(attempt=attempt, now=now)
    response.refresh_from_db()
    return response


def attempt_finalise(*, attempt: Attempt, now: datetime) -> bool:
    """Computes the attempt's result once no answer waits any more; returns whether it is final now."""
    responses = list(QuestionResponse.objects.filter(attempt=attempt).select_related("question"))
    if any(r.fraction is None for r in responses):
        return False
    quiz = attempt.quiz
    possible = sum(r.question.points for r in responses)
    scored = sum(r.points_scored or 0 for r in responses)
    score = round(100 * scored / possible, 2) if possible else 100.0
    passed = score >= quiz.passing_score
    was_passed = attempt.passed
    Attempt.objects.filter(pk=attempt.pk).update(
        points_scored=scored, points_possible=possible, score=score, passed=passed, awaiting_grading=False
    )
    attempt.points_scored, attempt.points_possible, attempt.score = scored, possible, score
    attempt.passed, attempt.awaiting_grading = passed, False
    if passed and not was_passed:
        transaction.on_commit(partial(announce_pass, quiz_id=quiz.pk, user=attempt.user))
    from notifications.models import Kind
    from notifications.services import notify

    notify(
        user_id=attempt.user_id,
        kind=Kind.GRADE,
        subject=quiz.title,
        url=quiz.attempt_url(attempt, "review") if quiz.live else "",
        event_key=f"grade:{attempt.pk}:{now.isoformat()}",
    )
    return True
