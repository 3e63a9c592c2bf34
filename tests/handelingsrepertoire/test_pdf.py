import io
import os
from unittest import mock

import pytest
from pypdf import PdfReader
from wagtail.models import Page

from handelingsrepertoire.factories import build_instrument
from handelingsrepertoire.models import InstrumentDownloads, InstrumentPage, InstrumentPdf

pytestmark = pytest.mark.django_db

A4_POINTS = (595.28, 841.89)


def download(client, page) -> bytes:
    response = client.get(page.url + "pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="{page.slug}.pdf"'
    return b"".join(response.streaming_content)


def assert_one_a4_page(content: bytes) -> PdfReader:
    reader = PdfReader(io.BytesIO(content))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(A4_POINTS, abs=0.5)
    return reader


def test_every_demo_sheet_downloads_as_exactly_one_a4_portrait_page(client, seeded, settings):
    sheets = InstrumentPage.objects.live()
    assert sheets.count() >= 12
    for page in sheets:
        reader = assert_one_a4_page(download(client, page))
        text = reader.pages[0].extract_text()
        assert page.title.split()[0] in text
        assert "Werkwijze" in text and "versie van" in text
        assert f"{settings.SITE_URL}{page.url}" in text.replace("\n", "")


def test_the_pdf_is_rendered_once_per_revision_then_served_from_storage(client, instrument):
    first = download(client, instrument)
    assert InstrumentPdf.objects.filter(page=instrument, revision=instrument.live_revision).count() == 1

    with mock.patch("academy.pdf.html_to_pdf") as html_to_pdf:
        second = download(client, instrument)
    html_to_pdf.assert_not_called()
    assert second == first


def test_publishing_renders_the_pdf_in_a_task_and_replaces_the_old_one(
    django_capture_on_commit_callbacks, index, factors
):
    with django_capture_on_commit_callbacks(execute=True):
        page = build_instrument(index=index, title="Rollenkaart", factors=[factors[4]])
    old = InstrumentPdf.objects.get(page=page)
    assert old.revision_id == page.live_revision_id and old.page_count == 1
    old_file = old.file.path

    page.summary = "Een nieuwe samenvatting in één zin."
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    page.refresh_from_db()
    assert list(InstrumentPdf.objects.filter(page=page).values_list("revision_id", flat=True)) == [
        page.live_revision_id
    ]
    assert not InstrumentPdf.objects.filter(pk=old.pk).exists()
    assert not os.path.exists(old_file)


def test_a_published_sheet_with_a_newer_draft_serves_the_published_version(client, instrument):
    published_summary = instrument.summary
    instrument.summary = "Concept: nog niet gepubliceerd."
    instrument.save_revision()
    text = PdfReader(io.BytesIO(download(client, instrument))).pages[0].extract_text()
    assert published_summary.split()[0] in text
    assert "Concept" not in text


def test_the_pdf_of_a_draft_or_unpublished_sheet_is_not_found(client, index, factors):
    draft = build_instrument(index=index, title="Nooit gepubliceerd", factors=[factors[1]], publish=False)
    assert client.get(draft.url + "pdf/").status_code == 404

    withdrawn = build_instrument(index=index, title="Teruggetrokken", factors=[factors[1]])
    withdrawn.unpublish()
    assert client.get(withdrawn.url + "pdf/").status_code == 404
    assert not InstrumentDownloads.objects.exists()


def test_downloads_are_counted_per_sheet_in_the_database(client, instrument, index, factors):
    other = build_instrument(index=index, title="Belangenkaart", factors=[factors[1]])
    for _ in range(3):
        download(client, instrument)
    download(client, other)
    assert InstrumentDownloads.objects.get(page=instrument).count == 3
    assert InstrumentDownloads.objects.get(page=other).count == 1


def test_the_counter_is_incremented_by_the_database_not_read_and_written(instrument):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from handelingsrepertoire.services import instrument_download_record

    instrument_download_record(page=instrument)
    with CaptureQueriesContext(connection) as queries:
        instrument_download_record(page=instrument)
    assert len(queries) == 1
    assert '"count" + 1' in queries[0]["sql"] or "count` + 1" in queries[0]["sql"]


def test_the_pdf_download_runs_a_bounded_number_of_queries(client, instrument, django_assert_max_num_queries):
    download(client, instrument)
    with django_assert_max_num_queries(10):
        download(client, instrument)


def test_trainers_preview_the_pdf_before_publishing(rf, instrument):
    instrument.title = "Nieuwe titel in voorbeeld"
    response = instrument.serve_preview(rf.get("/"), "pdf")
    assert response["Content-Type"] == "application/pdf"
    reader = assert_one_a4_page(response.content)
    assert "Nieuwe titel in voorbeeld" in reader.pages[0].extract_text()


def test_a_pdf_whose_file_went_missing_from_storage_is_rendered_again(client, instrument):
    download(client, instrument)
    stored = InstrumentPdf.objects.get(page=instrument)
    os.remove(stored.file.path)
    assert_one_a4_page(download(client, instrument))
    assert InstrumentPdf.objects.filter(page=instrument).count() == 1


def test_a_new_sheet_that_was_never_saved_can_be_previewed_as_page_and_as_pdf(rf, index, factors):
    from handelingsrepertoire.factories import instrument_fields

    page = InstrumentPage(**instrument_fields(title="Nog niet opgeslagen"))
    # as Wagtail's preview of a page being created places it under its parent
    page.depth, page.path = index.depth + 1, Page._get_children_path_interval(index.path)[1]
    page.set_url_path(index)
    assert "Nog niet opgeslagen" in page.serve_preview(rf.get("/"), "").rendered_content
    assert_one_a4_page(page.serve_preview(rf.get("/"), "pdf").content)


def test_the_sheet_footer_carries_the_address_the_site_runs_on(client, instrument, settings):
    settings.SITE_URL = "http://127.0.0.1:8765"
    text = assert_one_a4_page(download(client, instrument)).pages[0].extract_text().replace("\n", "")
    assert f"http://127.0.0.1:8765{instrument.url}" in text
    assert "http://localhost/" not in text
