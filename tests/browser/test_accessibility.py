"""axe-core (WCAG 2.1 A/AA rules) on the main pages, anonymous and logged in."""

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
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


def violations(page) -> list[str]:
    if not AXE.exists():
        pytest.fail("axe-core is missing: run `make test`, which installs it with npm.")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async () => await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa']}})"
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes'][:3]]}"
        for v in result["violations"]
    ]


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_pages_have_no_accessibility_violations(page, live_url, path):
    page.goto(live_url + path)
    assert violations(page) == []


def test_learning_pages_have_no_accessibility_violations(page, live_url, log_in):
    log_in(page, "deelnemer@example.org")
    found = {}
    for path in PROFESSIONAL_PAGES:
        page.goto(live_url + path)
        found[path] = violations(page)
    page.goto(live_url + "/cursussen/startcondities-voor-samenwerking/")
    page.get_by_role("link", name="Verder waar je was").click()
    found["lesson"] = violations(page)
    assert found == {key: [] for key in found}
