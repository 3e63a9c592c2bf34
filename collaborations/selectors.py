"""Reads of the collaboration scan: a user's collaborations, the regisseur's overview, a round's
steps, and the results. Results are aggregated in the database (a fixed number of queries however
many participants and rounds there are) and never show one person's answers: a partner's numbers
show only from `COLLABORATION_MIN_RESPONDENTS` participants that answered."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.conf import settings
from django.db.models import Avg, Count, Exists, OuterRef, Q, QuerySet
from django.http import Http404

from questionnaires import scoring
from questionnaires.aggregates import statement_score
from questionnaires.privacy import hidden_reason_count, is_visible
from questionnaires.steps import Step, steps_by_factor
from successfactors.models import SuccessFactor

from .models import (
    Action,
    Answer,
    Collaboration,
    Invitation,
    Participant,
    Partner,
    Remark,
    Round,
    RoundStatement,
    World,
)

if TYPE_CHECKING:
    from accounts.models import User

WORLDS = (World.BLUE, World.ORANGE)
# A difference of this many points between partners, or between the two worlds, is worth a conversation.
NOTABLE_GAP = 15
PRIORITY_COUNT = 3


def min_respondents() -> int:
    return settings.COLLABORATION_MIN_RESPONDENTS


# -- Access ------------------------------------------------------------------------------------------


def participation_or_404(*, collaboration_id: int, user: User) -> Participant:
    """The user's participation in this collaboration (with the collaboration and partner): anyone who
    does not take part gets a 404, as if it did not exist."""
    participation = (
        Participant.objects.select_related("collaboration", "partner")
        .filter(collaboration_id=collaboration_id, user=user)
        .first()
    )
    if participation is None:
        raise Http404
    return participation


def round_or_404(*, collaboration: Collaboration, number: int) -> Round:
    round_ = Round.objects.filter(collaboration=collaboration, number=number).first()
    if round_ is None:
        raise Http404
    return round_


def collaborations_for(*, user: User) -> QuerySet[Collaboration]:
    """The collaborations a user takes part in, with their partner names and rounds counted."""
    return (
        Collaboration.objects.filter(participants__user=user)
        .annotate(
            partner_count=Count("partners", filter=Q(partners__archived_at__isnull=True), distinct=True),
            round_count=Count("rounds", distinct=True),
            open_round_count=Count("rounds", filter=Q(rounds__closed_at__isnull=True), distinct=True),
        )
        .order_by("name", "pk")
    )


def collaborations_of_organisation(*, organisation) -> list[dict]:
    """For a coordinator: the collaborations in which their organisation is a partner, with partners,
    rounds and the response rate of the latest round; never results. Three queries."""
    collaborations = list(
        Collaboration.objects.filter(partners__organisation=organisation)
        .distinct()
        .annotate(
            participant_count=Count("participants", distinct=True),
            round_count=Count("rounds", distinct=True),
        )
        .order_by("name", "pk")
    )
    ids = [c.pk for c in collaborations]
    partners: dict[int, list[str]] = defaultdict(list)
    for collaboration_id, name in Partner.objects.filter(
        collaboration_id__in=ids, archived_at__isnull=True
    ).values_list("collaboration_id", "name"):
        partners[collaboration_id].append(name)
    latest = Round.objects.filter(collaboration=OuterRef("collaboration"), number__gt=OuterRef("number"))
    responded = dict(
        Round.objects.filter(collaboration_id__in=ids)
        .exclude(Exists(latest))
        .annotate(responded=Count("answers__participant", distinct=True))
        .values_list("collaboration_id", "responded")
    )
    return [
        {
            "collaboration": c,
            "partners": partners[c.pk],
            "responded": responded.get(c.pk),
            "response_rate": round(100 * responded[c.pk] / c.participant_count)
            if c.pk in responded and c.participant_count
            else None,
        }
        for c in collaborations
    ]


# -- The regisseur's overview ------------------------------------------------------------------------


@dataclass
class PartnerOverview:
    partner: Partner
    participants: list[dict] = field(default_factory=list)  # {"participant", "answered": bool}
    invitations: list[Invitation] = field(default_factory=list)


def collaboration_overview(
    *, collaboration: Collaboration, open_round: Round | None
) -> list[PartnerOverview]:
    """Per partner: who joined (and whether they answered the open round: names only, never
    answers) and the open invitations. Four queries."""
    partners = {
        p.pk: PartnerOverview(partner=p) for p in collaboration.partners.filter(archived_at__isnull=True)
    }
    answered: set[int] = set()
    if open_round is not None:
        statement_total = RoundStatement.objects.filter(round=open_round).count()
        answered = {
            row["participant_id"]
            for row in Answer.objects.filter(round=open_round)
            .values("participant_id")
            .annotate(count=Count("id"))
            .order_by()
            if row["count"] >= statement_total
        }
    for participant in Participant.objects.filter(
        collaboration=collaboration, user__isnull=False
    ).select_related("user"):
        if participant.partner_id in partners:
            partners[participant.partner_id].participants.append(
                {"participant": participant, "answered": participant.pk in answered}
            )
    for invitation in Invitation.objects.filter(
        collaboration=collaboration, accepted_at__isnull=True, withdrawn_at__isnull=True
    ):
        if invitation.partner_id in partners:
            partners[invitation.partner_id].invitations.append(invitation)
    return list(partners.values())


# -- Answering ---------------------------------------------------------------------------------------


def round_steps(*, round_: Round) -> list[Step]:
    """One step per success factor: its blue statements, then its orange ones."""
    return steps_by_factor(
        RoundStatement.objects.filter(round=round_).select_related("factor").order_by("position")
    )


def participant_answers(*, round_: Round, participant: Participant) -> dict:
    return dict(
        Answer.objects.filter(round=round_, participant=participant).values_list("statement_key", "value")
    )


def participant_remark(*, round_: Round, participant: Participant, factor_id: int) -> str:
    return (
        Remark.objects.filter(round=round_, participant=participant, factor_id=factor_id)
        .values_list("text", flat=True)
        .first()
        or ""
    )


# -- Results -----------------------------------------------------------------------------------------


@dataclass
class Scores:
    """Scores (0–100, whole numbers) of one group per (factor id, world)."""

    by_factor_world: dict[tuple[int, str], int | None] = field(default_factory=dict)

    def get(self, factor_id: int, world: str) -> int | None:
        return self.by_factor_world.get((factor_id, world))

    def factor(self, factor_id: int) -> int | None:
        """The factor's score: the mean of its two worlds (each counts alike)."""
        values = [v for v in (self.get(factor_id, w) for w in WORLDS) if v is not None]
        return scoring.round_score(sum(values) / len(values)) if values else None


@dataclass
class PartnerResult:
    partner: Partner
    respondents: int
    visible: bool
    scores: Scores
    previous: Scores | None = None
    more_needed: int = 0


@dataclass
class Gap:
    size: int
    world: str
    high: PartnerResult
    low: PartnerResult


@dataclass
class FactorResult:
    factor: SuccessFactor
    total: Scores
    partner_gap: Gap | None = None
    previous_total: int | None = None
    reasons: list[str] = field(default_factory=list)
    instruments: list = field(default_factory=list)
    courses: list = field(default_factory=list)
    remarks: list[str] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)

    @property
    def score(self) -> int | None:
        return self.total.factor(self.factor.pk)

    @property
    def blue(self) -> int | None:
        return self.total.get(self.factor.pk, World.BLUE)

    @property
    def orange(self) -> int | None:
        return self.total.get(self.factor.pk, World.ORANGE)

    @property
    def world_gap(self) -> int | None:
        """Blue minus orange: positive when the contract says yes and the relation says no."""
        return None if self.blue is None or self.orange is None else self.blue - self.orange

    @property
    def change(self) -> int | None:
        return scoring.score_change(self.score, self.previous_total)

    @property
    def priority(self) -> float:
        if self.score is None:
            return -1
        return (
            (scoring.SCORE_MAX - self.score)
            + (self.partner_gap.size if self.partner_gap else 0)
            + abs(self.world_gap or 0)
        )


@dataclass
class RoundResults:
    round: Round
    previous_round: Round | None
    respondents: int
    minimum: int
    factors: list[FactorResult]
    partners: list[PartnerResult]

    @property
    def is_visible(self) -> bool:
        return is_visible(self.respondents, minimum=self.minimum)

    @property
    def visible_partners(self) -> list[PartnerResult]:
        return [p for p in self.partners if p.visible]

    @property
    def hidden_partners(self) -> list[PartnerResult]:
        return [p for p in self.partners if not p.visible]

    @property
    def gaps(self) -> list[FactorResult]:
        """Factors by the largest difference between two partners, largest first."""
        return sorted((f for f in self.factors if f.partner_gap), key=lambda f: -f.partner_gap.size)

    @property
    def world_gaps(self) -> list[FactorResult]:
        return sorted((f for f in self.factors if f.world_gap is not None), key=lambda f: -abs(f.world_gap))

    @property
    def priorities(self) -> list[FactorResult]:
        return [f for f in self.factors if f.reasons]


def _scores_by_group(answers: QuerySet[Answer], group: str | None) -> dict:
    """{group value: Scores} (or one Scores without a group), one aggregate query."""
    keys = ([group] if group else []) + ["factor_id", "world"]
    result: dict = defaultdict(Scores)
    for row in answers.values(*keys).annotate(score=Avg(statement_score())).order_by():
        result[row[group] if group else None].by_factor_world[(row["factor_id"], row["world"])] = (
            scoring.round_score(row["score"])
        )
    return result


def _respondents(answers: QuerySet[Answer]) -> dict[int, int]:
    return dict(
        answers.values("partner_id")
        .annotate(count=Count("participant", distinct=True))
        .values_list("partner_id", "count")
        .order_by()
    )


def round_results(*, round_: Round, today=None) -> RoundResults:
    """The results of a round: totals and per-partner scores per factor and world, partner and
    world gaps, the factors to work on first with their instruments and courses, remarks without
    names, the change since the previous round, and the actions per factor. A fixed number of
    queries (about a dozen), whatever the number of participants, partners and rounds."""
    from courses.models import CoursePage
    from handelingsrepertoire.models import InstrumentPage

    k = min_respondents()
    answers = Answer.objects.filter(round=round_)
    respondents = _respondents(answers)
    total_respondents = sum(respondents.values())
    factors = list(SuccessFactor.objects.order_by("number"))
    partners = list(Partner.objects.filter(collaboration_id=round_.collaboration_id))
    total = _scores_by_group(answers, None).get(None, Scores())
    by_partner = _scores_by_group(answers, "partner_id")

    previous_round = (
        Round.objects.filter(collaboration_id=round_.collaboration_id, number__lt=round_.number)
        .order_by("-number")
        .first()
    )
    previous_total = Scores()
    previous_by_partner: dict = {}
    previous_respondents: dict[int, int] = {}
    if previous_round is not None:
        previous_answers = Answer.objects.filter(round=previous_round)
        previous_respondents = _respondents(previous_answers)
        if is_visible(sum(previous_respondents.values()), minimum=k):
            previous_total = _scores_by_group(previous_answers, None).get(None, Scores())
            previous_by_partner = _scores_by_group(previous_answers, "partner_id")

    partner_results = []
    for partner in partners:
        count = respondents.get(partner.pk, 0)
        if partner.archived_at is not None and not count:
            continue
        visible = is_visible(count, minimum=k)
        was_visible = is_visible(previous_respondents.get(partner.pk, 0), minimum=k)
        partner_results.append(
            PartnerResult(
                partner=partner,
                respondents=count,
                visible=visible,
                scores=by_partner.get(partner.pk, Scores()) if visible else Scores(),
                previous=previous_by_partner.get(partner.pk) if visible and was_visible else None,
                more_needed=hidden_reason_count(count, minimum=k),
            )
        )

    shown = is_visible(total_respondents, minimum=k)
    results = []
    for factor in factors:
        if not any(total.get(factor.pk, w) is not None for w in WORLDS) and not shown:
            continue
        row = FactorResult(factor=factor, total=total if shown else Scores())
        row.previous_total = previous_total.factor(factor.pk) if shown else None
        best: Gap | None = None
        visible = [p for p in partner_results if p.visible]
        for world in WORLDS:
            scored = [
                (p.scores.get(factor.pk, world), p)
                for p in visible
                if p.scores.get(factor.pk, world) is not None
            ]
            if len(scored) >= 2:
                high = max(scored, key=lambda pair: pair[0])
                low = min(scored, key=lambda pair: pair[0])
                if best is None or high[0] - low[0] > best.size:
                    best = Gap(size=high[0] - low[0], world=world, high=high[1], low=low[1])
        row.partner_gap = best
        results.append(row)

    if shown:
        _choose_priorities(results)
        _attach_remarks(results, round_)
        _attach_actions(results, round_, previous_round)
        chosen = [row for row in results if row.reasons]
        ids = [row.factor.pk for row in chosen]
        instruments = defaultdict(list)
        for factor_id, page_id in InstrumentPage.success_factors.through.objects.filter(
            successfactor_id__in=ids
        ).values_list("successfactor_id", "instrumentpage_id"):
            instruments[page_id].append(factor_id)
        pages = InstrumentPage.objects.live().filter(pk__in=list(instruments)).order_by("title")
        courses = defaultdict(list)
        for factor_id, page_id in CoursePage.success_factors.through.objects.filter(
            successfactor_id__in=ids
        ).values_list("successfactor_id", "coursepage_id"):
            courses[page_id].append(factor_id)
        course_pages = CoursePage.objects.live().filter(pk__in=list(courses)).order_by("title")
        for row in chosen:
            row.instruments = [p for p in pages if row.factor.pk in instruments[p.pk]][:3]
            row.courses = [p for p in course_pages if row.factor.pk in courses[p.pk]][:2]

    return RoundResults(
        round=round_,
        previous_round=previous_round,
        respondents=total_respondents,
        minimum=k,
        factors=results,
        partners=partner_results,
    )


def _choose_priorities(results: list[FactorResult]) -> None:
    from django.utils.translation import gettext as _

    lowest = {
        row.factor.pk
        for row in sorted((r for r in results if r.score is not None), key=lambda r: r.score)[:PRIORITY_COUNT]
    }
    for row in sorted(results, key=lambda r: -r.priority)[:PRIORITY_COUNT]:
        if row.score is None:
            continue
        if row.factor.pk in lowest:
            row.reasons.append(_("one of the lowest scores (%(score)s)") % {"score": row.score})
        if row.partner_gap and row.partner_gap.size >= NOTABLE_GAP:
            row.reasons.append(
                _("the partners see it differently: %(size)s points between %(high)s and %(low)s")
                % {
                    "size": row.partner_gap.size,
                    "high": row.partner_gap.high.partner.name,
                    "low": row.partner_gap.low.partner.name,
                }
            )
        if row.world_gap is not None and abs(row.world_gap) >= NOTABLE_GAP:
            if row.world_gap > 0:
                row.reasons.append(
                    _("the contract says yes, the relation says no: blue %(blue)s, orange %(orange)s")
                    % {"blue": row.blue, "orange": row.orange}
                )
            else:
                row.reasons.append(
                    _("the relation is ahead of the agreements: blue %(blue)s, orange %(orange)s")
                    % {"blue": row.blue, "orange": row.orange}
                )
        if not row.reasons:
            row.reasons.append(_("together the weakest point (score %(score)s)") % {"score": row.score})


def _attach_remarks(results: list[FactorResult], round_: Round) -> None:
    by_factor = {row.factor.pk: row for row in results}
    # Ordered by text, not by who wrote them or when: the order gives nobody away.
    for factor_id, text in (
        Remark.objects.filter(round=round_).order_by("factor_id", "text").values_list("factor_id", "text")
    ):
        if factor_id in by_factor:
            by_factor[factor_id].remarks.append(text)


def _attach_actions(results: list[FactorResult], round_: Round, previous_round: Round | None) -> None:
    """From the second round on: the actions agreed since the previous round, per factor."""
    if previous_round is None:
        return
    by_factor = {row.factor.pk: row for row in results}
    for action in Action.objects.filter(
        collaboration_id=round_.collaboration_id, created_at__lt=round_.opened_at
    ).select_related("partner"):
        if action.factor_id in by_factor:
            by_factor[action.factor_id].actions.append(action)


def actions_for(*, collaboration: Collaboration) -> QuerySet[Action]:
    return (
        Action.objects.filter(collaboration=collaboration)
        .select_related("factor", "partner")
        .order_by("status", "due_date", "pk")
    )
