"""Writes and renders of instrument sheets: the one-A4 check, the stored PDF per published revision,
the download counter."""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from datetime import datetime
from typing import IO

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.text import capfirst
from django.utils.translation import gettext

from academy import pdf
from academy.site_url import public_page_url

from .models import InstrumentDownloads, InstrumentPage, InstrumentPdf

SHEET_TEMPLATE = "handelingsrepertoire/instrument_sheet_pdf.html"
A4_WIDTH_MM = 210
A4_HEIGHT_MM = 297
# Header and footer sit in the page margins, so they never push content onto a second page.
MARGIN_TOP_MM = 14
MARGIN_BOTTOM_MM = 24
MARGIN_SIDE_MM = 16
CONTENT_HEIGHT_MM = A4_HEIGHT_MM - MARGIN_TOP_MM - MARGIN_BOTTOM_MM
OVERFLOW_CACHE_SECONDS = 24 * 60 * 60
# Average characters per printed line, for telling the trainer which field takes the most room.
CHARS_PER_LINE_FULL = 105
CHARS_PER_LINE_HALF = 50


@dataclass(frozen=True)
class SheetProblem:
    field: str
    message: str
    field_message: str
    overflow_percent: int


def instrument_sheet_html(
    *,
    page: InstrumentPage,
    page_height_mm: float = A4_HEIGHT_MM,
    version_date: datetime | None = None,
    url: str = "",
    measuring: bool = False,
) -> str:
    """The sheet as HTML for WeasyPrint. Always in the site's language: the content is Dutch.

    When measuring, only what flows on the page is rendered (the footer lives in the margin), so the
    result depends on the fields a trainer edits and nothing else."""
    with translation.override(settings.LANGUAGE_CODE):
        return render_to_string(
            SHEET_TEMPLATE,
            {
                "page": page,
                "factors": [] if measuring else list(page.success_factors.all()),
                "version_date": version_date,
                "url": url,
                "measuring": measuring,
                # As text: the template would localise a float to "148,5" in Dutch.
                "page_width_mm": f"{A4_WIDTH_MM:.2f}",
                "page_height_mm": f"{page_height_mm:.2f}",
                "margin_top_mm": MARGIN_TOP_MM,
                "margin_bottom_mm": MARGIN_BOTTOM_MM,
                "margin_side_mm": MARGIN_SIDE_MM,
            },
        )


def instrument_sheet_render(*, page: InstrumentPage) -> pdf.RenderedPdf:
    """Renders the sheet's PDF without storing it (used for storage, the admin preview and benchmarks)."""
    version_date = page.last_published_at or timezone.now()
    html = instrument_sheet_html(page=page, version_date=version_date, url=public_page_url(page))
    return pdf.html_to_pdf(html)


def instrument_sheet_overflow(*, page: InstrumentPage) -> int:
    """How much longer than one A4 the sheet is, in percent of the room for content; 0 when it fits.

    Cached by the sheet's HTML: the admin validates a page more than once per save."""
    html = instrument_sheet_html(page=page, measuring=True)
    key = "instrument-sheet-overflow:" + hashlib.sha256(html.encode()).hexdigest()
    overflow = cache.get(key)
    if overflow is None:
        overflow = _measure_overflow(page, html)
        cache.set(key, overflow, OVERFLOW_CACHE_SECONDS)
    return overflow


def _measure_overflow(page: InstrumentPage, a4_html: str) -> int:
    if pdf.html_to_pdf(a4_html).page_count == 1:
        return 0

    # The only measure WeasyPrint gives us is a page count, so find the page height at which the
    # sheet just fits on one page.
    def fits(height_mm: float) -> bool:
        html = instrument_sheet_html(page=page, page_height_mm=height_mm, measuring=True)
        return pdf.html_to_pdf(html).page_count == 1

    too_short, long_enough = float(A4_HEIGHT_MM), A4_HEIGHT_MM * 1.5
    while not fits(long_enough):
        too_short, long_enough = long_enough, long_enough * 2
        if long_enough > A4_HEIGHT_MM * 20:
            break
    for _step in range(5):
        middle = (too_short + long_enough) / 2
        if fits(middle):
            long_enough = middle
        else:
            too_short = middle
    needed = long_enough - MARGIN_TOP_MM - MARGIN_BOTTOM_MM
    return max(1, math.ceil(100 * needed / CONTENT_HEIGHT_MM - 100))


def _lines(text: str, chars_per_line: int) -> float:
    return sum(
        math.ceil(len(paragraph) / chars_per_line) or 1 for paragraph in (text or "").splitlines() or [""]
    )


def instrument_sheet_space(*, page: InstrumentPage) -> dict[str, float]:
    """Estimated printed lines per field, to tell the trainer where shortening helps most."""
    return {
        "summary": _lines(page.summary, CHARS_PER_LINE_FULL),
        "purpose": _lines(page.purpose, CHARS_PER_LINE_HALF),
        "when_to_use": _lines(page.when_to_use, CHARS_PER_LINE_HALF),
        "participants": _lines(page.participants, CHARS_PER_LINE_HALF),
        "steps": sum(
            _lines(f"{step.value['title']}: {step.value['text']}", CHARS_PER_LINE_FULL) + 0.5
            for step in page.steps
        ),
        "tips": sum(_lines(tip.value, CHARS_PER_LINE_HALF) + 0.3 for tip in page.tips),
        "pitfalls": sum(_lines(pitfall.value, CHARS_PER_LINE_HALF) + 0.3 for pitfall in page.pitfalls),
    }


def instrument_sheet_check(*, page: InstrumentPage) -> SheetProblem | None:
    """Whether the sheet fits on one A4; if not, how much is too long and which field to shorten."""
    overflow = instrument_sheet_overflow(page=page)
    if not overflow:
        return None
    space = instrument_sheet_space(page=page)
    field = max(space, key=space.get)
    label = capfirst(InstrumentPage._meta.get_field(field).verbose_name)
    message = gettext(
        "The content is about %(percent)s%% too long for one A4 page; shorten '%(field)s' in particular."
    ) % {"percent": overflow, "field": label}
    field_message = gettext(
        "This part takes up the most room on the sheet; the whole is about %(percent)s%% too long."
    ) % {"percent": overflow}
    return SheetProblem(field=field, message=message, field_message=field_message, overflow_percent=overflow)


def instrument_pdf_ensure(*, page: InstrumentPage) -> InstrumentPdf | None:
    """The stored PDF of the page's live revision, rendering and storing it when it is not there yet.

    None when the page has no published revision (it was never published through Wagtail)."""
    revision_id = page.live_revision_id
    if not page.live or revision_id is None:
        return None
    existing = InstrumentPdf.objects.filter(page=page, revision_id=revision_id).first()
    if existing is not None:
        return existing
    rendered = instrument_sheet_render(page=page)
    sheet = InstrumentPdf(
        page=page, revision_id=revision_id, page_count=rendered.page_count, size=len(rendered.content)
    )
    sheet.file.save(f"{page.slug}.pdf", ContentFile(rendered.content), save=False)
    try:
        with transaction.atomic():
            sheet.save()
    except IntegrityError:  # rendered at the same moment by the task or another request
        sheet.file.delete(save=False)
        return InstrumentPdf.objects.get(page=page, revision_id=revision_id)
    for stale in InstrumentPdf.objects.filter(page=page).exclude(pk=sheet.pk):
        stale.file.delete(save=False)
        stale.delete()
    return sheet


def instrument_pdf_open(*, page: InstrumentPage) -> IO[bytes]:
    """The PDF of the live sheet as an open file: from storage when rendered before."""
    sheet = instrument_pdf_ensure(page=page)
    if sheet is None:
        return ContentFile(instrument_sheet_render(page=page).content)
    try:
        return sheet.file.open("rb")
    except FileNotFoundError:  # storage lost it (a restored database, emptied media): render it again
        sheet.delete()
        return instrument_pdf_ensure(page=page).file.open("rb")


def instrument_download_record(*, page: InstrumentPage) -> None:
    """Counts one download, in the database so that simultaneous downloads are all counted."""
    if InstrumentDownloads.objects.filter(page=page).update(count=F("count") + 1):
        return
    _downloads, created = InstrumentDownloads.objects.get_or_create(page=page, defaults={"count": 1})
    if not created:
        InstrumentDownloads.objects.filter(page=page).update(count=F("count") + 1)
