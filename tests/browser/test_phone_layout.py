"""Phone-sized screens: no page type scrolls sideways at 375 × 812, the main menu folds away, and the home
page's title keeps clear of its decoration at desktop size."""

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
PHONE = {"width": 375, "height": 812}
COURSE = "/cursussen/startcondities-voor-samenwerking/"

PUBLIC_PAGES = [
    "/",
    "/cursussen/",
    COURSE,
    "/handelingsrepertoire/",
    "/praktijkvoorbeelden/",
    "/fitnessscan/",
    "/fitnessscan/stap/1/",
    "/accounts/login/",
    "/accounts/signup/",
    "/zoeken/?q=samenwerken",
]
# The first link of these lists leads to a page of the next type: module, instrument sheet, case.
FOLLOWED = [
    (COURSE, ".syllabus a[href*='/cursussen/'], main a[href^='/cursussen/startcondities']"),
    ("/handelingsrepertoire/", "main .result-list a, main .card a"),
    ("/praktijkvoorbeelden/", "main .result-list a, main .card a"),
]
PROFESSIONAL_PAGES = ["/mijn/", "/accounts/profiel/", "/praktijkvoorbeelden/delen/", COURSE]


@pytest.fixture
def phone(browser, request):
    context = browser.new_context(locale="nl-NL", viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def overflow(page) -> int:
    """How many pixels the page is wider than the screen (0 when nothing scrolls sideways)."""
    return page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"phone-{name}.png", full_page=True)


def test_no_public_page_type_scrolls_sideways_on_a_phone(phone, live_url):
    found = {}
    for path in PUBLIC_PAGES:
        phone.goto(live_url + path)
        found[path] = overflow(phone)
        shot(phone, path.strip("/").replace("/", "-").replace("?", "-") or "home")
    for path, selector in FOLLOWED:
        phone.goto(live_url + path)
        href = phone.locator(selector).first.get_attribute("href")
        phone.goto(live_url + href)
        found[href] = overflow(phone)
        shot(phone, href.strip("/").replace("/", "-"))
    assert found == dict.fromkeys(found, 0)


def test_no_learning_page_scrolls_sideways_on_a_phone(phone, live_url, log_in):
    log_in(phone, "deelnemer@example.org")
    found = {}
    for path in PROFESSIONAL_PAGES:
        phone.goto(live_url + path)
        found[path] = overflow(phone)
    phone.goto(live_url + COURSE)
    phone.get_by_role("link", name="Verder waar je was").click()
    phone.wait_for_load_state()
    found["lesson"] = overflow(phone)
    shot(phone, "lesson")
    phone.goto(live_url + "/fitnessscan/mijn-resultaten/")
    result_link = phone.locator("main a[href*='/resultaat/']").first
    if result_link.count():
        result_link.click()
        phone.wait_for_load_state()
        found["scan result"] = overflow(phone)
        shot(phone, "scan-result")
        table, chart = (
            phone.locator(".scan-table").bounding_box(),
            phone.locator(".scan-chart").bounding_box(),
        )
        assert table["y"] < chart["y"]  # the numbers first, where the chart's labels are too small
    assert found == dict.fromkeys(found, 0)


def test_the_main_menu_folds_away_on_a_phone_and_opens_without_javascript(browser, live_url):
    context = browser.new_context(locale="nl-NL", viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(live_url + "/")
    courses_link = page.locator(".main-nav").get_by_role("link", name="Cursussen")
    assert not courses_link.is_visible()
    page.locator(".main-nav summary").click()
    assert courses_link.is_visible()
    courses_link.click()
    assert page.url.endswith("/cursussen/")
    context.close()


def test_the_folded_menu_is_accessible(phone, live_url, axe_violations):
    phone.goto(live_url + "/")
    phone.locator(".main-nav summary").click()
    assert axe_violations(phone) == []


def test_the_home_page_title_keeps_clear_of_the_decoration(page, live_url):
    page.goto(live_url + "/")
    title = page.locator("#hero-title").bounding_box()
    decoration = page.locator(".worlds").bounding_box()
    assert (
        title["x"] + title["width"] <= decoration["x"] or title["y"] >= decoration["y"] + decoration["height"]
    )
    assert page.title() == "Academie voor Samenwerken"
