"""The quiz screens of the Wagtail admin: a quiz's question bank, GIFT import/export and the statistics."""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page

from academy.exports import csv_response
from accounts import roles

from .forms import GiftUploadForm
from .gift import GiftError
from .gift_import import gift_export, gift_import
from .models import Question, QuizPage
from .quiz_selectors import can_see_statistics, course_path_of, quiz_statistics, quizzes_for_statistics


def _forbidden(request, message: str) -> TemplateResponse:
    # An explicit 403: Wagtail's admin turns PermissionDenied into a redirect to its dashboard.
    return TemplateResponse(request, "modules/admin/forbidden.html", {"message": message}, status=403)


def _editable_quiz(request, quiz_id: int) -> QuizPage | TemplateResponse:
    quiz = get_object_or_404(QuizPage, pk=quiz_id)
    if not quiz.permissions_for_user(request.user).can_edit():
        return _forbidden(request, _("You cannot edit this quiz."))
    return quiz


def question_bank(request, quiz_id: int):
    quiz = _editable_quiz(request, quiz_id)
    if isinstance(quiz, TemplateResponse):
        return quiz
    questions = (
        Question.objects.filter(quiz=quiz)
        .annotate(
            option_count=Count("options", distinct=True), answer_count=Count("responses", distinct=True)
        )
        .order_by("sort_order", "pk")
    )
    context = {
        "quiz": quiz,
        "questions": questions,
        "may_see_statistics": can_see_statistics(user=request.user, quiz=quiz),
    }
    return TemplateResponse(request, "modules/admin/question_bank.html", context)


@require_POST
def question_move(request, quiz_id: int, question_id: int):
    """Moves a question one place up or down in its quiz."""
    quiz = _editable_quiz(request, quiz_id)
    if isinstance(quiz, TemplateResponse):
        return quiz
    with transaction.atomic():
        questions = list(Question.objects.select_for_update().filter(quiz=quiz).order_by("sort_order", "pk"))
        index = next((i for i, q in enumerate(questions) if q.pk == question_id), None)
        if index is None:
            return redirect("quiz_questions", quiz.pk)
        other = index - 1 if request.POST.get("direction") == "up" else index + 1
        if 0 <= other < len(questions):
            questions[index], questions[other] = questions[other], questions[index]
        for position, question in enumerate(questions):
            question.sort_order = position
        Question.objects.bulk_update(questions, ["sort_order"])
    return redirect("quiz_questions", quiz.pk)


def gift_upload(request, quiz_id: int):
    quiz = _editable_quiz(request, quiz_id)
    if isinstance(quiz, TemplateResponse):
        return quiz
    form = GiftUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            result = gift_import(quiz=quiz, text=form.cleaned_data["text"], user=request.user)
        except GiftError as error:
            form.add_error(
                "file",
                _("Nothing was imported. Line %(line)s, question “%(question)s”: %(message)s")
                % {"line": error.line, "question": error.question, "message": error.message},
            )
        else:
            message = _("Imported %(count)d questions into “%(quiz)s”.") % {
                "count": result.questions,
                "quiz": quiz.title,
            }
            if result.descriptions:
                message += " " + _("The descriptions in the file were added to the quiz's introduction.")
            messages.success(request, message)
            return redirect("quiz_questions", quiz.pk)
    return TemplateResponse(request, "modules/admin/gift_upload.html", {"quiz": quiz, "form": form})


def gift_download(request, quiz_id: int):
    quiz = _editable_quiz(request, quiz_id)
    if isinstance(quiz, TemplateResponse):
        return quiz
    response = HttpResponse(gift_export(quiz=quiz), content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{slugify(quiz.title) or "quiz"}.gift.txt"'
    return response


def _require_trainer(request):
    if not roles.is_trainer(request.user):
        return _forbidden(request, _("Only trainers and administrators see quiz statistics."))
    return None


def statistics_index(request):
    if response := _require_trainer(request):
        return response
    rows = quizzes_for_statistics(user=request.user)
    return TemplateResponse(request, "modules/admin/statistics_index.html", {"rows": rows})


def statistics(request, quiz_id: int):
    if response := _require_trainer(request):
        return response
    quiz = get_object_or_404(QuizPage, pk=quiz_id)
    if not can_see_statistics(user=request.user, quiz=quiz):
        return _forbidden(request, _("You can only see the statistics of quizzes in courses you teach."))
    stats = quiz_statistics(quiz=quiz)
    if request.GET.get("format") == "csv":
        return _statistics_csv(stats)
    course = Page.objects.filter(path=course_path_of(quiz)).first()
    return TemplateResponse(
        request, "modules/admin/statistics.html", {"quiz": quiz, "stats": stats, "course": course}
    )


def _number(value: float | None, digits: int = 1) -> float | str:
    # Numbers, not formatted text: the export writes them as numbers (a negative discrimination index
    # is a value, not a formula; see academy.exports).
    return "" if value is None else round(value, digits)


def _percent(value: float | None) -> float | str:
    return "" if value is None else _number(100 * value)


def _statistics_csv(stats) -> HttpResponse:
    response, writer = csv_response(
        f"toetsstatistiek-{slugify(stats.quiz.title)}-{timezone.localdate():%Y%m%d}.csv"
    )
    writer.writerow([_("Attempts"), _("Mean score (%)"), _("Pass rate (%)")])
    writer.writerow(
        [
            stats.attempts,
            _number(stats.mean_score),
            _number(stats.pass_rate),
        ]
    )
    writer.writerow([])
    writer.writerow(
        [
            _("Question"),
            _("Type"),
            _("Answered"),
            _("Facility index (%)"),
            _("Discrimination index"),
            _("Option"),
            _("Right option"),
            _("Times chosen"),
            _("Share (%)"),
        ]
    )
    for row in stats.questions:
        question = row.question
        writer.writerow(
            [
                question.name,
                question.get_kind_display(),
                row.answered,
                _percent(row.facility),
                _number(row.discrimination, 2),
                "",
                "",
                "",
                "",
            ]
        )
        for option in row.options:
            writer.writerow(
                [
                    question.name,
                    "",
                    "",
                    "",
                    "",
                    option.label,
                    _("yes") if option.is_right else _("no"),
                    option.times_chosen,
                    _percent(option.share),
                ]
            )
    return response
