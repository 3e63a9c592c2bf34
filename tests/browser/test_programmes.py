"""Leergangen in a real browser: the member's group, a meeting, the calendar; the coordinator's bulk
enrolment with its preview; axe on the new pages."""

import re
import urllib.request

import pytest
from icalendar import Calendar

pytestmark = pytest.mark.browser


def test_member_sees_group_registers_and_imports_the_calendar(page, live_url, log_in, axe_violations):
    log_in(page, "deelnemer@example.org")
    page.goto(live_url + "/mijn/")
    groups = page.locator("section", has=page.get_by_role("heading", name="Mijn leergroepen"))
    assert groups.get_by_text("te laat").count() == 1
    assert groups.get_by_text(re.compile(r"deadline over \d+ dagen")).count() >= 1
    assert "De Brug" not in groups.inner_text()
    assert axe_violations(page) == []
    groups.get_by_role("link", name="Leergroep Rivierstad – najaar").click()
    meeting = page.locator("article", has=page.get_by_role("heading", name=re.compile("Intervisie")))
    meeting.get_by_role("button", name="Aanmelden").click()
    page.get_by_text("Je bent aangemeld voor").wait_for()
    assert meeting.get_by_text("Je bent aangemeld").count() == 1
    past = page.locator("article", has=page.get_by_role("heading", name=re.compile("Startbijeenkomst")))
    assert past.get_by_text("aanwezig").count() == 1
    assert axe_violations(page) == []
    page.screenshot(path="test-artifacts/programmes-group-page.png", full_page=True)
    page.goto(live_url + "/mijn/agenda/")
    feed_url = page.get_by_label("Adres van je agenda").input_value()
    assert axe_violations(page) == []
    with urllib.request.urlopen(feed_url.replace("http://testserver", live_url)) as response:  # noqa: S310
        calendar = Calendar.from_ical(response.read())
    summaries = [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]
    assert any("Intervisie" in summary for summary in summaries)
    assert any(summary.startswith("Deadline:") for summary in summaries)


def test_coordinator_enrols_a_list_through_the_preview(page, live_url, log_in, axe_violations):
    log_in(page, "coordinator@example.org")
    page.goto(live_url + "/mijn/inschrijven/")
    page.get_by_label("Inschrijven voor").select_option(label="Groep: Leergroep Rivierstad – najaar")
    page.get_by_label("E-mailadressen").fill(
        "collega5@example.org\ncollega6@example.org\nnieuwe.collega@example.org\nnog.een@example.org\ngeen adres\n"
    )
    assert axe_violations(page) == []
    page.get_by_role("button", name="Voorbeeld tonen").click()
    page.get_by_text("Voorbeeld: er is nog niets opgeslagen").wait_for()
    table = page.get_by_role("table")
    assert table.get_by_text("Wordt ingeschreven").count() == 2
    assert table.get_by_text("Nieuw: krijgt een uitnodiging per e-mail").count() == 2
    assert table.get_by_text("Geen geldig e-mailadres").count() == 1
    assert axe_violations(page) == []
    page.screenshot(path="test-artifacts/programmes-bulk-preview.png", full_page=True)
    page.get_by_role("button", name="Bevestigen en inschrijven").click()
    page.get_by_text("De lijst is verwerkt.").wait_for()
    assert page.get_by_text("Wordt ingeschreven: 2").count() == 1
