"""Reads of quizzes: the professional's overview, an attempt as a form, its review, and the statistics.

Each function runs a fixed number of queries, whatever the number of questions, attempts or answers; the
statistics are aggregates computed by the database.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from django.db.models import Avg, Count, F, Q, Sum
from django.shortcuts import get_object_or_404
from django.utils.formats import number_format
from wagtail.models import Page
from wagtail.rich_text import expand_db_html

from academy.sanitizer import QUESTION_TEXT, sanitize_html
from accounts import roles

from .answers import answer_fields
from .grading import grade
from .models import Attempt, Option, Question, QuestionKind, QuestionResponse, QuizPage, ReviewMode
from .quiz_services import attempt_responses, field_name, question_spec

STEPLEN = Page.steplen


def rich_text_html(value: str) -> str:
    """Question texts and general feedback as safe HTML: Wagtail's links expanded, then sanitised."""
    return sanitize_html(expand_db_html(value or ""), profile=QUESTION_TEXT)


# --- Overview --------------------------------------------------------------------------------------


@dataclass
class QuizOverview:
    quiz: QuizPage
    attempts: list[Attempt]
    question_count: int

    @property
    def open_attempt(self) -> Attempt | None:
        return next((a for a in self.attempts if a.submitted_at is None), None)

    @property
    def submitted(self) -> list[Attempt]:
        return [a for a in self.attempts if a.submitted_at is not None]

    @property
    def has_passed(self) -> bool:
        return any(a.passed for a in self.submitted)

    @property
    def best_score(self) -> float | None:
        scores = [a.score for a in self.submitted if a.score is not None]
        return max(scores) if scores else None

    @property
    def attempts_left(self) -> int | None:
        if not self.quiz.max_attempts:
            return None
        return max(0, self.quiz.max_attempts - len(self.attempts))

    @property
    def can_start(self) -> bool:
        return self.question_count > 0 and (self.open_attempt is not None or self.attempts_left != 0)


def quiz_overview_for(*, quiz: QuizPage, user) -> QuizOverview:
    attempts = list(Attempt.objects.filter(quiz=quiz, user=user).order_by("number"))
    available = Question.objects.filter(quiz=quiz, is_active=True).count()
    count = min(available, quiz.questions_per_attempt) if quiz.questions_per_attempt else available
    return QuizOverview(quiz=quiz, attempts=attempts, question_count=count)


def attempt_get(*, quiz: QuizPage, user, attempt_id) -> Attempt:
    """The professional's own attempt; anyone else's is a 404."""
    attempt = get_object_or_404(Attempt, quiz=quiz, user=user, uuid=attempt_id)
    attempt.quiz, attempt.user = quiz, user
    return attempt


def review_level(*, quiz: QuizPage, has_passed: bool) -> str:
    """'full' (answers, right or wrong, feedback) or 'score' (only the result), as the quiz allows."""
    if quiz.review_mode == ReviewMode.AFTER_ATTEMPT:
        return "full"
    if quiz.review_mode == ReviewMode.AFTER_PASSING and has_passed:
        return "full"
    return "score"


# --- An attempt as a form, and its review ----------------------------------------------------------


@dataclass
class OptionView:
    id: str
    text: str
    checked: bool = False
    is_right: bool = False
    feedback: str = ""


@dataclass
class ItemView:
    id: str
    text: str
    selected: str = ""
    selected_text: str = ""
    right_text: str = ""
    is_right: bool = False


@dataclass
class QuestionView:
    number: int
    question: Question
    response: QuestionResponse
    name: str
    text_html: str
    options: list[OptionView] = field(default_factory=list)
    items: list[ItemView] = field(default_factory=list)
    choices: list[OptionView] = field(default_factory=list)
    places: list[int] = field(default_factory=list)
    value: str = ""
    error: str = ""
    # Review only
    status: str = ""
    feedback: list[str] = field(default_factory=list)
    general_feedback_html: str = ""
    trainer_feedback_html: str = ""
    right_answers: list[str] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return self.question.kind

    @property
    def dom_id(self) -> str:
        return f"vraag-{self.number}"


def _number(value: float) -> str:
    return number_format(value, use_l10n=True) if not float(value).is_integer() else str(int(value))


def numeric_answer_label(option: Option) -> str:
    if option.minimum is not None and option.maximum is not None:
        return f"{_number(option.minimum)} – {_number(option.maximum)}"
    if option.value is not None:
        tolerance = f" ± {_number(option.tolerance)}" if option.tolerance else ""
        return f"{_number(option.value)}{tolerance}"
    return "*"


def _question_view(response: QuestionResponse, values: dict[str, list[str]], error: str = "") -> QuestionView:
    question = response.question
    name = field_name(question)
    by_id = {str(o.uuid): o for o in question.options.all()}
    view = QuestionView(
        number=response.position + 1,
        question=question,
        response=response,
        name=name,
        text_html=rich_text_html(question.text),
        error=error,
    )
    kind = question.kind
    if kind in (QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_RESPONSE, QuestionKind.TRUE_FALSE):
        chosen = set(values.get(name, []))
        view.options = [
            OptionView(id=oid, text=by_id[oid].text, checked=oid in chosen)
            for oid in response.option_order
            if oid in by_id
        ]
    elif kind == QuestionKind.MATCHING:
        # Right-hand items are named by their place in the shuffled list (see answers.parse_answer).
        view.choices = [
            OptionView(id=str(place), text=by_id[oid].match_text if oid in by_id else "")
            for place, oid in enumerate(response.match_order, start=1)
        ]
        texts = {choice.id: choice.text for choice in view.choices}
        for oid in response.option_order:
            if oid in by_id:
                selected = (values.get(f"{name}-{oid}") or [""])[0]
                selected_text = texts.get(selected, "")
                view.items.append(
                    ItemView(id=oid, text=by_id[oid].text, selected=selected, selected_text=selected_text)
                )
    elif kind == QuestionKind.ORDERING:
        view.places = list(range(1, len(response.option_order) + 1))
        for oid in response.option_order:
            if oid in by_id:
                selected = (values.get(f"{name}-{oid}") or [""])[0]
                view.items.append(ItemView(id=oid, text=by_id[oid].text, selected=selected))
    else:
        view.value = (values.get(name) or [""])[0]
    return view


def attempt_sheet(*, attempt: Attempt, data=None, errors: dict[str, str] | None = None) -> list[QuestionView]:
    """The attempt as a form: the stored answers, or what was just posted when it comes back with errors."""
    views = []
    for response in attempt_responses(attempt):
        if data is not None:
            values = {key: data.getlist(key) for key in data if key.startswith(field_name(response.question))}
        else:
            values = answer_fields(
                response.question.kind,
                field_name(response.question),
                response.answer,
                choice_ids=response.match_order,
            )
        views.append(_question_view(response, values, (errors or {}).get(str(response.question.uuid), "")))
    return views


def _status(response: QuestionResponse) -> str:
    if response.awaiting_grading_since is not None:
        return "awaiting"
    if response.fraction is None:
        return "ungraded"
    if response.answer is None:
        return "unanswered"
    if response.fraction >= 1 - 1e-9:
        return "right"
    return "partly" if response.fraction > 0 else "wrong"


def _review_view(response: QuestionResponse) -> QuestionView:
    question = response.question
    values = answer_fields(
        question.kind, field_name(question), response.answer, choice_ids=response.match_order
    )
    view = _question_view(response, values)
    options = list(question.options.all())
    decisive = set(grade(question_spec(question), response.answer).decisive)
    view.status = _status(response)
    view.general_feedback_html = rich_text_html(question.general_feedback)
    # The trainer's feedback on an open answer, sanitised when it was stored (modules.manual_grading).
    view.trainer_feedback_html = response.feedback
    view.feedback = [o.feedback for o in options if str(o.uuid) in decisive and o.feedback]
    kind = question.kind
    if kind in (QuestionKind.SINGLE_CHOICE, QuestionKind.TRUE_FALSE, QuestionKind.MULTIPLE_RESPONSE):
        by_id = {str(o.uuid): o for o in options}
        best = max((o.credit for o in options), default=0)
        for option in view.options:
            credit = by_id[option.id].credit
            option.is_right = credit > 0 if kind == QuestionKind.MULTIPLE_RESPONSE else credit == best
            option.feedback = by_id[option.id].feedback if option.checked else ""
        view.feedback = []  # shown beside the chosen options instead
    elif kind == QuestionKind.MATCHING:
        by_id = {str(o.uuid): o for o in options}
        for item in view.items:
            item.right_text = by_id[item.id].match_text
            item.is_right = bool(item.selected_text) and item.selected_text == item.right_text
    elif kind == QuestionKind.ORDERING:
        places = {str(o.uuid): place for place, o in enumerate(options, start=1)}
        for item in view.items:
            item.right_text = str(places[item.id])
            item.is_right = item.selected == item.right_text
        view.right_answers = [o.text for o in options]
    elif kind == QuestionKind.SHORT_ANSWER:
        view.right_answers = [o.text for o in options if o.credit == 100]
    elif kind == QuestionKind.NUMERIC:
        view.right_answers = [numeric_answer_label(o) for o in options if o.credit == 100]
    return view


@dataclass
class AttemptReview:
    attempt: Attempt
    level: str
    questions: list[QuestionView]
    has_passed: bool


def attempt_review_for(*, attempt: Attempt, quiz: QuizPage, user) -> AttemptReview:
    has_passed = (
        attempt.passed or Attempt.objects.filter(quiz=quiz, user=user, passed=True).exists()
        if quiz.review_mode == ReviewMode.AFTER_PASSING
        else bool(attempt.passed)
    )
    level = review_level(quiz=quiz, has_passed=has_passed)
    questions = [_review_view(r) for r in attempt_responses(attempt)] if level == "full" else []
    return AttemptReview(attempt=attempt, level=level, questions=questions, has_passed=has_passed)


def quiz_preview_questions(*, quiz: QuizPage) -> list[QuestionView]:
    """Every question of the bank with its right answers, for the trainer's preview."""
    views = []
    questions = Question.objects.filter(quiz=quiz, is_active=True).prefetch_related("options")
    for position, question in enumerate(questions):
        response = QuestionResponse(question=question, position=position)
        options = list(question.options.all())
        items = [str(o.uuid) for o in options if o.text] if question.kind == QuestionKind.MATCHING else []
        response.option_order = items or [str(o.uuid) for o in options]
        response.match_order = (
            [str(o.uuid) for o in options] if question.kind == QuestionKind.MATCHING else []
        )
        response.answer = _right_answer(question, options)
        response.fraction = 1.0 if question.is_graded else None
        views.append(_review_view(response))
    return views


def _right_answer(question: Question, options: list[Option]) -> dict | None:
    kind = question.kind
    right = [str(o.uuid) for o in options if o.credit == 100]
    if kind in (QuestionKind.SINGLE_CHOICE, QuestionKind.TRUE_FALSE):
        return {"option": right[0]} if right else None
    if kind == QuestionKind.MULTIPLE_RESPONSE:
        return {"options": [str(o.uuid) for o in options if o.credit > 0]}
    if kind == QuestionKind.MATCHING:
        return {"pairs": {str(o.uuid): str(o.uuid) for o in options if o.text}}
    if kind == QuestionKind.ORDERING:
        return {"positions": {str(o.uuid): place for place, o in enumerate(options, start=1)}}
    return None


# --- Statistics for trainers -----------------------------------------------------------------------


def course_path_of(quiz: Page) -> str:
    """The quiz's course is the ancestor two levels up (course → module → quiz)."""
    return quiz.path[: (quiz.depth - 2) * STEPLEN]


def _trainer_ids(course: Page | None) -> set[int]:
    trainers = getattr(course, "trainers", None)
    return {user.pk for user in trainers.all()} if trainers is not None else set()


def can_see_statistics(*, user, quiz: QuizPage) -> bool:
    """Administrators see every quiz; a trainer the quizzes of the courses they teach."""
    if roles.is_administrator(user):
        return True
    if not roles.is_trainer(user):
        return False
    course = Page.objects.filter(path=course_path_of(quiz)).first()
    return course is not None and user.pk in _trainer_ids(course.specific)


@dataclass
class QuizRow:
    quiz: QuizPage
    course: Page | None
    attempts: int
    mean_score: float | None
    passed: int

    @property
    def pass_rate(self) -> float | None:
        return 100 * self.passed / self.attempts if self.attempts else None


def quizzes_for_statistics(*, user) -> list[QuizRow]:
    """The quizzes a user may see statistics of, with their attempt counts: a fixed number of queries."""
    quizzes = list(QuizPage.objects.order_by("path"))
    course_paths = {course_path_of(q) for q in quizzes}
    courses = {c.path: c for c in Page.objects.filter(path__in=course_paths).specific()}
    if not roles.is_administrator(user):
        taught = {path for path, course in courses.items() if user.pk in _trainer_ids(course)}
        quizzes = [q for q in quizzes if course_path_of(q) in taught]
    totals = {
        row["quiz_id"]: row
        for row in Attempt.objects.filter(quiz__in=quizzes, submitted_at__isnull=False)
        .values("quiz_id")
        .annotate(n=Count("id"), mean=Avg("score"), passed=Count("id", filter=Q(passed=True)))
    }
    return [
        QuizRow(
            quiz=q,
            course=courses.get(course_path_of(q)),
            attempts=totals.get(q.pk, {}).get("n", 0),
            mean_score=totals.get(q.pk, {}).get("mean"),
            passed=totals.get(q.pk, {}).get("passed", 0),
        )
        for q in quizzes
    ]


@dataclass
class OptionStatistics:
    option: Option
    label: str
    times_chosen: int
    share: float | None  # of the question's answers
    is_right: bool


@dataclass
class QuestionStatistics:
    question: Question
    answered: int
    graded: int
    facility: float | None  # mean score fraction, 0 … 1
    discrimination: float | None  # correlation with the rest of the attempt, -1 … 1
    options: list[OptionStatistics]

    @property
    def verdict(self) -> str:
        """What a trainer should look at: 'hard', 'easy', 'misleading', 'weak' or ''."""
        if self.discrimination is not None and self.discrimination < 0:
            return "misleading"
        if self.facility is not None and self.facility < 0.3:
            return "hard"
        if self.discrimination is not None and self.discrimination < 0.2 and self.graded >= 10:
            return "weak"
        if self.facility is not None and self.facility > 0.95:
            return "easy"
        return ""


@dataclass
class QuizStatistics:
    quiz: QuizPage
    attempts: int
    mean_score: float | None
    passed: int
    questions: list[QuestionStatistics]

    @property
    def pass_rate(self) -> float | None:
        return 100 * self.passed / self.attempts if self.attempts else None


def correlation(n: int, sx: float, sy: float, sxx: float, syy: float, sxy: float) -> float | None:
    """Pearson's r from sums (None when either variable does not vary)."""
    if n < 2:
        return None
    covariance = n * sxy - sx * sy
    variance_x, variance_y = n * sxx - sx * sx, n * syy - sy * sy
    # Sums of floats: a variance that should be 0 may come out as a tiny positive or negative number.
    if variance_x <= 1e-9 * max(1.0, n * sxx) or variance_y <= 1e-9 * max(1.0, n * syy):
        return None
    return max(-1.0, min(1.0, covariance / math.sqrt(variance_x * variance_y)))


def quiz_statistics(*, quiz: QuizPage) -> QuizStatistics:
    """Attempts, mean score, pass rate, and per question facility, discrimination and option counts.

    Five queries for any number of attempts: the sums for the correlations are aggregated by the database
    (x = the question's score fraction, y = the points of the rest of the attempt).
    """
    submitted = Attempt.objects.filter(quiz=quiz, submitted_at__isnull=False)
    totals = submitted.aggregate(n=Count("id"), mean=Avg("score"), passed=Count("id", filter=Q(passed=True)))

    graded = Q(fraction__isnull=False)
    x = F("fraction")
    y = F("attempt__points_scored") - F("points_scored")
    sums = {
        row["question_id"]: row
        for row in QuestionResponse.objects.filter(attempt__quiz=quiz, attempt__submitted_at__isnull=False)
        .values("question_id")
        .annotate(
            answered=Count("id", filter=Q(answer__isnull=False)),
            n=Count("fraction"),
            sx=Sum(x),
            sy=Sum(y, filter=graded),
            sxx=Sum(x * x),
            syy=Sum(y * y, filter=graded),
            sxy=Sum(x * y),
        )
        .order_by()
    }
    # Counted on the link table alone (its option index covers the count): the options of this quiz.
    through = QuestionResponse.chosen_options.through
    chosen = dict(
        through.objects.filter(option_id__in=Option.objects.filter(question__quiz=quiz).values("id"))
        .values("option_id")
        .annotate(times=Count("*"))
        .values_list("option_id", "times")
        .order_by()
    )
    questions = []
    for question in Question.objects.filter(quiz=quiz).prefetch_related("options"):
        row = sums.get(question.pk, {})
        n = row.get("n") or 0
        options = []
        # Matching and ordering are scored per part; their options are not chosen one by one.
        if question.kind not in (QuestionKind.OPEN, QuestionKind.MATCHING, QuestionKind.ORDERING):
            for option in question.options.all():
                times = chosen.get(option.pk, 0)
                label = option.text or option.match_text
                if question.kind == QuestionKind.NUMERIC:
                    label = numeric_answer_label(option)
                options.append(
                    OptionStatistics(
                        option=option,
                        label=label,
                        times_chosen=times,
                        share=times / row["answered"] if row.get("answered") else None,
                        is_right=option.credit > 0,
                    )
                )
        questions.append(
            QuestionStatistics(
                question=question,
                answered=row.get("answered", 0),
                graded=n,
                facility=(row["sx"] or 0) / n if n else None,
                discrimination=correlation(
                    n,
                    row.get("sx") or 0.0,
                    row.get("sy") or 0.0,
                    row.get("sxx") or 0.0,
                    row.get("syy") or 0.0,
                    row.get("sxy") or 0.0,
                ),
                options=options,
            )
        )
    return QuizStatistics(
        quiz=quiz,
        attempts=totals["n"],
        mean_score=totals["mean"],
        passed=totals["passed"],
        questions=questions,
    )
