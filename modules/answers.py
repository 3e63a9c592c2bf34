"""From posted form values to a stored answer, per question type; pure functions, no database.

A stored answer is a small dict (or `None`: not answered):

* single choice, true/false: ``{"option": id}``
* multiple response: ``{"options": [id, …]}``
* short answer, open question: ``{"text": "…"}``
* numeric: ``{"text": "3,5", "number": 3.5}``
* matching: ``{"pairs": {item id: chosen item id}}``
* ordering: ``{"positions": {item id: 1-based place}}``

Anything the form could not have sent (an option of another question, a place out of range) is refused with
an `AnswerError` whose message is shown to the professional as it is.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from django.utils.translation import gettext as _

MAX_SHORT_ANSWER = 500
MAX_OPEN_ANSWER = 5000
_NUMBER = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?")


class AnswerError(ValueError):
    def __init__(self, message: str):
        self.message = message
        super().__init__(message)


def _getlist(data, key: str) -> list[str]:
    if hasattr(data, "getlist"):
        return data.getlist(key)
    value = data.get(key)
    if value is None:
        return []
    return list(value) if isinstance(value, list | tuple) else [value]


def parse_number(text: str) -> float:
    """A number as people type it: a comma or a point for decimals, no thousands separators."""
    cleaned = text.strip().replace("\u2212", "-").replace(" ", "")
    if not _NUMBER.fullmatch(cleaned):
        raise AnswerError(
            _("“%(text)s” is not a number. Use digits, with a comma or a point for decimals.")
            % {"text": text}
        )
    number = float(cleaned.replace(",", "."))
    if not math.isfinite(number):
        raise AnswerError(_("“%(text)s” is too large a number.") % {"text": text})
    return number


def _not_an_option() -> AnswerError:
    return AnswerError(_("That is not one of the options of this question. Reload the page and try again."))


def parse_answer(
    *,
    kind: str,
    data,
    name: str,
    option_ids: Sequence[str] = (),
    item_ids: Sequence[str] = (),
    choice_ids: Sequence[str] = (),
) -> dict | None:
    """The answer in `data` under the field `name` (and `name-<item id>` for matching and ordering)."""
    if kind in ("single_choice", "true_false"):
        value = (data.get(name) or "").strip()
        if not value:
            return None
        if value not in option_ids:
            raise _not_an_option()
        return {"option": value}

    if kind == "multiple_response":
        values = [v for v in dict.fromkeys(v.strip() for v in _getlist(data, name)) if v]
        if not values:
            return None
        if any(v not in option_ids for v in values):
            raise _not_an_option()
        return {"options": values}

    if kind in ("short_answer", "open"):
        text = (data.get(name) or "").replace("\r\n", "\n").strip()
        if not text:
            return None
        limit = MAX_OPEN_ANSWER if kind == "open" else MAX_SHORT_ANSWER
        if len(text) > limit:
            raise AnswerError(_("Your answer is too long: at most %(max)d characters.") % {"max": limit})
        return {"text": text}

    if kind == "numeric":
        text = (data.get(name) or "").strip()
        if not text:
            return None
        return {"text": text[:100], "number": parse_number(text[:100])}

    if kind == "matching":
        # The form names a right-hand item by its place in the attempt's shuffled list, not by its id:
        # the ids of a pair's two sides are the same option's, which would give the answer away.
        pairs = {}
        for item in item_ids:
            value = (data.get(f"{name}-{item}") or "").strip()
            if not value:
                continue
            if not value.isdigit() or not 1 <= int(value) <= len(choice_ids):
                raise _not_an_option()
            pairs[item] = choice_ids[int(value) - 1]
        return {"pairs": pairs} if pairs else None

    if kind == "ordering":
        positions = {}
        for item in item_ids:
            value = (data.get(f"{name}-{item}") or "").strip()
            if not value:
                continue
            if not value.isdigit() or not 1 <= int(value) <= len(item_ids):
                raise _not_an_option()
            positions[item] = int(value)
        if len(set(positions.values())) < len(positions):
            raise AnswerError(_("Give each item a different place."))
        return {"positions": positions} if positions else None

    raise ValueError(f"unknown question type {kind!r}")


def is_complete(kind: str, answer: dict | None, *, item_count: int = 0) -> bool:
    """Whether every part of the question has been answered (for the 'not answered yet' check)."""
    if answer is None:
        return False
    if kind == "matching":
        return len(answer.get("pairs", {})) >= item_count
    if kind == "ordering":
        return len(answer.get("positions", {})) >= item_count
    return True


def answer_fields(
    kind: str, name: str, answer: dict | None, *, choice_ids: Sequence[str] = ()
) -> dict[str, list[str]]:
    """A stored answer as the form values that show it again (the reverse of `parse_answer`)."""
    if not answer:
        return {}
    if kind in ("single_choice", "true_false"):
        return {name: [answer["option"]]}
    if kind == "multiple_response":
        return {name: list(answer["options"])}
    if kind in ("short_answer", "open", "numeric"):
        return {name: [answer["text"]]}
    if kind == "matching":
        places = {choice: str(place) for place, choice in enumerate(choice_ids, start=1)}
        return {f"{name}-{item}": [places.get(choice, "")] for item, choice in answer["pairs"].items()}
    if kind == "ordering":
        return {f"{name}-{item}": [str(place)] for item, place in answer["positions"].items()}
    return {}
