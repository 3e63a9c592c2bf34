"""Quizzes in the Wagtail admin: editing questions with stable identities, GIFT upload, the question bank."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from accounts.factories import UserFactory
from accounts.roles import TRAINERS
from accounts.services import group_grant_page_permissions, groups_ensure
from courses.factories import course_index
from modules import quiz_services as services
from modules.models import Option, Question

pytestmark = pytest.mark.django_db

GIFT_DATA = Path(__file__).resolve().parents[1] / "data" / "gift"
ADD_URL = "/admin/snippets/modules/question/add/"


@pytest.fixture
def trainer_client(client, course):
    groups = groups_ensure()
    group_grant_page_permissions(
        group=groups[TRAINERS], page=course_index(), codenames=["add_page", "change_page", "publish_page"]
    )
    trainer = UserFactory(email="trainer@example.org")
    trainer.groups.add(groups[TRAINERS])
    course.trainers.add(trainer)
    course.save()
    client.force_login(trainer)
    return client


def question_form(quiz, kind: str, options: list[dict], **fields) -> dict:
    return nested_form_data(
        {
            "quiz": quiz.pk,
            "kind": kind,
            "points": 1,
            "name": fields.get("name", "Nieuwe vraag"),
            "text": rich_text(fields.get("text", "Klopt dit?")),
            "general_feedback": rich_text(""),
            "category": "",
            "is_active": "on",
            "options": inline_formset(options, initial=fields.get("initial", 0)),
            "rubric_criteria": inline_formset([]),
        }
    )


def test_trainer_imports_the_gift_examples_in_the_admin(trainer_client, quiz):
    before = Question.objects.filter(quiz=quiz).count()
    form = trainer_client.get(f"/admin/toetsen/{quiz.pk}/gift/")
    assert "GIFT importeren" in form.content.decode()
    upload = SimpleUploadedFile(
        "examples.gift.txt", (GIFT_DATA / "examples.gift.txt").read_bytes(), "text/plain"
    )
    response = trainer_client.post(f"/admin/toetsen/{quiz.pk}/gift/", {"file": upload}, follow=True)
    html = response.content.decode()
    assert "45 vragen geïmporteerd" in html
    assert Question.objects.filter(quiz=quiz).count() == before + 45
    assert "GIFT-stuurtekens: welke niet?" in html  # the question bank lists them


def test_a_broken_gift_file_imports_nothing_and_says_where(trainer_client, quiz):
    before = Question.objects.filter(quiz=quiz).count()
    upload = SimpleUploadedFile(
        "kapot.gift", b"::Goed::Klopt?{T}\n\n::Kapot::Hoeveel?{#veel}\n", "text/plain"
    )
    html = trainer_client.post(f"/admin/toetsen/{quiz.pk}/gift/", {"file": upload}).content.decode()
    assert "Er is niets geïmporteerd. Regel 3, vraag “Kapot”" in html
    assert Question.objects.filter(quiz=quiz).count() == before


def test_a_file_that_is_not_utf8_is_refused(trainer_client, quiz):
    upload = SimpleUploadedFile("latin.gift", "Één?{T}".encode("latin-1"), "text/plain")
    html = trainer_client.post(f"/admin/toetsen/{quiz.pk}/gift/", {"file": upload}).content.decode()
    assert "geen UTF-8-tekstbestand" in html


def test_question_bank_and_quiz_editor_list_the_questions(trainer_client, quiz):
    html = trainer_client.get(f"/admin/toetsen/{quiz.pk}/vragen/").content.decode()
    assert html.count("/admin/snippets/modules/question/edit/") == 8
    editor = trainer_client.get(f"/admin/pages/{quiz.pk}/edit/").content.decode()
    assert "Vraag toevoegen" in editor and f"/admin/toetsen/{quiz.pk}/statistieken/" in editor


def test_move_a_question_down(trainer_client, quiz):
    first, second = Question.objects.filter(quiz=quiz)[:2]
    trainer_client.post(f"/admin/toetsen/{quiz.pk}/vragen/{first.pk}/verplaatsen/", {"direction": "down"})
    assert list(Question.objects.filter(quiz=quiz)[:2]) == [second, first]


def test_add_question_with_the_quiz_filled_in(trainer_client, quiz):
    html = trainer_client.get(f"{ADD_URL}?quiz={quiz.pk}").content.decode()
    assert quiz.title in html
    data = question_form(
        quiz,
        "true_false",
        [{"text": "Waar", "credit": "100"}, {"text": "Onwaar", "credit": "0"}],
        name="Nieuw",
    )
    response = trainer_client.post(ADD_URL, data)
    assert response.status_code == 302 and response["Location"] == f"/admin/toetsen/{quiz.pk}/vragen/"
    question = Question.objects.get(name="Nieuw")
    assert (question.quiz, question.sort_order) == (quiz, 8)
    assert [o.text for o in question.options.all()] == ["Waar", "Onwaar"]


def test_invalid_question_comes_back_with_a_message(trainer_client, quiz):
    data = question_form(
        quiz, "true_false", [{"text": "Waar", "credit": "100"}, {"text": "Onwaar", "credit": "100"}]
    )
    response = trainer_client.post(ADD_URL, data)
    assert response.status_code == 200
    assert "precies 2 antwoordopties" in response.content.decode()
    assert not Question.objects.filter(name="Nieuwe vraag").exists()


def test_editing_a_question_keeps_its_identity_and_its_statistics(trainer_client, quiz, professional):
    attempt = services.attempt_start(quiz=quiz, user=professional)
    services.attempt_submit(attempt=attempt, quiz=quiz, user=professional, allow_unanswered=True)
    question = Question.objects.get(quiz=quiz, kind="single_choice")
    options = list(question.options.all())
    identity = (question.pk, question.uuid, [(o.pk, o.uuid) for o in options])
    data = question_form(
        quiz,
        "single_choice",
        [
            {"id": options[0].pk, "text": "Herschreven juiste optie", "credit": "100"},
            {"id": options[1].pk, "text": options[1].text, "credit": "0"},
            {"id": options[2].pk, "text": options[2].text, "credit": "0"},
        ],
        name="Herschreven",
        initial=3,
    )
    response = trainer_client.post(f"/admin/snippets/modules/question/edit/{question.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    question.refresh_from_db()
    options = list(question.options.all())
    assert (question.pk, question.uuid, [(o.pk, o.uuid) for o in options]) == identity
    assert question.name == "Herschreven" and options[0].text == "Herschreven juiste optie"
    assert question.responses.count() == 1


def test_an_answered_question_cannot_be_deleted(trainer_client, quiz, professional):
    attempt = services.attempt_start(quiz=quiz, user=professional)
    services.attempt_submit(attempt=attempt, quiz=quiz, user=professional, allow_unanswered=True)
    answered = Question.objects.filter(quiz=quiz).first()
    trainer_client.post(f"/admin/snippets/modules/question/delete/{answered.pk}/")
    assert Question.objects.filter(pk=answered.pk).exists()
    unanswered = Question.objects.create(quiz=quiz, kind="open", name="Los", text="<p>Los</p>")
    trainer_client.post(f"/admin/snippets/modules/question/delete/{unanswered.pk}/")
    assert not Question.objects.filter(pk=unanswered.pk).exists()
    assert Option.objects.filter(question=answered).exists()


def test_professionals_cannot_reach_the_quiz_admin(client, professional, quiz):
    client.force_login(professional)
    for url in (f"/admin/toetsen/{quiz.pk}/vragen/", f"/admin/toetsen/{quiz.pk}/gift/", ADD_URL):
        assert client.get(url).status_code == 302  # to the admin login


def test_every_imported_question_opens_in_the_editor(trainer_client, quiz):
    """Imported HTML is stored the way Wagtail's rich text editor reads it (e.g. <br/>)."""
    upload = SimpleUploadedFile(
        "examples.gift.txt", (GIFT_DATA / "examples.gift.txt").read_bytes(), "text/plain"
    )
    trainer_client.post(f"/admin/toetsen/{quiz.pk}/gift/", {"file": upload})
    for question in Question.objects.filter(quiz=quiz):
        assert trainer_client.get(f"/admin/snippets/modules/question/edit/{question.pk}/").status_code == 200
