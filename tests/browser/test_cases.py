"""A member shares a case, a moderator approves it in the CMS, everyone can read and find it, and the
member gets the e-mail."""

import email
import io
import re
from email import policy
from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
TITLE = "Zorgcoöperatie en gemeente delen één wachtlijst"
SEARCH_WORD = "wachtlijstbeheer"


@pytest.fixture(scope="module")
def mail_folder(live_url, tmp_path_factory):
    """The live server writes its mails to <its database folder>/mail; that folder is the newest "live" one."""
    numbered = [
        (int(match.group(1)), folder)
        for folder in tmp_path_factory.getbasetemp().iterdir()
        if (match := re.fullmatch(r"live(\d+)", folder.name))
    ]
    return max(numbered)[1] / "mail"


def mails_to(folder: Path, address: str) -> list[email.message.EmailMessage]:
    messages = []
    for path in sorted(folder.glob("*.log")) if folder.exists() else []:
        for chunk in re.split(rb"\n-{79}\n", path.read_bytes()):
            if chunk.strip():
                message = email.message_from_bytes(chunk.strip() + b"\n", policy=policy.default)
                if address in str(message["To"]):
                    messages.append(message)
    return messages


def photo() -> bytes:
    buffer = io.BytesIO()
    image = Image.new("RGB", (800, 500), "#e2731f")
    image.paste("#1d4f8c", (0, 0, 400, 500))
    exif = Image.Exif()
    exif[0x010F] = "Camera van Sanne"
    image.save(buffer, format="JPEG", exif=exif)
    return buffer.getvalue()


def test_share_moderate_publish_and_mail(page, browser, live_url, log_in, mail_folder):
    ARTIFACTS.mkdir(exist_ok=True)

    # The demo professional, of a member organisation, shares a case with formatting and an image.
    log_in(page, "deelnemer@example.org")
    page.goto(f"{live_url}/praktijkvoorbeelden/")
    page.get_by_role("link", name="Deel een praktijkvoorbeeld").click()
    page.get_by_label("Titel").fill(TITLE)
    page.get_by_label("Samenvatting").fill(
        "Eén gedeelde wachtlijst maakte de wachttijd korter en de verhoudingen beter."
    )
    page.get_by_label("Sector").select_option("sociaal-domein")
    page.get_by_label("Soort samenwerking").select_option("ketensamenwerking")
    page.get_by_label("Betrokken organisaties").fill("Gemeente Rivierstad\nZorgcoöperatie Samen Thuis")
    page.get_by_label("Context").fill(
        "Drie aanbieders hielden elk een eigen wachtlijst bij.\n\nNiemand had overzicht."
    )
    page.get_by_label("Uitdaging").fill(
        f"<p>Cliënten stonden op <strong>drie lijsten</strong> tegelijk: {SEARCH_WORD} kostte uren.</p>"
    )
    page.get_by_label("Aanpak").fill(
        "<ul><li>Eén gedeelde lijst</li><li>Wekelijks <em>kort</em> overleg</li></ul>"
    )
    page.get_by_label("Resultaat").fill("<p>De wachttijd daalde van negen naar vijf weken.</p>")
    page.get_by_label("Geleerde lessen").fill(
        '<p>Begin klein. <a href="https://example.org/lijst">Ons model</a>.</p>'
    )
    page.get_by_label("3. Vertrouwen en relatie").check()
    page.get_by_label("Toon mijn naam bij het praktijkvoorbeeld").check()
    page.get_by_label("Afbeelding toevoegen").set_input_files(
        {"name": "overleg.jpg", "mimeType": "image/jpeg", "buffer": photo()}
    )
    page.get_by_label("Alternatieve tekst bij de afbeelding").fill("Twee vlakken, blauw en oranje")
    page.screenshot(path=ARTIFACTS / "cases-share-form.png", full_page=True)
    page.get_by_role("button", name="Indienen ter beoordeling").click()
    page.wait_for_load_state()

    assert page.url.endswith("/praktijkvoorbeelden/mijn/")
    assert page.get_by_text("Dank je wel!").is_visible()
    row = page.get_by_role("row").filter(has_text=TITLE)
    assert row.get_by_text("In beoordeling").is_visible()
    page.screenshot(path=ARTIFACTS / "cases-mine-in-review.png", full_page=True)
    preview_href = row.get_by_role("link", name="Voorbeeldweergave").get_attribute("href")
    case_id = int(re.search(r"/delen/(\d+)/", preview_href).group(1))
    # Not public yet.
    assert page.request.get(f"{live_url}/praktijkvoorbeelden/?q={SEARCH_WORD}").text().count(TITLE) == 0

    # The moderator (the demo administrator) approves it, with a comment, in Wagtail's own screens.
    moderator_context = browser.new_context(locale="en-US", viewport={"width": 1280, "height": 900})
    moderator = moderator_context.new_page()
    moderator.set_default_timeout(10_000)
    log_in(moderator, "beheerder@example.org")
    moderator.goto(f"{live_url}/admin/")
    assert moderator.get_by_text(TITLE).first.is_visible()
    moderator.goto(f"{live_url}/admin/pages/{case_id}/edit/")
    moderator.get_by_role("button", name="Meer acties").click()
    moderator.get_by_role("button", name="Goedkeuren met opmerking en publiceren").click()
    moderator.locator("textarea[name=comment]").fill("Helder beschreven, dank je wel!")
    moderator.locator(".modal").get_by_role("button", name=re.compile("Goedkeuren")).click()
    moderator.wait_for_url(re.compile(r"/admin/pages/\d+/$"))
    moderator.screenshot(path=ARTIFACTS / "cases-moderator-approved.png")
    moderator_context.close()

    # Everyone can now read and find it.
    page.goto(f"{live_url}/praktijkvoorbeelden/mijn/")
    assert page.get_by_role("row").filter(has_text=TITLE).get_by_text("Gepubliceerd").is_visible()
    page.goto(f"{live_url}/praktijkvoorbeelden/")
    page.get_by_role("link", name=TITLE).wait_for()
    page.screenshot(path=ARTIFACTS / "cases-index.png", full_page=True)
    page.locator("main").get_by_label("Zoeken").first.fill(SEARCH_WORD)
    page.get_by_role("button", name="Toon praktijkvoorbeelden").click()
    # htmx swaps the results in and puts the search in the address.
    expect(page.get_by_text("1 praktijkvoorbeeld", exact=True)).to_be_visible()
    expect(page).to_have_url(re.compile(rf"q={SEARCH_WORD}"))
    assert page.get_by_role("link", name=TITLE).is_visible()
    page.screenshot(path=ARTIFACTS / "cases-index-search.png", full_page=True)
    page.goto(f"{live_url}/zoeken/?q={SEARCH_WORD}")
    assert page.get_by_role("link", name=TITLE).first.is_visible()

    page.goto(f"{live_url}/praktijkvoorbeelden/")
    page.get_by_role("link", name=TITLE).click()
    page.wait_for_load_state()
    case = page.locator("#case-body")
    # Approving in the editor saves the text through Wagtail's own editor, which writes <b> and <i>.
    assert case.locator("strong, b", has_text="drie lijsten").is_visible()
    assert case.locator("em, i", has_text="kort").is_visible()
    assert case.get_by_role("listitem").filter(has_text="Eén gedeelde lijst").is_visible()
    assert case.get_by_role("link", name="Ons model").get_attribute("href") == "https://example.org/lijst"
    image = case.get_by_role("img", name="Twee vlakken, blauw en oranje")
    assert image.is_visible()
    assert page.evaluate("(img) => img.naturalWidth", image.element_handle()) > 0
    assert case.get_by_text("Gedeeld door Sanne de Vries, Gemeente Rivierstad (voorbeeld)").is_visible()
    page.screenshot(path=ARTIFACTS / "cases-case-page.png", full_page=True)

    # The professional got the e-mail, in Dutch, with the moderator's comment.
    (message,) = [m for m in mails_to(mail_folder, "deelnemer@example.org") if TITLE in str(m["Subject"])]
    assert "gepubliceerd" in str(message["Subject"])
    body = message.get_content()
    assert "Helder beschreven, dank je wel!" in body
    assert "/praktijkvoorbeelden/zorgcooperatie-en-gemeente-delen-een-wachtlijst/" in body
