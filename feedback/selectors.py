"""The trainer's grading queue: reflections that ask for feedback and open answers that wait for a grade.

Only the courses the trainer teaches (administrators: all). One page of the queue takes a fixed number of
queries, whatever the number of items: the two kinds are merged and paginated in one UNION ALL query, then
the page's items are loaded with their learner, lesson or question and course.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import F, Q, QuerySet, Value
from django.http import Http404

from courses.models import CoursePage, JournalEntry
from courses.selectors import courses_for_report
from modules.models import QuestionKind, QuestionResponse

PAGE_SIZE = 50
REFLECTION, ANSWER = "reflection", "answer"
WAITING, DONE = "waiting", "done"
STEPLEN = CoursePage.steplen


@dataclass
class QueueItem:
    kind: str
    pk: int
    since: datetime | None
    learner: str
    title: str
    course: CoursePage | None
    excerpt: str
    waiting: bool


@dataclass
class QueuePage:
    items: list[QueueItem]
    total: int
    waiting_count: int
    page: int
    pages: int
    courses: list[CoursePage]


def taught_courses(*, user) -> list[CoursePage]:
    return list(courses_for_report(user=user).only("pk", "title", "path", "depth"))


def _under(courses: list[CoursePage], field: str) -> Q:
    """Rows whose page lies under one of these courses (a quiz is two levels below its course)."""
    condition = Q(pk__in=[])
    for course in courses:
        condition |= Q(**{f"{field}__startswith": course.path})
    return condition


def _reflections(courses: list[CoursePage], status: str) -> QuerySet:
    rows = JournalEntry.objects.filter(feedback_requested=True, course__in=[c.pk for c in courses])
    if status == WAITING:
        return rows.filter(awaiting_feedback_since__isnull=False).annotate(since=F("awaiting_feedback_since"))
    return rows.filter(awaiting_feedback_since__isnull=True).annotate(since=F("updated_at"))


def _answers(courses: list[CoursePage], status: str) -> QuerySet:
    rows = QuestionResponse.objects.filter(
        _under(courses, "attempt__quiz__path"),
        question__kind=QuestionKind.OPEN,
        attempt__submitted_at__isnull=False,
    )
    if status == WAITING:
        return rows.filter(awaiting_grading_since__isnull=False).annotate(since=F("awaiting_grading_since"))
    return rows.filter(graded_at__isnull=False).annotate(since=F("graded_at"))


def _keys(queryset: QuerySet, kind: str) -> QuerySet:
    # Without the models' default ordering: SQLite refuses ORDER BY inside a UNION's parts.
    return queryset.order_by().annotate(kind=Value(kind)).values("pk", "kind", "since")


def waiting_count(*, user) -> int:
    courses = taught_courses(user=user)
    if not courses:
        return 0
    return _reflections(courses, WAITING).count() + _answers(courses, WAITING).count()


def queue_page(*, user, course_id: int | None = None, status: str = WAITING, page: int = 1) -> QueuePage:
    """One page of the queue: waiting items oldest first, done items newest first."""
    courses = taught_courses(user=user)
    chosen = [c for c in courses if c.pk == course_id] if course_id else courses
    if not chosen:
        return QueuePage([], 0, 0, 1, 1, courses)
    status = status if status in (WAITING, DONE) else WAITING
    reflections, answers = _reflections(chosen, status), _answers(chosen, status)
    total = reflections.count() + answers.count()
    pages = max(1, -(-total // PAGE_SIZE))
    page = min(max(1, page), pages)
    order = ("since", "pk") if status == WAITING else ("-since", "-pk")
    keys = list(
        _keys(reflections, REFLECTION)
        .union(_keys(answers, ANSWER), all=True)
        .order_by(*order)[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
    )
    items = _load_items(keys, courses, waiting=status == WAITING)
    waiting = total if status == WAITING else waiting_count(user=user)
    return QueuePage(items, total, waiting, page, pages, courses)


def _excerpt(text: str, length: int = 160) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= length else text[: length - 1] + "…"


def _load_items(keys: list[dict], courses: list[CoursePage], *, waiting: bool) -> list[QueueItem]:
    entry_ids = [k["pk"] for k in keys if k["kind"] == REFLECTION]
    response_ids = [k["pk"] for k in keys if k["kind"] == ANSWER]
    entries = JournalEntry.objects.filter(pk__in=entry_ids).select_related("user", "lesson").in_bulk()
    responses = (
        QuestionResponse.objects.filter(pk__in=response_ids)
        .select_related("attempt__user", "attempt__quiz", "question")
        .in_bulk()
    )
    course_by_id = {c.pk: c for c in courses}
    course_by_path = {c.path: c for c in courses}
    items = []
    for key in keys:
        if key["kind"] == REFLECTION:
            entry = entries[key["pk"]]
            items.append(
                QueueItem(
                    REFLECTION,
                    entry.pk,
                    key["since"],
                    entry.user.get_full_name() or entry.user.email,
                    entry.lesson.title,
                    course_by_id.get(entry.course_id),
                    _excerpt(entry.answer),
                    waiting,
                )
            )
        else:
            response = responses[key["pk"]]
            quiz = response.attempt.quiz
            user = response.attempt.user
            items.append(
                QueueItem(
                    ANSWER,
                    response.pk,
                    key["since"],
                    user.get_full_name() or user.email,
                    f"{quiz.title} – {response.question.name}",
                    course_by_path.get(quiz.path[: (quiz.depth - 2) * STEPLEN]),
                    _excerpt((response.answer or {}).get("text", "")),
                    waiting,
                )
            )
    return items


# --- One item --------------------------------------------------------------------------------------


def reflection_for_trainer(*, user, entry_id: int) -> JournalEntry:
    """A reflection that asks for feedback in a course the trainer teaches; anything else is a 404."""
    courses = taught_courses(user=user)
    entry = (
        JournalEntry.objects.filter(pk=entry_id, feedback_requested=True, course__in=[c.pk for c in courses])
        .select_related("user", "lesson", "course")
        .prefetch_related("messages")
        .first()
    )
    if entry is None:
        raise Http404
    return entry


def answer_for_trainer(*, user, response_id: int) -> QuestionResponse:
    """An open answer of a submitted attempt in a course the trainer teaches; anything else is a 404."""
    courses = taught_courses(user=user)
    if not courses:
        raise Http404
    response = (
        QuestionResponse.objects.filter(
            _under(courses, "attempt__quiz__path"),
            pk=response_id,
            question__kind=QuestionKind.OPEN,
            attempt__submitted_at__isnull=False,
        )
        .select_related("attempt__user", "attempt__quiz", "question")
        .prefetch_related("question__rubric_criteria")
        .first()
    )
    if response is None:
        raise Http404
    return response


def next_waiting(*, user, exclude: tuple[str, int]) -> tuple[str, int] | None:
    """The oldest waiting item of the trainer's courses other than the one just done."""
    courses = taught_courses(user=user)
    if not courses:
        return None
    reflections = _reflections(courses, WAITING)
    answers = _answers(courses, WAITING)
    if exclude[0] == REFLECTION:
        reflections = reflections.exclude(pk=exclude[1])
    else:
        answers = answers.exclude(pk=exclude[1])
    keys = list(
        _keys(reflections, REFLECTION).union(_keys(answers, ANSWER), all=True).order_by("since", "pk")[:1]
    )
    return (keys[0]["kind"], keys[0]["pk"]) if keys else None
