"""Storing answers: the one write every questionnaire shares."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from django.db import models

from . import scoring


class AnswerOutsideScale(ValueError):
    """An answer that is neither on the scale nor "don't know"."""


def answers_save(
    *,
    model: type[models.Model],
    owner: Mapping[str, Any],
    statements: Iterable,
    answers: Mapping[uuid.UUID, int | None],
    fields_for: Callable[[Any], dict] | None = None,
) -> int:
    """Stores the answers to `statements` in one upsert, replacing earlier answers of the same owner
    to the same statement; returns the number stored.

    `model` is a concrete `AnswerBase` with a unique constraint on (*owner fields, statement_key);
    `owner` gives those fields ({"response": response}). `answers` maps a statement key to 1–5 or None
    ("don't know"); statements without an answer are skipped, and a value off the scale raises
    `AnswerOutsideScale` before anything is stored. `fields_for(statement)` adds fields of the concrete
    model (e.g. the world of a collaboration statement). Each answer keeps the statement as asked."""
    rows = []
    extra_fields: list[str] = []
    for statement in statements:
        if statement.key not in answers:
            continue
        value = answers[statement.key]
        if value is not None and not scoring.is_scale_value(value):
            raise AnswerOutsideScale(f"{value!r} is not on the scale")
        more = fields_for(statement) if fields_for else {}
        extra_fields = list(more)
        rows.append(
            model(
                **owner,
                **more,
                statement_key=statement.key,
                statement_text=statement.text,
                factor_id=statement.factor_id,
                reverse_scored=statement.reverse_scored,
                value=value,
            )
        )
    if rows:
        model.objects.bulk_create(
            rows,
            update_conflicts=True,
            unique_fields=[*owner, "statement_key"],
            update_fields=["statement_text", "factor", "reverse_scored", "value", *extra_fields],
        )
    return len(rows)
