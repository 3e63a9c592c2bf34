"""Feedback in the browser: the demo trainer works through the queue (a reflection, an open answer), and
the professionals see the feedback under their notification count, in the journal and in the quiz review."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"feedback-{name}.png", full_page=True)


def write_in_editor(page, text: str) -> None:
    editor = page.locator(".Draftail-Editor [contenteditable=true]").first
    editor.click()
    page.keyboard.type(text)
    expect(editor).to_contain_text(text)
    page.wait_for_timeout(600)  # Draftail writes its hidden input a moment after the last key


def test_trainer_gives_feedback_and_grades_then_the_professionals_read_it(
    page, live_url, log_in, axe_violations, browser
):
    log_in(page, "trainer@example.org")
    page.goto(live_url + "/admin/")
    if page.get_by_text("op je feedback of beoordeling").count() == 0:
        pytest.skip("the demo feedback (feedback.demo) is not loaded")
    expect(page.get_by_text("Er wachten 4 items op je feedback of beoordeling.")).to_be_visible()
    page.get_by_role("link", name="Te beoordelen").first.click()
    expect(page.get_by_role("heading", name="Te beoordelen")).to_be_visible()
    rows = page.locator("table.listing tbody tr")
    expect(rows).to_have_count(4)
    shot(page, "queue")

    # The oldest item first: the demo professional's reply to earlier feedback.
    rows.first.get_by_role("link").click()
    expect(page.get_by_role("heading", name="Feedback op een reflectie")).to_be_visible()
    expect(page.get_by_text("Reactie van de deelnemer")).to_be_visible()
    write_in_editor(page, "Goed plan om het A4 samen met de opvolger te schrijven. Plan het vóór de zomer.")
    page.get_by_role("button", name="Feedback versturen en het volgende item openen").click()
    expect(page.get_by_text("Opgeslagen. Hier is het volgende item.")).to_be_visible()

    # Through the queue to the open answer: a score out of range comes back with what was typed.
    page.goto(live_url + "/admin/te-beoordelen/")
    page.get_by_role("link", name="Toets: Twee werelden van samenwerken – Eigen praktijk").click()
    expect(page.get_by_role("heading", name="Open antwoord beoordelen")).to_be_visible()
    page.get_by_label("Score").fill("99")
    write_in_editor(page, "Scherp beschreven: de blauwe wereld stond, de oranje ontbrak.")
    page.get_by_role("button", name="Beoordeling opslaan en het volgende item openen").click()
    expect(page.get_by_label("Score")).to_have_value("99")
    shot(page, "grade-error")
    page.get_by_label("Score").fill("1")
    page.get_by_role("button", name="Beoordeling opslaan en het volgende item openen").click()
    expect(page.get_by_text("Opgeslagen. Hier is het volgende item.")).to_be_visible()

    # The professional whose answer was graded: the count in the header, the review with the feedback.
    context = browser.new_context(locale="nl-NL")
    professional = context.new_page()
    log_in(professional, "collega1@example.org")
    expect(professional.locator(".user-nav__notifications .badge")).to_contain_text("1")
    professional.locator(".user-nav__notifications").click()
    expect(
        professional.get_by_text("Je poging bij “Toets: Twee werelden van samenwerken” is beoordeeld.")
    ).to_be_visible()
    found = {"notifications": axe_violations(professional)}
    professional.get_by_role("button", name="Openen").click()
    expect(professional.get_by_role("heading", name="Geslaagd")).to_be_visible()
    expect(
        professional.get_by_text("Scherp beschreven: de blauwe wereld stond, de oranje ontbrak.")
    ).to_be_visible()
    expect(professional.locator(".user-nav__notifications .badge")).to_have_count(0)
    shot(professional, "review")
    found["review"] = axe_violations(professional)
    context.close()

    # The demo professional reads the trainer's new feedback in the journal, under the reply.
    context = browser.new_context(locale="nl-NL")
    sanne = context.new_page()
    log_in(sanne, "deelnemer@example.org")
    sanne.goto(live_url + "/mijn/")
    entry = sanne.locator(".journal-entry", has=sanne.get_by_text("Feedback van de trainer").first)
    expect(entry.get_by_text("Plan het vóór de zomer.")).to_be_visible()
    expect(entry.get_by_text("Jouw reactie")).to_be_visible()
    shot(sanne, "journal")
    found["journal"] = axe_violations(sanne)
    context.close()
    assert found == {"notifications": [], "review": [], "journal": []}
