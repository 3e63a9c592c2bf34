"""Parser and exporter for Moodle's GIFT quiz format.

Pure standard library, no Django imports. The behaviour follows Moodle's own importer
(``question/format/gift/format.php``) closely:

* questions are separated by blank lines; every line is trimmed; a line whose first
  non-blank characters are ``//`` is a comment;
* ``$CATEGORY: path`` sets the category of the following questions;
* ``::name::`` gives the question a name (otherwise one is derived from the text);
* ``[html]``, ``[plain]``, ``[markdown]`` and ``[moodle]`` may prefix the question text
  (kept in :attr:`GiftQuestion.text_format`) and any answer or feedback text (stripped);
* the first ``{`` and the first ``}`` delimit the answer block; if text follows the block
  the block becomes ``_____`` in the text ("missing word" questions);
* the escapes ``\\~ \\= \\# \\{ \\} \\: \\\\`` and ``\\n`` (newline) are honoured;
* the comments of a question may carry its ID number and tags, as Moodle 4 writes them
  (``// [id:Q123] [tag:samenwerken] [tag:vertrouwen]``, a ``]`` inside escaped as ``\\]``);
  they end up in :attr:`GiftQuestion.idnumber` and :attr:`GiftQuestion.tags`.

The kind of a question is decided the way Moodle decides it: no answer block ->
description, empty block -> essay, block starting with ``#`` -> numeric, a ``~`` anywhere
-> multiple choice (single choice when an answer is marked with ``=``, multiple response
otherwise), ``=`` together with ``->`` -> matching, ``T``/``TRUE``/``F``/``FALSE`` ->
true/false, anything else -> short answer.
"""

from __future__ import annotations

import html
import math
import re
from dataclasses import KW_ONLY, dataclass, field
from decimal import Decimal

__all__ = [
    "KINDS",
    "TEXT_FORMATS",
    "GiftAnswer",
    "GiftError",
    "GiftQuestion",
    "export_gift",
    "parse_gift",
]

KINDS = (
    "single_choice",
    "multiple_response",
    "true_false",
    "short_answer",
    "numeric",
    "matching",
    "essay",
    "description",
)
TEXT_FORMATS = ("moodle", "html", "plain", "markdown")
DEFAULT_FORMAT = "moodle"
BLANK = "_____"

# PHP's trim() character set (Python's str.strip() would also strip e.g. U+00A0).
_WS = " \t\n\r\x00\x0b"

# Escaped control characters are replaced by Unicode noncharacters (reserved for internal
# use) while the question is being taken apart, and turned back into the plain character
# at the end -- the same technique Moodle uses with its "&&058;" placeholders.
_ESCAPES = {
    ":": "\ufdd0",
    "#": "\ufdd1",
    "=": "\ufdd2",
    "{": "\ufdd3",
    "}": "\ufdd4",
    "~": "\ufdd5",
    "n": "\ufdd6",
}
_UNESCAPE = str.maketrans({ph: ("\n" if ch == "n" else ch) for ch, ph in _ESCAPES.items()})
_CONTROL_CHARS = "\\~=#{}:"

# Moodle: '/^%\-*([0-9]{1,2})\.?([0-9]*)%/'
_WEIGHT_RE = re.compile(r"%(-*)([0-9]{1,2}\.?[0-9]*)%")
# PHP's is_numeric() for decimal strings.
_NUMBER_RE = re.compile(
    r"[ \t\n\r\x0b\f]*[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?[ \t\n\r\x0b\f]*"
)
_TAG_RE = re.compile(r"<[^>]*>")
# Moodle's extract_idnumber_and_tags_from_comment(): any character but ']' and control characters
# (a tag not '<', '>' or '`' either, see PARAM_TAG), '\]' standing for ']'.
_IDNUMBER_RE = re.compile(r"\[id:((?:\\\]|[^\]\x00-\x1f\x7f])+)\]")
_QUESTION_TAG_RE = re.compile(r"\[tag:((?:\\\]|[^\]<>`\x00-\x1f\x7f])*)\]")
_COMMENT_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f]")
_TRUE_FALSE = {"T": True, "TRUE": True, "F": False, "FALSE": False}


class GiftError(ValueError):
    """A GIFT text that cannot be parsed (or a question that cannot be exported).

    ``line`` is the 1-based line where the question starts, ``question`` its name (or the
    first 40 characters of its text when it has no name).
    """

    def __init__(self, message: str, *, line: int = 0, question: str = "") -> None:
        self.message = message
        self.line = line
        self.question = question
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"line {self.line}" if self.line else "GIFT"
        if self.question:
            where += f" (question '{self.question}')"
        return f"{where}: {self.message}"

    def __reduce__(self):  # keep pickling (e.g. through Celery) working
        return (_rebuild_error, (self.message, self.line, self.question))


def _rebuild_error(message: str, line: int, question: str) -> GiftError:
    return GiftError(message, line=line, question=question)


@dataclass
class GiftAnswer:
    """One answer of a question.

    * choice / short answer: ``text`` is the option or accepted answer (``*`` is a
      wildcard in short answers), ``fraction`` its weight (1.0 = fully right, negative
      allowed);
    * matching: ``text`` is the left-hand item ('' for a distractor), ``match`` the
      right-hand item; ``fraction`` is 1.0 for a pair and 0.0 for a distractor;
    * numeric: ``text`` is the answer as written (``"3.14:0.01"``, ``"1..5"``) and either
      ``value``/``tolerance`` or ``minimum``/``maximum`` is set; ``text == "*"`` with
      neither set means "any other answer" (GIFT's ``~#feedback``).
    """

    text: str
    fraction: float
    _: KW_ONLY
    feedback: str = ""
    match: str = ""
    value: float | None = None
    tolerance: float | None = None
    minimum: float | None = None
    maximum: float | None = None


@dataclass(kw_only=True)
class GiftQuestion:
    """One GIFT question. ``kind`` is one of :data:`KINDS`."""

    kind: str
    name: str
    text: str
    text_format: str = DEFAULT_FORMAT
    category: str = ""
    general_feedback: str = ""
    answers: list[GiftAnswer] = field(default_factory=list)
    correct: bool | None = None
    feedback_true: str = ""
    feedback_false: str = ""
    idnumber: str = ""
    tags: list[str] = field(default_factory=list)
    line: int = 0


# --------------------------------------------------------------------------- helpers


def _escape_pre(text: str) -> str:
    """Replace escape sequences by placeholders (``\\\\`` becomes a plain backslash)."""
    if "\\" not in text:
        return text
    out: list[str] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == "\\" and i + 1 < n:
            nxt = text[i + 1]
            if nxt == "\\":
                out.append("\\")
                i += 2
                continue
            if nxt in _ESCAPES:
                out.append(_ESCAPES[nxt])
                i += 2
                continue
        out.append(ch)
        i += 1
    return "".join(out)


def _unescape(text: str) -> str:
    return text.translate(_UNESCAPE)


def _strip_format(text: str, default: str) -> tuple[str, str]:
    """Moodle's parse_text_with_format(): optional ``[format]`` prefix, unescape, trim."""
    fmt = default
    if text.startswith("["):
        end = text.find("]")
        if end != -1 and text[1:end] in TEXT_FORMATS:
            fmt = text[1:end]
            text = text[end + 1 :]
    return _unescape(text).strip(_WS), fmt


def _split_feedback(part: str, fmt: str) -> tuple[str, str]:
    """Moodle's commentparser(): ``answer#feedback``."""
    bits = part.split("#", 1)
    text = _strip_format(bits[0].strip(_WS), fmt)[0]
    feedback = _strip_format(bits[1].strip(_WS), fmt)[0] if len(bits) > 1 else ""
    return text, feedback


def _split_answers(block: str, sep: str) -> list[str]:
    parts = block.split(sep)
    if not parts[0].strip(_WS):
        parts.pop(0)
    return [p.strip(_WS) for p in parts]


def _default_name(text: str) -> str:
    plain = " ".join(html.unescape(_TAG_RE.sub(" ", text)).split())
    if not plain:
        return "Question"
    if len(plain) <= 50:
        return plain
    cut = plain[:50]
    space = cut.rfind(" ")
    if space >= 25:
        cut = cut[:space]
    return cut.rstrip() + "..."


def _number(text: str) -> float | None:
    if not _NUMBER_RE.fullmatch(text):
        return None
    value = float(text)
    return value if math.isfinite(value) else None


def _parse_numeric(spec: str) -> tuple[float | None, float | None, float | None, float | None]:
    """``value[:tolerance]`` or ``min..max`` or ``*`` -> (value, tolerance, minimum, maximum)."""
    marker = spec.find("..")
    if marker > 0:
        low, high = spec[:marker].strip(_WS), spec[marker + 2 :].strip(_WS)
        minimum, maximum = _number(low), _number(high)
        if minimum is None or maximum is None:
            raise ValueError(f"numeric range {spec!r} is not of the form number..number")
        return None, None, minimum, maximum
    marker = spec.find(":")
    if marker > 0:
        answer, tol_text = spec[:marker].strip(_WS), spec[marker + 1 :].strip(_WS)
        tolerance = _number(tol_text)
        if tolerance is None:
            raise ValueError(f"tolerance {tol_text!r} of numeric answer {spec!r} is not a number")
    else:
        answer, tolerance = spec.strip(_WS), 0.0
    if answer == "*":
        return None, None, None, None
    value = _number(answer)
    if value is None:
        raise ValueError(f"numeric answer {answer!r} is not a number")
    return value, tolerance, None, None


def _weight(part: str) -> tuple[float | None, str]:
    """Strip a leading ``%n%`` weight; return (fraction or None, rest)."""
    m = _WEIGHT_RE.match(part)
    if not m:
        return None, part
    if len(m.group(1)) > 1:
        raise ValueError(f"invalid answer weight {m.group(0)!r}")
    fraction = float(Decimal(m.group(1) + m.group(2)) / 100)
    if not -1 <= fraction <= 1:
        raise ValueError(f"answer weight {m.group(0)!r} is outside -100%..100%")
    return fraction, part[m.end() :]


def _idnumber_and_tags(comments: list[str]) -> tuple[str, list[str]]:
    """The first ``[id:…]`` and every ``[tag:…]`` in a question's comment lines (Moodle 4)."""
    text = "\n".join(comments)
    found = _IDNUMBER_RE.search(text)
    idnumber = found.group(1).replace("\\]", "]").strip(_WS) if found else ""
    tags: list[str] = []
    for raw in _QUESTION_TAG_RE.findall(text):
        tag = raw.replace("\\]", "]").strip(_WS)
        if tag and tag not in tags:
            tags.append(tag)
    return idnumber, tags


def _split_lines(text: str) -> list[str]:
    return re.split(r"\r\n|\r|\n", text.removeprefix("\ufeff"))


# --------------------------------------------------------------------------- parsing


def parse_gift(text: str) -> list[GiftQuestion]:
    """Parse a GIFT document into questions (categories and comments are not returned)."""
    questions: list[GiftQuestion] = []
    category = ""
    chunk: list[tuple[int, str]] = []

    def flush() -> None:
        nonlocal category
        lines = [(no, "" if line.startswith("//") else line) for no, line in chunk]
        content = [(no, line) for no, line in lines if line]
        if not content:
            return
        first = content[0][1]
        comments = chunk
        if first.startswith("$CATEGORY:"):
            category = _unescape(_escape_pre(first[len("$CATEGORY:") :])).strip(_WS)
            rest_index = lines.index(content[0]) + 1
            lines = lines[rest_index:]
            comments = chunk[rest_index:]
            content = content[1:]
            if not content:
                return
        start = content[0][0]
        # Moodle replaces comment lines with a space and joins with newlines.
        joined = "\n".join(line or " " for _, line in lines).strip(_WS)
        question = _parse_question(joined, line=start, category=category)
        question.idnumber, question.tags = _idnumber_and_tags(
            [line for _, line in comments if line.startswith("//")]
        )
        questions.append(question)

    for number, raw in enumerate(_split_lines(text), start=1):
        line = raw.strip(_WS)
        if line:
            chunk.append((number, line))
        elif chunk:
            flush()
            chunk = []
    if chunk:
        flush()
    return questions


def _parse_question(source: str, *, line: int, category: str) -> GiftQuestion:
    text = _escape_pre(source)
    name: str | None = None
    if text.startswith("::"):
        text = text[2:]
        end = text.find("::")
        if end != -1:
            name = _unescape(text[:end]).strip(_WS) or None
            text = text[end + 2 :].strip(_WS)

    label = name or _unescape(text).strip(_WS)[:40]

    def fail(message: str) -> GiftError:
        return GiftError(message, line=line, question=label)

    start, finish = text.find("{"), text.find("}")
    description = start == -1 and finish == -1
    if description:
        block = ""
        question_text = text
    elif start == -1:
        raise fail("'}' without a matching '{'")
    elif finish == -1:
        raise fail("unterminated answer block ('{' without '}')")
    elif finish < start:
        raise fail("'}' before the answer block's '{'")
    else:
        block = text[start + 1 : finish].strip(_WS)
        filler = "" if text.endswith("}") else BLANK
        question_text = text[:start] + filler + text[finish + 1 :]

    general_feedback = ""
    separator = block.rfind("####")
    if separator != -1:
        general_feedback = block[separator + 4 :]
        block = block[:separator].strip(_WS)

    qtext, fmt = _strip_format(question_text, DEFAULT_FORMAT)
    general_feedback = _strip_format(general_feedback, fmt)[0]
    question = GiftQuestion(
        kind="description",
        name=name if name is not None else _default_name(qtext),
        text=qtext,
        text_format=fmt,
        category=category,
        general_feedback=general_feedback,
        line=line,
    )

    try:
        if description:
            pass
        elif block == "":
            question.kind = "essay"
        elif block.startswith("#"):
            _parse_numeric_block(question, block[1:])
        elif "~" in block:
            _parse_choice_block(question, block)
        elif "=" in block and "->" in block:
            _parse_matching_block(question, block)
        elif block.split("#", 1)[0].strip(_WS) in _TRUE_FALSE:
            _parse_true_false_block(question, block)
        else:
            _parse_short_answer_block(question, block)
    except ValueError as exc:
        raise fail(str(exc)) from None
    return question


def _parse_choice_block(question: GiftQuestion, block: str) -> None:
    fmt = question.text_format
    single = "=" in block
    question.kind = "single_choice" if single else "multiple_response"
    answers: list[GiftAnswer] = []
    for part in _split_answers(block.replace("=", "~="), "~"):
        if part.startswith("="):
            fraction: float | None = 1.0
            part = part[1:]
        else:
            fraction, part = _weight(part)
        text, feedback = _split_feedback(part, fmt)
        if text:  # Moodle's multichoice type silently drops empty answers.
            answers.append(GiftAnswer(text, fraction or 0.0, feedback=feedback))
    if len(answers) < 2:
        raise ValueError("a multiple-choice question needs at least 2 answers")
    if single:
        if max(a.fraction for a in answers) != 1:
            raise ValueError("a single-choice question needs an answer marked '=' (100%)")
    else:
        total = sum(a.fraction for a in answers if a.fraction > 0)
        if total <= 0:
            raise ValueError("multiple-choice question has no correct answer")
        if round(total, 2) != 1:
            raise ValueError(
                f"the positive weights of a multiple-response question add up to {total * 100:g}%, not 100%"
            )
    question.answers = answers


def _parse_matching_block(question: GiftQuestion, block: str) -> None:
    question.kind = "matching"
    parts = _split_answers(block, "=")
    if len(parts) < 2:
        raise ValueError("a matching question needs at least 2 pairs")
    for part in parts:
        marker = part.find("->")
        if marker == -1:
            raise ValueError(f"matching pair {_unescape(part)!r} has no '->'")
        left = _strip_format(part[:marker], question.text_format)[0]
        right = _unescape(part[marker + 2 :]).strip(_WS)
        question.answers.append(GiftAnswer(left, 1.0 if left else 0.0, match=right))


def _parse_true_false_block(question: GiftQuestion, block: str) -> None:
    fmt = question.text_format
    bits = [b.strip(_WS) for b in block.split("#", 2)]
    answer = _strip_format(bits[0], fmt)[0]
    wrong = _strip_format(bits[1], fmt)[0] if len(bits) > 1 else ""
    right = _strip_format(bits[2], fmt)[0] if len(bits) > 2 else ""
    question.kind = "true_false"
    question.correct = _TRUE_FALSE[answer]
    # GIFT: {T#feedback if wrong#feedback if right}. feedback_true is shown to a learner who
    # answers TRUE: that is the "right" feedback when the statement is true, else "wrong".
    if question.correct:
        question.feedback_true, question.feedback_false = right, wrong
    else:
        question.feedback_true, question.feedback_false = wrong, right


def _parse_short_answer_block(question: GiftQuestion, block: str) -> None:
    question.kind = "short_answer"
    for part in _split_answers(block, "="):
        fraction, rest = _weight(part)
        text, feedback = _split_feedback(rest, question.text_format)
        if text:  # empty answers are dropped by Moodle's short-answer type
            question.answers.append(
                GiftAnswer(text, 1.0 if fraction is None else fraction, feedback=feedback)
            )
    if not question.answers:
        raise ValueError("a short-answer question needs at least 1 answer")


def _parse_numeric_block(question: GiftQuestion, block: str) -> None:
    question.kind = "numeric"
    fmt = question.text_format
    wrong_feedback: str | None = None
    tilde = block.find("~")
    if tilde != -1:
        block, wrong_feedback = block[:tilde], block[tilde:]
    for part in _split_answers(block, "="):
        fraction, rest = _weight(part)
        spec, feedback = _split_feedback(rest, fmt)
        value, tolerance, minimum, maximum = _parse_numeric(spec)
        question.answers.append(
            GiftAnswer(
                spec,
                1.0 if fraction is None else fraction,
                feedback=feedback,
                value=value,
                tolerance=tolerance,
                minimum=minimum,
                maximum=maximum,
            )
        )
    if not question.answers:
        raise ValueError("a numeric question needs at least 1 answer")
    if wrong_feedback is not None:
        feedback = _split_feedback(wrong_feedback, fmt)[1]
        question.answers.append(GiftAnswer("*", 0.0, feedback=feedback))


# --------------------------------------------------------------------------- export


def _escape(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    out = []
    for ch in text:
        if ch in _CONTROL_CHARS:
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        else:
            out.append(ch)
    return "".join(out)


def _has_format_prefix(text: str) -> bool:
    end = text.find("]")
    return text.startswith("[") and end != -1 and text[1:end] in TEXT_FORMATS


def _sub_text(text: str, fmt: str) -> str:
    """An answer or feedback text; a literal ``[html]``-like start is protected."""
    prefix = f"[{fmt}]" if _has_format_prefix(text) else ""
    return prefix + _escape(text)


def _format_number(value: float) -> str:
    if not math.isfinite(value):
        raise ValueError(f"{value!r} is not a finite number")
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def _format_weight(fraction: float) -> str:
    if not -1 <= fraction <= 1:
        raise ValueError(f"fraction {fraction!r} is outside -1..1")
    # repr() is the shortest string that reads back as the same float; times 100 is exact in
    # decimal, and _weight() divides by 100 in decimal again, so the fraction round-trips.
    percent = Decimal(repr(float(fraction))) * 100
    return f"%{percent.normalize():f}%"


def _feedback(feedback: str, fmt: str) -> str:
    return "#" + _sub_text(feedback, fmt) if feedback else ""


def _numeric_spec(answer: GiftAnswer) -> str:
    wanted = (answer.value, answer.tolerance, answer.minimum, answer.maximum)
    if answer.text and not any(c in answer.text for c in "\\~=#{}\n"):
        try:
            if _parse_numeric(answer.text) == wanted:
                return answer.text
        except ValueError:
            pass
    if answer.minimum is not None and answer.maximum is not None:
        return f"{_format_number(answer.minimum)}..{_format_number(answer.maximum)}"
    if answer.value is not None:
        return f"{_format_number(answer.value)}:{_format_number(answer.tolerance or 0.0)}"
    if answer.minimum is None and answer.maximum is None and answer.tolerance is None:
        return "*"
    raise ValueError("numeric answer needs value (and tolerance) or minimum and maximum")


def _answer_block(q: GiftQuestion) -> str:
    fmt = q.text_format
    lines: list[str] = []
    if q.kind == "essay":
        if q.answers:
            raise ValueError("an essay question has no answers")
        return "{" + _general_feedback(q) + "}"

    if q.kind == "true_false":
        if q.correct is None:
            raise ValueError("true/false question without 'correct'")
        if q.answers:
            raise ValueError("a true/false question has no answers (use correct and the feedbacks)")
        right, wrong = (
            (q.feedback_true, q.feedback_false) if q.correct else (q.feedback_false, q.feedback_true)
        )
        out = "{" + ("TRUE" if q.correct else "FALSE")
        if wrong or right:
            out += "#" + _sub_text(wrong, fmt)
        if right:
            out += "#" + _sub_text(right, fmt)
        return out + _general_feedback(q) + "}"

    if (
        q.kind in ("single_choice", "multiple_response", "short_answer", "numeric", "matching")
        and not q.answers
    ):
        raise ValueError(f"a {q.kind} question needs answers")
    if q.kind == "single_choice":
        if not any(a.fraction == 1 for a in q.answers):
            raise ValueError("a single-choice question needs an answer with fraction 1.0")
        has_wrong = any(a.fraction != 1 for a in q.answers)
        seen_right = False
        for a in q.answers:
            if a.fraction == 1 and (has_wrong or not seen_right):
                marker = "="
                seen_right = True
            elif a.fraction == 0 and not a.text.startswith("%"):
                marker = "~"
            else:
                marker = "~" + _format_weight(a.fraction)
            lines.append(marker + _sub_text(a.text, fmt) + _feedback(a.feedback, fmt))
    elif q.kind == "multiple_response":
        for a in q.answers:
            marker = (
                "~" if a.fraction == 0 and not a.text.startswith("%") else "~" + _format_weight(a.fraction)
            )
            lines.append(marker + _sub_text(a.text, fmt) + _feedback(a.feedback, fmt))
    elif q.kind == "short_answer":
        # An unescaped '=' together with '->' would make the block a matching question; a
        # lone answer can be written without its '=' marker, so it may contain '->'.
        arrow = any("->" in a.text or "->" in a.feedback for a in q.answers)
        if arrow and len(q.answers) > 1:
            raise ValueError("'->' cannot be written in a short-answer question with several answers")
        for a in q.answers:
            plain = a.fraction == 1 and not a.text.startswith("%")
            if arrow:  # "T" alone would read as true/false, "//x" as a comment: give a weight
                bare = plain and a.text not in _TRUE_FALSE and not a.text.startswith("//")
                marker = "" if bare else _format_weight(a.fraction)
            else:
                marker = "=" if plain else "=" + _format_weight(a.fraction)
            lines.append(marker + _sub_text(a.text, fmt) + _feedback(a.feedback, fmt))
    elif q.kind == "matching":
        for a in q.answers:
            if "->" in a.text:
                raise ValueError(f"matching item {a.text!r} cannot contain '->'")
            if a.feedback:
                raise ValueError("matching pairs cannot have feedback in GIFT")
            lines.append("=" + _sub_text(a.text, fmt) + " -> " + _escape(a.match))
    elif q.kind == "numeric":
        for index, a in enumerate(q.answers):
            spec = _numeric_spec(a)
            is_last = index == len(q.answers) - 1
            if spec == "*" and a.fraction == 0 and is_last and a.text in ("", "*"):
                lines.append("~#" + _sub_text(a.feedback, fmt) if a.feedback else "~")
                continue
            marker = "=" if a.fraction == 1 else "=" + _format_weight(a.fraction)
            lines.append(marker + spec + _feedback(a.feedback, fmt))
    else:
        raise ValueError(f"unknown question kind {q.kind!r}")

    if q.general_feedback:
        lines.append(_general_feedback(q))
    opening = "{#" if q.kind == "numeric" else "{"
    return opening + "\n" + "".join(f"\t{line}\n" for line in lines) + "}"


def _general_feedback(q: GiftQuestion) -> str:
    return "####" + _sub_text(q.general_feedback, q.text_format) if q.general_feedback else ""


def _comment_value(value: str, *, tag: bool) -> str:
    """An ID number or tag as Moodle's importer reads it back from a ``//`` comment.

    Control characters (a newline would end the comment) become spaces and a tag loses the
    characters Moodle does not allow in tags (``<``, ``>`` and the backtick); ``]`` is escaped. A value
    ending in a backslash gets a space, which the importer trims, so that ``\\]`` is not read.
    """
    value = _COMMENT_CONTROL_RE.sub(" ", value).strip(_WS)
    if tag:
        value = re.sub(r"[<>`]", "", value).strip(_WS)
    value = value.replace("]", "\\]")
    return value + " " if value.endswith("\\") else value


def _id_and_tags_comment(q: GiftQuestion) -> str:
    bits = []
    if idnumber := _comment_value(q.idnumber, tag=False):
        bits.append(f"[id:{idnumber}]")
    bits.extend(f"[tag:{tag}]" for tag in (_comment_value(t, tag=True) for t in q.tags) if tag)
    return "// " + " ".join(bits) + "\n" if bits else ""


def _export_question(q: GiftQuestion) -> str:
    if q.text_format not in TEXT_FORMATS:
        raise ValueError(f"unknown text format {q.text_format!r}")
    name = q.name or _default_name(q.text)
    head = "::" + _escape(name) + "::"
    if q.text_format != DEFAULT_FORMAT or _has_format_prefix(q.text):
        head += f"[{q.text_format}]"
    if q.kind == "description":
        if q.answers or q.general_feedback:
            raise ValueError("a description has no answers or general feedback")
        return head + _escape(q.text)
    block = _answer_block(q)
    blank = q.text.find(BLANK)
    if blank != -1 and blank + len(BLANK) < len(q.text):
        # Missing word: put the answer block back where the blank is.
        before, after = q.text[:blank], q.text[blank + len(BLANK) :]
        return head + _escape(before) + block + _escape(after)
    return head + _escape(q.text) + block


def export_gift(questions: list[GiftQuestion]) -> str:
    """Write questions as GIFT; ``parse_gift(export_gift(qs))`` gives the questions back."""
    out: list[str] = []
    category = ""
    for q in questions:
        if q.category != category:
            category = q.category
            path = category.replace("\\", "\\\\").replace("\r\n", "\n").replace("\r", "\n")
            out.append("$CATEGORY: " + path.replace("\n", "\\n") + "\n")
        try:
            out.append(_id_and_tags_comment(q) + _export_question(q) + "\n")
        except ValueError as exc:
            raise GiftError(str(exc), line=q.line, question=q.name or q.text[:40]) from None
    return "\n".join(out)
