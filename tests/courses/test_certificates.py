import io

import pytest
from django.core import mail
from pypdf import PdfReader

from courses import services
from courses.models import Certificate, Enrolment
from courses.tasks import complete_course, send_inactivity_reminders

pytestmark = pytest.mark.django_db


@pytest.fixture
def completed(professional, course, lessons, settings, tmp_path, django_capture_on_commit_callbacks):
    settings.MEDIA_ROOT = tmp_path
    # Tasks are enqueued when the transaction commits; run those callbacks as a real commit would.
    with django_capture_on_commit_callbacks(execute=True):
        services.enrolment_create(user=professional, course=course)
        for lesson in lessons:
            services.item_complete(user=professional, item=lesson)
    return Enrolment.objects.get(user=professional, course=course)


def test_completion_issues_one_certificate_and_mails_it(completed):
    certificate = Certificate.objects.get(enrolment=completed)
    subjects = [m.subject for m in mail.outbox]
    assert any("ingeschreven" in s for s in subjects)
    completed_mails = [m for m in mail.outbox if "afgerond" in m.subject]
    assert len(completed_mails) == 1
    assert completed_mails[0].attachments[0][2] == "application/pdf"
    assert certificate.get_absolute_url() in completed_mails[0].body
    complete_course(completed.pk)  # a second run: no second certificate, no second mail
    assert Certificate.objects.count() == 1
    assert len([m for m in mail.outbox if "afgerond" in m.subject]) == 1
    pdf = PdfReader(io.BytesIO(certificate.pdf.read()))
    page = pdf.pages[0]
    assert len(pdf.pages) == 1
    assert float(page.mediabox.width) > float(page.mediabox.height)  # A4 landscape
    text = page.extract_text()
    assert completed.course.title in text and certificate.holder_name in text


def test_public_verification_page_and_revocation(client, completed):
    certificate = Certificate.objects.get(enrolment=completed)
    html = client.get(f"/certificaat/{certificate.code}/").content.decode()
    assert "Dit certificaat is geldig" in html and certificate.holder_name in html
    from courses.certificates import certificate_revoke

    certificate_revoke(certificate=certificate, reason="Fraude bij de toets.")
    html = client.get(f"/certificaat/{certificate.code}/").content.decode()
    assert "ingetrokken" in html and "Fraude bij de toets." in html
    assert client.get("/certificaat/verzonnen-code/").status_code == 404


def test_certificate_pdf_only_for_its_owner(client, completed):
    from accounts.factories import UserFactory

    certificate = Certificate.objects.get(enrolment=completed)
    client.force_login(completed.user)
    response = client.get(f"/mijn/certificaat/{certificate.code}.pdf")
    assert response["Content-Type"] == "application/pdf"
    client.force_login(UserFactory())
    assert client.get(f"/mijn/certificaat/{certificate.code}.pdf").status_code == 404


def test_reminder_after_14_idle_days_once_and_switch_off(
    professional, course, django_capture_on_commit_callbacks
):
    from datetime import timedelta

    from django.utils import timezone

    services.enrolment_create(user=professional, course=course)
    Enrolment.objects.update(enrolled_at=timezone.now() - timedelta(days=15))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert send_inactivity_reminders() == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert send_inactivity_reminders() == 0  # at most once per 14 days
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    off_url = next(word for word in body.split() if "/herinneringen-uit/" in word)
    from django.test import Client

    path = "/" + off_url.split("://", 1)[1].split("/", 1)[1]
    assert Client().get(path).status_code == 200
    Client().post(path)
    professional.refresh_from_db()
    assert professional.reminders_enabled is False


def test_reminder_in_the_users_language(professional, course, django_capture_on_commit_callbacks):
    from datetime import timedelta

    from django.utils import timezone

    professional.preferred_language = "en"
    professional.save()
    services.enrolment_create(user=professional, course=course)
    Enrolment.objects.update(enrolled_at=timezone.now() - timedelta(days=20))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        send_inactivity_reminders()
    assert mail.outbox[0].subject.startswith("Continue with")


@pytest.fixture
def site_on_another_port(settings):
    settings.SITE_URL = "http://127.0.0.1:8765"
    return settings.SITE_URL


def test_the_certificate_and_its_mail_carry_the_address_the_site_runs_on(site_on_another_port, completed):
    certificate = Certificate.objects.get(enrolment=completed)
    text = PdfReader(io.BytesIO(certificate.pdf.read())).pages[0].extract_text().replace("\n", "")
    assert f"{site_on_another_port}/certificaat/{certificate.code}/" in text
    assert "127.0.0.1:8000" not in text
    (completed_mail,) = [m for m in mail.outbox if "afgerond" in m.subject]
    assert f"{site_on_another_port}/certificaat/{certificate.code}/" in completed_mail.body
