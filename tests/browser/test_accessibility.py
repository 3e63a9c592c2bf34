"""axe-core (WCAG 2.1 A/AA rules) on the main pages, anonymous and logged in."""

import pytest

pytestmark = pytest.mark.browser

PUBLIC_PAGES = [
    "/",
    "/cursussen/",
    "/cursussen/startcondities-voor-samenwerking/",
    "/handelingsrepertoire/",
    "/praktijkvoorbeelden/",
    "/fitnessscan/",
    "/accounts/login/",
    "/accounts/signup/",
    "/zoeken/?q=samenwerken",
    "/bestaat-niet/",
]
PROFESSIONAL_PAGES = ["/mijn/", "/accounts/profiel/", "/cursussen/startcondities-voor-samenwerking/"]


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_pages_have_no_accessibility_violations(page, live_url, path, axe_violations):
    page.goto(live_url + path)
    assert axe_violations(page) == []


def test_learning_pages_have_no_accessibility_violations(page, live_url, log_in, axe_violations):
    log_in(page, "deelnemer@example.org")
    found = {}
    for path in PROFESSIONAL_PAGES:
        page.goto(live_url + path)
        found[path] = axe_violations(page)
    page.goto(live_url + "/cursussen/startcondities-voor-samenwerking/")
    page.get_by_role("link", name="Verder waar je was").click()
    found["lesson"] = axe_violations(page)
    assert found == {key: [] for key in found}
