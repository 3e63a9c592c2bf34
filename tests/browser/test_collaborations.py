"""The Samenwerkingsscan as people use it: the demo regisseur reads the results of the demo
collaboration, downloads the reset agenda and answers the open round; a new collaboration goes from
invitations (read from the mail the live server writes) to results; bad invitation links join nothing."""

import io
import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from .conftest import ARTIFACTS
from .test_security_flows import link_in_last_mail

pytestmark = pytest.mark.browser

REGISSEUR = "deelnemer@example.org"
INVITE_PATH = r"^/samenwerkingsverbanden/uitnodiging/"


def snap(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"collaborations-{name}.png", full_page=True)


def answer_round(page) -> None:
    """Answers every step ("Eens" everywhere, a remark on the first) and saves."""
    for number in range(1, 9):
        expect(page.get_by_text(f"Stap {number} van 8")).to_be_visible()
        statements = page.locator("fieldset.statement")
        for index in range(statements.count()):
            statements.nth(index).get_by_label("Eens", exact=True).check()
        if number == 1:
            page.get_by_label("Opmerking (niet verplicht)").fill(
                "We zouden vaker samen aan tafel moeten zitten."
            )
        page.get_by_role("button", name=re.compile("Opslaan en verder|Mijn antwoorden opslaan")).click()
    expect(page.get_by_text("Dank je: je antwoorden zijn opgeslagen.")).to_be_visible()


def test_demo_regisseur_reads_the_results_downloads_the_agenda_and_answers(
    page, live_url, log_in, axe_violations
):
    log_in(page, REGISSEUR)
    page.goto(live_url + "/samenwerkingsverbanden/")
    page.get_by_role("link", name="Wijkteams Rivierstad").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Wijkteams Rivierstad")
    assert axe_violations(page) == []
    page.get_by_role("link", name="Resultaten van meting 2").click()
    expect(page.locator("svg.heat-map")).to_be_visible()
    expect(page.get_by_role("heading", name="Verschillen in beleving")).to_be_visible()
    expect(page.get_by_role("heading", name="Verandering sinds meting 1")).to_be_visible()
    expect(page.get_by_text("Woonstichting Rivierland (voorbeeld) is verborgen")).to_be_visible()
    expect(page.locator(".scan-advice__item")).to_have_count(3)
    snap(page, "results")
    assert axe_violations(page) == []

    href = page.get_by_role("link", name="Agenda van de resetbijeenkomst (pdf)").get_attribute("href")
    pdf = page.request.get(live_url + href)
    assert pdf.headers["content-type"] == "application/pdf"
    assert len(PdfReader(io.BytesIO(pdf.body())).pages) == 1  # one A4 page

    page.get_by_role("link", name="Wijkteams Rivierstad").first.click()
    page.get_by_role("link", name="Stellingen beantwoorden").click()
    assert axe_violations(page) == []
    snap(page, "step")
    answer_round(page)

    page.get_by_role("link", name="Actielijst van het samenwerkingsverband").click()
    expect(page.locator(".status--overdue")).to_have_count(1)
    assert axe_violations(page) == []
    page.goto(live_url + "/samenwerkingsverbanden/")
    assert axe_violations(page) == []


def test_a_new_collaboration_from_invitations_to_results(
    browser, page, live_url, log_in, live_folder, axe_violations
):
    mailbox = live_folder / "mail"
    log_in(page, REGISSEUR)
    page.goto(live_url + "/samenwerkingsverbanden/nieuw/")
    page.get_by_label("Naam van het samenwerkingsverband").fill("Energiecoalitie Rivierstad")
    page.get_by_label("Sector").select_option(label="Energie")
    page.get_by_role("button", name="Samenwerkingsverband starten").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Energiecoalitie Rivierstad")

    page.get_by_label("Organisatie op het platform").select_option(label="Zorggroep De Oever (voorbeeld)")
    page.get_by_role("button", name="Partner toevoegen").click()
    expect(page.get_by_text("is als partner toegevoegd")).to_be_visible()

    invited = {
        "Gemeente Rivierstad (voorbeeld)": [
            "wijkteam.gemeente1@example.org",
            "wijkteam.gemeente2@example.org",
        ],
        "Zorggroep De Oever (voorbeeld)": [f"wijkteam.zorg{n}@example.org" for n in (1, 2, 3)],
    }
    for partner, emails in invited.items():
        page.get_by_label("Namens partner").select_option(label=partner)
        page.get_by_label("E-mailadressen").fill("\n".join([*emails, "geen-adres@"]))
        page.get_by_role("button", name="Uitnodigingen versturen").click()
        expect(
            page.get_by_text("Dit zijn geen e-mailadressen en ze zijn niet uitgenodigd: geen-adres@")
        ).to_be_visible()
    page.get_by_role("button", name="Meting openen").click()
    expect(page.get_by_text("Meting 1 is geopend.")).to_be_visible()
    collaboration_url = page.url
    answer_link = page.get_by_role("link", name="Stellingen beantwoorden")
    answer_link.click()
    answer_round(page)

    links = {}
    for emails in invited.values():
        for email in emails:
            links[email] = link_in_last_mail(mailbox, live_url, email, INVITE_PATH)

    # Someone else's link: refused, nothing joined.
    other = browser.new_context(locale="en-US").new_page()
    log_in(other, "wijkteam.zorg1@example.org")
    other.goto(links["wijkteam.gemeente1@example.org"])
    other.get_by_role("button", name="Meedoen").click()
    expect(other.get_by_text("Deze uitnodiging is naar een ander e-mailadres gestuurd")).to_be_visible()
    assert axe_violations(other) == []
    snap(other, "someone-elses-link")
    other.goto(live_url + "/samenwerkingsverbanden/uitnodiging/niet-geldig/")
    expect(other.get_by_text("Deze uitnodigingslink is niet geldig")).to_be_visible()
    other.context.close()

    for email, link in links.items():
        person = browser.new_context(locale="en-US").new_page()
        person.set_default_timeout(10_000)
        log_in(person, email)
        person.goto(link)
        person.get_by_role("button", name="Meedoen").click()
        expect(person.get_by_text("Je doet nu mee aan Energiecoalitie Rivierstad")).to_be_visible()
        person.get_by_role("link", name="Stellingen beantwoorden").click()
        answer_round(person)
        person.goto(link)  # used once: a clear page
        expect(person.get_by_text("Deze uitnodiging is al gebruikt.")).to_be_visible()
        person.context.close()

    page.goto(collaboration_url)
    expect(page.locator(".collab-partners .status--done")).to_have_count(6)  # everyone answered
    page.get_by_role("button", name="Meting nu sluiten").click()
    expect(page.get_by_text("Meting 1 is gesloten; de resultaten staan klaar.")).to_be_visible()
    expect(page.locator("svg.heat-map")).to_be_visible()
    expect(page.locator("#hidden-partners")).to_have_count(0)
    snap(page, "new-results")
