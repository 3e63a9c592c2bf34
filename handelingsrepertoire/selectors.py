"""Reads of the repertoire: the filtered index, a sheet's surroundings (related instruments, cases,
lessons). Each runs a fixed number of queries, whatever the number of instruments, factors or links."""

from __future__ import annotations

from collections.abc import Mapping

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from wagtail.models import Page, ReferenceIndex

from academy.site_url import public_page_url
from successfactors.models import SuccessFactor

from .forms import InstrumentFilterForm
from .models import (
    InstrumentCaseLink,
    InstrumentDownloads,
    InstrumentIndexPage,
    InstrumentPage,
    InstrumentPdf,
)

INSTRUMENTS_PER_PAGE = 12
# Named by string so that this app depends on neither the modules nor the cases app.
LESSON_MODEL = ("modules", "lessonpage")
CASE_MODEL = ("cases", "casepage")
SEARCHED_FIELDS = ("title", "summary", "purpose", "when_to_use")


def instrument_list(
    *,
    index: InstrumentIndexPage,
    factor: SuccessFactor | None = None,
    world: str = "",
    phase: str = "",
    query: str = "",
) -> QuerySet[InstrumentPage]:
    """The published sheets of the index, narrowed by each filter given; every word of the query must
    occur in the title, summary, purpose or when-to-use text."""
    instruments = InstrumentPage.objects.live().public().child_of(index)
    if factor is not None:
        instruments = instruments.filter(success_factors=factor)
    if world:
        instruments = instruments.filter(world=world)
    if phase:
        instruments = instruments.filter(phase=phase)
    for word in query.split():
        matches = Q()
        for field in SEARCHED_FIELDS:
            matches |= Q(**{f"{field}__icontains": word})
        instruments = instruments.filter(matches)
    return instruments.prefetch_related("success_factors").order_by("title", "pk")


def instrument_catalogue(*, index: InstrumentIndexPage, params: Mapping[str, str]) -> dict:
    """Everything the index template shows, from the GET parameters (Dutch, as in the page's URL): the
    filter form and one page of the matching sheets.

    A value that is not a known filter gives an empty list and `unknown_filter`, never an error."""
    factors = list(SuccessFactor.objects.all())
    filter_form = InstrumentFilterForm(params, factors=factors)
    unknown_filter = not filter_form.is_valid()
    if unknown_filter:
        instruments = InstrumentPage.objects.none()
    else:
        selected = filter_form.cleaned_data
        instruments = instrument_list(
            index=index,
            factor=next((f for f in factors if f.slug == selected["succesfactor"]), None),
            world=selected["wereld"],
            phase=selected["fase"],
            query=selected["q"],
        )
    # A page number that is not one gives the first page, one past the end the last (as on the cases).
    page_obj = Paginator(instruments, INSTRUMENTS_PER_PAGE).get_page(params.get("pagina"))
    return {
        "instruments": list(page_obj.object_list),
        "page_obj": page_obj,
        "filter_form": filter_form,
        "is_filtered": any(params.get(name, "").strip() for name in filter_form.fields),
        "unknown_filter": unknown_filter,
    }


def instrument_related(*, page: InstrumentPage) -> QuerySet[InstrumentPage]:
    """The published sheets related to this one, whichever of the two sheets names the other."""
    return (
        InstrumentPage.objects.live()
        .public()
        .filter(Q(related_from__page=page) | Q(related_instruments__related=page))
        .exclude(pk=page.pk)
        .distinct()
        .order_by("title")
    )


def instrument_cases(*, page: InstrumentPage) -> QuerySet[Page]:
    """The published best-practice cases behind the sheet: those linked here, and those that name the
    instrument themselves (found through Wagtail's reference index)."""
    case_ids = set(InstrumentCaseLink.objects.filter(page=page).values_list("case_id", flat=True))
    case_ids |= _referencing_page_ids(page, CASE_MODEL)
    return Page.objects.live().public().filter(pk__in=case_ids).order_by("title")


def instrument_lessons(*, page: InstrumentPage) -> QuerySet[Page]:
    """The published lessons that use the sheet (an instrument block or a link), from Wagtail's
    reference index."""
    return (
        Page.objects.live()
        .public()
        .filter(pk__in=_referencing_page_ids(page, LESSON_MODEL))
        .order_by("title")
    )


def _referencing_page_ids(page: Page, source_model: tuple[str, str]) -> set[int]:
    try:
        source_type = ContentType.objects.get_for_model(apps.get_model(*source_model))
    except LookupError:
        return set()
    object_ids = (
        ReferenceIndex.get_references_to(page)
        .filter(content_type=source_type)
        .values_list("object_id", flat=True)
    )
    # object_id is text (it serves every model), so compare as integers here, not in SQL.
    return {int(object_id) for object_id in object_ids}


def instrument_sheet_context(*, page: InstrumentPage) -> dict:
    """What the sheet's web page shows around the sheet itself."""
    context = {"factors": list(page.success_factors.all()), "sheet_url": public_page_url(page)}
    if page.pk is None:  # the preview of a sheet that was never saved links to nothing yet
        return {**context, "related_instruments": [], "cases": [], "lessons": []}
    return {
        **context,
        "related_instruments": list(instrument_related(page=page)),
        "cases": list(instrument_cases(page=page)),
        "lessons": list(instrument_lessons(page=page)),
    }


def instruments_for_case(*, case: Page) -> QuerySet[InstrumentPage]:
    """The published sheets based on a best-practice case (for the case's page)."""
    return (
        InstrumentPage.objects.live()
        .public()
        .filter(case_links__case=case)
        .prefetch_related("success_factors")
        .order_by("title")
    )


def instrument_stats(*, page: InstrumentPage) -> dict:
    """Downloads and the stored PDF of the live revision, for the trainer in the admin."""
    if page.pk is None:
        return {"page": page, "downloads": 0, "pdf": None}
    downloads = InstrumentDownloads.objects.filter(page_id=page.pk).values_list("count", flat=True).first()
    pdf = InstrumentPdf.objects.filter(page_id=page.pk, revision_id=page.live_revision_id).first()
    return {"page": page, "downloads": downloads or 0, "pdf": pdf}
