"""The question bank in the admin: ID numbers and tags (from Moodle's GIFT files) to find questions by."""

import re

import pytest
from taggit.models import Tag
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from accounts.factories import UserFactory
from accounts.roles import TRAINERS
from accounts.services import group_grant_page_permissions, groups_ensure
from courses.factories import course_index
from modules.gift_import import gift_import
from modules.models import Question

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/snippets/modules/question/"

GIFT = """// [id:SAM-01] [tag:vertrouwen] [tag:rollen]
::Vertrouwen::Vertrouwen komt te voet.{T}

// [id:SAM-02] [tag:rollen]
::Penvoerder::Wie vraagt de subsidie aan?{=penvoerder}

// [id:ANDERS-03]
::Zonder tags::Klopt dit?{F}

::Zonder alles::Klopt dat?{T}
"""


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


@pytest.fixture
def bank(quiz):
    Question.objects.filter(quiz=quiz).delete()
    gift_import(quiz=quiz, text=GIFT)
    return {q.name: q for q in Question.objects.filter(quiz=quiz)}


def listed(client, **params) -> set[str]:
    response = client.get(LIST_URL, params)
    assert response.status_code == 200
    html = response.content.decode()
    return {
        name for name in ("Vertrouwen", "Penvoerder", "Zonder tags", "Zonder alles") if f">{name}<" in html
    }


def test_the_listing_shows_id_numbers_and_offers_the_filters(trainer_client, bank):
    Tag.objects.create(name="ongebruikt")  # e.g. an image's tag: not a choice here
    html = trainer_client.get(LIST_URL).content.decode()
    assert "SAM-01" in html and "ANDERS-03" in html
    assert 'name="reference"' in html and "ID-nummer" in html
    choices = re.findall(
        r'<input type="checkbox" name="tags" value="\d+" id="id_tags_\d+">\s*([^<]+)</label>', html
    )
    assert choices == ["rollen", "vertrouwen"]


def test_filter_by_tag(trainer_client, bank):
    rollen, vertrouwen = Tag.objects.get(name="rollen"), Tag.objects.get(name="vertrouwen")
    assert listed(trainer_client, tags=rollen.pk) == {"Vertrouwen", "Penvoerder"}
    assert listed(trainer_client, tags=vertrouwen.pk) == {"Vertrouwen"}
    assert listed(trainer_client, tags=[rollen.pk, vertrouwen.pk]) == {"Vertrouwen", "Penvoerder"}


def test_filter_by_id_number(trainer_client, bank):
    assert listed(trainer_client, reference="SAM-") == {"Vertrouwen", "Penvoerder"}
    assert listed(trainer_client, reference="anders-03") == {"Zonder tags"}
    assert listed(trainer_client, reference="bestaat-niet") == set()


def test_search_finds_the_id_number(trainer_client, bank):
    assert listed(trainer_client, q="ANDERS-03") == {"Zonder tags"}


@pytest.mark.parametrize("bad", [{"tags": "999999"}, {"tags": "geen-getal"}, {"kind": "onzin"}])
def test_bad_filter_values_are_not_an_error(trainer_client, bank, bad):
    assert trainer_client.get(LIST_URL, bad).status_code == 200


def test_editing_keeps_and_changes_id_number_and_tags(trainer_client, bank):
    question = bank["Vertrouwen"]
    edit = trainer_client.get(f"{LIST_URL}edit/{question.pk}/").content.decode()
    assert 'value="SAM-01"' in edit
    data = nested_form_data(
        {
            "quiz": question.quiz_id,
            "kind": "true_false",
            "points": 1,
            "name": "Vertrouwen",
            "text": rich_text("<p>Vertrouwen komt <code>te voet</code>.</p>", features=["code"]),
            "general_feedback": rich_text(""),
            "category": "",
            "reference": "SAM-01b",
            "tags": "vertrouwen, nieuw",
            "is_active": "on",
            "options": inline_formset(
                [
                    {"id": o.pk, "text": o.text, "credit": o.credit, "match_text": "", "feedback": ""}
                    for o in question.options.all()
                ],
                initial=2,
            ),
            "rubric_criteria": inline_formset([]),
        }
    )
    response = trainer_client.post(f"{LIST_URL}edit/{question.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    question.refresh_from_db()
    assert question.reference == "SAM-01b"
    assert sorted(question.tags.names()) == ["nieuw", "vertrouwen"]
    assert "Vertrouwen komt <code>te voet</code>.</p>" in question.text  # inline code can be typed
