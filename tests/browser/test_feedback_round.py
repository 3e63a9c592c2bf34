"""The feedback round in the browser: the demo professional's completed round shows its report (chart,
table, open answers without names) and a running one says how many answers are still needed."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def test_the_demo_rounds_show_their_report_and_what_is_missing(page, live_url, log_in, axe_violations):
    log_in(page, "deelnemer@example.org")
    page.goto(live_url + "/feedbackronde/")
    if page.get_by_role("link", name="Mijn rol in het wijkteamconvenant (voorjaar)").count() == 0:
        pytest.skip("the demo feedback rounds (feedback.demo) are not loaded")
    found = {"rounds": axe_violations(page)}
    page.get_by_role("link", name="Mijn rol in het wijkteamconvenant (voorjaar)").click()
    expect(page.get_by_text("4 van de 4 uitgenodigden hebben geantwoord.")).to_be_visible()
    expect(page.locator("svg.radar-chart")).to_be_visible()
    expect(page.get_by_role("heading", name="Grootste verschillen")).to_be_visible()
    expect(page.get_by_text("Vertel eerder wat je zelf kunt toezeggen")).to_be_visible()
    expect(page.get_by_text("collega1@example.org")).to_have_count(0)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "feedbackround-report.png", full_page=True)
    found["report"] = axe_violations(page)

    page.goto(live_url + "/feedbackronde/")
    page.get_by_role("link", name="Samenwerking jeugdhulpregio (najaar)").click()
    expect(page.get_by_text("zodra nog 1 persoon heeft geantwoord")).to_be_visible()
    expect(page.locator("svg.radar-chart")).to_have_count(0)
    assert found == {"rounds": [], "report": []}
