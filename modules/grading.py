"""Scoring of one answer to one question: pure functions, no database.

Every function returns a `Grade`: the fraction of the question's points earned (0 … 1; `None` for an open
question, which is not graded) and the ids of the options that decided it (the ones chosen, or the accepted
answer that matched), which the review uses for feedback and the statistics count.

A question never scores below 0 or above 1, whatever the negative or partial credits add up to.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

__all__ = [
    "Grade",
    "OptionSpec",
    "QuestionSpec",
    "grade",
    "grade_matching",
    "grade_multiple_response",
    "grade_numeric",
    "grade_ordering",
    "grade_short_answer",
    "grade_single_choice",
    "normalise_text",
    "short_answer_matches",
]

# Floats such as 3.14 - 0.01 are not exact; an answer on the edge of the tolerance counts as inside.
NUMERIC_EPSILON = 1e-9


@dataclass(frozen=True)
class OptionSpec:
    id: str
    text: str = ""
    fraction: float = 0.0
    match_text: str = ""
    value: float | None = None
    tolerance: float | None = None
    minimum: float | None = None
    maximum: float | None = None

    @property
    def is_catch_all(self) -> bool:
        """A numeric option without a value or range: 'any other answer'."""
        return self.value is None and self.minimum is None and self.maximum is None


@dataclass(frozen=True)
class QuestionSpec:
    kind: str
    options: Sequence[OptionSpec] = field(default_factory=tuple)


@dataclass(frozen=True)
class Grade:
    fraction: float | None
    decisive: tuple[str, ...] = ()

    @property
    def is_graded(self) -> bool:
        return self.fraction is not None


ZERO = Grade(0.0)


def _clamp(value: float) -> float:
    return min(1.0, max(0.0, value))


def grade_single_choice(options: Sequence[OptionSpec], chosen: str | None) -> Grade:
    option = next((o for o in options if o.id == chosen), None)
    if option is None:
        return ZERO
    return Grade(_clamp(option.fraction), (option.id,))


def grade_multiple_response(options: Sequence[OptionSpec], chosen: Sequence[str] | None) -> Grade:
    """The credits of the chosen options added up: wrong choices cost credit, but never below 0."""
    picked = [o for o in options if o.id in set(chosen or ())]
    return Grade(_clamp(sum(o.fraction for o in picked)), tuple(o.id for o in picked))


def normalise_text(text: str) -> str:
    return " ".join(text.split()).casefold()


def short_answer_matches(pattern: str, answer: str) -> bool:
    """Case-insensitive comparison; `*` in the accepted answer stands for any text (also none)."""
    regex = ".*".join(re.escape(part) for part in normalise_text(pattern).split("*"))
    return re.fullmatch(regex, normalise_text(answer), flags=re.DOTALL) is not None


def _best(matches: list[OptionSpec]) -> Grade:
    if not matches:
        return ZERO
    best = max(matches, key=lambda o: o.fraction)  # max() keeps the first of equal credits
    return Grade(_clamp(best.fraction), (best.id,))


def grade_short_answer(options: Sequence[OptionSpec], answer: str | None) -> Grade:
    if not answer or not answer.strip():
        return ZERO
    return _best([o for o in options if o.text and short_answer_matches(o.text, answer)])


def numeric_matches(option: OptionSpec, number: float) -> bool:
    if option.minimum is not None and option.maximum is not None:
        return option.minimum - NUMERIC_EPSILON <= number <= option.maximum + NUMERIC_EPSILON
    if option.value is not None:
        tolerance = abs(option.tolerance or 0.0)
        return abs(number - option.value) <= tolerance + NUMERIC_EPSILON * max(1.0, abs(option.value))
    return False


def grade_numeric(options: Sequence[OptionSpec], number: float | None) -> Grade:
    """The best of the answers the number falls within; otherwise the 'any other answer' option, if any."""
    if number is None or not math.isfinite(number):
        return ZERO
    matches = [o for o in options if not o.is_catch_all and numeric_matches(o, number)]
    if not matches:
        matches = [o for o in options if o.is_catch_all][:1]
    return _best(matches)


def grade_matching(options: Sequence[OptionSpec], pairs: Mapping[str, str] | None) -> Grade:
    """One share per pair whose chosen right-hand item is the right one (distractors are not pairs)."""
    items = [o for o in options if o.text]
    if not items:
        return ZERO
    by_id = {o.id: o for o in options}
    chosen = pairs or {}
    right = sum(
        1
        for item in items
        if (pick := by_id.get(chosen.get(item.id, ""))) and pick.match_text == item.match_text
    )
    return Grade(right / len(items))


def grade_ordering(options: Sequence[OptionSpec], positions: Mapping[str, int] | None) -> Grade:
    """One share per item in its right place; the options are given in the right order."""
    if not options:
        return ZERO
    given = positions or {}
    right = sum(1 for place, option in enumerate(options, start=1) if given.get(option.id) == place)
    return Grade(right / len(options))


def grade(question: QuestionSpec, answer: Mapping | None) -> Grade:
    """The grade of a stored answer (see `modules.answers` for its shape per type)."""
    kind, options = question.kind, question.options
    if kind == "open":
        return Grade(None)
    if answer is None:
        return ZERO
    if kind in ("single_choice", "true_false"):
        return grade_single_choice(options, answer.get("option"))
    if kind == "multiple_response":
        return grade_multiple_response(options, answer.get("options"))
    if kind == "short_answer":
        return grade_short_answer(options, answer.get("text"))
    if kind == "numeric":
        return grade_numeric(options, answer.get("number"))
    if kind == "matching":
        return grade_matching(options, answer.get("pairs"))
    if kind == "ordering":
        return grade_ordering(options, answer.get("positions"))
    raise ValueError(f"unknown question type {kind!r}")
