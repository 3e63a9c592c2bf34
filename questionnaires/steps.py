"""A questionnaire is taken in steps: one per success factor, in the factors' order."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from successfactors.models import SuccessFactor


@dataclass(frozen=True)
class Step:
    number: int
    factor: SuccessFactor
    statements: list[Any]  # statements of the questionnaire (with key, text, factor)


def steps_by_factor(statements: Iterable, *, sort_key=None) -> list[Step]:
    """One step per success factor that has statements. `statements` must have their `factor`
    loaded (select_related); within a step they keep `sort_key`'s order (default: as given)."""
    by_factor: dict[int, list] = defaultdict(list)
    factors: dict[int, SuccessFactor] = {}
    for statement in statements:
        by_factor[statement.factor_id].append(statement)
        factors[statement.factor_id] = statement.factor
    ordered = sorted(factors.values(), key=lambda factor: factor.number)
    return [
        Step(
            number=index,
            factor=factor,
            statements=sorted(by_factor[factor.pk], key=sort_key) if sort_key else by_factor[factor.pk],
        )
        for index, factor in enumerate(ordered, start=1)
    ]


def first_incomplete_step(*, steps: list[Step], answered: Mapping) -> int | None:
    """The step to resume at: the first with a statement not yet answered; None when all are."""
    for step in steps:
        if any(statement.key not in answered for statement in step.statements):
            return step.number
    return None


def statement_count(steps: list[Step]) -> int:
    return sum(len(step.statements) for step in steps)


def progress_percentage(*, steps: list[Step], answered: Mapping) -> int:
    total = statement_count(steps)
    return round(100 * min(len(answered), total) / total) if total else 0
