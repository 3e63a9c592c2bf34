"""The scoring of `scoring.py` as database expressions, for aggregates over many people's answers
(a group's mean per factor) without loading the answers into Python.

Use them on a queryset of a concrete `AnswerBase`:

    answers.values("factor_id").annotate(score=Avg(statement_score()), people=Count("owner", distinct=True))

"Don't know" (an empty value) gives NULL, which Avg and Count of the score leave out, as scoring does.
"""

from django.db.models import Case, F, FloatField, IntegerField, Value, When
from django.db.models.functions import Cast

from .scoring import SCALE_MAX, SCALE_MIN, SCORE_MAX

DONT_KNOW_BUCKET = 0


def counted_value(*, dont_know=DONT_KNOW_BUCKET) -> Case:
    """The answer as it counts on the 1–5 scale (reverse-scored statements mirrored); `dont_know`
    for "don't know" (0 groups them in a distribution, None leaves them out of a mean)."""
    return Case(
        When(value__isnull=True, then=Value(dont_know)),
        When(reverse_scored=True, then=Value(SCALE_MIN + SCALE_MAX) - F("value")),
        default=F("value"),
        output_field=IntegerField(),
    )


def statement_score() -> Case:
    """The answer's score 0–100 (as `scoring.statement_score`); NULL for "don't know"."""
    step = SCORE_MAX / (SCALE_MAX - SCALE_MIN)
    counted = Case(
        When(reverse_scored=True, then=Value(SCALE_MIN + SCALE_MAX) - F("value")),
        default=F("value"),
        output_field=IntegerField(),
    )
    return Case(
        When(value__isnull=True, then=Value(None)),
        default=(Cast(counted, FloatField()) - Value(float(SCALE_MIN))) * Value(step),
        output_field=FloatField(),
    )
