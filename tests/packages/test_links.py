"""Links inside a package: between its own pages, to instrument sheets and to documents."""

import io
import json
import zipfile

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Page

from courses.factories import build_course, course_index, lessons_of
from handelingsrepertoire.factories import build_instrument, success_factor
from handelingsrepertoire.models import InstrumentPage
from packages.services import PackageError, course_package_export, course_package_import

pytestmark = pytest.mark.django_db


def _linked_course():
    course = build_course(title="Gelinkte cursus", modules=2, lessons=2)
    first, *_middle, last = lessons_of(course)
    instrument = build_instrument(
        title="Escalatieladder", slug="escalatieladder", factors=[success_factor(3)]
    )
    document = get_document_model().objects.create(
        title="Werkblad", file=ContentFile(b"%PDF-1.4 werkblad", name="werkblad.pdf")
    )
    document.get_file_hash()  # as Wagtail's upload form does
    first.body = [
        *first.body.raw_data,
        {
            "type": "text",
            "value": (
                f'<p>Lees eerst <a linktype="page" id="{last.pk}">de laatste les</a>, '
                f'bekijk <a linktype="page" id="{last.get_parent().pk}">de module</a> en '
                f'<a linktype="page" id="{course.pk}">de cursus</a>, gebruik '
                f'<a linktype="page" id="{instrument.pk}">de ladder</a> en '
                f'<a linktype="document" id="{document.pk}">het werkblad</a>.</p>'
            ),
        },
        {"type": "instrument", "value": {"instrument": instrument.pk, "intro": "Handig."}},
    ]
    first.save_revision().publish()
    return course, instrument, document


def _text_of(lesson) -> str:
    return next(
        block.value.source
        for block in lesson.body
        if block.block_type == "text" and "ladder" in str(block.value)
    )


def test_links_point_into_the_copy_and_to_the_same_instrument_and_document(django_user_model):
    course, instrument, document = _linked_course()
    trainer = django_user_model.objects.create_user(email="t@example.org", password="x")
    data = course_package_export(course=course)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        body = archive.read("lessons/m01-01.json").decode()
        names = archive.namelist()
    assert 'id=\\"course:m02-02\\"' in body and 'id=\\"course:m02\\"' in body and 'id=\\"course\\"' in body
    assert "handelingsrepertoire.instrumentpage:escalatieladder" in body
    assert "pages/handelingsrepertoire.instrumentpage/escalatieladder.json" in names

    copy = course_package_import(data=data, parent=course_index(), user=trainer)
    first, *_middle, last = [page.specific.get_latest_revision_as_object() for page in lessons_of(copy)]
    text = _text_of(first)
    assert f'<a linktype="page" id="{last.pk}">de laatste les</a>' in text
    assert f'<a linktype="page" id="{last.get_parent().pk}">de module</a>' in text
    assert f'<a linktype="page" id="{copy.pk}">de cursus</a>' in text
    assert f'<a linktype="page" id="{instrument.pk}">de ladder</a>' in text  # the site's own sheet
    assert f'<a linktype="document" id="{document.pk}">het werkblad</a>' in text  # the same file
    assert InstrumentPage.objects.count() == 1 and get_document_model().objects.count() == 1


def test_a_missing_instrument_comes_from_the_package_as_a_draft(django_user_model):
    course, instrument, _document = _linked_course()
    trainer = django_user_model.objects.create_user(email="t@example.org", password="x")
    data = course_package_export(course=course)
    original = {name: getattr(instrument, name) for name in ("summary", "purpose", "phase", "world")}
    steps = instrument.steps.raw_data
    instrument.delete()

    copy = course_package_import(data=data, parent=course_index(), user=trainer)
    carried = InstrumentPage.objects.get(slug="escalatieladder")
    assert not carried.live and carried.owner == trainer
    assert {name: getattr(carried, name) for name in original} == original
    assert [block["value"] for block in carried.steps.raw_data] == [block["value"] for block in steps]
    assert list(carried.success_factors.values_list("number", flat=True)) == [3]
    first = lessons_of(copy)[0].specific.get_latest_revision_as_object()
    assert f'<a linktype="page" id="{carried.pk}">de ladder</a>' in _text_of(first)
    chooser = next(block for block in first.body if block.block_type == "instrument")
    assert chooser.value["instrument"].pk == carried.pk


def _files(data):
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _zip(files):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("link", "named"),
    [
        ('<a linktype="page" id="course:m09-01">weg</a>', "course:m09-01"),
        ('<a linktype="page" id="cases.casepage:bestaat-niet">weg</a>', "bestaat-niet"),
        ('<a linktype="document" id="media/documents/weg.pdf">weg</a>', "media/documents/weg.pdf"),
        ('<a linktype="javascript" id="alert(1)">weg</a>', "javascript"),
    ],
)
def test_a_link_to_something_the_package_lacks_is_refused(django_user_model, link, named):
    course, _instrument, _document = _linked_course()
    trainer = django_user_model.objects.create_user(email="t@example.org", password="x")
    files = _files(course_package_export(course=course))
    files["lessons/m01-02.json"] = json.dumps([{"type": "text", "value": f"<p>{link}</p>", "id": "x"}])
    before = Page.objects.count()
    with pytest.raises(PackageError) as caught:
        course_package_import(data=_zip(files), parent=course_index(), user=trainer)
    assert "lessons/m01-02.json" in str(caught.value) and named in str(caught.value)
    assert Page.objects.count() == before


def test_a_carried_case_keeps_no_script(django_user_model):
    """A case carried by a package is untrusted like any other: its rich text passes the sanitiser."""
    from cases.factories import CaseIndexPageFactory, CasePageFactory
    from home.demo import ensure_home

    course = build_course(title="Casuscursus", modules=1, lessons=1)
    case = CasePageFactory(parent=CaseIndexPageFactory(parent=ensure_home()), slug="casus-met-script")
    lesson = lessons_of(course)[0]
    lesson.body = [{"type": "case", "value": {"case": case.pk, "intro": ""}}]
    lesson.save_revision().publish()
    files = _files(course_package_export(course=course))
    path = "pages/cases.casepage/casus-met-script.json"
    page = json.loads(files[path])
    page["context"] = '<p>Context<script>alert(1)</script><img src=x onerror="alert(2)"></p>'
    files[path] = json.dumps(page)
    case.delete()
    trainer = django_user_model.objects.create_user(email="t@example.org", password="x")
    course_package_import(data=_zip(files), parent=course_index(), user=trainer)
    from cases.models import CasePage

    carried = CasePage.objects.get(slug="casus-met-script")
    assert (
        "Context" in carried.context and "script" not in carried.context and "onerror" not in carried.context
    )
