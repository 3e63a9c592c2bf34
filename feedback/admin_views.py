"""The trainer's grading queue in the Wagtail admin ("Te beoordelen") and the page to grade one item.

Grading takes one page and one submit; then the next waiting item opens. An item of a course the trainer
does not teach is a 404, like an item that does not exist.
"""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from accounts import roles
from courses import services as course_services
from modules import manual_grading
from modules.quiz_selectors import rich_text_html

from . import selectors
from .forms import AnswerGradeForm, ReflectionFeedbackForm, moment, version_of


def _forbidden(request):
    # An explicit 403: Wagtail's admin turns PermissionDenied into a redirect to its dashboard.
    context = {"message": _("Only trainers and administrators grade the work of professionals.")}
    return TemplateResponse(request, "feedback/admin/forbidden.html", context, status=403)


def _int(value) -> int | None:
    return int(value) if value and str(value).isdigit() and len(str(value)) < 10 else None


def queue(request):
    if not roles.is_trainer(request.user):
        return _forbidden(request)
    course_id = _int(request.GET.get("course"))
    status = request.GET.get("status") or selectors.WAITING
    page = selectors.queue_page(
        user=request.user, course_id=course_id, status=status, page=_int(request.GET.get("p")) or 1
    )
    context = {"queue": page, "course_id": course_id, "status": status}
    return TemplateResponse(request, "feedback/admin/queue.html", context)


def _next(request, *, done: tuple[str, int]):
    following = selectors.next_waiting(user=request.user, exclude=done)
    if following is None:
        messages.success(request, _("Saved. Nothing else is waiting for you."))
        return redirect("feedback_queue")
    messages.success(request, _("Saved. Here is the next item."))
    name = "feedback_reflection" if following[0] == selectors.REFLECTION else "feedback_answer"
    return redirect(name, following[1])


def reflection(request, entry_id: int):
    if not roles.is_trainer(request.user):
        return _forbidden(request)
    entry = selectors.reflection_for_trainer(user=request.user, entry_id=entry_id)
    initial = {"waiting_since": version_of(entry.awaiting_feedback_since)}
    form = ReflectionFeedbackForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                course_services.journal_feedback_give(
                    entry=entry,
                    trainer=request.user,
                    body=form.cleaned_data["feedback"],
                    expected_waiting_since=moment(form.cleaned_data["waiting_since"]),
                )
            except course_services.FeedbackAlreadyGiven as error:
                messages.warning(request, str(error))
                return redirect("feedback_reflection", entry.pk)
            except course_services.JourneyError as error:
                form.add_error("feedback", str(error))
            else:
                return _next(request, done=(selectors.REFLECTION, entry.pk))
        status = 400
    context = {"entry": entry, "form": form}
    return TemplateResponse(request, "feedback/admin/reflection.html", context, status=status)


def answer(request, response_id: int):
    if not roles.is_trainer(request.user):
        return _forbidden(request)
    response = selectors.answer_for_trainer(user=request.user, response_id=response_id)
    criteria = list(response.question.rubric_criteria.all())
    initial = {"graded_at": version_of(response.graded_at), "feedback": response.feedback}
    if response.graded_at:
        initial["points"] = response.points_scored
        for criterion in criteria:
            initial[f"criterion_{criterion.pk}"] = response.criterion_scores.get(str(criterion.pk))
    form = AnswerGradeForm(
        request.POST or None, initial=initial, question=response.question, criteria=criteria
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            grade = manual_grading.GradeInput(
                points=float(form.cleaned_data["points"]) if "points" in form.cleaned_data else None,
                criterion_scores=form.criterion_scores(),
                feedback=form.cleaned_data["feedback"],
            )
            try:
                manual_grading.response_grade(
                    response=response,
                    grader=request.user,
                    grade=grade,
                    expected_graded_at=moment(form.cleaned_data["graded_at"]),
                )
            except manual_grading.AlreadyGraded as error:
                messages.warning(request, error.message)
                return redirect("feedback_answer", response.pk)
            except manual_grading.GradingError as error:
                form.add_error(None, error.message)
            else:
                return _next(request, done=(selectors.ANSWER, response.pk))
        status = 400
    context = {
        "response": response,
        "form": form,
        "answer_text": (response.answer or {}).get("text", ""),
        "question_html": rich_text_html(response.question.text),
    }
    return TemplateResponse(request, "feedback/admin/answer.html", context, status=status)
