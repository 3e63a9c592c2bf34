"""The Content-Security-Policy in a real browser: one page of every page type, and not one violation.

Chromium reports each thing the policy blocks twice: as a console message ("Refused to execute inline
script because it violates the following Content Security Policy directive …") and as a
`securitypolicyviolation` event in the page. Both are collected, per page, and must stay empty."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

COURSE = "/cursussen/startcondities-voor-samenwerking/"
MODULE = COURSE + "twee-werelden-van-samenwerken/"
LESSON = MODULE + "waarom-samenwerkingen-vastlopen/"
QUIZ = MODULE + "toets/"

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(`${event.effectiveDirective} blocked ${event.blockedURI || "inline"}`
        + ` at ${event.sourceFile || ""}:${event.lineNumber || ""}`);
});
"""


class Visits:
    """Opens pages and keeps, per page, what the Content-Security-Policy blocked there."""

    def __init__(self, page, live_url: str):
        self.page = page
        self.live_url = live_url
        self.current = None
        self.found: dict[str, list[str]] = {}
        page.context.add_init_script(RECORD_VIOLATIONS)
        page.on("console", self._console)

    def _console(self, message) -> None:
        if "Content Security Policy" in message.text and self.current is not None:
            self.found[self.current].append(f"console: {message.text[:300]}")

    def visit(self, name: str, path: str | None = None) -> None:
        """Opens `path` (or stays on the page an action led to) and notes it as `name`."""
        self.current = name
        self.found.setdefault(name, [])
        if path is not None:
            response = self.page.goto(self.live_url + path)
            assert response.ok, f"{name}: {path} answered {response.status}"
            header = response.headers.get("content-security-policy", "")
            assert "script-src 'self'" in header, f"{name}: no Content-Security-Policy"
        self.page.wait_for_load_state("networkidle")
        self.collect()

    def collect(self) -> None:
        events = self.page.evaluate("window.__cspViolations || []")
        self.found[self.current].extend(f"event: {event}" for event in events)
        self.page.evaluate("window.__cspViolations = []")

    def violations(self) -> dict[str, list[str]]:
        for name, found in self.found.items():
            print(f"CSP {name}: {len(found)} violation(s)")  # the figures for the README
        return {name: found for name, found in self.found.items() if found}


@pytest.fixture
def visits(page, live_url):
    return Visits(page, live_url)


def test_public_pages_break_no_rule_of_the_policy(visits, page):
    visits.visit("home", "/")
    visits.visit("catalogue", "/cursussen/")
    page.get_by_label("Niveau").select_option(index=1)  # htmx swaps the results
    page.wait_for_url("**niveau=**")
    visits.visit("catalogue filtered")
    visits.visit("course", COURSE)
    visits.visit("module", MODULE)
    visits.visit("instrument index", "/handelingsrepertoire/")
    visits.visit("instrument sheet", "/handelingsrepertoire/startgesprek-gedragsafspraken/")
    expect(page.get_by_role("button", name="Dit instrument afdrukken")).to_be_visible()  # shown by our script
    visits.visit("case index", "/praktijkvoorbeelden/")
    visits.visit("case", "/praktijkvoorbeelden/wijkteam-en-zorgaanbieders-herstellen-vertrouwen/")
    visits.visit("fitnessscan start", "/fitnessscan/")
    page.get_by_role("link", name="Start de scan").click()
    expect(page.get_by_text("Stap 1 van 8")).to_be_visible()
    visits.visit("fitnessscan step")
    visits.visit("search", "/zoeken/?q=samenwerking")
    visits.visit("login", "/accounts/login/")
    visits.visit("signup", "/accounts/signup/")

    assert visits.violations() == {}


def test_a_professionals_pages_break_no_rule_of_the_policy(visits, page, log_in):
    log_in(page, "deelnemer@example.org")
    visits.visit("my learning", "/mijn/")
    visits.visit("lesson", LESSON)
    visits.visit("quiz", QUIZ)
    page.get_by_role("button", name=re.compile("Start de toets|Opnieuw proberen")).click()
    expect(page.get_by_role("button", name="Antwoorden inleveren")).to_be_visible()
    visits.visit("quiz attempt")
    visits.visit("profile", "/accounts/profiel/")
    visits.visit("case share form", "/praktijkvoorbeelden/delen/")
    visits.visit("fitnessscan history", "/fitnessscan/mijn-resultaten/")

    assert visits.violations() == {}


def test_the_cms_and_the_userbar_break_no_rule_of_their_policies(visits, page, log_in):
    log_in(page, "trainer@example.org")
    visits.visit("course with the Wagtail userbar", COURSE)
    expect(page.locator("wagtail-userbar")).to_have_count(1)
    edit_link = page.locator("wagtail-userbar a[href*='/edit/']").first.get_attribute("href")
    edit_path = re.search(r"/admin/pages/\d+/edit/", edit_link).group(0)
    visits.visit("admin dashboard", "/admin/")
    visits.visit("admin page explorer", "/admin/pages/")
    visits.visit("admin progress report", "/admin/voortgang/")
    visits.visit("admin page editor", edit_path)

    assert visits.violations() == {}
