"""`make load`: the locustfile covers the mix the README reports, its virtual users fill in forms as a
person would, and the load's own accounts and pages (`manage.py seed_load`) work for it."""

import importlib.util
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

ROOT = Path(__file__).resolve().parents[2]
LOADTEST = ROOT / "loadtest"

needs_locust = pytest.mark.skipif(
    importlib.util.find_spec("locust") is None, reason="locust is not installed"
)


def htmlforms():
    spec = importlib.util.spec_from_file_location("htmlforms", LOADTEST / "htmlforms.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# Importing locust patches the standard library (gevent): it happens in a process of its own.
LIST_TASKS = """
import json, sys
sys.path.insert(0, "loadtest")
import locustfile
print(json.dumps({
    cls.__name__: {"weight": cls.weight, "tasks": sorted({task.__name__ for task in cls.tasks})}
    for cls in (locustfile.Visitor, locustfile.Professional)
}))
"""


@needs_locust
def test_the_locustfile_covers_the_mix():
    result = subprocess.run(  # noqa: S603 (our own fixed command)
        [sys.executable, "-c", LIST_TASKS], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    users = json.loads(result.stdout.strip().splitlines()[-1])
    assert set(users["Visitor"]["tasks"]) == {
        "home",
        "catalogue",
        "catalogue_filtered",
        "course",
        "module",
        "instrument_index",
        "instrument",
        "case_index",
        "case",
        "fitnessscan_start",
    }
    # Logging in happens once, when the professional starts (on_start), not as a task.
    assert {"lesson", "quiz_attempt", "fitnessscan_steps", "dashboard"} <= set(users["Professional"]["tasks"])
    assert "log_in" not in users["Professional"]["tasks"]
    assert users["Visitor"]["weight"] > 0 and users["Professional"]["weight"] > 0


PAGE = """
<header><form method="post" action="/accounts/logout/"><input type="hidden" name="csrfmiddlewaretoken"
 value="tok"><button type="submit">Uitloggen</button></form></header>
<form method="post" action="/toets/poging/1/inleveren/" class="quiz-form">
  <input type="hidden" name="csrfmiddlewaretoken" value="tok">
  <input type="radio" name="q1" value="a"> <input type="radio" name="q1" value="b">
  <input type="radio" name="q2" value="x">
  <input type="checkbox" name="q3" value="c" checked>
  <select name="q4"><option value="">Kies</option><option value="ja">Ja</option></select>
  <textarea name="q5"></textarea>
  <input type="number" name="q6">
  <button type="submit" name="confirm" value="unanswered">Toch inleveren</button>
  <input type="submit" name="save" value="Opslaan">
</form>
"""


def test_a_virtual_user_fills_in_the_form_it_means_as_a_person_would():
    forms = htmlforms()
    assert [form["action"] for form in forms.forms_of(PAGE)] == [
        "/accounts/logout/",
        "/toets/poging/1/inleveren/",
    ]
    quiz = forms.form_with_action(PAGE, "inleveren/")
    answers = dict(forms.answers_for(quiz))
    assert answers["csrfmiddlewaretoken"] == "tok"
    assert answers["q1"] in {"a", "b"} and answers["q2"] == "x"
    assert answers["q3"] == "c"  # checked stays checked
    assert answers["q4"] == "ja"  # never the empty placeholder
    assert answers["q5"] and answers["q6"].isdigit()
    # One answer per question, and no button: which button a person presses is the caller's choice.
    assert len(forms.answers_for(quiz)) == len(answers)
    assert "confirm" not in answers and "save" not in answers
    assert forms.form_with_action(PAGE, "/nergens/") is None


@pytest.mark.django_db
def test_the_load_accounts_log_in_through_the_form_and_every_page_of_the_mix_answers(
    seeded, tmp_path, monkeypatch
):
    monkeypatch.setenv("LOAD_PASSWORD", "een-wachtwoord-voor-de-belasting")
    targets_file = tmp_path / "targets.json"
    for _run in range(2):
        call_command("seed_load", "--accounts", "3", "--targets", str(targets_file), stdout=io.StringIO())
    targets = json.loads(targets_file.read_text())
    assert len(targets["accounts"]) == 3  # a second run replaces the accounts, it does not add to them

    anonymous = Client()
    for url in [
        targets["home"],
        targets["catalogue"],
        *targets["catalogue_filtered"],
        *targets["courses"],
        *targets["modules"],
        targets["instrument_index"],
        *targets["instruments"],
        targets["case_index"],
        *targets["cases"],
        targets["fitnessscan"],
    ]:
        assert anonymous.get(url).status_code == 200, url

    professional = Client(enforce_csrf_checks=True)
    professional.get(targets["login"])
    response = professional.post(
        targets["login"],
        {
            "login": targets["accounts"][0],
            "password": "een-wachtwoord-voor-de-belasting",
            "csrfmiddlewaretoken": professional.cookies["csrftoken"].value,
        },
    )
    assert response.status_code == 302 and response["Location"] == targets["dashboard"]
    assert professional.get(targets["dashboard"]).status_code == 200
    # Lessons and quizzes are open to them (no locked item of a sequential course: that would be a 403).
    assert targets["lessons"] and targets["quizzes"]
    for url in [lesson["url"] for lesson in targets["lessons"]] + targets["quizzes"]:
        assert professional.get(url).status_code == 200, url
    lesson = targets["lessons"][0]
    assert lesson["complete"].encode() in professional.get(lesson["url"]).content


def test_seed_load_refuses_a_weak_or_missing_password(db, tmp_path, monkeypatch):
    monkeypatch.setenv("LOAD_PASSWORD", "kort")
    with pytest.raises(CommandError, match="LOAD_PASSWORD"):
        call_command("seed_load", "--targets", str(tmp_path / "targets.json"))
