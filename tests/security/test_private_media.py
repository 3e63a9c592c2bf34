"""Private files are never public media: certificates and documents (security issue, holes 2 and 5). Draft case
images: tests/cases/test_uploads.py."""

import importlib
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import Http404
from django.test import Client, RequestFactory
from django.urls import clear_url_caches, resolve
from django.views.static import serve
from wagtail.documents import get_document_model

from accounts.factories import UserFactory
from accounts.roles import ADMINISTRATORS
from accounts.services import groups_ensure
from courses import services
from courses.certificates import certificate_revoke
from courses.factories import build_course, lessons_of
from courses.models import Certificate

pytestmark = pytest.mark.django_db


def served_as_public_media(path: str) -> int:
    """What a web server that serves MEDIA_ROOT under MEDIA_URL (nginx, or `make serve`) answers."""
    try:
        return serve(RequestFactory().get(settings.MEDIA_URL + path), path, settings.MEDIA_ROOT).status_code
    except Http404:
        return 404


def public_files() -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


@pytest.fixture
def certificate(db, django_capture_on_commit_callbacks):
    holder = UserFactory(email="houder@example.org", first_name="Sanne", last_name="de Vries")
    course = build_course(title="Startcondities", modules=1, lessons=2)
    with django_capture_on_commit_callbacks(execute=True):
        services.enrolment_create(user=holder, course=course)
        for lesson in lessons_of(course):
            services.item_complete(user=holder, item=lesson)
    return Certificate.objects.get(enrolment__user=holder)


@pytest.fixture
def administrator(db):
    groups_ensure()
    user = UserFactory(email="beheer@example.org", organisation=None)
    user.groups.add(Group.objects.get(name=ADMINISTRATORS))
    return user


def login(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


# --------------------------------------------------------------------------- certificates


def test_a_certificate_pdf_is_not_public_media_and_its_name_carries_no_code(certificate):
    assert certificate.pdf
    assert certificate.code not in certificate.pdf.name
    assert (Path(storages["private"].location) / certificate.pdf.name).is_file()
    assert not public_files()
    # Where the PDF used to be: a web server serving MEDIA_ROOT has nothing to hand out.
    assert served_as_public_media(f"certificates/certificaat-{certificate.code}.pdf") == 404
    assert served_as_public_media(certificate.pdf.name) == 404
    assert not Path(storages["private"].location).is_relative_to(Path(settings.MEDIA_ROOT).resolve())


def test_the_holder_and_administrators_download_it_nobody_else(certificate, administrator):
    url = f"/mijn/certificaat/{certificate.code}.pdf"
    own = login(certificate.enrolment.user).get(url)
    assert own.status_code == 200 and own["Content-Type"] == "application/pdf"
    assert own["Content-Disposition"].startswith("attachment;")
    assert {"private", "no-store"} <= {part.strip() for part in own["Cache-Control"].split(",")}
    assert own["X-Content-Type-Options"] == "nosniff"
    assert b"".join(own.streaming_content).startswith(b"%PDF")
    assert login(administrator).get(url).status_code == 200
    assert login(UserFactory()).get(url).status_code == 404  # another professional
    assert Client().get(url).status_code == 302  # to the login


def test_administrators_inspect_and_revoke_in_the_cms(certificate, administrator):
    admin = login(administrator)
    assert admin.get(f"/admin/certificates/inspect/{certificate.pk}/").status_code == 200
    response = admin.post(
        f"/admin/certificates/edit/{certificate.pk}/", {"revoke": "on", "revoke_reason": "Dubbel uitgereikt."}
    )
    assert response.status_code == 302
    certificate.refresh_from_db()
    assert certificate.revoked_at and not certificate.pdf


def test_behind_nginx_the_view_only_checks_and_nginx_sends_the_file(certificate, settings):
    settings.PRIVATE_MEDIA_ACCEL_PREFIX = "/_private/"
    response = login(certificate.enrolment.user).get(f"/mijn/certificaat/{certificate.code}.pdf")
    assert response["X-Accel-Redirect"] == f"/_private/{certificate.pdf.name}"
    assert response.content == b""


def test_the_verification_page_offers_the_pdf_to_its_holder_only(certificate):
    link = f"/mijn/certificaat/{certificate.code}.pdf"
    page = f"/certificaat/{certificate.code}/"
    assert link in login(certificate.enrolment.user).get(page).content.decode()
    anonymous = Client().get(page).content.decode()
    assert "Dit certificaat is geldig" in anonymous and link not in anonymous
    assert link not in login(UserFactory()).get(page).content.decode()


def test_revoking_removes_the_pdf_and_the_page_says_revoked(certificate):
    holder = certificate.enrolment.user
    stored = Path(storages["private"].location) / certificate.pdf.name
    certificate_revoke(certificate=certificate, reason="Fraude bij de toets.")
    certificate.refresh_from_db()
    assert not certificate.pdf and not stored.exists()
    assert login(holder).get(f"/mijn/certificaat/{certificate.code}.pdf").status_code == 404
    page = Client().get(f"/certificaat/{certificate.code}/").content.decode()
    assert "Dit certificaat is ingetrokken" in page and "Fraude bij de toets." in page
    assert "geldig" not in page and ".pdf" not in page
    assert f"/mijn/certificaat/{certificate.code}.pdf" not in login(holder).get("/mijn/").content.decode()


def test_the_migration_moves_old_public_pdfs_under_new_names(certificate):
    migration = importlib.import_module("courses.migrations.0007_move_certificate_pdfs")
    from django.apps import apps

    public = storages["default"]
    old_name = public.save(f"certificates/certificaat-{certificate.code}.pdf", ContentFile(b"%PDF-1.4 oud"))
    certificate.pdf.delete(save=False)
    Certificate.objects.filter(pk=certificate.pk).update(pdf=old_name)
    gone = Certificate.objects.create(
        holder_name="Weg",
        course_title="Oud",
        completed_at=certificate.completed_at,
        pdf="certificates/weg.pdf",
    )
    migration.move_to_private(apps, None)
    migration.move_to_private(apps, None)  # a second run changes nothing
    certificate.refresh_from_db()
    gone.refresh_from_db()
    assert not public_files()
    assert certificate.code not in certificate.pdf.name
    assert certificate.pdf.read() == b"%PDF-1.4 oud"
    assert gone.pdf.name == ""  # its file was missing: the holder's download renders it again


# --------------------------------------------------------------------------- documents


def test_an_html_document_is_refused_in_the_admin(administrator):
    admin = login(UserFactory(is_superuser=True, is_staff=True, organisation=None))
    response = admin.post(
        "/admin/documents/add/",
        {
            "title": "Handig",
            "file": SimpleUploadedFile(
                "handig.html", b"<script>alert(document.cookie)</script>", "text/html"
            ),
            "collection": 1,
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bestandsextensie ‘html’ is niet toegestaan. Toegestane extensies zijn: ‘pdf, docx," in html
    assert get_document_model().objects.count() == 0


def test_a_document_is_always_a_download_with_a_policy_that_runs_nothing():
    document = get_document_model().objects.create(
        title="Werkblad", file=ContentFile(b"%PDF-1.4 werkblad", name="werkblad.pdf")
    )
    response = Client().get(document.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_the_development_server_serves_media_but_no_documents(settings):
    import academy.urls
    from academy.storage import serve_public_media

    Path(settings.MEDIA_ROOT, "documents").mkdir(parents=True)
    Path(settings.MEDIA_ROOT, "documents", "werkblad.html").write_text("<script>alert(1)</script>")
    Path(settings.MEDIA_ROOT, "foto.png").write_bytes(b"png")
    settings.DEBUG = True
    try:
        urls = importlib.reload(academy.urls)
        match = resolve("/media/foto.png", urlconf=urls)
        assert match.func is serve_public_media
        request = RequestFactory().get("/media/foto.png")
        assert serve_public_media(request, "foto.png").status_code == 200
        for path in ("documents/werkblad.html", "./documents/werkblad.html", "x/../documents/werkblad.html"):
            with pytest.raises(Http404):
                serve_public_media(request, path)
    finally:
        settings.DEBUG = False
        importlib.reload(academy.urls)
        clear_url_caches()
