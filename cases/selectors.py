"""Reading cases: the index with its filters and search, one case with what it links to and what draws on
it, and a submitter's own cases with their review status. Every function runs a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex, WorkflowState

from academy.search import run_search, search_words

from .models import CaseIndexPage, CasePage, CaseSubmission

SUBMISSIONS_PER_DAY = 10


class CaseStatus(models.TextChoices):
    DRAFT = "concept", _("Draft")
    IN_REVIEW = "in-beoordeling", _("In review")
    PUBLISHED = "gepubliceerd", _("Published")
    REJECTED = "afgewezen", _("Rejected")


EDITABLE_STATUSES = frozenset({CaseStatus.DRAFT, CaseStatus.REJECTED})


@dataclass
class OwnCase:
    case: CasePage
    status: CaseStatus
    comment: str = ""

    @property
    def editable(self) -> bool:
        return self.status in EDITABLE_STATUSES


@dataclass
class UsageGroup:
    label: str
    pages: list[Page] = field(default_factory=list)


# --------------------------------------------------------------------------- the index


def case_search_ids(
    *, index: CaseIndexPage, sector: str = "", kind: str = "", factor=None, query: str = ""
) -> list[int]:
    """Ids of the live cases matching the filters: newest first, or by relevance when searching."""
    cases = CasePage.objects.live().descendant_of(index)
    if sector:
        cases = cases.filter(sector=sector)
    if kind:
        cases = cases.filter(collaboration_kind=kind)
    if factor is not None:
        cases = cases.filter(success_factors=factor)
    words = search_words(query)
    if not words:  # nothing but signs (quotes, brackets): the list as without a search
        return list(cases.order_by("-first_published_at", "-pk").values_list("pk", flat=True))
    # Wagtail search filters only on indexed filter fields; the success factor is a relation, so the
    # filtered ids go in as an id filter (one extra query, whatever the number of cases).
    candidates = list(cases.values_list("pk", flat=True))
    if not candidates:
        return []
    found = run_search(
        lambda: [case.pk for case in CasePage.objects.filter(pk__in=candidates).search(words, operator="and")]
    )
    return found or []


def case_cards(*, ids: list[int]) -> list[CasePage]:
    """The cases to show as cards, in the order of `ids`."""
    cases = CasePage.objects.filter(pk__in=ids).prefetch_related("success_factors")
    by_id = {case.pk: case for case in cases}
    return [by_id[pk] for pk in ids if pk in by_id]


# --------------------------------------------------------------------------- one case


def case_detail(*, case: CasePage) -> dict:
    """What a case page shows besides its own fields. Works on a draft from a revision too (preview)."""
    factors = sorted(case.success_factors.all(), key=lambda factor: factor.number)
    instrument_ids = [link.instrument_id for link in case.instrument_links.all() if link.instrument_id]
    instruments_by_id = Page.objects.live().in_bulk(instrument_ids)
    gallery = [item for item in case.gallery_images.all() if item.image_id]
    images = get_image_model().objects.in_bulk([item.image_id for item in gallery])
    figures = [
        {"image": images[item.image_id], "alt_text": item.alt_text, "caption": item.caption}
        for item in gallery
        if item.image_id in images
    ]
    return {
        "factors": factors,
        "instruments": [instruments_by_id[pk] for pk in instrument_ids if pk in instruments_by_id],
        "figures": figures,
        "usages": case_usages(case=case) if case.pk else [],
    }


def case_usages(*, case: CasePage) -> list[UsageGroup]:
    """The live pages (modules, lessons, instruments, ...) that refer to this case, grouped by page type.

    Wagtail's reference index knows every page that links to the case (a lesson's case block, an
    instrument's "based on" link) without this app importing those apps."""
    page_type = ContentType.objects.get_for_model(Page)
    source_ids = {
        int(object_id)
        for object_id in ReferenceIndex.get_references_to(case)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
    }
    source_ids.discard(case.pk)
    if not source_ids:
        return []
    groups: dict[type, UsageGroup] = {}
    for page in Page.objects.live().filter(pk__in=source_ids).order_by("title"):
        page_class = page.specific_class or Page
        if page_class not in groups:
            groups[page_class] = UsageGroup(label=str(page_class._meta.verbose_name_plural).capitalize())
        groups[page_class].pages.append(page)
    return sorted(groups.values(), key=lambda group: group.label)


# --------------------------------------------------------------------------- a submitter's own cases


def case_for_submitter(*, user, case_id: int) -> CasePage | None:
    """The submitter's own case, or None: someone else's case is treated as if it did not exist."""
    if not user.is_authenticated:
        return None
    return CasePage.objects.filter(pk=case_id, submitted_by=user).first()


def _statuses(cases: list[CasePage]) -> dict[int, tuple[CaseStatus, str]]:
    if not cases:
        return {}
    active = WorkflowState.objects.active().filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=[str(case.pk) for case in cases],
    )
    states = {int(state.object_id): state for state in active.select_related("current_task_state")}
    result = {}
    for case in cases:
        state = states.get(case.pk)
        if case.live:
            result[case.pk] = (CaseStatus.PUBLISHED, "")
        elif state is None:
            result[case.pk] = (CaseStatus.DRAFT, "")
        elif state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            task_state = state.current_task_state
            result[case.pk] = (CaseStatus.REJECTED, task_state.comment if task_state else "")
        else:
            result[case.pk] = (CaseStatus.IN_REVIEW, "")
    return result


def case_status(*, case: CasePage) -> OwnCase:
    status, comment = _statuses([case])[case.pk]
    return OwnCase(case=case, status=status, comment=comment)


def case_list_for_submitter(*, user) -> list[OwnCase]:
    cases = list(CasePage.objects.filter(submitted_by=user).order_by("-latest_revision_created_at", "-pk"))
    statuses = _statuses(cases)
    return [OwnCase(case=case, status=statuses[case.pk][0], comment=statuses[case.pk][1]) for case in cases]


def case_submissions_today(*, user) -> int:
    """Submissions for review since midnight (local time)."""
    midnight = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    return CaseSubmission.objects.filter(submitted_by=user, submitted_at__gte=midnight).count()


def instrument_pages():
    """The live instrument sheets a submitter can say the case used."""
    return (
        Page.objects.live()
        .filter(content_type__app_label="handelingsrepertoire", content_type__model="instrumentpage")
        .order_by("title")
    )


def draft_image_for(*, user, name: str):
    """The image whose original or rendition is stored under `name`, if it is an unpublished case's image
    (academy.storage.is_draft_name) that `user` may see: its uploader, or whoever may choose images in its
    collection (moderators, administrators). None otherwise."""
    from wagtail.permissions import policy_registry

    from academy.storage import is_draft_name

    if not user.is_authenticated or not is_draft_name(name):
        return None
    image_model = get_image_model()
    image = (
        image_model.objects.filter(models.Q(file=name) | models.Q(renditions__file=name))
        .select_related("collection")
        .first()
    )
    if image is None:
        return None
    if image.uploaded_by_user_id == user.pk:
        return image
    policy = policy_registry.get_by_type(image_model)
    return image if policy.user_has_permission_for_instance(user, "choose", image) else None
