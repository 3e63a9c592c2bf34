import io
from pathlib import Path

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
RESET = "Resetsessie voor een samenwerking die niet werkt zoals bedoeld"


def assert_one_a4_page(content: bytes) -> None:
    reader = PdfReader(io.BytesIO(content))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx((595.28, 841.89), abs=1)


def test_a_professional_filters_the_repertoire_opens_a_sheet_prints_it_and_downloads_the_pdf(page, live_url):
    ARTIFACTS.mkdir(exist_ok=True)
    page.goto(live_url + "/handelingsrepertoire/")
    cards = page.locator(".instrument-card")
    expect(cards.first).to_be_visible()
    all_sheets = cards.count()
    assert all_sheets >= 12

    page.get_by_label("Fase").select_option("evalueren-en-resetten")
    page.wait_for_url("**fase=evalueren-en-resetten**")  # htmx swapped the results and pushed the URL
    expect(cards).not_to_have_count(all_sheets)
    expect(page.get_by_role("link", name=RESET)).to_be_visible()
    assert page.get_by_label("Fase").input_value() == "evalueren-en-resetten"
    page.screenshot(path=ARTIFACTS / "instruments-index-filtered.png", full_page=True)

    page.get_by_role("link", name=RESET).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(RESET)
    for heading in ["Doel", "Wanneer inzetten", "Werkwijze", "Tips", "Valkuilen"]:
        expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()
    page.screenshot(path=ARTIFACTS / "instrument-sheet.png", full_page=True)

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download de pdf").click()
    download = download_info.value
    assert download.suggested_filename == "resetsessie.pdf"
    with open(download.path(), "rb") as pdf:
        assert_one_a4_page(pdf.read())
    response = page.request.get(page.url + "pdf/")
    assert response.ok and response.headers["content-type"] == "application/pdf"

    page.emulate_media(media="print")
    expect(page.get_by_role("link", name="Download de pdf")).to_be_hidden()
    page.screenshot(path=ARTIFACTS / "instrument-sheet-print.png", full_page=True)
    printed = page.pdf(format="A4", print_background=True)
    (ARTIFACTS / "instrument-sheet-print.pdf").write_bytes(printed)
    assert_one_a4_page(printed)
