"""Writes of the FitnessScan: starting, saving a step, completing, and keeping anonymous results."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from questionnaires import scoring
from questionnaires.services import answers_save

from .models import FitnessScanPage, ScanAnswer, ScanFactorScore, ScanResponse, ScanStatement

if TYPE_CHECKING:
    from accounts.models import User


class ScanIncomplete(Exception):
    """Completing a response that still has unanswered statements."""


def response_create(*, page: FitnessScanPage, user: User | None) -> ScanResponse:
    owner = user if user is not None and user.is_authenticated else None
    return ScanResponse.objects.create(page=page, user=owner)


def response_discard(*, response: ScanResponse) -> None:
    """Drops an unfinished response (starting over); completed results are never discarded here."""
    if response.completed_at is None:
        response.delete()


def step_save(
    *, response: ScanResponse, statements: Iterable[ScanStatement], answers: Mapping[uuid.UUID, int | None]
) -> int:
    """Stores the answers to statements of one step, replacing earlier answers to the same statement.

    `answers` maps a statement key to 1–5, or None for "don't know". Each answer keeps the statement
    as it was asked. One upsert, whatever the number of statements; returns the number stored."""
    stored = answers_save(
        model=ScanAnswer, owner={"response": response}, statements=statements, answers=answers
    )
    if stored:
        ScanResponse.objects.filter(pk=response.pk).update(updated_at=timezone.now())
    return stored


@transaction.atomic
def response_complete(
    *, response: ScanResponse, statements: Iterable[ScanStatement], completed_at=None
) -> ScanResponse:
    """Scores a response whose every current statement is answered and marks it completed.

    The scores come from the answers as stored (the statements as they were asked)."""
    statements = list(statements)
    answers = list(response.answers.all())
    answered = {answer.statement_key for answer in answers}
    if any(statement.key not in answered for statement in statements):
        raise ScanIncomplete
    factor_ids = list(dict.fromkeys([s.factor_id for s in statements] + [a.factor_id for a in answers]))
    scores = scoring.factor_scores(
        (
            scoring.ScoredAnswer(factor_id=a.factor_id, value=a.value, reverse_scored=a.reverse_scored)
            for a in answers
        ),
        factor_ids=factor_ids,
    )
    response.factor_scores.all().delete()
    ScanFactorScore.objects.bulk_create(
        ScanFactorScore(response=response, factor_id=factor_id, score=scoring.round_score(score))
        for factor_id, score in scores.items()
    )
    response.overall_score = scoring.round_score(scoring.overall_score(scores))
    response.completed_at = completed_at or timezone.now()
    response.save(update_fields=["overall_score", "completed_at", "updated_at"])
    return response


def responses_claim(*, user: User, response_ids: Iterable[str]) -> int:
    """Gives a person who just logged in or signed up the anonymous responses of their session."""
    ids = []
    for value in response_ids:
        try:
            ids.append(uuid.UUID(str(value)))
        except ValueError:
            continue
    if not ids:
        return 0
    return ScanResponse.objects.filter(pk__in=ids, user__isnull=True).update(user=user)
