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
