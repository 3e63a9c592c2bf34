"""The FitnessScan's routes (see FitnessScanPage): taking the scan step by step, the result, its PDF,
a person's history and the organisation profile. Rules live in services, selectors and scoring."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.utils import formats
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.utils.translation import gettext as _
from django_htmx.http import HttpResponseClientRedirect, push_url

from academy.pages import shell_response
from academy.pdf import template_to_pdf
from accounts.roles import is_coordinator
from questionnaires import scoring
from questionnaires.charts import RadarAxis, radar_chart_svg
from questionnaires.forms import SCALE_LABELS, StepForm, initial_answers
from questionnaires.steps import Step, first_incomplete_step, progress_percentage, statement_count

from . import selectors, services, session
from .models import FitnessScanPage, ScanResponse

STEP_TEMPLATE = "fitnessscan/scan_step.html"


def _is_partial_request(request) -> bool:
    htmx = getattr(request, "htmx", None)
    return bool(htmx) and not htmx.boosted and not htmx.history_restore_request


def _render(request, page: FitnessScanPage, template: str, context: dict, *, partial: str | None = None):
    """Renders a route of the page; a real htmx request for a route with a partial gets only that."""
    name = f"{template}#{partial}" if partial and _is_partial_request(request) else template
    response = page.render(request, template=name, context_overrides=context)
    if partial:
        patch_vary_headers(response, ["HX-Request"])
    # Answers and results are personal: never stored in a shared cache or the back-forward cache.
    add_never_cache_headers(response)
    return response


def _user(request):
    return request.user if request.user.is_authenticated else None


def _open_response(request, page: FitnessScanPage) -> ScanResponse | None:
    return selectors.response_open(
        page=page, user=_user(request), session_response_id=session.open_response_id(request.session)
    )


def _new_response(request, page: FitnessScanPage) -> ScanResponse:
    response = services.response_create(page=page, user=_user(request))
    if response.user_id is None:
        session.remember_open(request.session, response.pk)
    return response


def start_page(request, *, page: FitnessScanPage):
    """The scan's introduction (the same for everyone) with the visitor's own scan in progress and
    recent results filled in per request (academy/pages.py)."""

    def shared():
        steps = selectors.scan_steps(page=page)
        return {
            **page.get_context(request),
            "steps": steps,
            "statement_count": statement_count(steps),
        }

    response = shell_response(
        request,
        "fitnessscan/fitness_scan_page.html",
        shared=shared,
        personal=lambda markers: {"page": page, **_start_personal(request, page)},
        public=lambda: not page.get_view_restrictions(),
    )
    add_never_cache_headers(response)  # a scan in progress is personal, also in the browser's cache
    return response


def _start_personal(request, page: FitnessScanPage) -> dict:
    response = _open_response(request, page)
    if response is None and not request.user.is_authenticated and not session.result_ids(request.session):
        return {"statement_count": 0}  # a first visit: nothing of theirs to show
    steps = selectors.scan_steps(page=page)
    answered = selectors.response_answers(response=response)
    user = _user(request)
    if user is not None:
        recent_results = list(selectors.responses_completed(page=page, user=user)[:3])
    else:
        recent_results = list(
            selectors.responses_completed_anonymously(
                page=page, response_ids=session.result_ids(request.session)
            )
        )
    return {
        "open_response": response if answered else None,
        "resume_at": first_incomplete_step(steps=steps, answered=answered) or len(steps),
        "answered_count": len(answered),
        "statement_count": statement_count(steps),
        "recent_results": recent_results,
        "is_coordinator": is_coordinator(request.user),
    }


def restart(request, *, page: FitnessScanPage):
    """Starting over throws away the unfinished answers (completed results stay)."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    response = _open_response(request, page)
    if response is not None:
        services.response_discard(response=response)
    session.forget_open(request.session)
    return redirect(_step_url(page, 1))


def step(request, *, page: FitnessScanPage, number: int):
    steps = selectors.scan_steps(page=page)
    if not steps:
        return redirect(page.url)
    if not 1 <= number <= len(steps):
        raise Http404
    response = _open_response(request, page)
    answered = selectors.response_answers(response=response)
    resume_at = first_incomplete_step(steps=steps, answered=answered) or len(steps)
    if number > resume_at:
        # Steps are taken in order: a later one opens once the ones before it are answered.
        return redirect(_step_url(page, resume_at))
    current = steps[number - 1]

    if request.method != "POST":
        form = StepForm(statements=current.statements, initial=_initial(current, answered))
        return _render_step(request, page, steps, current, form, answered)

    form = StepForm(request.POST, statements=current.statements)
    if "previous" in request.POST:
        form.is_valid()  # keeps what was validly answered before going back
        if form.answers():
            response = response or _new_response(request, page)
            services.step_save(response=response, statements=current.statements, answers=form.answers())
            answered.update(form.answers())
        return _show_step(request, page, steps, max(number - 1, 1), answered)
    if not form.is_valid():
        return _render_step(request, page, steps, current, form, answered)

    response = response or _new_response(request, page)
    services.step_save(response=response, statements=current.statements, answers=form.answers())
    answered.update(form.answers())
    next_incomplete = first_incomplete_step(steps=steps, answered=answered)
    if next_incomplete is None:
        return _complete(request, page, steps, response)
    if number < len(steps):
        return _show_step(request, page, steps, min(number + 1, next_incomplete), answered)
    # Only when statements were added while this person was taking the scan.
    notice = _("A few statements still need an answer before you see your result.")
    return _show_step(request, page, steps, next_incomplete, answered, notice=notice)


def _initial(step: Step, answered: dict) -> dict:
    return initial_answers(step.statements, answered)


def _step_url(page: FitnessScanPage, number: int) -> str:
    return page.url + page.reverse_subpage("step", kwargs={"number": number})


def _show_step(request, page, steps, number, answered, *, notice=None):
    """After a submit: without JavaScript a redirect to the step (so reloading never resubmits);
    with htmx the step itself, and its URL in the address bar."""
    url = _step_url(page, number)
    if not _is_partial_request(request):
        if notice:
            messages.warning(request, notice)
        return redirect(url)
    target = steps[number - 1]
    form = StepForm(statements=target.statements, initial=_initial(target, answered))
    rendered = _render_step(request, page, steps, target, form, answered, focus=True, notice=notice)
    return push_url(rendered, url)


def _render_step(request, page, steps, current, form, answered, *, focus=False, notice=None):
    resume_at = first_incomplete_step(steps=steps, answered=answered) or len(steps)
    return _render(
        request,
        page,
        STEP_TEMPLATE,
        {
            "steps": steps,
            "step": current,
            "form": form,
            "is_last": current.number == len(steps),
            "resume_at": resume_at,
            "answered_count": len(answered),
            "statement_count": statement_count(steps),
            "progress": progress_percentage(steps=steps, answered=answered),
            "focus": focus,
            "notice": notice,
        },
        partial="step",
    )


def _complete(request, page, steps, response):
    statements = [statement for step in steps for statement in step.statements]
    services.response_complete(response=response, statements=statements)
    if response.user_id is None:
        session.remember_result(request.session, response.pk)
    url = page.url + page.reverse_subpage("result", kwargs={"response_id": response.pk})
    if _is_partial_request(request):
        return HttpResponseClientRedirect(url)
    return redirect(url)


def _result_or_404(request, page, response_id) -> ScanResponse:
    response = selectors.response_for_viewer(
        page=page,
        response_id=response_id,
        user=_user(request),
        session_response_ids=session.result_ids(request.session),
    )
    if response is None:
        raise Http404
    return response


def _score_text(score: float | None) -> str:
    return _("no score") if score is None else str(scoring.round_score(score))


def _axis_label(factor) -> str:
    return f"{factor.number}. {factor.name}"


def _result_chart(result: selectors.ScanResult, *, chart_id: str):
    date = formats.date_format(result.response.completed_at, "DATE_FORMAT")
    scores = "; ".join(f"{_axis_label(row.factor)}: {_score_text(row.score)}" for row in result.rows)
    return radar_chart_svg(
        axes=[
            RadarAxis(label=_axis_label(row.factor), score=row.score, previous=row.previous_score)
            for row in result.rows
        ],
        title=_("FitnessScan of %(date)s: score per success factor") % {"date": date},
        description=_("Scores from 0 to 100. %(scores)s.") % {"scores": scores},
        chart_id=chart_id,
        current_label=_("This scan"),
        previous_label=_("Previous scan"),
    )


def _profile_chart(profile: selectors.OrganisationProfile):
    parts = []
    for row in profile.factors:
        text = f"{_axis_label(row.factor)}: {_score_text(row.mean)}"
        if row.platform_mean is not None:
            text += " (" + _("platform %(mean)s") % {"mean": _score_text(row.platform_mean)} + ")"
        parts.append(text)
    return radar_chart_svg(
        axes=[
            RadarAxis(label=_axis_label(row.factor), score=row.mean, previous=row.platform_mean)
            for row in profile.factors
        ],
        title=_("FitnessScan profile of %(organisation)s") % {"organisation": profile.organisation.name},
        description=_("Mean score per success factor from 0 to 100, with the platform mean. %(scores)s.")
        % {"scores": "; ".join(parts)},
        chart_id="organisation-radar",
        current_label=_("Your organisation"),
        previous_label=_("Platform mean"),
    )


def result(request, *, page: FitnessScanPage, response_id: uuid.UUID):
    response = _result_or_404(request, page, response_id)
    scan_result = selectors.scan_result(response=response)
    return _render(
        request,
        page,
        "fitnessscan/result.html",
        {
            "result": scan_result,
            "chart": _result_chart(scan_result, chart_id=f"radar-{response.pk.hex[:8]}"),
            "is_anonymous_result": response.user_id is None,
        },
    )


def result_pdf(request, *, page: FitnessScanPage, response_id: uuid.UUID):
    response = _result_or_404(request, page, response_id)
    scan_result = selectors.scan_result(response=response)
    site_root = request.build_absolute_uri("/").rstrip("/")
    pdf = template_to_pdf(
        "fitnessscan/result_pdf.html",
        {
            "page": page,
            "result": scan_result,
            "chart": _result_chart(scan_result, chart_id="radar"),
            "site_root": site_root,
            "result_url": request.build_absolute_uri(
                page.url + page.reverse_subpage("result", kwargs={"response_id": response.pk})
            ),
        },
        base_url=request.build_absolute_uri("/"),
    )
    http_response = HttpResponse(pdf.content, content_type="application/pdf")
    date = response.completed_at.strftime("%Y-%m-%d")
    http_response["Content-Disposition"] = f'inline; filename="fitnessscan-{date}.pdf"'
    add_never_cache_headers(http_response)
    return http_response


def history(request, *, page: FitnessScanPage):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    results = list(selectors.responses_completed(page=page, user=request.user))
    return _render(
        request,
        page,
        "fitnessscan/history.html",
        {"results": results, "open_response": _open_response(request, page)},
    )


def organisation(request, *, page: FitnessScanPage):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not is_coordinator(request.user):
        raise PermissionDenied(_("Only the coordinator of an organisation sees its FitnessScan profile."))
    profile = selectors.organisation_scan_profile(organisation=request.user.organisation, page=page)
    context = {"profile": profile, "scale_labels": list(SCALE_LABELS.values())}
    if profile.is_visible:
        context["chart"] = _profile_chart(profile)
    return _render(request, page, "fitnessscan/organisation.html", context)
