"""Course packages in the Wagtail admin: export for the course's trainers, import for who may add courses."""

import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import GroupPagePermission, Page

from accounts.factories import UserFactory
from courses.factories import build_course, course_index
from courses.models import CoursePage
from packages.services import course_package_export
from packages.wagtail_hooks import course_page_header_buttons, course_page_listing_buttons

pytestmark = pytest.mark.django_db


def _trainer(email: str, *, may_add: bool = False):
    group = Group.objects.create(name=f"Trainers {email}") if may_add else None
    trainers = Group.objects.get_or_create(name="Trainers")[0]
    trainers.permissions.add(Permission.objects.get(codename="access_admin"))
    user = UserFactory(email=email)
    user.groups.add(trainers)
    if group:
        GroupPagePermission.objects.create(
            group=group, page=course_index(), permission=Permission.objects.get(codename="add_page")
        )
        user.groups.add(group)
    return user


@pytest.fixture
def course(db):
    return build_course(title="Admincursus", modules=1, lessons=1)


def test_a_trainer_exports_their_own_course_only(client, course):
    own, other = _trainer("eigen@example.org"), _trainer("ander@example.org")
    course.trainers.add(own)
    course.save_revision().publish()
    client.force_login(own)
    export_url = f"/admin/cursuspakketten/{course.pk}/exporteren/"
    assert [b.url for b in course_page_listing_buttons(course, own)] == [export_url]
    assert [b.url for b in course_page_header_buttons(course, own, "edit")] == [export_url]
    assert list(course_page_listing_buttons(course, other)) == []
    assert list(course_page_listing_buttons(course.get_children().first(), own)) == []
    response = client.get(f"/admin/cursuspakketten/{course.pk}/exporteren/")
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    assert f'filename="{course.slug}.zip"' in response["Content-Disposition"]
    client.force_login(other)
    assert client.get(f"/admin/cursuspakketten/{course.pk}/exporteren/").status_code == 403
    assert client.get("/admin/cursuspakketten/999999/exporteren/").status_code == 404


def test_import_as_drafts_for_who_may_add_courses(client, course):
    data = course_package_export(course=course)
    index = course_index()
    trainer = _trainer("maker@example.org", may_add=True)
    client.force_login(trainer)
    assert "Cursus importeren" in client.get("/admin/cursuspakketten/importeren/").content.decode()
    upload = SimpleUploadedFile("admincursus.zip", data, content_type="application/zip")
    response = client.post("/admin/cursuspakketten/importeren/", {"package": upload, "parent": index.pk})
    assert response.status_code == 302
    copy = CoursePage.objects.filter(title="Admincursus", owner=trainer).get()
    assert not copy.live


def test_import_refused_without_permission_and_for_a_broken_package(client, course):
    data = course_package_export(course=course)
    index = course_index()
    before = Page.objects.count()
    client.force_login(_trainer("zonder@example.org"))
    upload = SimpleUploadedFile("admincursus.zip", data, content_type="application/zip")
    response = client.post("/admin/cursuspakketten/importeren/", {"package": upload, "parent": index.pk})
    assert response.status_code == 403
    client.force_login(_trainer("maker@example.org", may_add=True))
    broken = SimpleUploadedFile("kapot.zip", b"geen zip", content_type="application/zip")
    response = client.post("/admin/cursuspakketten/importeren/", {"package": broken, "parent": index.pk})
    assert response.status_code == 200
    assert "kapot.zip: dit is geen zipbestand" in response.content.decode()
    assert Page.objects.count() == before


def test_a_professional_cannot_import(client, course):
    client.force_login(UserFactory(email="prof@example.org"))
    response = client.get("/admin/cursuspakketten/importeren/")
    assert response.status_code in (302, 403)


def test_a_course_whose_image_file_is_gone_gives_a_message_not_an_error(client, course):
    from django.core.files.base import ContentFile
    from PIL import Image
    from wagtail.images import get_image_model

    png = io.BytesIO()
    Image.new("RGB", (4, 3), "orange").save(png, "PNG")
    image = get_image_model().objects.create(
        title="Omslag", file=ContentFile(png.getvalue(), name="omslag.png")
    )
    trainer = _trainer("eigen@example.org")
    course.trainers.add(trainer)
    course.cover_image, course.cover_image_alt = image, "Twee cirkels"
    course.save_revision().publish()
    image.file.storage.delete(image.file.name)
    client.force_login(trainer)
    response = client.get(f"/admin/cursuspakketten/{course.pk}/exporteren/", follow=True)
    assert response.status_code == 200
    assert "kan niet worden geëxporteerd: " in response.content.decode()
    assert "het bestand van “Omslag” ontbreekt op deze site" in response.content.decode()
