"""Quizzes in the browser: the professional takes a demo quiz, the trainer imports GIFT and reads statistics."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
GIFT_DATA = Path(__file__).resolve().parents[1] / "data" / "gift"
COURSE = "/cursussen/startcondities-voor-samenwerking/"
QUIZ_TITLE = "Toets: Startcondities formuleren"


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"quiz-{name}.png", full_page=True)


def question(page, number: int):
    return page.locator(f"fieldset#vraag-{number}")


def saved(page, number: int) -> None:
    expect(question(page, number).locator(".quiz-question__status")).to_contain_text("Opgeslagen om")


def open_course_or_skip(page, live_url):
    response = page.goto(live_url + COURSE)
    if response.status == 404:
        pytest.skip("the demo courses (courses.demo) are not loaded")


def test_professional_takes_a_quiz_reloads_submits_and_passes(page, live_url, log_in, axe_violations):
    log_in(page, "deelnemer@example.org")
    open_course_or_skip(page, live_url)
    page.get_by_role("link", name=QUIZ_TITLE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(QUIZ_TITLE)
    expect(page.get_by_text("Je slaagt met een score van 60% of meer.")).to_be_visible()
    shot(page, "overview")
    found = {"overview": axe_violations(page)}
    page.get_by_role("button", name="Start de toets").click()
    expect(page.get_by_text("Vraag 1 van 8")).to_be_visible()
    found["attempt"] = axe_violations(page)

    # The first half, each saved on its own as it is answered.
    question(page, 1).get_by_label(
        "Afspraken over hoe je samenwerkt, gemaakt voordat het werk begint"
    ).check()
    saved(page, 1)
    for label in (
        "Hoe we samen besluiten nemen",
        "Hoe we omgaan met verschillen in uitleg",
        "Hoe we elkaar aanspreken (gedragsafspraken)",
        "Wat we doen als een sleutelfiguur vertrekt",
    ):
        question(page, 2).get_by_label(label).check()
    saved(page, 2)
    question(page, 3).get_by_label("Onwaar").check()
    saved(page, 3)
    order = ["Onze gezamenlijke ambitie", "Rollen en mandaat", "Zo nemen we besluiten", "Gedragsafspraken"]
    for place, item in enumerate(order, start=1):
        question(page, 4).get_by_label(item, exact=True).select_option(str(place))
    saved(page, 4)
    shot(page, "attempt")

    page.reload()
    expect(
        question(page, 1).get_by_label("Afspraken over hoe je samenwerkt, gemaakt voordat het werk begint")
    ).to_be_checked()
    expect(question(page, 2).get_by_label("Wat we doen als een sleutelfiguur vertrekt")).to_be_checked()
    expect(question(page, 2).get_by_label("De uurtarieven van de partners")).not_to_be_checked()
    expect(question(page, 3).get_by_label("Onwaar")).to_be_checked()
    for place, item in enumerate(order, start=1):
        expect(question(page, 4).get_by_label(item, exact=True)).to_have_value(str(place))

    # The second half, then submit.
    question(page, 5).get_by_label("Jouw antwoord").fill("Gedragsafspraken")
    matching = question(page, 6)
    for item, match in (
        ("Gezamenlijke ambitie", "Waarom werken we samen?"),
        ("Mandaat", "Wat mag ieder zelfstandig toezeggen?"),
        ("Besluitvorming", "Hoe komen we tot een besluit?"),
        ("Gedragsafspraken", "Hoe spreken we elkaar aan?"),
    ):
        matching.get_by_label(item, exact=True).select_option(label=match)
    question(page, 7).get_by_label("Jouw antwoord (een getal)").fill("1")
    question(page, 8).get_by_label("Jouw antwoord").fill(
        "Wij zorgen samen dat elk gezin binnen een week één vast aanspreekpunt heeft."
    )
    page.get_by_role("button", name="Antwoorden inleveren").click()

    # The open answer waits for the trainer (tests/browser/test_feedback.py grades one): no result yet.
    expect(page.get_by_role("heading", name="Wacht op beoordeling").first).to_be_visible()
    expect(page.locator(".quiz-verdict--right")).to_have_count(7)
    expect(page.locator(".quiz-verdict--awaiting")).to_have_count(1)
    expect(page.get_by_text("Juist: het hoe, vooraf.")).to_be_visible()  # feedback of the chosen option
    shot(page, "review")
    found["review"] = axe_violations(page)
    assert found == {"overview": [], "attempt": [], "review": []}

    page.goto(live_url + COURSE)
    item = page.locator(".syllabus__item", has=page.get_by_role("link", name=QUIZ_TITLE))
    expect(item.locator(".status--done")).to_have_count(0)
    shot(page, "course")


def test_trainer_imports_gift_examples_and_opens_the_statistics(page, live_url, log_in):
    log_in(page, "trainer@example.org")
    page.goto(live_url + "/admin/toetsen/")
    if page.get_by_role("link", name=re.compile("Toets: Twee werelden")).count() == 0:
        pytest.skip("the demo courses (courses.demo) are not loaded")
    page.get_by_role("link", name="Toets: Twee werelden van samenwerken").click()
    expect(
        page.get_by_role("heading", name=re.compile("Statistieken van Toets: Twee werelden"))
    ).to_be_visible()
    page.get_by_role("link", name="Vragen", exact=True).first.click()
    expect(page.get_by_role("heading", name=re.compile("Vragen van Toets: Twee werelden"))).to_be_visible()
    page.get_by_role("link", name="GIFT importeren").click()
    page.get_by_label("GIFT-bestand").set_input_files(GIFT_DATA / "examples.gift.txt")
    page.get_by_role("button", name="Importeren").click()
    expect(
        page.get_by_text("45 vragen geïmporteerd in “Toets: Twee werelden van samenwerken”.")
    ).to_be_visible()
    expect(page.get_by_role("link", name="GIFT-stuurtekens: welke niet?")).to_be_visible()
    expect(page.get_by_role("link", name="Herkomst van coöperatie")).to_be_visible()
    shot(page, "question-bank")

    page.get_by_role("link", name="Toets bewerken").click()
    expect(page.get_by_role("link", name="Vraag toevoegen")).to_be_visible()
    shot(page, "quiz-editor")
    page.go_back()
    page.get_by_role("link", name="Rol van de kwartiermaker").click()
    expect(page.locator("input[name=name]")).to_have_value("Rol van de kwartiermaker")
    shot(page, "question-edit")

    page.goto(live_url + "/admin/toetsen/")
    page.get_by_role("link", name="Toets: Twee werelden van samenwerken").click()
    summary = page.locator(".quiz-stats-summary")
    expect(summary).to_contain_text("Pogingen")
    # The demo professional's two attempts and a colleague's, waiting for the trainer (feedback.demo).
    expect(summary.locator("strong").first).to_have_text("3")
    expect(page.get_by_role("columnheader", name="Discriminatie-index")).to_be_visible()
    expect(page.get_by_role("cell", name="Waarom samenwerkingen vastlopen")).to_be_visible()
    shot(page, "statistics")
