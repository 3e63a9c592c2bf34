"""What makes a question well-formed, per type. Used by the admin form and the GIFT import alike."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext as _

from .grading import OptionSpec

FULL = 1.0
EPSILON = 1e-4  # credits are percentages with up to five decimals


def question_problems(kind: str, options: Iterable[OptionSpec]) -> list[str]:
    """Everything wrong with a question of this type and these options (empty when it is fine)."""
    options = list(options)
    problems: list[str] = []
    full = [o for o in options if abs(o.fraction - FULL) < EPSILON]

    if kind == "open":
        if options:
            problems.append(_("An open question has no options; remove them."))
        return problems

    if kind in ("single_choice", "multiple_response", "true_false", "ordering") and any(
        not o.text.strip() for o in options
    ):
        problems.append(_("Every option needs a text."))

    if kind == "single_choice":
        if len(options) < 2:
            problems.append(_("A single-choice question needs at least 2 options."))
        if not full:
            problems.append(_("Give the right option a credit of 100%."))
    elif kind == "multiple_response":
        if len(options) < 2:
            problems.append(_("A multiple-response question needs at least 2 options."))
        positive = sum(o.fraction for o in options if o.fraction > 0)
        if abs(positive - FULL) > EPSILON:
            problems.append(
                _("The positive credits of the options must add up to 100%%, not %(total)s%%.")
                % {"total": f"{round(positive * 100, 3):g}"}
            )
    elif kind == "true_false":
        if len(options) != 2 or len(full) != 1 or any(o.fraction not in (0.0, FULL) for o in options):
            problems.append(
                _(
                    "A true-or-false question has exactly 2 options, first “true” and then “false”; "
                    "give the right one a credit of 100% and the other 0%."
                )
            )
    elif kind == "matching":
        pairs = [o for o in options if o.text.strip()]
        if len(pairs) < 2:
            problems.append(_("A matching question needs at least 2 pairs."))
        if any(not o.match_text.strip() for o in options):
            problems.append(_("Every pair and distractor needs its right-hand item (“matches”)."))
    elif kind == "ordering":
        if len(options) < 2:
            problems.append(_("An ordering question needs at least 2 items, in the right order."))
    elif kind == "short_answer":
        if not [o for o in options if o.text.strip()]:
            problems.append(_("A short-answer question needs at least 1 accepted answer."))
        if not [o for o in options if o.fraction > 0]:
            problems.append(_("Give at least one accepted answer a credit above 0%."))
    elif kind == "numeric":
        answers = [o for o in options if not o.is_catch_all]
        if not answers:
            problems.append(_("A numeric question needs at least 1 answer: a value or a range."))
        if not [o for o in answers if o.fraction > 0]:
            problems.append(_("Give at least one numeric answer a credit above 0%."))
        for option in answers:
            if (option.minimum is None) != (option.maximum is None):
                problems.append(_("A range needs both “from” and “to”."))
            elif option.minimum is not None and option.minimum > option.maximum:
                problems.append(_("“From” must not be larger than “to”."))
            if option.value is not None and option.minimum is not None:
                problems.append(_("Give a value with a tolerance, or a range, not both."))
            if option.tolerance is not None and option.tolerance < 0:
                problems.append(_("A tolerance cannot be negative."))
        if len([o for o in options if o.is_catch_all]) > 1:
            problems.append(_("Only one option can stand for “any other answer”."))
    else:
        problems.append(_("Unknown question type."))
    return list(dict.fromkeys(problems))
