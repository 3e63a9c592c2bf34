import json

import pytest

from accounts.models import User
from courses import services
from courses.models import Certificate, Enrolment, JournalEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def learner(professional, course, lessons, settings, tmp_path, django_capture_on_commit_callbacks):
    settings.MEDIA_ROOT = tmp_path
    with django_capture_on_commit_callbacks(execute=True):
        services.enrolment_create(user=professional, course=course)
        for lesson in lessons:
            services.item_complete(user=professional, item=lesson)
    block = next(b for b in lessons[0].body if b.block_type == "reflection")
    services.journal_save(user=professional, lesson=lessons[0], block_id=block.id, answer="Privé gedachte")
    return professional


def test_export_contains_everything_about_the_user(client, learner):
    client.force_login(learner)
    response = client.get("/accounts/profiel/gegevens/")
    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert data["profile"]["email"] == learner.email
    assert data["courses"]["learning_journal"][0]["answer"] == "Privé gedachte"
    assert data["courses"]["certificates"][0]["revoked"] is False
    assert len(data["courses"]["progress"]) == 4


def test_delete_requires_the_password_and_keeps_the_input(client, learner):
    client.force_login(learner)
    response = client.post("/accounts/profiel/verwijderen/", {"password": "fout", "confirm": "on"})
    assert response.status_code == 200
    assert "Dit wachtwoord klopt niet" in response.content.decode()
    assert User.objects.filter(pk=learner.pk).exists()


def test_delete_removes_personal_data_and_revokes_certificates(client, learner):
    code = Certificate.objects.get().code
    client.force_login(learner)
    response = client.post("/accounts/profiel/verwijderen/", {"password": "samenwerken", "confirm": "on"})
    assert response.status_code == 302
    assert not User.objects.filter(email=learner.email).exists()
    assert not Enrolment.objects.exists() and not JournalEntry.objects.exists()
    certificate = Certificate.objects.get(code=code)
    assert certificate.revoked_at is not None and learner.last_name not in certificate.holder_name
    assert "ingetrokken" in client.get(f"/certificaat/{code}/").content.decode()
