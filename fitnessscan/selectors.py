"""Reads of the FitnessScan: its steps, a person's open scan and results, the organisation profile."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.apps import apps
from django.db.models import (
    Count,
    Exists,
    FloatField,
    OuterRef,
    QuerySet,
    Sum,
)
from django.db.models.functions import Cast

from questionnaires import scoring
from questionnaires.aggregates import DONT_KNOW_BUCKET, counted_value
from questionnaires.privacy import is_visible

# Steps are the engine's; the FitnessScan's views read them through these selectors.
from questionnaires.steps import Step, first_incomplete_step, steps_by_factor  # noqa: F401
from successfactors.models import SuccessFactor

from .models import FactorAdvice, FitnessScanPage, ScanAnswer, ScanFactorScore, ScanResponse, ScanStatement

if TYPE_CHECKING:
    from wagtail.models import Page

    from accounts.models import Organisation, User

# The organisation profile shows numbers only when at least this many people of the organisation
# completed the scan: fewer would let a coordinator recognise individuals.
MIN_RESPONDENTS = 5


def scan_steps(*, page: FitnessScanPage) -> list[Step]:
    """One step per success factor that has statements, in the factors' order."""
    return steps_by_factor(
        ScanStatement.objects.filter(page=page).select_related("factor"),
        sort_key=lambda s: (s.sort_order is None, s.sort_order, s.pk),
    )


def response_answers(*, response: ScanResponse | None) -> dict[uuid.UUID, int | None]:
    """{statement key: value} of a response; None values are "don't know"."""
    if response is None:
        return {}
    return dict(response.answers.values_list("statement_key", "value"))


def response_open(*, page: FitnessScanPage, user: User | None, session_response_id: str | None):
    """The scan a person is taking: a logged-in user's most recent unfinished one, or the anonymous
    one whose id is in the session."""
    open_responses = ScanResponse.objects.filter(page=page, completed_at__isnull=True)
    if user is not None and user.is_authenticated:
        return open_responses.filter(user=user).order_by("-updated_at").first()
    if not session_response_id:
        return None
    try:
        response_id = uuid.UUID(str(session_response_id))
    except ValueError:
        return None
    return open_responses.filter(pk=response_id, user__isnull=True).first()


def response_for_viewer(
    *, page: FitnessScanPage, response_id: uuid.UUID, user: User | None, session_response_ids: list[str]
) -> ScanResponse | None:
    """A completed result its viewer may see: their own, or an anonymous one kept in their session."""
    response = (
        ScanResponse.objects.filter(page=page, pk=response_id, completed_at__isnull=False)
        .select_related("user")
        .first()
    )
    if response is None:
        return None
    if response.user_id is not None:
        return (
            response if user is not None and user.is_authenticated and response.user_id == user.pk else None
        )
    return response if str(response.pk) in session_response_ids else None


def _uuids(values) -> list[uuid.UUID]:
    result = []
    for value in values:
        try:
            result.append(uuid.UUID(str(value)))
        except ValueError:
            continue
    return result


def responses_completed_anonymously(
    *, page: FitnessScanPage, response_ids: list[str]
) -> QuerySet[ScanResponse]:
    """The anonymous results a session holds (ids that are not, or no longer, anonymous are ignored)."""
    return ScanResponse.objects.filter(
        page=page, pk__in=_uuids(response_ids), user__isnull=True, completed_at__isnull=False
    ).order_by("-completed_at")


def responses_completed(*, page: FitnessScanPage, user: User) -> QuerySet[ScanResponse]:
    return ScanResponse.objects.filter(page=page, user=user, completed_at__isnull=False).order_by(
        "-completed_at"
    )


# -- A result ---------------------------------------------------------------------------------------


@dataclass
class CourseRecommendation:
    """A course the advice recommends, with where this professional stands in it."""

    page: Page
    completed: bool = False
    in_progress: bool = False


@dataclass
class FactorResult:
    factor: SuccessFactor
    score: int | None
    previous_score: int | None = None
    advice: FactorAdvice | None = None
    courses: list[CourseRecommendation] = field(default_factory=list)

    @property
    def band(self) -> scoring.Band | None:
        return scoring.band_for(self.score)

    @property
    def change(self) -> int | None:
        return scoring.score_change(self.score, self.previous_score)


@dataclass
class ScanResult:
    response: ScanResponse
    rows: list[FactorResult]
    previous_response: ScanResponse | None = None
    weakest: list[FactorResult] = field(default_factory=list)

    @property
    def overall(self) -> int | None:
        return self.response.overall_score

    @property
    def overall_band(self) -> scoring.Band | None:
        return scoring.band_for(self.overall)

    @property
    def previous_overall(self) -> int | None:
        return self.previous_response.overall_score if self.previous_response else None

    @property
    def overall_change(self) -> int | None:
        return scoring.score_change(self.overall, self.previous_overall)


def scan_result(*, response: ScanResponse) -> ScanResult:
    """A completed result: the score per factor, the change since the same person's previous scan,
    and the three weakest factors with the trainer's advice for their band."""
    scores = list(response.factor_scores.select_related("factor"))
    scores.sort(key=lambda row: row.factor.number)
    previous_response = None
    previous_scores: dict[int, int | None] = {}
    if response.user_id is not None:
        previous_response = (
            ScanResponse.objects.filter(
                page_id=response.page_id,
                user_id=response.user_id,
                completed_at__isnull=False,
                completed_at__lt=response.completed_at,
            )
            .order_by("-completed_at")
            .first()
        )
        if previous_response is not None:
            previous_scores = dict(previous_response.factor_scores.values_list("factor_id", "score"))
    rows = [
        FactorResult(factor=row.factor, score=row.score, previous_score=previous_scores.get(row.factor_id))
        for row in scores
    ]
    weakest_ids = scoring.weakest_factors(
        {row.factor.pk: row.score for row in rows}, order=[row.factor.pk for row in rows]
    )
    weakest = [next(row for row in rows if row.factor.pk == factor_id) for factor_id in weakest_ids]
    advice = advice_for(page_id=response.page_id, pairs=[(row.factor.pk, row.band) for row in weakest])
    for row in weakest:
        row.advice = advice.get((row.factor.pk, row.band))
    _recommend_courses(rows=weakest, user_id=response.user_id)
    return ScanResult(response=response, rows=rows, previous_response=previous_response, weakest=weakest)


def advice_for(*, page_id: int, pairs: list[tuple[int, str | None]]) -> dict[tuple[int, str], FactorAdvice]:
    """The first advice per (factor, band) asked for, with its linked pages in the same query."""
    pairs = [(factor_id, band) for factor_id, band in pairs if band]
    if not pairs:
        return {}
    found: dict[tuple[int, str], FactorAdvice] = {}
    queryset = (
        FactorAdvice.objects.filter(page_id=page_id, factor_id__in={factor_id for factor_id, _band in pairs})
        .select_related("course", "second_course", "instrument", "second_instrument")
        .order_by("sort_order", "pk")
    )
    for advice in queryset:
        found.setdefault((advice.factor_id, advice.band), advice)
    return {pair: found[pair] for pair in pairs if pair in found}


def _recommend_courses(*, rows: list[FactorResult], user_id: int | None) -> None:
    """The advice's courses per row, those the professional has not done first, completed and started
    ones marked: advice to take a course you just finished is no advice."""
    linked = {row.factor.pk: row.advice.linked_courses() if row.advice else [] for row in rows}
    course_ids = {page.pk for pages in linked.values() for page in pages}
    completed, started = set(), set()
    if user_id is not None and course_ids:
        # By name, not by import: the scan does not depend on the courses app.
        enrolments = apps.get_model("courses", "Enrolment").objects.filter(
            user_id=user_id, course_id__in=course_ids
        )
        for course_id, completed_at in enrolments.values_list("course_id", "completed_at"):
            (completed if completed_at else started).add(course_id)
    for row in rows:
        recommendations = [
            CourseRecommendation(page=page, completed=page.pk in completed, in_progress=page.pk in started)
            for page in linked[row.factor.pk]
        ]
        row.courses = sorted(recommendations, key=lambda course: (course.completed, course.in_progress))


# -- The organisation profile -------------------------------------------------------------------------


def _latest_completed(responses: QuerySet[ScanResponse]) -> QuerySet[ScanResponse]:
    """Each person's most recent completed result only: someone who took the scan three times
    counts once."""
    later = ScanResponse.objects.filter(
        page=OuterRef("page"),
        user=OuterRef("user"),
        completed_at__gt=OuterRef("completed_at"),
    )
    return responses.filter(completed_at__isnull=False, user__isnull=False).exclude(Exists(later))


@dataclass
class AnswerShare:
    value: int  # 1–5 as it counts (reverse-scored statements mirrored); 0 = don't know
    count: int
    percentage: float


@dataclass
class FactorProfile:
    factor: SuccessFactor
    mean: float | None
    spread: float | None
    scored_respondents: int
    distribution: list[AnswerShare]
    dont_know: AnswerShare
    platform_mean: float | None

    @property
    def band(self) -> scoring.Band | None:
        return scoring.band_for(scoring.round_score(self.mean))

    @property
    def difference(self) -> int | None:
        return scoring.score_change(self.mean, self.platform_mean)


@dataclass
class OrganisationProfile:
    organisation: Organisation
    respondents: int
    factors: list[FactorProfile]
    minimum: int = MIN_RESPONDENTS

    @property
    def is_visible(self) -> bool:
        return is_visible(self.respondents, minimum=self.minimum)

    @property
    def weakest(self) -> list[FactorProfile]:
        return self._ranked(reverse=False)

    @property
    def strongest(self) -> list[FactorProfile]:
        return self._ranked(reverse=True)[:2]

    def _ranked(self, *, reverse: bool) -> list[FactorProfile]:
        by_id = {row.factor.pk: row for row in self.factors}
        sign = -1 if reverse else 1
        ranked = scoring.weakest_factors(
            {pk: (None if row.mean is None else sign * row.mean) for pk, row in by_id.items()},
            order=list(by_id),
        )
        return [by_id[pk] for pk in ranked]


def _score_statistics(responses: QuerySet[ScanResponse]) -> dict[int, dict]:
    score = Cast("score", FloatField())
    rows = (
        ScanFactorScore.objects.filter(response__in=responses, score__isnull=False)
        .values("factor_id")
        .annotate(count=Count("id"), total=Sum(score), squares=Sum(score * score))
        .order_by()
    )
    return {row["factor_id"]: row for row in rows}


def organisation_scan_profile(
    *, organisation: Organisation, page: FitnessScanPage | None = None
) -> OrganisationProfile:
    """An organisation's profile from its members' latest completed results: mean score and spread
    per factor, the distribution of the answers, and the platform-wide mean as a reference.

    Never individual answers, and no numbers at all below MIN_RESPONDENTS. A fixed number of
    aggregate queries, however many results there are (five for a visible profile)."""
    page = page or FitnessScanPage.objects.live().first()
    responses = ScanResponse.objects.filter(page=page)
    members_latest = _latest_completed(responses.filter(user__organisation=organisation))
    respondents = members_latest.aggregate(count=Count("user", distinct=True))["count"]
    if not is_visible(respondents, minimum=MIN_RESPONDENTS):
        return OrganisationProfile(organisation=organisation, respondents=respondents, factors=[])

    factors = list(SuccessFactor.objects.order_by("number"))
    own = _score_statistics(members_latest)
    platform = _score_statistics(_latest_completed(responses))
    counted = counted_value()
    answer_counts: dict[int, dict[int, int]] = defaultdict(dict)
    for row in (
        ScanAnswer.objects.filter(response__in=members_latest)
        .annotate(counted=counted)
        .values("factor_id", "counted")
        .annotate(count=Count("id"))
        .order_by()
    ):
        answer_counts[row["factor_id"]][row["counted"]] = row["count"]

    profiles = []
    for factor in factors:
        stats = own.get(factor.pk)
        counts = answer_counts.get(factor.pk, {})
        if stats is None and not counts:
            continue
        answers_total = sum(counts.values()) or 1

        def share(value, counts=counts, answers_total=answers_total):
            count = counts.get(value, 0)
            return AnswerShare(value=value, count=count, percentage=100 * count / answers_total)

        reference = platform.get(factor.pk)
        # A factor's mean from fewer than MIN_RESPONDENTS people (the others said "don't know")
        # could be recognised too: it is left out.
        scored = stats["count"] if stats else 0
        shown = stats if is_visible(scored, minimum=MIN_RESPONDENTS) else None
        profiles.append(
            FactorProfile(
                factor=factor,
                mean=shown["total"] / shown["count"] if shown else None,
                spread=scoring.spread(
                    count=shown["count"], total=shown["total"], total_of_squares=shown["squares"]
                )
                if shown
                else None,
                scored_respondents=scored,
                distribution=[share(value) for value in scoring.SCALE_VALUES],
                dont_know=share(DONT_KNOW_BUCKET),
                platform_mean=reference["total"] / reference["count"] if reference else None,
            )
        )
    return OrganisationProfile(organisation=organisation, respondents=respondents, factors=profiles)
