"""Reads of the 360° feedback round: the professional's rounds and the report (self against others).

The report takes a fixed number of queries, whatever the number of respondents or answers."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.http import Http404

from questionnaires import privacy, scoring
from questionnaires.scoring import ScoredAnswer
from successfactors.models import SuccessFactor

from .models import MINIMUM_RESPONDENTS, FeedbackRound, Respondent, RoundAnswer

DIFFERENCES_SHOWN = 3
HIGHLIGHTS = 2


def rounds_for(*, user) -> list[FeedbackRound]:
    return list(
        FeedbackRound.objects.filter(owner=user).annotate(
            invited=Count("respondents", filter=Q(respondents__is_self=False)),
            answered=Count(
                "respondents", filter=Q(respondents__is_self=False, respondents__answered_at__isnull=False)
            ),
        )
    )


def round_for_owner(*, user, round_id: int) -> FeedbackRound:
    """The professional's own round; anyone else's is a 404."""
    found = FeedbackRound.objects.filter(pk=round_id, owner=user).first()
    if found is None:
        raise Http404
    return found


def round_for_reader(*, user, round_id: int) -> FeedbackRound:
    """The owner's round, or a round its owner shared with this trainer; anything else is a 404."""
    found = (
        FeedbackRound.objects.filter(Q(owner=user) | Q(shared_with=user), pk=round_id)
        .select_related("owner", "shared_with")
        .first()
    )
    if found is None:
        raise Http404
    return found


@dataclass
class FactorRow:
    factor: SuccessFactor
    own: int | None
    others: int | None

    @property
    def difference(self) -> int | None:
        return None if self.own is None or self.others is None else self.own - self.others


@dataclass
class Report:
    feedback_round: FeedbackRound
    rows: list[FactorRow]
    answered: int
    invited: int
    self_done: bool
    visible: bool
    still_needed: int
    differences: list[FactorRow] = field(default_factory=list)
    strengths: list[FactorRow] = field(default_factory=list)
    development: list[FactorRow] = field(default_factory=list)
    goes_well: list[str] = field(default_factory=list)
    could_be_better: list[str] = field(default_factory=list)
    courses: dict = field(default_factory=dict)  # factor id → courses
    instruments: dict = field(default_factory=dict)  # factor id → instrument sheets


def round_report(*, feedback_round: FeedbackRound) -> Report:
    respondents = list(Respondent.objects.filter(round=feedback_round))
    others = [r for r in respondents if not r.is_self]
    answered_others = [r for r in others if r.answered_at is not None]
    own = next((r for r in respondents if r.is_self), None)
    visible = privacy.is_visible(len(answered_others), minimum=MINIMUM_RESPONDENTS)
    answers = list(
        RoundAnswer.objects.filter(
            respondent__round=feedback_round, respondent__answered_at__isnull=False
        ).values("respondent_id", "factor_id", "value", "reverse_scored")
    )
    factors = list(SuccessFactor.objects.filter(pk__in={a["factor_id"] for a in answers}).order_by("number"))
    factor_ids = [f.pk for f in factors]

    def scores_of(selected) -> dict[int, float | None]:
        return scoring.factor_scores(
            [ScoredAnswer(a["factor_id"], a["value"], a["reverse_scored"]) for a in selected],
            factor_ids=factor_ids,
        )

    own_id = own.pk if own else None
    own_scores = scores_of(a for a in answers if a["respondent_id"] == own_id)
    other_scores = scores_of(a for a in answers if a["respondent_id"] != own_id) if visible else {}
    rows = [
        FactorRow(f, scoring.round_score(own_scores.get(f.pk)), scoring.round_score(other_scores.get(f.pk)))
        for f in factors
    ]
    report = Report(
        feedback_round=feedback_round,
        rows=rows,
        answered=len(answered_others),
        invited=len(others),
        self_done=own is not None and own.answered_at is not None,
        visible=visible,
        still_needed=privacy.hidden_reason_count(len(answered_others), minimum=MINIMUM_RESPONDENTS),
    )
    if not visible:
        return report
    with_difference = [r for r in rows if r.difference is not None]
    report.differences = sorted(with_difference, key=lambda r: (-abs(r.difference), r.factor.number))[
        :DIFFERENCES_SHOWN
    ]
    scored = [r for r in rows if r.others is not None]
    report.strengths = sorted(scored, key=lambda r: (-r.others, r.factor.number))[:HIGHLIGHTS]
    report.development = [
        r for r in sorted(scored, key=lambda r: (r.others, r.factor.number)) if r not in report.strengths
    ][:HIGHLIGHTS]
    # Without names, and not in the order they came in: sorted, so no answer is traced to its sender.
    report.goes_well = sorted(r.goes_well for r in answered_others if r.goes_well)
    report.could_be_better = sorted(r.could_be_better for r in answered_others if r.could_be_better)
    _learning_for(report, [r.factor.pk for r in report.strengths + report.development])
    return report


def _learning_for(report: Report, factor_ids: list[int]) -> None:
    """The published courses and instrument sheets for the highlighted factors (two queries)."""
    from courses.models import CoursePage
    from handelingsrepertoire.models import InstrumentPage

    for model, target in ((CoursePage, report.courses), (InstrumentPage, report.instruments)):
        through = model.success_factors.through
        links = through.objects.filter(
            successfactor_id__in=factor_ids, **{f"{model._meta.model_name}__live": True}
        )
        pages = model.objects.filter(pk__in=links.values(f"{model._meta.model_name}_id")).order_by("title")
        by_page = {page.pk: page for page in pages}
        for link in links.values(f"{model._meta.model_name}_id", "successfactor_id"):
            page = by_page.get(link[f"{model._meta.model_name}_id"])
            if page is not None:
                target.setdefault(link["successfactor_id"], []).append(page)
