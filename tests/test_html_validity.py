"""Every main page is valid HTML, checked offline with the Nu Html Checker (npm vnu-jar, run with Java)."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.test import Client

from accounts.models import User
from cases.models import CasePage
from courses.models import CoursePage
from handelingsrepertoire.models import InstrumentPage
from modules.models import LessonPage, ModulePage, QuizPage
from programmes.demo import RUNNING_GROUP
from programmes.models import LearningGroup, ProgrammePage

VNU = Path(__file__).resolve().parent.parent / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

pytestmark = pytest.mark.django_db


def pages_of_the_demo() -> dict[str, str]:
    course = CoursePage.objects.live().order_by("path").first()
    module = ModulePage.objects.live().descendant_of(course).order_by("path").first()
    return {
        "home": "/",
        "catalogue": "/cursussen/",
        "catalogue, filtered": "/cursussen/?niveau=onbekend",
        "course": course.url,
        "module": module.url,
        "lesson": LessonPage.objects.live().descendant_of(module).order_by("path").first().url,
        "quiz": QuizPage.objects.live().descendant_of(module).first().url,
        "my learning": "/mijn/",
        "programmes": "/leergangen/",
        "programme": ProgrammePage.objects.live().first().url,
        "learning group": f"/mijn/groepen/{LearningGroup.objects.get(name=RUNNING_GROUP).pk}/",
        "my calendar": "/mijn/agenda/",
        "instruments": "/handelingsrepertoire/",
        "instrument sheet": InstrumentPage.objects.live().first().url,
        "cases": "/praktijkvoorbeelden/",
        "case": CasePage.objects.live().first().url,
        "share a case": "/praktijkvoorbeelden/delen/",
        "FitnessScan": "/fitnessscan/",
        "search": "/zoeken/?q=vertrouwen",
        "profile": "/accounts/profiel/",
        "404": "/bestaat-niet/",
        **collaboration_pages(),
        **feedback_pages(),
    }


def feedback_pages() -> dict[str, str]:
    from feedback.models import FeedbackRound

    done = FeedbackRound.objects.get(title="Mijn rol in het wijkteamconvenant (voorjaar)")
    return {
        "notifications": "/mijn/meldingen/",
        "notification e-mail choices": "/mijn/meldingen/instellingen/",
        "feedback rounds": "/feedbackronde/",
        "feedback round report": f"/feedbackronde/{done.pk}/",
        "feedback round self-rating": f"/feedbackronde/{done.pk}/zelf/",
    }


def collaboration_pages() -> dict[str, str]:
    from collaborations.models import Collaboration

    base = f"/samenwerkingsverbanden/{Collaboration.objects.get(name='Wijkteams Rivierstad').pk}/"
    return {
        "collaborations": "/samenwerkingsverbanden/",
        "start a collaboration": "/samenwerkingsverbanden/nieuw/",
        "collaboration": base,
        "collaboration results": base + "metingen/2/",
        "collaboration step": base + "metingen/3/stap/1/",
        "collaboration actions": base + "acties/",
    }


def test_the_main_pages_are_valid_html(seeded, tmp_path):
    java = shutil.which("java")
    if not VNU.exists() or java is None:
        pytest.fail("The Nu Html Checker is missing: run `make test`, which installs vnu-jar and Java.")
    client = Client()
    client.force_login(User.objects.get(email="deelnemer@example.org"))
    files = {}
    for name, url in pages_of_the_demo().items():
        response = client.get(url)
        assert response.status_code in (200, 404), (name, url, response.status_code)
        path = tmp_path / f"{len(files):02d}.html"
        path.write_bytes(response.content)
        files[str(path)] = f"{name} ({url})"
    coordinator = Client()
    coordinator.force_login(User.objects.get(email="coordinator@example.org"))
    trainer = Client()
    trainer.force_login(User.objects.get(email="trainer@example.org"))
    running = LearningGroup.objects.get(name=RUNNING_GROUP)
    for name, client_, url in [
        ("bulk enrolment", coordinator, "/mijn/inschrijven/"),
        ("group progress", trainer, f"/mijn/groepen/{running.pk}/voortgang/"),
        ("group, trainer", trainer, f"/mijn/groepen/{running.pk}/"),
        ("coordinator", coordinator, "/mijn/organisatie/"),
    ]:
        response = client_.get(url)
        assert response.status_code == 200, (name, url)
        path = tmp_path / f"{len(files):02d}.html"
        path.write_bytes(response.content)
        files[str(path)] = f"{name} ({url})"
    anonymous = Client()
    for name, url in {"log in": "/accounts/login/", "sign up": "/accounts/signup/"}.items():
        path = tmp_path / f"{len(files):02d}.html"
        path.write_bytes(anonymous.get(url).content)
        files[str(path)] = f"{name} ({url})"

    result = subprocess.run(  # noqa: S603 (our own command line)
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [
        f"{files.get(m.get('url', '').removeprefix('file:'), m.get('url'))} line {m.get('lastLine')}: {m['message']}"
        for m in messages
        if m.get("type") == "error"
    ]
    assert errors == []
