"""CSV formula injection: no cell of any export starts a formula in a spreadsheet program."""

import csv
import io
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group, Permission

from academy.exports import spreadsheet_safe
from accounts.factories import OrganisationFactory, UserFactory
from courses import services as course_services
from courses.factories import build_course
from modules.factories import attempts_bulk_create, build_quiz
from modules.models import ModulePage, Option
from modules.models.quiz import CHOICE_KINDS

HYPERLINK = '=HYPERLINK("http://x","y")'
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cells(response, delimiter: str = ";") -> list[list[str]]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content if response.streaming else [response.content])
    return list(csv.reader(io.StringIO(text.decode("utf-8-sig")), delimiter=delimiter))


def formulas(rows: list[list[str]]) -> list[str]:
    return [cell for row in rows for cell in row if cell.startswith(FORMULA_STARTS)]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (HYPERLINK, "'" + HYPERLINK),
        ("+31 6 12345678", "'+31 6 12345678"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("Jan de Vries", "Jan de Vries"),
        ("e=mc²", "e=mc²"),
        ("", ""),
        (None, ""),
        # Numbers stay numbers (OWASP quotes any leading '-' in text; a number cannot hold a formula).
        (-0.25, -0.25),
        (-3, -3),
        (Decimal("-1.5"), Decimal("-1.5")),
    ],
)
def test_spreadsheet_safe(value, expected):
    assert spreadsheet_safe(value) == expected


@pytest.fixture
def trainer(db):
    group = Group.objects.get_or_create(name="Trainers")[0]
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user = UserFactory(email="trainer-export@example.org")
    user.groups.add(group)
    return user


def test_the_trainers_progress_export_neutralises_formulas(client, trainer):
    course = build_course(title="Startcondities", modules=1, lessons=1)
    course.trainers.add(trainer)
    course.save_revision().publish()
    hostile = UserFactory(
        email="=1+1@example.org",
        first_name=HYPERLINK,
        last_name="-2+3",
        organisation=OrganisationFactory(name="@SUM(1+1)"),
    )
    course_services.enrolment_create(user=hostile, course=course)
    client.force_login(trainer)

    rows = cells(client.get(f"/admin/voortgang/{course.pk}/", {"format": "csv"}))

    assert formulas(rows) == []
    row = next(row for row in rows if "1+1@example.org" in row[1])
    assert row[0] == "'" + HYPERLINK + " -2+3"
    assert row[1:3] == ["'=1+1@example.org", "'@SUM(1+1)"]
    assert row[3] == "0"  # the progress stays a number


def test_the_quiz_statistics_export_neutralises_formulas_and_keeps_negative_numbers(client, trainer):
    course = build_course(title="Startcondities", modules=1, lessons=1)
    course.trainers.add(trainer)
    course.save_revision().publish()
    quiz = build_quiz(module=ModulePage.objects.child_of(course).first(), title="Toets", questions=4)
    question = quiz.questions.order_by("pk").first()
    question.name = HYPERLINK
    question.save()
    option = Option.objects.filter(question__quiz=quiz, question__kind__in=CHOICE_KINDS).first()
    option.text = "+cmd|' /C calc'!A0"
    option.save()
    attempts_bulk_create(quiz=quiz, count=30, seed=3)
    client.force_login(trainer)

    rows = cells(client.get(f"/admin/toetsen/{quiz.pk}/statistieken/", {"format": "csv"}))

    assert formulas(rows) == [cell for row in rows for cell in row if _is_negative_number(cell)]
    assert list({row[0] for row in rows if row and HYPERLINK in row[0]}) == ["'" + HYPERLINK]
    assert any(row[5] == "'+cmd|' /C calc'!A0" for row in rows if len(row) > 5)


def _is_negative_number(cell: str) -> bool:
    try:
        return float(cell) < 0
    except ValueError:
        return False


def test_wagtails_own_csv_exports_neutralise_formulas(client, admin_user):
    from wagtail.models import Page

    home = Page.objects.get(depth=2)
    page = home.add_child(instance=Page(title=HYPERLINK, slug="formule"))
    page.save_revision(user=admin_user).publish(user=admin_user)
    client.force_login(admin_user)

    rows = cells(client.get("/admin/reports/aging-pages/", {"export": "csv"}), delimiter=",")

    assert formulas(rows) == []
    assert any(cell == "'" + HYPERLINK for row in rows for cell in row)
