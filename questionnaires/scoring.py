"""How a FitnessScan is scored. Pure functions: no database, no requests.

Every statement is answered on a five-point scale (1 = strongly disagree … 5 = strongly agree) or with
"don't know". An answer counts 0, 25, 50, 75 or 100; a reverse-scored statement is mirrored first (agreeing
with "we avoid difficult conversations" is weak, not strong). A factor's score is the mean of its answered
statements, the overall score the mean of the factor scores. "Don't know" and unanswered statements do not
count, and a factor without any counted answer has no score at all (shown as such, never as 0).
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

SCALE_MIN = 1
SCALE_MAX = 5
SCALE_VALUES = tuple(range(SCALE_MIN, SCALE_MAX + 1))
SCORE_MAX = 100

# Bands: low < LOW_BAND_BELOW ≤ medium < HIGH_BAND_FROM ≤ high.
LOW_BAND_BELOW = 40
HIGH_BAND_FROM = 70

WEAKEST_COUNT = 3


class Band(models.TextChoices):
    LOW = "laag", _("low")
    MEDIUM = "midden", _("medium")
    HIGH = "hoog", _("high")


@dataclass(frozen=True)
class ScoredAnswer:
    """One answer as scoring sees it; value None means "don't know"."""

    factor_id: int
    value: int | None
    reverse_scored: bool = False


def is_scale_value(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and SCALE_MIN <= value <= SCALE_MAX


def scored_value(value: int, *, reverse_scored: bool) -> int:
    """The answer as it counts: reverse-scored statements mirrored, still on the 1–5 scale."""
    if not is_scale_value(value):
        raise ValueError(f"{value!r} is not on the scale {SCALE_MIN}–{SCALE_MAX}")
    return SCALE_MIN + SCALE_MAX - value if reverse_scored else value


def statement_score(value: int, *, reverse_scored: bool = False) -> float:
    """1–5 mapped onto 0–100."""
    counted = scored_value(value, reverse_scored=reverse_scored)
    return (counted - SCALE_MIN) * SCORE_MAX / (SCALE_MAX - SCALE_MIN)


def round_score(score: float | None) -> int | None:
    """Scores are shown as whole numbers, rounded half up (62.5 → 63)."""
    if score is None:
        return None
    return int(Decimal(str(score)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def factor_scores(answers: Iterable[ScoredAnswer], *, factor_ids: Iterable[int]) -> dict[int, float | None]:
    """Mean score per factor; every factor in `factor_ids` is present, None when nothing counted."""
    totals: dict[int, list[float]] = {factor_id: [] for factor_id in factor_ids}
    for answer in answers:
        if answer.value is None:
            continue
        totals.setdefault(answer.factor_id, []).append(
            statement_score(answer.value, reverse_scored=answer.reverse_scored)
        )
    return {
        factor_id: (sum(scores) / len(scores) if scores else None) for factor_id, scores in totals.items()
    }


def overall_score(scores: Mapping[int, float | None]) -> float | None:
    """Mean of the factors that have a score; None when none has."""
    counted = [score for score in scores.values() if score is not None]
    return sum(counted) / len(counted) if counted else None


def band_for(score: float | None) -> Band | None:
    if score is None:
        return None
    if score < LOW_BAND_BELOW:
        return Band.LOW
    if score < HIGH_BAND_FROM:
        return Band.MEDIUM
    return Band.HIGH


def weakest_factors(
    scores: Mapping[int, float | None], *, order: Iterable[int] = (), count: int = WEAKEST_COUNT
) -> list[int]:
    """The factors with the lowest scores, ties in the given order (e.g. the factors' numbers)."""
    position = {factor_id: index for index, factor_id in enumerate(order)}
    scored = [
        (score, position.get(factor_id, len(position)), factor_id) for factor_id, score in scores.items()
    ]
    return [factor_id for score, _pos, factor_id in sorted(s for s in scored if s[0] is not None)][:count]


def score_change(current: float | None, previous: float | None) -> int | None:
    """The change in whole points since a previous scan; None when either has no score."""
    if current is None or previous is None:
        return None
    return round_score(current) - round_score(previous)


def spread(*, count: int, total: float, total_of_squares: float) -> float | None:
    """Population standard deviation from a count, a sum and a sum of squares (databases without
    a StdDev aggregate, such as SQLite, can still compute those three)."""
    if not count:
        return None
    mean = total / count
    variance = max(total_of_squares / count - mean * mean, 0.0)
    return variance**0.5
