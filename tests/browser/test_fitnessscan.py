"""The FitnessScan as people use it: the demo professional takes it, leaves halfway, comes back,
finishes and follows the advice; the coordinator reads the organisation profile."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

# The answer chosen in each step (by factor): weak on 2, 6 and 7.
ANSWERS = {
    1: "Eens",
    2: "Oneens",
    3: "Helemaal eens",
    4: "Eens",
    5: "Neutraal",
    6: "Helemaal oneens",
    7: "Oneens",
    8: "Eens",
}


MIRRORED = {
    "Helemaal oneens": "Helemaal eens",
    "Oneens": "Eens",
    "Neutraal": "Neutraal",
    "Eens": "Oneens",
    "Helemaal eens": "Helemaal oneens",
}


def answer_step(page, number: int) -> None:
    statements = page.locator("fieldset.statement")
    expect(statements.first).to_be_visible()
    count = statements.count()
    for index in range(count):
        # Each demo factor's last statement is reverse-scored: mirror the answer to mean the same.
        choice = MIRRORED[ANSWERS[number]] if index == count - 1 else ANSWERS[number]
        statements.nth(index).get_by_label(choice, exact=True).check()


def screenshot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"fitnessscan-{name}.png", full_page=True)


def test_professional_takes_the_scan_leaves_halfway_comes_back_and_follows_the_advice(page, live_url, log_in):
    log_in(page, "deelnemer@example.org")
    page.goto(live_url + "/fitnessscan/")
    page.get_by_role("link", name="Start de scan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Gezamenlijke ambitie")
    expect(page.get_by_text("Stap 1 van 8")).to_be_visible()

    # A missing answer: the step comes back with what was chosen and a message.
    page.locator("fieldset.statement").first.get_by_label("Eens", exact=True).check()
    page.locator("form.scan-form").evaluate("form => form.noValidate = true")
    page.get_by_role("button", name="Opslaan en verder").click()
    expect(page.get_by_role("alert")).to_contain_text("Niet elk antwoord kon worden opgeslagen")
    expect(page.locator("fieldset.statement").first.get_by_label("Eens", exact=True)).to_be_checked()
    screenshot(page, "step-error")

    for number in range(1, 5):
        answer_step(page, number)
        if number == 3:
            screenshot(page, "step")
        page.get_by_role("button", name="Opslaan en verder").click()
        expect(page.get_by_text(f"Stap {number + 1} van 8")).to_be_visible()
        expect(page).to_have_url(re.compile(f"/fitnessscan/stap/{number + 1}/$"))  # htmx keeps the URL right
        if number == 1:
            # One step back shows the answers given; forward again.
            page.get_by_role("button", name="Vorige stap").click()
            expect(page.get_by_text("Stap 1 van 8")).to_be_visible()
            first = page.locator("fieldset.statement").first
            expect(first.get_by_label(ANSWERS[1], exact=True)).to_be_checked()
            page.get_by_role("button", name="Opslaan en verder").click()
            expect(page.get_by_text("Stap 2 van 8")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text("Besluitvorming")

    # Leave halfway, come back later.
    page.goto(live_url + "/")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="FitnessScan").click()
    expect(page.get_by_text("12 van de 24 stellingen beantwoord.")).to_be_visible()
    page.get_by_role("link", name="Ga verder bij stap 5").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Besluitvorming")
    expect(page.get_by_text("Stap 5 van 8")).to_be_visible()

    for number in range(5, 9):
        answer_step(page, number)
        button = "Toon mijn resultaat" if number == 8 else "Opslaan en verder"
        page.get_by_role("button", name=button).click()
        if number < 8:
            expect(page.get_by_text(f"Stap {number + 1} van 8")).to_be_visible()

    # The result: chart, the same numbers in a table, change since the earlier demo scan, advice.
    expect(page).to_have_url(re.compile(r"/fitnessscan/resultaat/[0-9a-f-]{36}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Je FitnessScan-resultaat")
    chart = page.get_by_role("img", name=re.compile("FitnessScan van .*: score per succesfactor"))
    expect(chart).to_be_visible()
    table = page.locator("table.scan-table")
    expect(table.locator("tbody tr")).to_have_count(8)
    expect(table).to_contain_text("Sinds vorige scan")
    expect(table.locator("tbody tr").first.locator("td").first).to_have_text(re.compile(r"^\d+$"))
    advice = page.locator(".scan-advice__item")
    expect(advice).to_have_count(3)
    expect(advice.first).to_contain_text("Omgaan met interpretatieverschillen en conflict")
    screenshot(page, "result")

    course_link = page.locator(".scan-advice a[href^='/cursussen/']").first
    expect(course_link).to_be_visible()
    course_title = course_link.inner_text()
    course_link.click()
    expect(page).to_have_url(re.compile(r"/cursussen/[^/]+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(course_title)


def test_coordinator_sees_the_organisation_profile(page, live_url, log_in):
    log_in(page, "coordinator@example.org")
    page.goto(live_url + "/fitnessscan/")
    page.get_by_role("link", name="Organisatieprofiel").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("FitnessScan-profiel van je organisatie")
    expect(page.get_by_text(re.compile(r"Op basis van \d+ mensen van je organisatie"))).to_be_visible()
    expect(
        page.get_by_role("img", name=re.compile("FitnessScan-profiel van Gemeente Rivierstad"))
    ).to_be_visible()
    expect(page.locator("table.scan-table").first.locator("tbody tr")).to_have_count(8)
    screenshot(page, "organisation")


def test_professional_is_refused_the_organisation_profile(page, live_url, log_in):
    log_in(page, "deelnemer@example.org")
    response = page.goto(live_url + "/fitnessscan/organisatie/")
    assert response.status == 403
    expect(
        page.get_by_text("Alleen de coördinator van een organisatie ziet het FitnessScan-profiel")
    ).to_be_visible()
