"""The XSS corpus (tests/data/xss_payloads.txt) through every user input, rendered wherever the value shows.

tests/academy/test_sanitizer.py runs each payload through the sanitizer and tests/cases/test_security.py
through the case share form, the moderators' preview and the published case. This module covers the other
inputs: profile names and job titles (own profile, the trainer's progress report and its CSV, the
coordinator's report, the certificate verification page), reflections in a lesson and open quiz answers (the
professional's own pages), GIFT imports (question bank, the quiz and its review, the statistics and their
CSV) and the search and filter parameters of the catalogue, the instruments, the cases and the site search.

Payloads go in bulk (many on one page), and each page is parsed with html5lib as a browser would: nothing
that executes may come out (see `executable_in`). CSV cells must not start a formula.
"""

from __future__ import annotations

import collections
import csv
import html
import io
import re
import unicodedata
from pathlib import Path
from urllib.parse import urlencode

import html5lib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.factories import OrganisationFactory, UserFactory
from accounts.models import User
from accounts.roles import TRAINERS
from accounts.services import group_grant_page_permissions, groups_ensure

pytestmark = pytest.mark.django_db

CORPUS_PATH = Path(__file__).resolve().parents[1] / "data" / "xss_payloads.txt"
_TOKEN = re.compile(r"\$\{U\+([0-9A-Fa-f]{4,6})\}")


def load_corpus() -> list[str]:
    """The payloads, `${U+XXXX}` expanded; NUL dropped (every form refuses it, PostgreSQL cannot store it)."""
    payloads = []
    for raw in CORPUS_PATH.read_text(encoding="utf-8").split("\n"):
        line = raw.rstrip("\r")
        if not line.strip() or line.startswith("#"):
            continue
        payload = _TOKEN.sub(lambda match: chr(int(match.group(1), 16)), line).replace("\x00", "")
        if payload.strip():
            payloads.append(payload)
    return list(dict.fromkeys(payloads))


PAYLOADS = load_corpus()
COUNTS: collections.Counter = collections.Counter()


def chunks(payloads: list[str], max_chars: int, separator: str = "\n") -> list[tuple[str, int]]:
    """The payloads joined into values of at most `max_chars` (a longer payload is cut), with their count."""
    values, current, count = [], "", 0
    for payload in payloads:
        payload = payload[:max_chars]
        if current and len(current) + len(separator) + len(payload) > max_chars:
            values.append((current, count))
            current, count = "", 0
        current = f"{current}{separator}{payload}" if current else payload
        count += 1
    return [*values, (current, count)] if current else values


# --------------------------------------------------------------------------- the checker

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "srcset",
                  "ping", "cite", "codebase", "dynsrc", "lowsrc", "values", "to", "from", "by"}  # fmt: skip
NEVER_FROM_USERS = {"iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal"}
INERT_DATA = re.compile(r"^data:image/(png|gif|jpe?g|webp);", re.IGNORECASE)


def _squeeze(value: str) -> str:
    return "".join(
        ch
        for ch in value
        if not ch.isspace() and unicodedata.category(ch) not in {"Cc", "Cf", "Zs", "Zl", "Zp"}
    ).lower()


def _bad_url(value: str) -> bool:
    for candidate in {value, html.unescape(value)}:
        squeezed = _squeeze(candidate)
        for part in squeezed.split(",") if "," in squeezed else [squeezed]:  # srcset, SVG `values`
            part = part.strip(";")
            if part.startswith(("javascript:", "vbscript:", "livescript:")):
                return True
            if part.startswith("data:") and not INERT_DATA.match(part):
                return True
    return False


def executable_in(document_html: str) -> list[str]:
    """Everything in a rendered page that would execute: parsed as a browser parses it."""
    document = html5lib.parse(document_html, treebuilder="etree", namespaceHTMLElements=False)
    problems = []
    for element in document.iter():
        if not isinstance(element.tag, str):
            continue  # comments
        tag = element.tag.split("}")[-1].lower()
        attributes = {name.split("}")[-1].lower(): value for name, value in element.attrib.items()}
        if tag == "script":
            src = attributes.get("src", "")
            # Ours from /static/, Wagtail's admin translations, or data (not executed).
            ours = src.startswith("/static/") or src == "/admin/jsi18n/"
            if not (ours or attributes.get("type", "") == "application/json"):
                problems.append(f"<script src={src!r}>{(element.text or '')[:60]!r}")
        if tag in NEVER_FROM_USERS:
            problems.append(f"<{tag}> element")
        if tag == "meta" and attributes.get("http-equiv", "").lower() == "refresh":
            problems.append(f"<meta http-equiv=refresh content={attributes.get('content')!r}>")
        for name, value in attributes.items():
            if name.startswith("on"):
                problems.append(f"event handler {name}={value!r} on <{tag}>")
            elif name == "srcdoc":
                problems.append(f"srcdoc on <{tag}>")
            elif name in URL_ATTRIBUTES and _bad_url(value):
                problems.append(f"{name}={value!r} on <{tag}>")
            elif name == "style" and re.search(
                r"expression\s*\(|javascript:|behavior\s*:|-moz-binding", _squeeze(value)
            ):
                problems.append(f"style={value!r} on <{tag}>")
    return problems


def check(response, *, payloads: int, where: str, expect_status: int | None = 200) -> list[str]:
    """Counts one rendering of `payloads` payloads and returns what would execute in it."""
    if expect_status is not None:
        assert response.status_code == expect_status, f"{where}: {response.status_code}"
    COUNTS["renderings"] += 1
    COUNTS["payload renderings"] += payloads
    problems = [f"{where}: {problem}" for problem in executable_in(response.content.decode())]
    COUNTS["executable"] += len(problems)
    return problems


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"-?\d+([.,]\d+)?")


def csv_problems(response, *, payloads: int, where: str) -> list[str]:
    assert response.status_code == 200, where
    assert response["Content-Type"].startswith("text/csv"), where
    COUNTS["csv renderings"] += 1
    COUNTS["payload renderings"] += payloads
    text = response.content.decode("utf-8-sig")
    problems = [
        f"{where}: cell {cell[:40]!r} starts a formula"
        for row in csv.reader(io.StringIO(text), delimiter=";")
        for cell in row
        if cell.startswith(FORMULA_START) and not NUMBER.fullmatch(cell)
    ]
    COUNTS["csv formulas"] += len(problems)
    return problems


@pytest.fixture(scope="module", autouse=True)
def summary():
    yield
    if COUNTS["renderings"]:
        print(
            f"\nXSS corpus: {len(PAYLOADS)} distinct payloads; {COUNTS['renderings']} HTML renderings and "
            f"{COUNTS['csv renderings']} CSV exports parsed, {COUNTS['payload renderings']} payload renderings; "
            f"{COUNTS['executable']} executable; {COUNTS['csv formulas']} CSV cells starting a formula"
        )


# --------------------------------------------------------------------------- the checker itself


@pytest.mark.parametrize(
    "bad",
    [
        "<img src=x onerror=alert(1)>",
        '<a href=" java\tscript:alert(1)">x</a>',
        "<script>alert(1)</script>",
        '<script src="https://evil.example/x.js"></script>',
        '<form><button formaction="javascript:alert(1)">x</button></form>',
        '<iframe srcdoc="<b>x</b>"></iframe>',
        '<object data="data:text/html,<script>alert(1)</script>"></object>',
        '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
        '<base href="https://evil.example/">',
        '<p style="width: expression(alert(1))">x</p>',
        '<svg><animate attributeName="href" values="javascript:alert(1)"/></svg>',
    ],
)
def test_the_checker_sees_what_executes(bad):
    assert executable_in(f"<!DOCTYPE html><html><body>{bad}</body></html>")


def test_the_checker_lets_an_escaped_payload_and_our_static_scripts_pass():
    escaped = html.escape("<img src=x onerror=alert(1)>")
    page = (
        f'<!DOCTYPE html><html><head><script src="/static/js/htmx.min.js" defer></script></head><body>'
        f'<p>{escaped}</p><input value="{html.escape("javascript:alert(1)")}"></body></html>'
    )
    assert executable_in(page) == []


def test_the_corpus_holds_at_least_500_distinct_payloads():
    assert len(PAYLOADS) >= 500
    assert any(payload.startswith(("=", "+", "-", "@")) for payload in PAYLOADS)  # CSV injection too


# --------------------------------------------------------------------------- profile names


def _course_with_trainer(title: str):
    from courses.factories import build_course, course_index

    groups = groups_ensure()
    trainer = UserFactory(organisation=None)
    trainer.groups.add(groups[TRAINERS])
    group_grant_page_permissions(
        group=groups[TRAINERS], page=course_index(), codenames=["add_page", "change_page", "publish_page"]
    )
    course = build_course(title=title, modules=1, lessons=1)
    course.trainers.add(trainer)
    course.save_revision().publish()
    return course, trainer


def _names_world(*, per_name: int = 150):
    """Every payload as a first name, last name or job title of a member enrolled in the trainer's course."""
    from courses.models import Enrolment

    course, trainer = _course_with_trainer("Namen")
    organisation = OrganisationFactory(name="Gemeente XSS")
    coordinator = UserFactory(organisation=organisation, organisation_role=User.Role.COORDINATOR)
    # Several payloads per name (150 characters each): fewer members, so fewer pages to render; with
    # `per_name=0` one payload per name, so that each one starts a cell of the CSV export.
    values = chunks(PAYLOADS, per_name, separator=" ") if per_name else [(p[:150], 1) for p in PAYLOADS]
    triples = [values[start : start + 3] for start in range(0, len(values), 3)]
    # Straight into the table: what a profile form would store at worst (the values as typed).
    users = User.objects.bulk_create(
        [
            User(
                email=f"xss{number}@example.org",
                first_name=triple[0][0],
                last_name=triple[1][0] if len(triple) > 1 else "",
                job_title=triple[2][0] if len(triple) > 2 else "",
                organisation=organisation,
                password="!",  # noqa: S106 (unusable)
            )
            for number, triple in enumerate(triples)
        ]
    )
    Enrolment.objects.bulk_create([Enrolment(user=user, course=course) for user in users])
    return course, trainer, coordinator, users, triples


def test_profile_names_and_job_titles_wherever_they_show(client):
    from courses.models import Certificate

    course, trainer, coordinator, users, triples = _names_world()
    certificates = Certificate.objects.bulk_create(
        [
            Certificate(
                holder_name=user.get_full_name(),
                course_title=course.title,
                completed_at=timezone.now(),
            )
            for user in users
        ]
    )
    problems = []
    total = len(PAYLOADS)

    client.force_login(trainer)
    report = client.get(reverse("course_report", args=[course.pk]))
    assert "xss0@example.org" in report.content.decode()
    problems += check(report, payloads=total, where="trainer's progress report")

    client.force_login(coordinator)
    organisation_report = client.get(reverse("courses:organisation"))
    problems += check(organisation_report, payloads=total, where="coordinator's report")

    for user, triple in zip(users, triples, strict=True):
        client.force_login(user)
        count = sum(payloads for _value, payloads in triple)
        problems += check(client.get(reverse("accounts:profile")), payloads=count, where="own profile")
    anonymous = Client()
    for certificate, triple in zip(certificates, triples, strict=True):
        verify = anonymous.get(reverse("certificate_verify", args=[certificate.code]))
        count = sum(payloads for _value, payloads in triple[:2])  # first and last name
        problems += check(verify, payloads=count, where="certificate verification")
    assert not problems, problems[:10]


# --------------------------------------------------------------------------- reflections and open answers


def test_reflections_and_open_answers_on_the_professionals_own_pages():
    from courses import services as course_services
    from courses.factories import build_course, lessons_of
    from modules import quiz_services
    from modules.factories import attempt_answers, build_quiz
    from modules.models import ModulePage, QuestionKind

    course = build_course(title="Reflecties", modules=1, lessons=1)
    lesson = lessons_of(course)[0]
    block_id = next(block.id for block in lesson.body if block.block_type == "reflection")
    module = ModulePage.objects.child_of(course).first()
    quiz = build_quiz(module=module, questions=1, kinds=[QuestionKind.OPEN], max_attempts=5)
    values = chunks(PAYLOADS, 4900)
    problems = []
    for number, (value, count) in enumerate(values):
        user = UserFactory(email=f"reflectie{number}@example.org")
        course_services.enrolment_create(user=user, course=course)
        client = Client()
        client.force_login(user)

        # The reflection, through the view (htmx answers with the form again, as saved).
        url = reverse("courses:reflection", args=[lesson.pk, block_id])
        saved = client.post(url, {"answer": value}, headers={"HX-Request": "true"})
        problems += check(saved, payloads=count, where="reflection form (htmx)")
        problems += check(client.get(lesson.url), payloads=count, where="lesson page")
        dashboard = client.get(reverse("courses:dashboard"))
        assert "Wat neem je mee" in dashboard.content.decode()
        problems += check(dashboard, payloads=count, where="learning journal")

        # The open answer, through the quiz's views: saved, shown again, submitted and reviewed.
        attempt = quiz_services.attempt_start(quiz=quiz, user=user)
        data = attempt_answers(attempt, open_text=value)
        assert client.post(quiz.attempt_url(attempt, "save"), data).status_code in (302, 303)
        problems += check(client.get(quiz.attempt_url(attempt)), payloads=count, where="quiz attempt")
        assert client.post(quiz.attempt_url(attempt, "submit"), data).status_code in (302, 303)
        problems += check(
            client.get(quiz.attempt_url(attempt, "review")), payloads=count, where="quiz review"
        )
    assert not problems, problems[:10]


def test_feedback_replies_and_the_trainers_queue():
    """Answers, the trainer's feedback and replies: in the journal, the quiz review and the trainer's admin."""
    from courses import services as course_services
    from courses.factories import lessons_of
    from feedback.factories import reflections_ask_feedback
    from modules import quiz_services
    from modules.factories import attempt_answers, build_quiz
    from modules.manual_grading import GradeInput, response_grade
    from modules.models import ModulePage, QuestionKind

    course, trainer = _course_with_trainer("Feedback")
    lesson = lessons_of(course)[0]
    block_id = reflections_ask_feedback(lesson)
    module = ModulePage.objects.child_of(course).first()
    quiz = build_quiz(module=module, questions=1, kinds=[QuestionKind.OPEN], max_attempts=5)
    trainer_client = Client()
    trainer_client.force_login(trainer)
    problems = []
    values = chunks(PAYLOADS, 4900)
    for number, (value, count) in enumerate(values):
        user = UserFactory(email=f"feedback{number}@example.org")
        course_services.enrolment_create(user=user, course=course)
        client = Client()
        client.force_login(user)
        entry = course_services.journal_save(user=user, lesson=lesson, block_id=block_id, answer=value)
        reflection_url = reverse("feedback_reflection", args=[entry.pk])
        problems += check(trainer_client.get(reflection_url), payloads=count, where="trainer: reflection")
        course_services.journal_feedback_give(
            entry=entry,
            trainer=trainer,
            body="<p>Feedback:</p>" + value,  # a chunk of scripts alone sanitises to nothing: refused
            expected_waiting_since=entry.awaiting_feedback_since,
        )
        assert (
            client.post(reverse("courses:journal_reply", args=[entry.pk]), {"text": value}).status_code == 302
        )
        problems += check(
            client.get(reverse("courses:dashboard")), payloads=2 * count, where="journal thread"
        )
        problems += check(trainer_client.get(reflection_url), payloads=2 * count, where="trainer: thread")

        attempt = quiz_services.attempt_start(quiz=quiz, user=user)
        quiz_services.attempt_submit(
            attempt=attempt, quiz=quiz, user=user, data=attempt_answers(attempt, open_text=value)
        )
        response = attempt.responses.select_related("question", "attempt").get()
        answer_url = reverse("feedback_answer", args=[response.pk])
        problems += check(trainer_client.get(answer_url), payloads=count, where="trainer: grading page")
        problems += check(trainer_client.get("/admin/te-beoordelen/"), payloads=count, where="trainer: queue")
        response_grade(
            response=response,
            grader=trainer,
            grade=GradeInput(points=1, feedback=value),
            expected_graded_at=None,
        )
        review = client.get(quiz.attempt_url(attempt, "review"))
        problems += check(review, payloads=2 * count, where="quiz review with the trainer's feedback")
    done = trainer_client.get("/admin/te-beoordelen/", {"status": "done"})
    problems += check(done, payloads=len(PAYLOADS), where="trainer: queue, done")
    assert not problems, problems[:10]


# --------------------------------------------------------------------------- GIFT import


def _gift_file(payloads: list[str]) -> tuple[str, int]:
    """A GIFT file whose question names, texts, general feedback, options and option feedback are payloads."""
    from modules.gift import GiftAnswer, GiftError, GiftQuestion, export_gift

    questions, used = [], 0
    for start in range(0, len(payloads), 6):
        p = (payloads[start : start + 6] * 6)[:6]
        question = GiftQuestion(
            kind="single_choice",
            name=f"V{start} {p[0]}"[:200],
            text=p[1],
            text_format="html",
            general_feedback=p[2],
            answers=[
                GiftAnswer(f"Goed {start} {p[3]}", 1.0, feedback=p[4]),
                GiftAnswer(f"Fout {start} {p[5]}", 0.0, feedback=p[4]),
            ],
        )
        try:
            export_gift([question])
        except GiftError:
            continue
        questions.append(question)
        used += len(payloads[start : start + 6])
    return export_gift(questions), used


def _gift_world():
    """A quiz of GIFT-imported payload questions (through the trainer's upload), answered once."""
    from courses import services as course_services
    from modules import quiz_services
    from modules.factories import attempt_answers, build_quiz
    from modules.models import ModulePage, Question

    course, trainer = _course_with_trainer("GIFT")
    quiz = build_quiz(module=ModulePage.objects.child_of(course).first(), questions=0, shuffle_options=False)
    text, used = _gift_file(PAYLOADS)
    assert used >= 500
    trainer_client = Client()
    trainer_client.force_login(trainer)
    upload = SimpleUploadedFile("xss.gift.txt", text.encode(), content_type="text/plain")
    imported = trainer_client.post(reverse("quiz_gift_import", args=[quiz.pk]), {"file": upload})
    assert imported.status_code == 302, imported.content.decode()[-2000:]
    assert Question.objects.filter(quiz=quiz).count() >= 80

    professional = UserFactory(email="toets@example.org")
    course_services.enrolment_create(user=professional, course=course)
    client = Client()
    client.force_login(professional)
    attempt = quiz_services.attempt_start(quiz=quiz, user=professional)
    before = client.get(quiz.attempt_url(attempt))
    submitted = client.post(quiz.attempt_url(attempt, "submit"), attempt_answers(attempt, right=False))
    assert submitted.status_code in (302, 303)
    return quiz, used, trainer_client, client, attempt, before


def test_gift_imports_in_the_question_bank_the_quiz_and_the_statistics():
    quiz, used, trainer_client, client, attempt, before = _gift_world()
    problems = check(before, payloads=used, where="quiz attempt (GIFT)")
    review = client.get(quiz.attempt_url(attempt, "review"))
    problems += check(review, payloads=used, where="quiz review (GIFT)")
    bank = trainer_client.get(reverse("quiz_questions", args=[quiz.pk]))
    problems += check(bank, payloads=used, where="question bank")
    statistics = trainer_client.get(reverse("quiz_statistics", args=[quiz.pk]))
    problems += check(statistics, payloads=used, where="quiz statistics")
    assert not problems, problems[:10]


def test_csv_exports_start_no_formula():
    course, trainer, _coordinator, _users, _triples = _names_world(per_name=0)
    client = Client()
    client.force_login(trainer)
    progress = client.get(reverse("course_report", args=[course.pk]), {"format": "csv"})
    problems = csv_problems(progress, payloads=len(PAYLOADS), where="progress CSV")
    quiz, used, trainer_client, *_rest = _gift_world()
    statistics = trainer_client.get(reverse("quiz_statistics", args=[quiz.pk]), {"format": "csv"})
    problems += csv_problems(statistics, payloads=used, where="statistics CSV")
    assert not problems, problems[:10]


# --------------------------------------------------------------------------- search and filter parameters


def _get_form_fields(response) -> list[str]:
    """The names of the fields of the page's GET forms (the filters and the search box)."""
    document = html5lib.parse(response.content.decode(), treebuilder="etree", namespaceHTMLElements=False)
    names = set()
    for form in document.iter("form"):
        if form.get("method", "get").lower() != "get":
            continue
        for element in form.iter():
            is_field = element.tag in ("input", "select", "textarea") and element.get("name")
            if is_field and element.get("type") not in ("submit", "hidden", "checkbox", "radio"):
                names.add(element.get("name"))
    return sorted(names)


def test_search_and_filter_parameters_of_every_listing():
    from cases.factories import CaseIndexPageFactory
    from courses.factories import build_course, course_index
    from handelingsrepertoire.factories import build_instrument, instrument_index
    from home.demo import ensure_home

    build_course(title="Een cursus", modules=1, lessons=1)
    build_instrument(title="Een instrument")
    cases = CaseIndexPageFactory(parent=ensure_home())
    listings = {
        "catalogue": course_index().url,
        "instruments": instrument_index().url,
        "cases": cases.url,
        "site search": reverse("search"),
    }
    client = Client()
    problems = []
    for where, url in listings.items():
        fields = _get_form_fields(client.get(url))
        assert fields, f"{where}: no filter or search fields found"
        fields.append("pagina")
        # The site search keeps 200 characters of its query: smaller values, so every payload is shown.
        values = chunks(PAYLOADS, 200 if where == "site search" else 1500, separator=" ")
        for start in range(0, len(values), len(fields)):
            group = values[start : start + len(fields)]
            query = dict(zip(fields, (value for value, _count in group), strict=False))
            count = sum(count for _value, count in group)
            response = client.get(f"{url}?{urlencode(query)}")
            # Any status: whether bad input is an error page is test_a_search_query_is_never_an_outage's.
            problems += check(response, payloads=count, where=f"{where} {sorted(query)}", expect_status=None)
    assert not problems, problems[:10]


def test_a_search_query_is_never_an_outage(client):
    failures = []
    for query, _count in chunks(PAYLOADS, 200, separator=" "):
        response = client.get(reverse("search"), {"q": query})
        if response.status_code != 200:
            failures.append((response.status_code, query))
    assert not failures, f"{len(failures)} queries failed, the first: {failures[:3]}"
