"""Browser tests: Debian's Chromium, driven by Playwright, against a real server on 127.0.0.1.

The server runs in its own process on a copy of a database prepared once with `migrate` and
`seed_demo`, exactly as `make run` prepares it; each test module gets a fresh copy.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
]


def chromium_path() -> str:
    for candidate in (shutil.which("chromium"), "/usr/lib/chromium/chromium", "/usr/bin/chromium"):
        if candidate and Path(candidate).exists():
            return candidate
    pytest.fail("Debian's chromium is not installed: run `make test`, which installs it.")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_env(database: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "REDIS_", "CELERY_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="academy.settings.dev",
        DATABASE_URL=f"sqlite:///{database}",
        EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        EMAIL_FILE_PATH=str(database.parent / "mail"),
        MEDIA_ROOT=str(database.parent / "media"),
    )
    return env


@pytest.fixture(scope="session")
def seeded_database(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("template-db")
    database = folder / "db.sqlite3"
    env = server_env(database)
    for command in (["migrate", "--noinput", "-v0"], ["seed_demo"]):
        subprocess.run(
            [sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True, capture_output=True
        )
    return database


@pytest.fixture(scope="module")
def live_folder(tmp_path_factory) -> Path:
    """The live server's database, log and mail (EMAIL_FILE_PATH: `live_folder / "mail"`)."""
    return tmp_path_factory.mktemp("live")


@pytest.fixture(scope="module")
def live_url(seeded_database, live_folder):
    folder = live_folder
    database = folder / "db.sqlite3"
    shutil.copy(seeded_database, database)
    port = free_port()
    log = (folder / "server.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload", "--nothreading"],
        cwd=ROOT,
        env=server_env(database),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    # Generous: with both cores busy (pytest-xdist), system checks alone can take half a minute.
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url + "/healthz/", timeout=1)  # noqa: S310 (our own loopback server)
            break
        except OSError:
            time.sleep(0.2)
    else:
        process.terminate()
        pytest.fail(f"the server did not start; see {folder / 'server.log'}")
    yield url
    process.terminate()
    process.wait(timeout=10)
    log.close()


# Per module, not per session: Playwright's sync API keeps an event loop running in the main thread
# while it is open, and Django refuses database work from a thread with a running loop.
@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, request):
    context = browser.new_context(locale="en-US", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"{request.node.name}.png", full_page=True)
    context.close()


@pytest.fixture
def axe_violations():
    """WCAG 2.1 A/AA problems on the page, found by axe-core: `assert axe_violations(page) == []`."""
    return _axe_violations


def _axe_violations(page) -> list[str]:
    if not AXE.exists():
        pytest.fail("axe-core is missing: run `make test`, which installs it with npm.")
    # Evaluated through the DevTools protocol rather than added as a <script> element: the site's
    # Content-Security-Policy (script-src 'self') blocks an inline script, as it should.
    page.evaluate(AXE.read_text())
    result = page.evaluate(
        "async () => await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa']}})"
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes'][:3]]}"
        for v in result["violations"]
    ]


@pytest.fixture
def log_in(live_url):
    """Logs in through the real form, as a person would."""

    def log_in(page, email: str, password: str = "samenwerken") -> None:
        _log_in(page, live_url, email, password)

    return log_in


def _log_in(page, live_url: str, email: str, password: str) -> None:
    page.goto(f"{live_url}/accounts/login/")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Aanmelden").click()
    page.wait_for_load_state()
