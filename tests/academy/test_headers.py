"""Security headers: the Content-Security-Policy (strict on the site, relaxed in the admin), the
Permissions-Policy, and no-store on everything personal but not on public pages for anonymous visitors;
and no inline script, event handler or style attribute in any page the public policy must allow."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client
from html5lib import parse

from courses.certificates import certificate_issue
from courses.models import Enrolment
from fitnessscan.models import ScanResponse
from modules.models import QuizPage

pytestmark = pytest.mark.django_db

COURSE = "/cursussen/startcondities-voor-samenwerking/"
LESSON = COURSE + "twee-werelden-van-samenwerken/waarom-samenwerkingen-vastlopen/"
QUIZ = COURSE + "twee-werelden-van-samenwerken/toets/"


def policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def logged_in(email: str) -> Client:
    client = Client()
    assert client.login(email=email, password="samenwerken")  # noqa: S106 (the demo password)
    return client


def test_the_public_site_allows_only_its_own_scripts_and_styles(client, demo_accounts):
    response = client.get("/")

    assert response.status_code == 200
    csp = policy(response)
    assert csp["script-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'"]
    assert csp["default-src"] == ["'self'"]
    assert csp["img-src"] == ["'self'", "data:"]
    assert csp["object-src"] == ["'none'"]
    for directive in ("frame-ancestors", "form-action", "base-uri"):
        assert csp[directive] == ["'self'"]
    assert "unsafe" not in response["Content-Security-Policy"]
    assert "nonce" not in response["Content-Security-Policy"]  # pages are cached as shells


def test_every_response_refuses_camera_microphone_location_and_payment(client, demo_accounts):
    for path in ("/", "/accounts/login/", "/bestaat-niet/", "/healthz/"):
        features = client.get(path)["Permissions-Policy"].split(", ")
        for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
            assert feature in features, path


def test_the_admin_has_its_own_relaxed_policy_and_the_site_keeps_the_strict_one(demo_accounts):
    trainer = logged_in("trainer@example.org")

    admin = trainer.get("/admin/")
    site = trainer.get("/")

    assert admin.status_code == 200
    assert policy(admin)["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy(admin)["frame-ancestors"] == ["'self'"]
    assert policy(site)["script-src"] == ["'self'"]


def test_public_pages_for_anonymous_visitors_stay_cacheable(client, demo_accounts):
    for path in ("/", "/cursussen/", "/zoeken/?q=samenwerken"):
        assert "no-store" not in client.get(path).get("Cache-Control", ""), path


def test_personal_pages_and_downloads_are_never_stored(seeded):
    # Certificates are issued after the commit, which a test's transaction never reaches: issue one.
    completed = Enrolment.objects.filter(completed_at__isnull=False).select_related("user")
    certificate = next(filter(None, (certificate_issue(enrolment=e) for e in completed)), None)
    result = ScanResponse.objects.filter(user__isnull=False, completed_at__isnull=False).first()
    assert certificate is not None and result is not None, "the demo content has changed"
    visits = [
        ("deelnemer@example.org", "/mijn/"),
        ("deelnemer@example.org", "/accounts/profiel/"),
        ("deelnemer@example.org", "/accounts/profiel/gegevens/"),
        (certificate.enrolment.user.email, f"/mijn/certificaat/{certificate.code}.pdf"),
        (result.user.email, f"/fitnessscan/resultaat/{result.pk}/"),
        (result.user.email, "/fitnessscan/mijn-resultaten/"),
        ("deelnemer@example.org", COURSE),  # public content, but with the professional's progress and name
        ("deelnemer@example.org", LESSON),
    ]
    for email, path in visits:
        response = logged_in(email).get(path)
        assert response.status_code == 200, path
        assert "no-store" in response["Cache-Control"], path
        assert "private" in response["Cache-Control"], path

    trainer = logged_in("trainer@example.org")
    course_id = trainer.get("/admin/voortgang/").context["courses"][0].pk
    quiz_id = QuizPage.objects.get(url_path__endswith="/twee-werelden-van-samenwerken/toets/").pk
    for path in (
        f"/admin/voortgang/{course_id}/?format=csv",
        f"/admin/toetsen/{quiz_id}/statistieken/?format=csv",
    ):
        response = trainer.get(path)
        assert response["Content-Type"].startswith("text/csv"), path
        assert "no-store" in response["Cache-Control"], path

    anonymous = Client()
    assert "no-store" not in anonymous.get(COURSE).get("Cache-Control", "")


def inline_code(html: str) -> list[str]:
    """Everything in a page that a policy without 'unsafe-inline' would block."""
    found = []
    for element in parse(html, namespaceHTMLElements=False).iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag == "script" and not element.get("src") and element.get("type") != "application/json":
            found.append(f"inline <script>: {(element.text or '')[:60]!r}")
        for name, value in element.attrib.items():
            if name.startswith("on"):
                found.append(f"<{element.tag} {name}=…>")
            elif name == "style":
                found.append(f"<{element.tag} style={value!r}>")
            elif name in ("href", "src", "action", "formaction") and value.strip().lower().startswith(
                "javascript:"
            ):
                found.append(f"<{element.tag} {name}={value!r}>")
    return found


def test_no_page_has_inline_scripts_event_handlers_or_style_attributes(seeded):
    anonymous = Client()
    professional = logged_in("deelnemer@example.org")
    coordinator = logged_in("coordinator@example.org")
    pages = {
        anonymous: [
            "/",
            "/cursussen/",
            COURSE,
            COURSE + "twee-werelden-van-samenwerken/",
            "/handelingsrepertoire/",
            "/handelingsrepertoire/startgesprek-gedragsafspraken/",
            "/praktijkvoorbeelden/",
            "/praktijkvoorbeelden/wijkteam-en-zorgaanbieders-herstellen-vertrouwen/",
            "/fitnessscan/",
            "/zoeken/?q=samenwerking",
            "/accounts/login/",
            "/accounts/signup/",
            "/accounts/password/reset/",
        ],
        professional: [
            "/mijn/",
            LESSON,
            QUIZ,
            "/accounts/profiel/",
            "/praktijkvoorbeelden/delen/",
            "/fitnessscan/stap/1/",
            "/fitnessscan/mijn-resultaten/",
        ],
        coordinator: ["/mijn/organisatie/", "/fitnessscan/organisatie/"],
    }
    found = {}
    for client, paths in pages.items():
        for path in paths:
            response = client.get(path)
            assert response.status_code == 200, path
            if problems := inline_code(response.content.decode()):
                found[path] = problems

    assert found == {}


def test_the_deploy_check_with_production_settings_prints_no_warning(tmp_path):
    """W019 (X-Frame-Options not DENY) is the one silenced check: see X_FRAME_OPTIONS in settings."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "SECRET_KEY"))}
    environment.update(
        DJANGO_SETTINGS_MODULE="academy.settings.production",
        SECRET_KEY="kP3-" + "q8Zr_5vX2mLw9TnB4yHc7JdF6gKs1Ae0" * 2,
        ALLOWED_HOSTS="academie.example.org",
        DATABASE_URL=f"sqlite:///{tmp_path / 'check.sqlite3'}",
        REDIS_URL="redis://127.0.0.1:6399/0",  # checked, not connected to
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=Path(__file__).resolve().parents[2],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stdout + result.stderr
    assert "System check identified no issues (1 silenced)." in result.stdout
