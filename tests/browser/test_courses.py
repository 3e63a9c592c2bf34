"""The professional's journey, the trainer's report and the coordinator's view, in a real browser."""

import re

import pytest

pytestmark = pytest.mark.browser

COURSE = "/cursussen/startcondities-voor-samenwerking/"
OTHER_COURSE = "/cursussen/omgaan-met-interpretatieverschillen-en-conflict/"


def percent(page) -> int:
    return int(page.locator("aside [role=progressbar]").first.get_attribute("aria-valuenow"))


def test_professional_enrols_learns_and_sees_progress(page, live_url, log_in):
    log_in(page, "deelnemer@example.org")
    # Enrol in a course the demo professional has not started.
    page.goto(live_url + OTHER_COURSE)
    page.get_by_role("button", name="Inschrijven voor deze cursus").click()
    page.get_by_text("Je bent ingeschreven").wait_for()
    assert percent(page) == 0
    page.get_by_role("link", name="Begin met de eerste les").click()
    assert page.get_by_role("heading", level=1).is_visible()
    page.get_by_role("button", name="Les afgerond").click()
    page.get_by_text("Je hebt deze les afgerond").wait_for()
    page.goto(live_url + OTHER_COURSE)
    after = percent(page)
    assert after > 0
    page.goto(live_url + "/mijn/")
    assert page.get_by_role(
        "progressbar", name=re.compile("Omgaan met interpretatieverschillen")
    ).get_attribute("aria-valuenow") == str(after)


def test_sequential_course_locks_the_next_lesson(page, live_url, log_in):
    log_in(page, "collega3@example.org")
    page.goto(live_url + OTHER_COURSE)
    if page.get_by_role("button", name="Inschrijven voor deze cursus").count():
        page.get_by_role("button", name="Inschrijven voor deze cursus").click()
    locked = page.locator(".syllabus__item", has=page.locator(".status--locked")).first
    title = locked.locator("span").first.inner_text()
    assert title
    assert page.locator(".status--locked").count() > 0


def test_reflection_is_saved_and_found_in_the_journal(page, live_url, log_in):
    log_in(page, "deelnemer@example.org")
    page.goto(live_url + "/mijn/")
    page.locator(".journal-entry a").first.click()  # back to the lesson with the reflection question
    answer = "In ons samenwerkingsverband beslissen we voortaan pas na een ronde langs alle partners."
    textarea = page.locator("textarea[name=answer]").first
    assert textarea.input_value()  # the earlier answer is there
    textarea.fill(answer)
    page.get_by_role("button", name="Opslaan in mijn leerjournaal").first.click()
    page.get_by_text("Opgeslagen in je leerjournaal").first.wait_for()
    page.reload()
    assert page.locator("textarea[name=answer]").first.input_value() == answer
    page.goto(live_url + "/mijn/")
    assert page.get_by_text(answer).is_visible()


def test_trainer_edits_and_publishes_a_lesson_and_sees_the_professional(page, live_url, log_in):
    log_in(page, "trainer@example.org")
    page.goto(live_url + "/admin/pages/search/?q=Waarom+samenwerkingen+vastlopen")
    page.get_by_role("link", name="Waarom samenwerkingen vastlopen").first.click()
    summary = page.locator("#id_summary")
    summary.fill("Aangepaste samenvatting: waarom samenwerkingen vastlopen en wat je eraan doet.")
    page.get_by_role("button", name="Meer acties").first.click()
    page.get_by_role("button", name="Publiceren").click()
    page.get_by_text(re.compile("is gepubliceerd")).first.wait_for()
    page.goto(live_url + "/admin/voortgang/")
    page.get_by_role("link", name="Startcondities voor samenwerking").click()
    page.get_by_text("deelnemer@example.org").first.wait_for()


def test_coordinator_sees_only_their_organisation(page, live_url, log_in):
    log_in(page, "coordinator@example.org")
    page.goto(live_url + "/mijn/organisatie/")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Voortgang van Gemeente Rivierstad")
    table = page.get_by_role("table", name="Voortgang per deelnemer en cursus").inner_text()
    assert "Sanne de Vries" in table
    assert "extern" not in table.lower()


def test_professional_cannot_open_the_coordinator_view(page, live_url, log_in):
    log_in(page, "deelnemer@example.org")
    response = page.goto(live_url + "/mijn/organisatie/")
    assert response.status == 403
    assert page.get_by_text("Alleen coördinatoren").is_visible()
