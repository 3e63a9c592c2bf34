"""Publishing never puts invalid content live: a bulk publish with an invalid page leaves it a draft and
tells the trainer which page and why."""

import uuid

import pytest
from django.contrib.messages import get_messages

from courses.factories import build_course, lessons_of
from modules.models import LessonPage, ModulePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def trainer_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser(email="trainer@example.org", password="x"))
    return client


@pytest.fixture
def course_with_invalid_draft():
    course = build_course(title="Startcondities", modules=1, lessons=1, publish=False)
    module = ModulePage.objects.child_of(course).get()
    lesson = module.add_child(
        instance=LessonPage(
            title="Les met lege tekst",
            summary="Samenvatting",
            body=[{"type": "text", "value": "", "id": str(uuid.uuid4())}],
            live=False,
        )
    )
    lesson.save_revision()
    return course, lesson


def bulk_publish(client, page, include_descendants):
    data = {"include_descendants": "on"} if include_descendants else {}
    url = f"/admin/bulk/wagtailcore/page/publish/?id={page.pk}&next=/admin/pages/{page.pk}/"
    return client.post(url, data, follow=True)


def test_publishing_a_course_with_its_subpages_refuses_an_invalid_lesson(
    trainer_client, course_with_invalid_draft
):
    course, lesson = course_with_invalid_draft
    response = bulk_publish(trainer_client, course, include_descendants=True)
    assert response.status_code == 200
    text = (
        " ".join(str(message) for message in get_messages(response.wsgi_request)) or response.content.decode()
    )
    assert "Les met lege tekst" in text and "blok 1 (Tekst)" in text
    lesson.refresh_from_db()
    course.refresh_from_db()
    assert not lesson.live and not course.live


def test_a_valid_course_is_published_with_its_subpages(trainer_client):
    course = build_course(title="Startcondities", modules=1, lessons=2, publish=False)
    for page in [course, *course.get_descendants().specific()]:
        page.save_revision()
    bulk_publish(trainer_client, course, include_descendants=True)
    assert all(lesson.live for lesson in lessons_of(course))
