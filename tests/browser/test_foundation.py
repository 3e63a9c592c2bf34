import pytest

pytestmark = pytest.mark.browser


def test_home_page_in_dutch_with_entry_points(page, live_url):
    page.goto(live_url + "/")
    assert page.locator("html").get_attribute("lang") == "nl"
    assert page.get_by_role("heading", level=1).inner_text() == "Samenwerken tussen organisaties kun je leren"
    nav = page.get_by_role("navigation", name="Hoofdmenu")
    for name in [
        "Cursussen",
        "Handelingsrepertoire",
        "Praktijkvoorbeelden",
        "FitnessScan",
        "Mijn leeromgeving",
    ]:
        assert nav.get_by_role("link", name=name).is_visible()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Naar de inhoud"


@pytest.mark.parametrize(
    "email",
    ["deelnemer@example.org", "trainer@example.org", "coordinator@example.org", "beheerder@example.org"],
)
def test_demo_accounts_log_in_through_the_form(page, live_url, log_in, email):
    log_in(page, email)
    assert page.url.endswith("/mijn/")
    assert page.get_by_role("heading", name="Mijn leeromgeving").is_visible()


def test_wrong_password_gets_a_dutch_message(page, live_url, log_in):
    log_in(page, "deelnemer@example.org", "verkeerd")
    assert page.get_by_text("e-mailadres en/of wachtwoord is niet correct").is_visible()
    assert page.get_by_label("E-mail").input_value() == "deelnemer@example.org"


def test_trainer_opens_the_cms(page, live_url, log_in):
    log_in(page, "trainer@example.org")
    page.goto(live_url + "/admin/pages/")
    assert "/admin/" in page.url and "login" not in page.url
    assert page.get_by_text("Cursussen").first.is_visible()


def test_language_switch_in_the_footer(page, live_url):
    page.goto(live_url + "/")
    page.get_by_label("Taal").select_option("en")
    page.get_by_role("button", name="Wissel").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("link", name="My learning").first.is_visible()
