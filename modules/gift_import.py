"""GIFT (Moodle's quiz text format) to a quiz's question bank and back.

`modules.gift` parses and writes the format; this module maps its questions onto Question and Option rows.
Question texts and general feedback are stored as sanitised HTML (the question-text profile, which keeps
code in ``<pre>``) and exported in GIFT's ``[html]`` format; options and their feedback are plain text. A
question's ID number and tags travel in the comment before it, as Moodle 4 writes them
(``// [id:…] [tag:…]``). So import → export → import gives the same questions.

Descriptions (GIFT text without an answer block) are not questions: their text is added to the quiz's
introduction (in a new revision, published when the quiz was live without other pending changes).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.db.models import Max
from django.utils.html import escape, linebreaks
from taggit.models import Tag

from academy.sanitizer import QUESTION_TEXT, sanitize_html

from .gift import GiftAnswer, GiftError, GiftQuestion, export_gift, parse_gift
from .models import Option, Question, QuestionKind, QuestionTag, QuizPage
from .validation import question_problems

__all__ = ["GiftError", "GiftImportResult", "gift_export", "gift_import", "gift_questions"]

TRUE_LABEL, FALSE_LABEL = "Waar", "Onwaar"
KIND_FROM_GIFT = {
    "single_choice": QuestionKind.SINGLE_CHOICE,
    "multiple_response": QuestionKind.MULTIPLE_RESPONSE,
    "true_false": QuestionKind.TRUE_FALSE,
    "short_answer": QuestionKind.SHORT_ANSWER,
    "numeric": QuestionKind.NUMERIC,
    "matching": QuestionKind.MATCHING,
    "essay": QuestionKind.OPEN,
}
_BLOCK_START = re.compile(r"^\s*<(p|ul|ol|h[2-4]|blockquote|pre)[\s>]", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
_MARKDOWN_BOLD = re.compile(r"\*\*(.+?)\*\*|__(.+?)__")
_MARKDOWN_ITALIC = re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])")
_MARKDOWN_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")


@dataclass(frozen=True)
class GiftImportResult:
    questions: int
    descriptions: int


# --- Texts -----------------------------------------------------------------------------------------


def _markdown_to_html(text: str) -> str:
    """The little Markdown quiz texts use: paragraphs, line breaks, bold, italic, links."""
    paragraphs = []
    for block in re.split(r"\n\s*\n", text.strip()):
        block = escape(block)
        block = _MARKDOWN_BOLD.sub(lambda m: f"<strong>{m.group(1) or m.group(2)}</strong>", block)
        block = _MARKDOWN_ITALIC.sub(r"<em>\1</em>", block)
        block = _MARKDOWN_LINK.sub(r'<a href="\2">\1</a>', block)
        paragraphs.append("<p>" + block.replace("\n", "<br>") + "</p>")
    return "".join(paragraphs)


def text_to_html(text: str, text_format: str) -> str:
    """A GIFT question text as the sanitised HTML the question bank stores."""
    if not text.strip():
        return ""
    if text_format == "plain":
        result = linebreaks(escape(text))
    elif text_format == "markdown":
        result = _markdown_to_html(text)
    else:  # html, and Moodle's own format, which is HTML with line breaks kept
        result = text if text_format == "html" else text.replace("\n", "<br>")
        if not _BLOCK_START.match(result):
            result = f"<p>{result}</p>"
    # Wagtail's rich text (and its editor's HTML parser) writes line breaks as <br/>.
    return sanitize_html(result, profile=QUESTION_TEXT).replace("<br>", "<br/>")


def text_to_plain(text: str, text_format: str) -> str:
    """An option or feedback text as plain text (options are shown as text, never as HTML)."""
    if text_format in ("html", "moodle"):
        return html.unescape(_TAG.sub("", text)).strip()
    return text.strip()


# --- GIFT to rows ----------------------------------------------------------------------------------


def _credit(fraction: float) -> Decimal:
    return (Decimal(repr(float(fraction))) * 100).quantize(Decimal("0.00001"))


def _options_for(gq: GiftQuestion) -> list[Option]:
    fmt = gq.text_format
    plain = lambda value: text_to_plain(value, fmt)  # noqa: E731
    if gq.kind == "true_false":
        return [
            Option(
                text=TRUE_LABEL, credit=Decimal(100 if gq.correct else 0), feedback=plain(gq.feedback_true)
            ),
            Option(
                text=FALSE_LABEL, credit=Decimal(0 if gq.correct else 100), feedback=plain(gq.feedback_false)
            ),
        ]
    if gq.kind == "numeric":
        return [
            Option(
                text="*" if a.text == "*" and a.value is None and a.minimum is None else "",
                credit=_credit(a.fraction),
                feedback=plain(a.feedback),
                value=a.value,
                tolerance=a.tolerance,
                minimum=a.minimum,
                maximum=a.maximum,
            )
            for a in gq.answers
        ]
    if gq.kind == "matching":
        return [
            Option(text=plain(a.text), match_text=plain(a.match), credit=_credit(a.fraction))
            for a in gq.answers
        ]
    return [
        Option(text=plain(a.text), credit=_credit(a.fraction), feedback=plain(a.feedback)) for a in gq.answers
    ]


def gift_questions(text: str) -> tuple[list[tuple[Question, list[Option], list[str]]], list[str]]:
    """Unsaved questions with their options and tag names, and the HTML of the descriptions.

    GiftError when the text is invalid.
    """
    questions, descriptions = [], []
    for gq in parse_gift(text):
        if gq.kind == "description":
            descriptions.append(text_to_html(gq.text, gq.text_format))
            continue
        label = gq.name or gq.text[:40]
        kind = KIND_FROM_GIFT[gq.kind]
        options = _options_for(gq)
        problems = question_problems(kind, [o.spec() for o in options])
        if problems:
            raise GiftError(" ".join(problems), line=gq.line, question=label)
        if len(gq.name) > Question._meta.get_field("name").max_length:
            raise GiftError("the question name is too long", line=gq.line, question=label[:40])
        if len(gq.idnumber) > Question._meta.get_field("reference").max_length:
            raise GiftError("the ID number is longer than 100 characters", line=gq.line, question=label[:40])
        if any(len(tag) > Tag._meta.get_field("name").max_length for tag in gq.tags):
            raise GiftError("a tag is longer than 100 characters", line=gq.line, question=label[:40])
        question = Question(
            kind=kind,
            name=gq.name,
            text=text_to_html(gq.text, gq.text_format),
            general_feedback=text_to_html(gq.general_feedback, gq.text_format),
            category=gq.category[:255],
            reference=gq.idnumber,
        )
        questions.append((question, options, gq.tags))
    return questions, descriptions


def _tags_named(names: set[str]) -> dict[str, Tag]:
    """The tags with these names, the missing ones created (taggit gives each a unique slug)."""
    tags = {tag.name: tag for tag in Tag.objects.filter(name__in=names)}
    for name in sorted(names - tags.keys()):
        tags[name], _created = Tag.objects.get_or_create(name=name)  # another import may create it meanwhile
    return tags


def gift_import(*, quiz: QuizPage, text: str, user=None) -> GiftImportResult:
    """Adds the file's questions after the quiz's own, all or nothing."""
    questions, descriptions = gift_questions(text)
    with transaction.atomic():
        start = Question.objects.filter(quiz=quiz).aggregate(last=Max("sort_order"))["last"]
        start = -1 if start is None else start
        for offset, (question, _options, _tags) in enumerate(questions, start=1):
            question.quiz, question.sort_order = quiz, start + offset
        Question.objects.bulk_create([q for q, _options, _tags in questions])
        rows = []
        for question, options, _tags in questions:
            for order, option in enumerate(options):
                option.question, option.sort_order = question, order
                rows.append(option)
        Option.objects.bulk_create(rows)
        tags = _tags_named({name for _q, _options, names in questions for name in names})
        QuestionTag.objects.bulk_create(
            QuestionTag(content_object=question, tag=tags[name])
            for question, _options, names in questions
            for name in names
        )
        if descriptions:
            _add_to_intro(quiz=quiz, html_parts=descriptions, user=user)
    return GiftImportResult(questions=len(questions), descriptions=len(descriptions))


def _add_to_intro(*, quiz: QuizPage, html_parts: list[str], user) -> None:
    current = QuizPage.objects.get(pk=quiz.pk)
    was_published_as_is = current.live and not current.has_unpublished_changes
    latest = current.get_latest_revision_as_object()
    latest.intro = (latest.intro or "") + "".join(html_parts)
    revision = latest.save_revision(user=user, log_action=True)
    if was_published_as_is:
        revision.publish(user=user)
    quiz.refresh_from_db()


# --- Rows to GIFT ----------------------------------------------------------------------------------


def _html_text(text: str) -> str:
    """Plain text inside an ``[html]`` question: the import reads it back with `text_to_plain`."""
    return html.escape(text, quote=False)


def _gift_answer(question: Question, option: Option) -> GiftAnswer:
    text = _html_text(option.text) if question.kind != QuestionKind.NUMERIC else option.text
    return GiftAnswer(
        text=text,
        fraction=float(option.credit / 100),
        feedback=_html_text(option.feedback),
        match=_html_text(option.match_text),
        value=option.value,
        tolerance=option.tolerance,
        minimum=option.minimum,
        maximum=option.maximum,
    )


GIFT_FROM_KIND = {kind: gift_kind for gift_kind, kind in KIND_FROM_GIFT.items()}


def question_to_gift(question: Question) -> GiftQuestion:
    kind = GIFT_FROM_KIND.get(question.kind)
    if kind is None:
        raise GiftError("GIFT has no ordering questions", question=question.name)
    options = list(question.options.all())
    gq = GiftQuestion(
        kind=kind,
        name=question.name,
        text=question.text,
        text_format="html",
        category=question.category,
        general_feedback=question.general_feedback,
        idnumber=question.reference,
        tags=sorted(item.tag.name for item in question.tagged_items.all()),
    )
    if kind == "true_false":
        gq.correct = bool(options) and options[0].credit == 100
        gq.feedback_true = _html_text(options[0].feedback) if options else ""
        gq.feedback_false = _html_text(options[1].feedback) if len(options) > 1 else ""
    elif kind != "essay":
        gq.answers = [_gift_answer(question, o) for o in options]
    return gq


def gift_export(*, quiz: QuizPage) -> str:
    """The quiz's questions in use as GIFT (ordering questions, which GIFT cannot express, are left out)."""
    questions = Question.objects.filter(quiz=quiz, is_active=True).prefetch_related(
        "options", "tagged_items__tag"
    )
    return export_gift([question_to_gift(q) for q in questions if q.kind != QuestionKind.ORDERING])
