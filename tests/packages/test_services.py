"""Course packages: export, import as drafts, round trip, and refusing bad packages without a trace."""

import io
import json
import time
import zipfile

import pytest
from wagtail.images import get_image_model
from wagtail.models import Page

from courses.factories import build_course, course_index
from courses.models import CoursePage
from modules.factories import add_question, build_quiz
from modules.models import ModulePage, Question, QuestionKind
from packages.services import PackageError, course_package_export, course_package_import

pytestmark = pytest.mark.django_db


def _files(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _normalised(data: bytes) -> dict:
    """The package without what may differ after an import: the slugs."""
    files = _files(data)
    manifest = json.loads(files.pop("manifest.json"))
    manifest["course"].pop("slug")
    for module in manifest["modules"]:
        module.pop("slug")
        for item in module["items"]:
            item.pop("slug")
    return {
        "manifest": manifest,
        **{name: content.decode("utf-8", "replace") for name, content in files.items()},
    }


def _diff(title, name, before, after) -> str:
    import difflib

    lines = lambda value: json.dumps(value, indent=1, ensure_ascii=False).splitlines()  # noqa: E731
    return f"{title} {name}\n" + "\n".join(difflib.unified_diff(lines(before), lines(after), lineterm=""))


def _zip(files: dict[str, bytes | str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


@pytest.fixture
def course(db):
    course = build_course(title="Pakketcursus", modules=2, lessons=2)
    module = ModulePage.objects.child_of(course).first()
    quiz = build_quiz(module=module, questions=8)
    add_question(quiz, QuestionKind.ORDERING, name="Volgorde")
    return course


@pytest.fixture
def trainer(django_user_model):
    return django_user_model.objects.create_user(email="t@example.org", password="x")


def test_round_trip_gives_the_same_package_as_drafts(course, trainer):
    first = course_package_export(course=course)
    copy = course_package_import(data=first, parent=course_index(), user=trainer)
    assert copy.slug != course.slug
    assert not copy.live and copy.owner == trainer and copy.latest_revision is not None
    for page in copy.get_descendants():
        assert not page.live and page.owner == trainer and page.latest_revision is not None
    assert copy.get_descendants().count() == course.get_descendants().count()
    assert _normalised(course_package_export(course=copy)) == _normalised(first)
    kinds = set(Question.objects.filter(quiz__in=copy.get_descendants()).values_list("kind", flat=True))
    assert QuestionKind.ORDERING in kinds


def _counts():
    return Page.objects.count(), get_image_model().objects.count(), Question.objects.count()


def _refused(data: bytes, trainer, *words: str) -> str:
    before = _counts()
    with pytest.raises(PackageError) as caught:
        course_package_import(data=data, parent=course_index(), user=trainer)
    assert _counts() == before
    for word in words:
        assert word in str(caught.value)
    return str(caught.value)


def _with(data: bytes, **changes) -> bytes:
    files = _files(data)
    files.update(changes)
    return _zip(files)


def test_not_a_zip(course, trainer):
    _refused(b"hello, not a zip", trainer, "zip")


def test_unknown_format_version(course, trainer):
    data = course_package_export(course=course)
    manifest = json.loads(_files(data)["manifest.json"])
    manifest["format_version"] = 99
    _refused(_with(data, **{"manifest.json": json.dumps(manifest)}), trainer, "manifest.json", "99")


def test_path_outside_the_package(course, trainer):
    data = course_package_export(course=course)
    files = _files(data)
    for name in ("../evil.txt", "/etc/evil.txt"):
        _refused(_zip({**files, name: b"x"}), trainer, name)


def test_zip_bomb_is_refused_from_its_directory(course, trainer):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", "{}")
        archive.writestr("big.bin", b"\0" * (201 * 1024 * 1024))
    _refused(buffer.getvalue(), trainer, "MB")
    _refused(_zip({f"f{n}.txt": b"" for n in range(2001)}), trainer, "2001")


def test_unknown_block_type_is_named(course, trainer):
    data = course_package_export(course=course)
    body = [{"type": "iframe", "value": "<iframe>", "id": "x"}]
    _refused(
        _with(data, **{"lessons/m01-01.json": json.dumps(body)}), trainer, "lessons/m01-01.json", "iframe"
    )


def test_invalid_block_value_and_invalid_json(course, trainer):
    data = course_package_export(course=course)
    body = [{"type": "heading", "value": {"text": "x" * 500, "level": "h2"}, "id": "x"}]
    _refused(
        _with(data, **{"lessons/m01-01.json": json.dumps(body)}), trainer, "lessons/m01-01.json", "heading"
    )
    _refused(_with(data, **{"lessons/m01-01.json": "[{"}), trainer, "lessons/m01-01.json", "JSON")


def test_gift_with_errors(course, trainer):
    data = course_package_export(course=course)
    gift = next(name for name in _files(data) if name.endswith(".gift"))
    _refused(_with(data, **{gift: "::Kapot:: Vraag {=ja ~nee"}), trainer, gift)


def _with_image(data: bytes, path: str, content: bytes) -> bytes:
    files = _files(data)
    manifest = json.loads(files["manifest.json"])
    manifest["media"].append({"path": path, "kind": "image", "title": "Plaatje", "alt": "Een plaatje"})
    manifest["course"]["cover_image"] = path
    manifest["course"]["cover_image_alt"] = "Een plaatje"
    files["manifest.json"] = json.dumps(manifest).encode()
    if content is not None:
        files[path] = content
    return _zip(files)


def _png(size=(4, 3)) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, "orange").save(buffer, "PNG")
    return buffer.getvalue()


def test_missing_media_and_not_an_image(course, trainer):
    data = course_package_export(course=course)
    _refused(_with_image(data, "media/images/a.png", None), trainer, "media/images/a.png", "ontbreekt")
    _refused(_with_image(data, "media/images/a.png", b"<svg onload=alert(1)>"), trainer, "media/images/a.png")


def test_an_image_is_imported_once_by_its_hash(course, trainer):
    data = _with_image(course_package_export(course=course), "media/images/a.png", _png())
    first = course_package_import(data=data, parent=course_index(), user=trainer)
    images = get_image_model().objects.count()
    second = course_package_import(data=data, parent=course_index(), user=trainer)
    assert get_image_model().objects.count() == images
    assert first.cover_image == second.cover_image and first.cover_image.description == "Een plaatje"
    assert first.cover_image.file.read() == _png()


def test_script_in_rich_text_and_gift_does_not_survive(course, trainer):
    data = course_package_export(course=course)
    payload = '<p>Hallo<script>alert(1)</script><img src="x" onerror="alert(2)"></p>'
    body = [{"type": "text", "value": payload, "id": "x"}]
    files = _files(data)
    gift = next(name for name in files if name.endswith(".gift"))
    extra = gift.replace(".gift", ".json")
    gift_text = "::XSS:: [html]<p>Vraag<script>alert(3)</script><img src=x onerror=alert(4)></p> {=ja ~nee}\n"
    side = {"questions": [{"name": "XSS", "points": 1, "kind": "gift"}]}
    manifest = json.loads(files["manifest.json"])
    manifest["course"]["intro"] = payload
    copy = course_package_import(
        data=_with(
            data,
            **{
                "lessons/m01-01.json": json.dumps(body),
                gift: gift_text,
                extra: json.dumps(side),
                "manifest.json": json.dumps(manifest),
            },
        ),
        parent=course_index(),
        user=trainer,
    )
    stored = [copy.intro] + [
        str(p.specific.body.raw_data)
        for p in copy.get_descendants().type(__import__("modules.models", fromlist=["LessonPage"]).LessonPage)
    ]
    stored += list(Question.objects.filter(quiz__in=copy.get_descendants()).values_list("text", flat=True))
    text = " ".join(stored)
    assert "Hallo" in text and "Vraag" in text
    assert "<script" not in text and "onerror" not in text and "alert" not in text


def test_missing_instrument_reference_is_refused(course, trainer):
    data = course_package_export(course=course)
    manifest = json.loads(_files(data)["manifest.json"])
    manifest["references"] = [{"key": "handelingsrepertoire.instrumentpage:bestaat-niet", "title": "Weg"}]
    _refused(_with(data, **{"manifest.json": json.dumps(manifest)}), trainer, "bestaat-niet")


def test_round_trip_of_every_demo_course(seeded, trainer, capsys):
    differences = []
    for course in CoursePage.objects.order_by("path"):
        started = time.perf_counter()
        first = course_package_export(course=course)
        exported = time.perf_counter()
        copy = course_package_import(data=first, parent=course_index(), user=trainer)
        imported = time.perf_counter()
        again, before = _normalised(course_package_export(course=copy)), _normalised(first)
        for name in sorted(set(again) | set(before)):
            if again.get(name) != before.get(name):
                differences.append(_diff(course.title, name, before.get(name), again.get(name)))
        with capsys.disabled():
            print(
                f"\n{course.slug}: {len(first) / 1024:.1f} KB, {len(_files(first))} files, "
                f"export {exported - started:.2f} s, import {imported - exported:.2f} s"
            )
    assert not differences, "\n".join(differences)


def test_the_message_is_dutch_for_a_dutch_user(course, trainer):
    from django.utils import translation

    with translation.override("nl"):
        message = _refused(b"geen zip", trainer)
    assert message == "dit is geen zipbestand"


def test_a_wrong_or_missing_manifest(course, trainer):
    files = _files(course_package_export(course=course))
    without = {name: content for name, content in files.items() if name != "manifest.json"}
    _refused(_zip(without), trainer, "manifest.json")
    _refused(_with(_zip(files), **{"manifest.json": "[1, 2]"}), trainer, "manifest.json")
    _refused(_with(_zip(files), **{"manifest.json": '{"format_version": 1}'}), trainer, "manifest.json")
    manifest = json.loads(files["manifest.json"])
    manifest["success_factors"] = [{"name": "Zonder nummer"}]
    _refused(_with(_zip(files), **{"manifest.json": json.dumps(manifest)}), trainer, "manifest.json")
