"""The collaboration scan's pages. Every page is about the visitor's own collaborations, so they are
plain views that are never cached; everything about another user's collaboration is a 404
(selectors.participation_or_404). Rules live in services and selectors."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from academy.pdf import template_to_pdf
from accounts import roles
from questionnaires.charts import HeatColumn, HeatRow, change_bars_svg, heat_map_svg
from questionnaires.forms import initial_answers
from questionnaires.steps import first_incomplete_step, progress_percentage, statement_count

from . import selectors, services
from .forms import (
    ActionForm,
    CollaborationForm,
    CollaborationStepForm,
    InvitationForm,
    PartnerForm,
    RoundForm,
)
from .models import Action, Invitation, Participant, Partner, World


def _render(request, template: str, context: dict, *, status: int = 200):
    response = render(request, template, context, status=status)
    add_never_cache_headers(response)  # personal: never in a shared cache or the back-forward cache
    return response


def _detail_url(collaboration) -> str:
    return reverse("collaborations:detail", args=[collaboration.pk])


# -- List and start ----------------------------------------------------------------------------------


@login_required
def collaboration_list(request):
    context = {"collaborations": list(selectors.collaborations_for(user=request.user))}
    if roles.is_coordinator(request.user):
        context["organisation_collaborations"] = selectors.collaborations_of_organisation(
            organisation=request.user.organisation
        )
    return _render(request, "collaborations/list.html", context)


@login_required
def collaboration_start(request):
    form = CollaborationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        collaboration = services.collaboration_start(regisseur=request.user, **form.cleaned_data)
        messages.success(
            request, _("The collaboration has been started. Add its partners and invite their people.")
        )
        return redirect(_detail_url(collaboration))
    return _render(request, "collaborations/start.html", {"form": form}, status=400 if form.errors else 200)


# -- The collaboration -------------------------------------------------------------------------------


def _detail(request, participation: Participant, *, status=200, **forms):
    collaboration = participation.collaboration
    rounds = list(collaboration.rounds.order_by("-number"))
    open_round = next((r for r in rounds if r.is_open), None)
    is_regisseur = collaboration.regisseur_id == request.user.pk
    resume_at = 1
    if open_round is not None:
        # Answering resumes where the participant left off.
        steps = selectors.round_steps(round_=open_round)
        answered = selectors.participant_answers(round_=open_round, participant=participation)
        resume_at = first_incomplete_step(steps=steps, answered=answered) or 1
    context = {
        "resume_at": resume_at,
        "collaboration": collaboration,
        "participation": participation,
        "is_regisseur": is_regisseur,
        "rounds": rounds,
        "open_round": open_round,
        "partners": selectors.collaboration_overview(collaboration=collaboration, open_round=open_round)
        if is_regisseur
        else list(collaboration.partners.filter(archived_at__isnull=True)),
    }
    if is_regisseur:
        context.update(
            {
                "partner_form": forms.get("partner_form") or PartnerForm(),
                "invitation_form": forms.get("invitation_form")
                or InvitationForm(collaboration=collaboration),
                "round_form": forms.get("round_form") or RoundForm(),
                "participants": list(
                    Participant.objects.filter(collaboration=collaboration, user__isnull=False)
                    .exclude(user=request.user)
                    .select_related("user", "partner")
                ),
            }
        )
    return _render(request, "collaborations/detail.html", context, status=status)


@login_required
def collaboration_detail(request, pk: int):
    return _detail(request, selectors.participation_or_404(collaboration_id=pk, user=request.user))


def _regisseur_participation(request, pk: int) -> Participant:
    participation = selectors.participation_or_404(collaboration_id=pk, user=request.user)
    if participation.collaboration.regisseur_id != request.user.pk:
        raise Http404
    return participation


@login_required
@require_POST
def partner_add(request, pk: int):
    participation = _regisseur_participation(request, pk)
    form = PartnerForm(request.POST)
    if form.is_valid():
        try:
            partner = services.partner_add(
                collaboration=participation.collaboration,
                by=request.user,
                organisation=form.cleaned_data["organisation"],
                name=form.cleaned_data["name"],
            )
        except services.CollaborationError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("%(name)s has been added as a partner.") % {"name": partner.name})
            return redirect(_detail_url(participation.collaboration))
    return _detail(request, participation, partner_form=form, status=400)


@login_required
@require_POST
def partner_remove(request, pk: int, partner_id: int):
    participation = _regisseur_participation(request, pk)
    partner = get_object_or_404(Partner, pk=partner_id, collaboration=participation.collaboration)
    try:
        outcome = services.partner_remove(partner=partner, by=request.user)
    except services.CollaborationError as error:
        messages.error(request, str(error))
    else:
        if outcome == "archived":
            messages.success(
                request,
                _("%(name)s has people or answers: it has been archived, its answers stay in the results.")
                % {"name": partner.name},
            )
        else:
            messages.success(request, _("%(name)s has been removed.") % {"name": partner.name})
    return redirect(_detail_url(participation.collaboration))


@login_required
@require_POST
def participants_invite(request, pk: int):
    participation = _regisseur_participation(request, pk)
    collaboration = participation.collaboration
    form = InvitationForm(request.POST, collaboration=collaboration)
    if form.is_valid():
        partner = form.cleaned_data["partner"]
        try:
            invitations = services.participants_invite(
                partner=partner, by=request.user, emails=form.cleaned_data["emails"]
            )
        except services.CollaborationError as error:
            form.add_error("emails", str(error))
        else:
            messages.success(
                request,
                ngettext(
                    "%(count)s invitation has been sent for %(partner)s.",
                    "%(count)s invitations have been sent for %(partner)s.",
                    len(invitations),
                )
                % {"count": len(invitations), "partner": partner.name},
            )
            if not form.invalid_addresses:
                return redirect(_detail_url(collaboration))
            # The valid ones are invited; the others come back in the form to correct.
            invalid = form.invalid_addresses
            form = InvitationForm(
                initial={"emails": "\n".join(invalid), "partner": partner}, collaboration=collaboration
            )
            messages.error(
                request,
                _("These are not e-mail addresses and were not invited: %(addresses)s")
                % {"addresses": ", ".join(invalid)},
            )
            return _detail(request, participation, invitation_form=form)
    return _detail(request, participation, invitation_form=form, status=400)


@login_required
@require_POST
def invitation_change(request, pk: int, invitation_id: int, *, resend: bool):
    participation = _regisseur_participation(request, pk)
    invitation = get_object_or_404(
        Invitation, pk=invitation_id, collaboration=participation.collaboration, accepted_at__isnull=True
    )
    try:
        if resend:
            services.invitation_resend(invitation=invitation, by=request.user)
            messages.success(
                request, _("A new invitation has been sent to %(email)s.") % {"email": invitation.email}
            )
        else:
            services.invitation_withdraw(invitation=invitation, by=request.user)
            messages.success(
                request, _("The invitation to %(email)s has been withdrawn.") % {"email": invitation.email}
            )
    except services.CollaborationError as error:
        messages.error(request, str(error))
    return redirect(_detail_url(participation.collaboration))


@login_required
@require_POST
def regisseur_hand_over(request, pk: int):
    participation = _regisseur_participation(request, pk)
    successor = get_object_or_404(
        Participant, pk=request.POST.get("participant") or 0, collaboration=participation.collaboration
    )
    services.regisseur_hand_over(
        collaboration=participation.collaboration, by=request.user, participant=successor
    )
    messages.success(request, _("%(name)s is now the regisseur.") % {"name": successor.user.display_name})
    return redirect(_detail_url(participation.collaboration))


@login_required
@require_POST
def round_open(request, pk: int):
    participation = _regisseur_participation(request, pk)
    form = RoundForm(request.POST)
    if form.is_valid():
        try:
            round_ = services.round_open(
                collaboration=participation.collaboration,
                by=request.user,
                closes_on=form.cleaned_data["closes_on"],
            )
        except services.CollaborationError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Round %(number)s is open.") % {"number": round_.number})
            return redirect(_detail_url(participation.collaboration))
    return _detail(request, participation, round_form=form, status=400)


@login_required
@require_POST
def round_close(request, pk: int, number: int):
    participation = _regisseur_participation(request, pk)
    round_ = selectors.round_or_404(collaboration=participation.collaboration, number=number)
    if services.round_close(round_=round_, by=request.user):
        messages.success(
            request, _("Round %(number)s is closed; its results are ready.") % {"number": number}
        )
    return redirect(reverse("collaborations:results", args=[pk, number]))


# -- Joining -----------------------------------------------------------------------------------------


def invitation(request, token: str):
    """The link in an invitation: shows what it is for; joining is a POST (mail scanners follow links)."""
    try:
        found = services.invitation_for_token(token=token)
    except services.InvitationRefused as error:
        return _render(request, "collaborations/invitation.html", {"error": str(error)}, status=error.status)
    if request.method == "POST" and request.user.is_authenticated:
        try:
            participant = services.invitation_accept(user=request.user, token=token)
        except services.InvitationRefused as error:
            return _render(
                request,
                "collaborations/invitation.html",
                {"error": str(error), "invitation": found},
                status=error.status,
            )
        messages.success(
            request,
            _("You now take part in %(collaboration)s for %(partner)s.")
            % {"collaboration": found.collaboration.name, "partner": found.partner.name},
        )
        return redirect(_detail_url(participant.collaboration))
    return _render(request, "collaborations/invitation.html", {"invitation": found})


# -- Answering ---------------------------------------------------------------------------------------


def _step_url(pk, number, step) -> str:
    return reverse("collaborations:step", args=[pk, number, step])


@login_required
def step(request, pk: int, number: int, step_number: int):
    participation = selectors.participation_or_404(collaboration_id=pk, user=request.user)
    round_ = selectors.round_or_404(collaboration=participation.collaboration, number=number)
    if not round_.is_open:
        messages.error(request, _("This round is closed: answers can no longer be changed."))
        return redirect(reverse("collaborations:results", args=[pk, number]))
    steps = selectors.round_steps(round_=round_)
    if not 1 <= step_number <= len(steps):
        raise Http404
    current = steps[step_number - 1]
    answered = selectors.participant_answers(round_=round_, participant=participation)
    if request.method == "POST":
        form = CollaborationStepForm(request.POST, statements=current.statements)
        if form.is_valid():
            try:
                services.step_answer(
                    round_=round_,
                    participant=participation,
                    statements=current.statements,
                    answers=form.answers(),
                    remark=form.cleaned_data.get("remark", ""),
                )
            except services.CollaborationError as error:
                messages.error(request, str(error))
                return redirect(_detail_url(participation.collaboration))
            answered.update(form.answers())
            if "previous" in request.POST and step_number > 1:
                return redirect(_step_url(pk, number, step_number - 1))
            remaining = first_incomplete_step(steps=steps, answered=answered)
            if remaining is None and step_number == len(steps):
                messages.success(
                    request,
                    _("Thank you: your answers have been saved. You can change them until the round closes."),
                )
                return redirect(_detail_url(participation.collaboration))
            return redirect(_step_url(pk, number, min(step_number + 1, len(steps))))
        status = 400
    else:
        initial = initial_answers(current.statements, answered)
        initial["remark"] = selectors.participant_remark(
            round_=round_, participant=participation, factor_id=current.factor.pk
        )
        form = CollaborationStepForm(initial=initial, statements=current.statements)
        status = 200
    blue = [(s, f) for s, f in form.bound_statements() if s.world == World.BLUE]
    orange = [(s, f) for s, f in form.bound_statements() if s.world == World.ORANGE]
    return _render(
        request,
        "collaborations/step.html",
        {
            "collaboration": participation.collaboration,
            "round": round_,
            "steps": steps,
            "step": current,
            "form": form,
            "blue": blue,
            "orange": orange,
            "is_last": step_number == len(steps),
            "answered_count": len(answered),
            "statement_count": statement_count(steps),
            "progress": progress_percentage(steps=steps, answered=answered),
            "resume_at": first_incomplete_step(steps=steps, answered=answered) or len(steps),
        },
        status=status,
    )


# -- Results -----------------------------------------------------------------------------------------


def _world_label(world: str) -> str:
    return _("blue") if world == World.BLUE else _("orange")


def _heat_map(results: selectors.RoundResults):
    columns = [
        HeatColumn(
            group=str(row.factor.number),
            label=_world_label(world),
            stripe="#1d4f8c" if world == World.BLUE else "#e2731f",
        )
        for row in results.factors
        for world in selectors.WORLDS
    ]
    total = HeatRow(
        label=_("Whole collaboration"),
        values=tuple(
            row.total.get(row.factor.pk, world) for row in results.factors for world in selectors.WORLDS
        ),
        emphasis=True,
    )
    partner_rows = [
        HeatRow(
            label=p.partner.name if p.visible else _("%(name)s (hidden)") % {"name": p.partner.name},
            values=tuple(
                p.scores.get(row.factor.pk, world) for row in results.factors for world in selectors.WORLDS
            ),
        )
        for p in results.partners
    ]
    return heat_map_svg(
        rows=[total, *partner_rows],
        columns=columns,
        title=_("Score per success factor, world and partner, round %(number)s")
        % {"number": results.round.number},
        description=_(
            "Rows: the whole collaboration and each partner; columns: the success factors by number, each "
            "in the blue and the orange world; scores from 0 to 100. The same numbers are in the table below."
        ),
        chart_id=f"heat-{results.round.number}",
    )


def _change_chart(results: selectors.RoundResults):
    items = [(f"{row.factor.number}. {row.factor.name}", row.change) for row in results.factors]
    return change_bars_svg(
        items=items,
        title=_("Change per success factor since round %(number)s")
        % {"number": results.previous_round.number},
        description="; ".join(f"{label}: {'–' if change is None else change}" for label, change in items),
        chart_id="change",
    )


def _results_context(request, pk: int, number: int) -> dict:
    participation = selectors.participation_or_404(collaboration_id=pk, user=request.user)
    round_ = selectors.round_or_404(collaboration=participation.collaboration, number=number)
    if round_.is_open:
        return {"participation": participation, "round": round_}
    results = selectors.round_results(round_=round_)
    context = {
        "participation": participation,
        "collaboration": participation.collaboration,
        "is_regisseur": participation.collaboration.regisseur_id == request.user.pk,
        "round": round_,
        "results": results,
        "today": timezone.localdate(),
    }
    if results.is_visible:
        context["heat_map"] = _heat_map(results)
        if results.previous_round is not None:
            context["change_chart"] = _change_chart(results)
    return context


@login_required
def results(request, pk: int, number: int):
    context = _results_context(request, pk, number)
    if "results" not in context:
        # An open round has no results yet: watching them grow answer by answer would show who said what.
        messages.info(request, _("The results show when the round closes."))
        return redirect(_detail_url(context["participation"].collaboration))
    return _render(request, "collaborations/results.html", context)


@login_required
def reset_agenda_pdf(request, pk: int, number: int):
    context = _results_context(request, pk, number)
    if "results" not in context or not context["is_regisseur"] or not context["results"].is_visible:
        raise Http404
    pdf = template_to_pdf(
        "collaborations/reset_agenda_pdf.html", context, base_url=request.build_absolute_uri("/")
    )
    response = HttpResponse(pdf.content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="reset-agenda-meting-{number}.pdf"'
    add_never_cache_headers(response)
    return response


# -- Actions -----------------------------------------------------------------------------------------


@login_required
def actions(request, pk: int, action_id: int | None = None):
    participation = selectors.participation_or_404(collaboration_id=pk, user=request.user)
    collaboration = participation.collaboration
    instance = get_object_or_404(Action, pk=action_id, collaboration=collaboration) if action_id else None
    form = ActionForm(request.POST or None, instance=instance, collaboration=collaboration)
    if request.method == "POST" and form.is_valid():
        action = form.save(commit=False)
        action.collaboration = collaboration
        try:
            services.action_save(collaboration=collaboration, by_participant=participation, action=action)
        except services.CollaborationError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The action has been saved."))
            return redirect(reverse("collaborations:actions", args=[pk]))
    today = timezone.localdate()
    rows = list(selectors.actions_for(collaboration=collaboration))
    return _render(
        request,
        "collaborations/actions.html",
        {
            "collaboration": collaboration,
            "actions": [(action, action.is_overdue(today)) for action in rows],
            "form": form,
            "editing": instance,
            "statuses": Action.Status.choices,
        },
        status=400 if form.errors else 200,
    )
