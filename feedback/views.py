"""The 360° feedback round under /feedbackronde/: start a round, rate yourself, answer through a link
(no account needed), the report, sharing it with a trainer. Personal pages, never cached."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.roles import ADMINISTRATORS, TRAINERS
from questionnaires.forms import StepForm

from . import round_selectors as selectors
from . import round_services as services
from .models import MINIMUM_RESPONDENTS


def _statements():
    return list(services.active_statements())


@login_required
def rounds(request):
    form = {"title": "", "emails": ""}
    status = 200
    if request.method == "POST":
        form = {"title": request.POST.get("title", ""), "emails": request.POST.get("emails", "")}
        try:
            started = services.round_start(
                owner=request.user, title=form["title"], emails=form["emails"].replace(",", "\n").split("\n")
            )
        except services.RoundError as error:
            messages.error(request, str(error))
            status = 400
        else:
            messages.success(request, _("The invitations are sent. Now rate yourself."))
            return redirect("feedback_round:self", started.pk)
    context = {
        "rounds": selectors.rounds_for(user=request.user),
        "form": form,
        "minimum": MINIMUM_RESPONDENTS,
    }
    return render(request, "feedback/round/rounds.html", context, status=status)


@login_required
def self_rating(request, round_id: int):
    feedback_round = selectors.round_for_owner(user=request.user, round_id=round_id)
    statements = _statements()
    form = StepForm(request.POST or None, statements=statements)
    if request.method == "POST" and form.is_valid():
        services.self_rating_save(
            feedback_round=feedback_round, statements=statements, answers=form.answers()
        )
        messages.success(request, _("Your own rating is saved."))
        return redirect("feedback_round:report", feedback_round.pk)
    context = {"feedback_round": feedback_round, "form": form}
    return render(request, "feedback/round/self.html", context, status=400 if form.errors else 200)


@login_required
def report(request, round_id: int):
    feedback_round = selectors.round_for_reader(user=request.user, round_id=round_id)
    result = selectors.round_report(feedback_round=feedback_round)
    context = {
        "report": result,
        "feedback_round": feedback_round,
        "is_owner": feedback_round.owner_id == request.user.pk,
        "chart": _chart(result) if result.visible else "",
        "trainers": _trainers() if feedback_round.owner_id == request.user.pk else [],
    }
    return render(request, "feedback/round/report.html", context)


def _trainers():
    return list(
        get_user_model()
        .objects.filter(groups__name__in=[TRAINERS, ADMINISTRATORS], is_active=True)
        .distinct()
        .order_by("last_name", "first_name")
    )


def _chart(result):
    from questionnaires.charts import RadarAxis, radar_chart_svg

    if len(result.rows) < 3:
        return ""
    description = "; ".join(
        _("%(factor)s: others %(others)s, self %(own)s")
        % {"factor": row.factor.name, "others": row.others, "own": row.own if row.own is not None else "–"}
        for row in result.rows
    )
    return radar_chart_svg(
        axes=[RadarAxis(label=row.factor.name, score=row.others, previous=row.own) for row in result.rows],
        title=_("Your collaboration behaviour: others against yourself"),
        description=description,
        chart_id="feedbackronde",
        current_label=_("Others"),
        previous_label=_("Yourself"),
    )


@login_required
@require_POST
def share(request, round_id: int):
    feedback_round = selectors.round_for_owner(user=request.user, round_id=round_id)
    chosen = request.POST.get("trainer", "")
    trainer = None
    if chosen:
        trainer = next((t for t in _trainers() if str(t.pk) == chosen), None)
        if trainer is None:
            messages.error(request, _("Choose one of the trainers."))
            return redirect("feedback_round:report", feedback_round.pk)
    services.round_share(feedback_round=feedback_round, trainer=trainer)
    if trainer is None:
        messages.success(request, _("The report is no longer shared."))
    else:
        messages.success(
            request,
            _("%(name)s can read this report now.") % {"name": trainer.get_full_name() or trainer.email},
        )
    return redirect("feedback_round:report", feedback_round.pk)


def answer(request, token: str):
    """A respondent's form, through their single-use link; no account needed."""
    try:
        respondent = services.respondent_from_token(token)
    except services.LinkInvalid as error:
        return render(
            request,
            "feedback/round/link_invalid.html",
            {"message": str(error)},
            status=410 if error.reason != "unknown" else 404,
        )
    statements = _statements()
    form = StepForm(request.POST or None, statements=statements)
    open_answers = {
        "goes_well": request.POST.get("goes_well", ""),
        "could_be_better": request.POST.get("could_be_better", ""),
    }
    error = ""
    if request.method == "POST" and form.is_valid():
        try:
            services.respondent_answer(
                respondent=respondent, statements=statements, answers=form.answers(), **open_answers
            )
        except services.LinkInvalid as exc:
            return render(request, "feedback/round/link_invalid.html", {"message": str(exc)}, status=410)
        except services.RoundError as exc:
            error = str(exc)
        else:
            return render(request, "feedback/round/thanks.html", {"owner": respondent.round.owner})
    context = {
        "respondent": respondent,
        "owner": respondent.round.owner,
        "form": form,
        "open_answers": open_answers,
        "error": error,
    }
    return render(
        request, "feedback/round/answer.html", context, status=400 if (form.errors or error) else 200
    )
