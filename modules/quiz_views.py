"""The quiz's routes (see QuizPage): overview, start, the attempt form, auto-save, submit and review.

The courses app has already checked that the professional is logged in, enrolled and not locked out when
these run (courses.serving); here only the professional's own attempts are reachable (another's is a 404).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _

from . import quiz_selectors as selectors
from . import quiz_services as services
from .models import QuizPage

ATTEMPT_TEMPLATE = "modules/quiz_attempt.html"


def _is_partial_request(request) -> bool:
    return bool(request.htmx) and not request.htmx.boosted and not request.htmx.history_restore_request


def _redirect(url: str) -> HttpResponseRedirect:
    response = HttpResponseRedirect(url)
    response.status_code = 303  # after a POST: the browser follows with a GET
    return response


def _context(quiz: QuizPage, request, journey, item_state, **extra) -> dict:
    context = quiz.get_context(request)
    module = journey.module_of(quiz.pk) if journey else None
    context.update(journey=journey, item_state=item_state, module=module, **extra)
    return context


def _anonymous(request):
    return redirect_to_login(request.get_full_path()) if not request.user.is_authenticated else None


def quiz_overview(request, *, quiz: QuizPage, journey=None, item_state=None):
    if response := _anonymous(request):
        return response
    overview = selectors.quiz_overview_for(quiz=quiz, user=request.user)
    if services.attempt_close_if_expired(attempt=overview.open_attempt, quiz=quiz, user=request.user):
        overview = selectors.quiz_overview_for(quiz=quiz, user=request.user)
    context = _context(quiz, request, journey, item_state, overview=overview)
    return TemplateResponse(request, quiz.template, context)


def quiz_preview(request, *, quiz: QuizPage):
    """The trainer's preview in the admin: every question of the bank, with its right answers."""
    context = quiz.get_context(request)
    context.update(questions=selectors.quiz_preview_questions(quiz=quiz), is_quiz_preview=True)
    return TemplateResponse(request, "modules/quiz_preview.html", context)


def attempt_start(request, *, quiz: QuizPage, journey=None, item_state=None):
    if response := _anonymous(request):
        return response
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    try:
        attempt = services.attempt_start(quiz=quiz, user=request.user)
    except services.QuizError as error:
        messages.error(request, error.message)
        return _redirect(quiz.url)
    return _redirect(quiz.attempt_url(attempt))


def _closed(request, quiz: QuizPage, attempt, error: services.QuizError):
    messages.warning(request, error.message)
    return _redirect(quiz.attempt_url(attempt, "review"))


def _attempt_form(
    request, quiz, attempt, journey, item_state, *, data=None, errors=None, message="", unanswered=()
):
    questions = selectors.attempt_sheet(attempt=attempt, data=data, errors=errors)
    context = _context(
        quiz,
        request,
        journey,
        item_state,
        attempt=attempt,
        questions=questions,
        form_message=message,
        unanswered=list(unanswered),
        now=timezone.now(),
    )
    return TemplateResponse(request, ATTEMPT_TEMPLATE, context)


def _form_again(request, quiz, attempt, journey, item_state, error: services.QuizError):
    """The attempt form again with what was posted, the message, and the questions it is about."""
    return _attempt_form(
        request,
        quiz,
        attempt,
        journey,
        item_state,
        data=request.POST,
        errors=getattr(error, "errors", None),
        message=error.message,
        unanswered=getattr(error, "numbers", ()),
    )


def attempt_page(request, *, quiz: QuizPage, attempt_id, journey=None, item_state=None):
    if response := _anonymous(request):
        return response
    attempt = selectors.attempt_get(quiz=quiz, user=request.user, attempt_id=attempt_id)
    if attempt.submitted_at is not None:
        return _redirect(quiz.attempt_url(attempt, "review"))
    if services.attempt_close_if_expired(attempt=attempt, quiz=quiz, user=request.user):
        messages.warning(
            request,
            _("The time is up: your attempt was submitted with the answers saved before the deadline."),
        )
        return _redirect(quiz.attempt_url(attempt, "review"))
    return _attempt_form(request, quiz, attempt, journey, item_state)


def attempt_save(request, *, quiz: QuizPage, attempt_id, journey=None, item_state=None):
    """Auto-save of one question (htmx), or of the whole form (the 'save' button without JavaScript)."""
    if response := _anonymous(request):
        return response
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    attempt = selectors.attempt_get(quiz=quiz, user=request.user, attempt_id=attempt_id)
    if _is_partial_request(request) and request.POST.get("question"):
        context = {"question_id": request.POST["question"]}
        try:
            saved = services.attempt_save_answer(
                attempt=attempt,
                quiz=quiz,
                user=request.user,
                question_id=request.POST["question"],
                data=request.POST,
            )
        except services.QuizError as error:
            context.update(error=error.message, closed=isinstance(error, services.AttemptClosed))
        else:
            context.update(saved_at=saved.answered_at, answered=saved.answer is not None)
        response = TemplateResponse(request, f"{ATTEMPT_TEMPLATE}#save-status", context)
        patch_vary_headers(response, ["HX-Request"])
        return response
    try:
        services.attempt_save_answers(attempt=attempt, quiz=quiz, user=request.user, data=request.POST)
    except services.AnswersInvalid as error:
        return _form_again(request, quiz, attempt, journey, item_state, error)
    except services.AttemptClosed as error:
        return _closed(request, quiz, attempt, error)
    messages.success(request, _("Your answers are saved. You can continue later."))
    return _redirect(quiz.attempt_url(attempt))


def attempt_submit(request, *, quiz: QuizPage, attempt_id, journey=None, item_state=None):
    if response := _anonymous(request):
        return response
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    attempt = selectors.attempt_get(quiz=quiz, user=request.user, attempt_id=attempt_id)
    was_open = attempt.submitted_at is None
    late = was_open and attempt.is_expired()
    try:
        attempt = services.attempt_submit(
            attempt=attempt,
            quiz=quiz,
            user=request.user,
            data=request.POST,
            allow_unanswered=request.POST.get("confirm") == "unanswered",
        )
    except (services.AnswersInvalid, services.UnansweredQuestions) as error:
        return _form_again(request, quiz, attempt, journey, item_state, error)
    if late:
        messages.warning(
            request,
            _("The time was up: your attempt was graded with the answers saved before the deadline."),
        )
    return _redirect(quiz.attempt_url(attempt, "review"))


def attempt_review(request, *, quiz: QuizPage, attempt_id, journey=None, item_state=None):
    if response := _anonymous(request):
        return response
    attempt = selectors.attempt_get(quiz=quiz, user=request.user, attempt_id=attempt_id)
    if attempt.submitted_at is None and not services.attempt_close_if_expired(
        attempt=attempt, quiz=quiz, user=request.user
    ):
        return _redirect(quiz.attempt_url(attempt))
    review = selectors.attempt_review_for(attempt=attempt, quiz=quiz, user=request.user)
    overview = selectors.quiz_overview_for(quiz=quiz, user=request.user)
    context = _context(quiz, request, journey, item_state, review=review, attempt=attempt, overview=overview)
    return TemplateResponse(request, "modules/quiz_review.html", context)
