"""manage.py export_course and import_course."""

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page

from courses.factories import build_course
from courses.models import CoursePage

pytestmark = pytest.mark.django_db


def test_export_then_import_creates_a_draft_copy(tmp_path, capsys):
    course = build_course(title="Commandocursus", modules=1, lessons=2)
    target = tmp_path / "cursus.zip"
    call_command("export_course", course.slug, str(target))
    call_command("export_course", "/cursussen/" + course.slug + "/", str(tmp_path / "via-url.zip"))
    assert target.read_bytes() == (tmp_path / "via-url.zip").read_bytes()
    call_command("import_course", str(target), "--parent", "/cursussen/")
    copies = CoursePage.objects.filter(title="Commandocursus").order_by("path")
    assert copies.count() == 2 and not copies.last().live
    assert "draft" in capsys.readouterr().out


def test_clear_errors(tmp_path):
    build_course(title="Commandocursus", modules=1, lessons=1)
    with pytest.raises(CommandError, match="No course"):
        call_command("export_course", "bestaat-niet", str(tmp_path / "x.zip"))
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("import_course", str(tmp_path / "geen.zip"))
    bad = tmp_path / "kapot.zip"
    bad.write_bytes(b"geen zip")
    before = Page.objects.count()
    with pytest.raises(CommandError, match="kapot.zip.*zip.*nothing was imported"):
        call_command("import_course", str(bad))
    with pytest.raises(CommandError, match="No page"):
        call_command("import_course", str(bad), "--parent", "/bestaat-niet/")
    assert Page.objects.count() == before


def _trainer(email: str, *, may_add: bool):
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission

    from accounts.factories import UserFactory
    from courses.factories import course_index

    user = UserFactory(email=email)
    user.groups.add(Group.objects.get_or_create(name="Trainers")[0])
    if may_add:
        group = Group.objects.create(name=f"Catalogue {email}")
        GroupPagePermission.objects.create(
            group=group, page=course_index(), permission=Permission.objects.get(codename="add_page")
        )
        user.groups.add(group)
    return user


def test_the_owner_owns_every_imported_draft(tmp_path, capsys):
    course = build_course(title="Eigenaarcursus", modules=1, lessons=2)
    owner = _trainer("Trainer@Example.org", may_add=True)
    target = tmp_path / "cursus.zip"
    call_command("export_course", course.slug, str(target))
    call_command("import_course", str(target), "--owner", "trainer@example.org")
    copy = CoursePage.objects.filter(title="Eigenaarcursus").order_by("path").last()
    assert copy.pk != course.pk and copy.owner == owner
    assert {page.owner_id for page in copy.get_descendants()} == {owner.pk}
    assert {revision.user_id for revision in copy.revisions.all()} == {owner.pk}
    out = capsys.readouterr().out
    assert "owned by Trainer@Example.org" in out and f"/cursussen/{copy.slug}/" in out


def test_a_bad_owner_is_refused_with_a_clear_message(tmp_path):
    from accounts.factories import UserFactory

    course = build_course(title="Eigenaarcursus", modules=1, lessons=1)
    target = tmp_path / "cursus.zip"
    call_command("export_course", course.slug, str(target))
    UserFactory(email="deelnemer@example.org")
    UserFactory(email="weg@example.org", is_active=False).groups.add(
        __import__("django.contrib.auth.models", fromlist=["Group"]).Group.objects.get_or_create(
            name="Trainers"
        )[0]
    )
    _trainer("zonder-rechten@example.org", may_add=False)
    before = Page.objects.count()
    for owner, message in [
        ("niemand@example.org", "No user with the e-mail address 'niemand@example.org'"),
        ("deelnemer@example.org", "deelnemer@example.org is not a trainer or administrator"),
        ("weg@example.org", "weg@example.org is not active"),
        ("zonder-rechten@example.org", "zonder-rechten@example.org may not add courses to “Cursussen”"),
    ]:
        with pytest.raises(CommandError, match=message):
            call_command("import_course", str(target), "--owner", owner)
    assert Page.objects.count() == before


def test_into_an_empty_site_the_catalogue_comes_with_the_course(tmp_path, django_user_model):
    """A fresh installation: no home page, no catalogue; the import makes them as drafts."""
    from courses.models import CourseIndexPage

    course = build_course(title="Startcursus", modules=1, lessons=1)
    target = tmp_path / "cursus.zip"
    call_command("export_course", course.slug, str(target))
    from home.models import HomePage

    for home in HomePage.objects.all():
        home.delete()
    assert not CourseIndexPage.objects.exists()
    admin = django_user_model.objects.create_superuser(email="beheer@example.org", password="x")
    call_command("import_course", str(target), "--owner", admin.email)
    copy = CoursePage.objects.get(title="Startcursus")
    assert copy.owner == admin and not copy.get_parent().live
