"""Builders for tests and the benchmark: reflections that ask for feedback, answers waiting for a grade."""

from __future__ import annotations

from modules.models import LessonPage


def reflections_ask_feedback(lesson: LessonPage) -> str:
    """Turns on "the trainer gives feedback" for the lesson's reflections, publishes; returns a block id."""
    body = list(lesson.body.raw_data)
    for block in body:
        if block["type"] == "reflection":
            block["value"] = {**block["value"], "trainer_feedback": True}
    lesson.body = body
    lesson.save_revision().publish()
    lesson.refresh_from_db()
    return next(block.id for block in lesson.body if block.block_type == "reflection")


def round_statements_create(*, per_factor: int = 1, factors: int = 3):
    """Statements of the feedback round for the first success factors (seeded when missing)."""
    from successfactors.models import SuccessFactor

    from .models import RoundStatement

    if not SuccessFactor.objects.exists():
        from successfactors.demo import seed

        seed(lambda *args: None, {})
    return [
        RoundStatement.objects.create(factor=factor, text=f"Stelling {n} over {factor.name}", sort_order=n)
        for factor in SuccessFactor.objects.order_by("number")[:factors]
        for n in range(per_factor)
    ]
