"""Course packages: a whole course as one .zip, to move it between sites or keep it as a backup.

The zip holds ``manifest.json`` (the course, its modules and items in order), one JSON file per lesson
with its body in Wagtail's own block format, each quiz as GIFT plus a side file for what GIFT cannot
express (ordering questions, points), the images and documents used under ``media/``, and the instrument
sheets and cases the course shows under ``pages/`` (created on import when the site lacks them, see
``carried.py``). References travel by a stable key, never a database id: success factors by number,
instrument sheets and cases by slug, the course's own pages by position, images and documents by the SHA-1
of their file (links in rich text too, see ``links.py``). Progress, enrolments and attempts never do.

A package is untrusted input: the zip is checked from its directory before anything is read, every text
goes through the sanitiser, every body through its StreamBlock's validation, every image through Pillow,
and the import is one transaction that writes media files only after all pages validated.
"""

from __future__ import annotations

import hashlib
import io
import json
import posixpath
import re
import warnings
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal

from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from PIL import Image as PILImage
from PIL import UnidentifiedImageError
from wagtail import blocks
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Page

from academy.sanitizer import QUESTION_TEXT, sanitize_html, sanitize_plain
from cases.uploads import MAX_IMAGE_PIXELS
from courses.models import CoursePage, Level
from modules.gift import GiftError, export_gift
from modules.gift_import import gift_questions, question_to_gift
from modules.models import LessonPage, ModulePage, Option, Question, QuestionKind, QuestionTag, QuizPage
from modules.validation import question_problems
from successfactors.models import SuccessFactor, World

from .carried import CARRIED_TYPES, COURSE_SECTION, carried_type, section
from .links import ids_to_keys, internal_key, is_internal, keys_to_ids, sanitize_package_text

FORMAT_VERSION = 1
MAX_TOTAL_SIZE = 200 * 1024 * 1024
MAX_FILES = 2000
MANIFEST = "manifest.json"

__all__ = ["FORMAT_VERSION", "PackageError", "course_package_export", "course_package_import"]


class PackageError(ValueError):
    """A package refused: the message names the file in the package and the problem."""

    def __init__(self, message: str, *, file: str = "") -> None:
        self.message, self.file = message, file
        super().__init__(f"{file}: {message}" if file else message)


def _json_bytes(data) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n").encode("utf-8")


def _sha1(content: bytes) -> str:
    return hashlib.sha1(content, usedforsecurity=False).hexdigest()


def _latest(page: Page) -> Page:
    """The page as its trainer last saved it (a draft's content too)."""
    return page.specific.get_latest_revision_as_object()


# --- Walking a StreamField's raw data --------------------------------------------------------------


def _walk(block, raw, visit, where: str):
    """The raw value with `visit(block, value)` applied to every chooser and rich text block in it."""
    if isinstance(block, blocks.StreamBlock):
        if not isinstance(raw, list):
            raise PackageError(_("the content is not a list of blocks"), file=where)
        result = []
        for child in raw:
            if not isinstance(child, dict) or "type" not in child:
                raise PackageError(_("a block has no type"), file=where)
            child_block = block.child_blocks.get(child["type"])
            if child_block is None:
                raise PackageError(_("unknown block type “%(type)s”") % {"type": child["type"]}, file=where)
            result.append({**child, "value": _walk(child_block, child.get("value"), visit, where)})
        return result
    if isinstance(block, blocks.StructBlock):
        if not isinstance(raw, dict):
            raise PackageError(_("a block's value is not an object"), file=where)
        unknown = set(raw) - set(block.child_blocks)
        if unknown:
            raise PackageError(_("unknown block field “%(name)s”") % {"name": sorted(unknown)[0]}, file=where)
        return {name: _walk(block.child_blocks[name], value, visit, where) for name, value in raw.items()}
    if isinstance(block, blocks.ListBlock):
        if not isinstance(raw, list):
            raise PackageError(_("a list block's value is not a list"), file=where)
        return [
            {**item, "value": _walk(block.child_block, item.get("value"), visit, where)}
            if isinstance(item, dict) and item.get("type") == "item"
            else _walk(block.child_block, item, visit, where)
            for item in raw
        ]
    if isinstance(block, (blocks.ChooserBlock, blocks.RichTextBlock)):
        return visit(block, raw)
    return raw


def _page_key(page: Page) -> str:
    return f"{page.specific_class._meta.label_lower}:{page.slug}"


def _resolve_page(key: str) -> Page | None:
    label, _sep, slug = key.partition(":")
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError):
        return None
    if not (isinstance(model, type) and issubclass(model, Page)):
        return None
    return model.objects.filter(slug=slug).order_by("path").first()


# --- Export ----------------------------------------------------------------------------------------


@dataclass
class _Exporter:
    internal: dict[int, str] = field(default_factory=dict)  # page id → key, for the course's own pages
    files: dict[str, bytes] = field(default_factory=dict)
    media: list[dict] = field(default_factory=list)
    pages: dict[str, dict] = field(default_factory=dict)
    factors: dict[int, SuccessFactor] = field(default_factory=dict)

    def _file_of(self, obj, kind: str) -> str:
        try:
            obj.file.open("rb")
        except OSError:
            raise PackageError(
                _("the file of “%(title)s” is missing on this site") % {"title": obj.title},
                file=obj.file.name,
            ) from None
        try:
            content = obj.file.read()
        finally:
            obj.file.close()
        extension = posixpath.splitext(obj.file.name)[1].lower()
        path = f"media/{kind}s/{_sha1(content)}{extension}"
        if path not in self.files:
            self.files[path] = content
            entry = {"path": path, "kind": kind, "title": obj.title}
            if kind == "image":
                entry["alt"] = getattr(obj, "description", "") or ""
            self.media.append(entry)
        return path

    def image(self, image) -> str | None:
        return self._file_of(image, "image") if image is not None else None

    def page_key(self, page_id) -> str | None:
        if not str(page_id).isdigit():
            return None
        if int(page_id) in self.internal:
            return self.internal[int(page_id)]
        page = Page.objects.filter(pk=page_id).first()
        if page is None:
            return None
        key = _page_key(page)
        self.pages.setdefault(key, {"key": key, "title": page.title})
        return key

    def document(self, document_id) -> str | None:
        document = (
            get_document_model().objects.filter(pk=document_id).first()
            if str(document_id).isdigit()
            else None
        )
        return self._file_of(document, "document") if document else None

    def rich_text(self, value: str) -> str:
        return ids_to_keys(
            value,
            lambda link_type, target: self.page_key(target) if link_type == "page" else self.document(target),
        )

    def factor_list(self, page) -> list[dict]:
        chosen = list(page.success_factors.all().order_by("number"))
        self.factors.update((factor.number, factor) for factor in chosen)
        return [{"number": f.number, "name": f.name} for f in chosen]

    def visit(self, block, value):
        if value in (None, ""):
            return value
        if isinstance(block, ImageChooserBlock):
            image = get_image_model().objects.filter(pk=value).first()
            return self._file_of(image, "image") if image else None
        if isinstance(block, DocumentChooserBlock):
            return self.document(value)
        if isinstance(block, blocks.PageChooserBlock):
            return self.page_key(value)
        if isinstance(block, blocks.RichTextBlock):
            return self.rich_text(value)
        return value

    def carry(self) -> None:
        """Writes every instrument sheet and case the course refers to (and those they refer to)."""
        done: set[str] = set()
        while pending := [key for key in self.pages if key not in done]:
            for key in pending:
                done.add(key)
                page = _resolve_page(key)
                kind = carried_type(page) if page is not None else None
                if kind is None:
                    continue
                page = _latest(page)
                data = {"title": page.title, "slug": page.slug, "search_description": page.search_description}
                data.update((name, getattr(page, name)) for name in kind.plain_fields)
                data.update((name, self.rich_text(getattr(page, name))) for name in kind.rich_text_fields)
                for name in kind.stream_fields:
                    stream = kind.model._meta.get_field(name).stream_block
                    data[name] = _walk(stream, list(getattr(page, name).raw_data), self.visit, key)
                data["success_factors"] = self.factor_list(page)
                path = f"pages/{key.replace(':', '/')}.json"
                self.files[path] = _json_bytes(data)
                self.pages[key]["file"] = path


def _quiz_files(quiz: QuizPage) -> tuple[str, dict]:
    questions = list(
        Question.objects.filter(quiz=quiz, is_active=True).prefetch_related("options", "tagged_items__tag")
    )
    gift, side = [], []
    for question in questions:
        entry = {"name": question.name, "points": question.points}
        if question.kind == QuestionKind.ORDERING:
            entry.update(
                kind=question.kind,
                text=question.text,
                general_feedback=question.general_feedback,
                category=question.category,
                reference=question.reference,
                tags=sorted(item.tag.name for item in question.tagged_items.all()),
                items=[o.text for o in question.options.all()],
            )
        else:
            entry["kind"] = "gift"
            gift.append(question_to_gift(question))
        side.append(entry)
    return export_gift(gift), {"questions": side}


def course_package_export(*, course: CoursePage) -> bytes:
    """The course as a package (its latest revisions, drafts included)."""
    exporter = _Exporter(internal={course.pk: internal_key()})
    tree = []
    for m, module_page in enumerate(ModulePage.objects.child_of(course).order_by("path"), start=1):
        exporter.internal[module_page.pk] = internal_key(m)
        items = list(Page.objects.child_of(module_page).order_by("path").specific())
        exporter.internal.update((item.pk, internal_key(m, n)) for n, item in enumerate(items, start=1))
        tree.append((module_page, items))
    current = _latest(course)
    body_block = LessonPage._meta.get_field("body").stream_block
    modules = []
    for m, (module_page, item_pages) in enumerate(tree, start=1):
        module = _latest(module_page)
        items = []
        for n, item_page in enumerate(item_pages, start=1):
            item = _latest(item_page)
            common = {
                "title": item.title,
                "slug": item.slug,
                "is_required": item.is_required,
                "estimated_minutes": item.estimated_minutes,
            }
            if isinstance(item, LessonPage):
                path = f"lessons/m{m:02d}-{n:02d}.json"
                raw = _walk(body_block, list(item.body.raw_data), exporter.visit, path)
                exporter.files[path] = _json_bytes(raw)
                items.append(
                    {
                        "type": "lesson",
                        **common,
                        "summary": item.summary,
                        "success_factors": exporter.factor_list(item),
                        "body": path,
                    }
                )
            elif isinstance(item, QuizPage):
                gift, side = _quiz_files(item_page)
                base = f"quizzes/m{m:02d}-{n:02d}"
                exporter.files[f"{base}.gift"] = gift.encode("utf-8")
                exporter.files[f"{base}.json"] = _json_bytes(side)
                items.append(
                    {
                        "type": "quiz",
                        **common,
                        "intro": exporter.rich_text(item.intro),
                        "passing_score": item.passing_score,
                        "max_attempts": item.max_attempts,
                        "questions_per_attempt": item.questions_per_attempt,
                        "shuffle_questions": item.shuffle_questions,
                        "shuffle_options": item.shuffle_options,
                        "time_limit_minutes": item.time_limit_minutes,
                        "review_mode": item.review_mode,
                        "questions": f"{base}.gift",
                        "questions_extra": f"{base}.json",
                    }
                )
        modules.append(
            {
                "title": module.title,
                "slug": module.slug,
                "intro": exporter.rich_text(module.intro),
                "items": items,
            }
        )
    course_fields = {
        "title": current.title,
        "slug": current.slug,
        "search_description": current.search_description,
        "intro": exporter.rich_text(current.intro),
        "learning_goals": exporter.rich_text(current.learning_goals),
        "audience": current.audience,
        "level": current.level,
        "duration_hours": str(current.duration_hours),
        "sectors": current.sector_codes,
        "sequential": current.sequential,
        "offers_certificate": current.offers_certificate,
        "cover_image": exporter.image(current.cover_image),
        "cover_image_alt": current.cover_image_alt,
        "success_factors": exporter.factor_list(current),
        "prerequisites": sorted(p.slug for p in current.prerequisites.all()),
    }
    exporter.carry()
    manifest = {
        "format_version": FORMAT_VERSION,
        "course": course_fields,
        "modules": modules,
        "references": sorted(exporter.pages.values(), key=lambda r: r["key"]),
        "success_factors": [
            {
                "number": f.number,
                "name": f.name,
                "slug": f.slug,
                "world": f.world,
                "description": f.description,
            }
            for _number, f in sorted(exporter.factors.items())
        ],
        "media": exporter.media,
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST, _json_bytes(manifest))
        for path, content in sorted(exporter.files.items()):
            archive.writestr(path, content)
    return buffer.getvalue()


# --- Reading a package -----------------------------------------------------------------------------


def _safe_name(name: str) -> bool:
    if name.startswith(("/", "\\")) or "\\" in name or re.match(r"^[A-Za-z]:", name):
        return False
    return ".." not in name.split("/")


class _Package:
    """The zip, checked from its directory before a byte is decompressed."""

    def __init__(self, data: bytes) -> None:
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, ValueError, OSError):
            raise PackageError(_("this is not a zip file")) from None
        infos = self.zip.infolist()
        if len(infos) > MAX_FILES:
            raise PackageError(
                _("the package holds %(count)d files, more than the %(max)d allowed")
                % {"count": len(infos), "max": MAX_FILES}
            )
        total = sum(info.file_size for info in infos)
        if total > MAX_TOTAL_SIZE:
            raise PackageError(
                _("the package unpacks to %(size)d MB, more than the %(max)d MB allowed")
                % {"size": total // (1024 * 1024), "max": MAX_TOTAL_SIZE // (1024 * 1024)}
            )
        for info in infos:
            if not _safe_name(info.filename):
                raise PackageError(_("a path outside the package is not allowed"), file=info.filename)
        self.names = {info.filename for info in infos}

    def read(self, name: str) -> bytes:
        if not isinstance(name, str) or name not in self.names:
            raise PackageError(_("the file is missing from the package"), file=str(name))
        try:
            return self.zip.read(name)
        except (zipfile.BadZipFile, OSError, ValueError):
            raise PackageError(_("the file is damaged"), file=name) from None

    def text(self, name: str) -> str:
        try:
            return self.read(name).decode("utf-8")
        except UnicodeDecodeError:
            raise PackageError(_("the file is not UTF-8 text"), file=name) from None

    def json(self, name: str):
        try:
            return json.loads(self.text(name))
        except json.JSONDecodeError as error:
            raise PackageError(
                _("invalid JSON (line %(line)d): %(error)s") % {"line": error.lineno, "error": error.msg},
                file=name,
            ) from None


def _package_text(value, *, is_known, where: str) -> str:
    """Rich text from the package, sanitised, its links checked against what the package and site hold."""
    try:
        return sanitize_package_text(value, is_known=is_known)
    except ValueError as error:
        raise PackageError(
            _("a link to an unknown target “%(key)s”") % {"key": str(error)}, file=where
        ) from None


def _check_image(path: str, content: bytes) -> tuple[int, int]:
    width = height = 0
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", PILImage.DecompressionBombWarning)
            with PILImage.open(io.BytesIO(content)) as probe:
                width, height = probe.size
                if width * height > MAX_IMAGE_PIXELS:
                    raise PackageError(
                        _("the image has %(pixels)d pixels, more than the %(max)d allowed")
                        % {"pixels": width * height, "max": MAX_IMAGE_PIXELS},
                        file=path,
                    )
                probe.verify()
    except PackageError:
        raise
    except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning):
        raise PackageError(_("the image has too many pixels"), file=path) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
        raise PackageError(_("this file is not an image"), file=path) from None
    return width, height


@dataclass
class _Media:
    entry: dict
    content: bytes
    obj: object = None
    new: bool = False
    size: tuple[int, int] = (0, 0)


@dataclass
class _Plan:
    """Everything read and checked from the package, before anything is written."""

    manifest: dict
    media: dict[str, _Media]
    bodies: dict[str, list]
    quizzes: dict[str, list]
    pages: dict[str, Page]
    carried: dict[str, dict]
    factors: dict[int, SuccessFactor]


def _read_quiz(package: _Package, item: dict) -> list:
    gift_path, extra_path = item.get("questions"), item.get("questions_extra")
    try:
        gift, _descriptions = gift_questions(package.text(gift_path))
    except GiftError as error:
        raise PackageError(str(error), file=gift_path) from None
    side = package.json(extra_path).get("questions", [])
    if sum(1 for entry in side if entry.get("kind") == "gift") != len(gift):
        raise PackageError(_("the questions do not match the GIFT file"), file=extra_path)
    remaining = iter(gift)
    questions = []
    for entry in side:
        points = entry.get("points", 1)
        if not isinstance(points, int) or not 1 <= points <= 100:
            raise PackageError(_("points must be a whole number from 1 to 100"), file=extra_path)
        if entry.get("kind") == "gift":
            question, options, tags = next(remaining)
        elif entry.get("kind") == QuestionKind.ORDERING:
            items = [sanitize_plain(str(text)) for text in entry.get("items", [])]
            options = [Option(text=text, credit=Decimal(0)) for text in items]
            problems = question_problems(QuestionKind.ORDERING, [o.spec() for o in options])
            if problems:
                raise PackageError(" ".join(problems), file=extra_path)
            question = Question(
                kind=QuestionKind.ORDERING,
                name=sanitize_plain(str(entry.get("name", "")))[:255],
                text=sanitize_html(entry.get("text", ""), profile=QUESTION_TEXT),
                general_feedback=sanitize_html(entry.get("general_feedback", ""), profile=QUESTION_TEXT),
                category=sanitize_plain(str(entry.get("category", "")))[:255],
                reference=sanitize_plain(str(entry.get("reference", "")))[:100],
            )
            tags = [sanitize_plain(str(tag))[:100] for tag in entry.get("tags", [])]
        else:
            raise PackageError(
                _("unknown question kind “%(kind)s”") % {"kind": entry.get("kind")}, file=extra_path
            )
        question.points = points
        questions.append((question, options, tags))
    return questions


def _internal_keys(manifest: dict) -> set[str]:
    keys = {internal_key()}
    for m, module in enumerate(manifest["modules"], start=1):
        keys.add(internal_key(m))
        keys.update(internal_key(m, n) for n in range(1, len(module.get("items", [])) + 1))
    return keys


def _read_carried(package: _Package, reference: dict, kind, check, is_known) -> dict:
    where = reference.get("file")
    data = package.json(where)
    if not isinstance(data, dict):
        raise PackageError(_("the page is not an object"), file=where)
    page = {
        "title": sanitize_plain(str(data.get("title", ""))),
        "slug": reference["key"].partition(":")[2],
        "search_description": sanitize_plain(str(data.get("search_description", ""))),
        "success_factors": data.get("success_factors") or [],
    }
    for name in kind.plain_fields:
        value = data.get(name)
        page[name] = value if isinstance(value, bool) else sanitize_plain(str(value or ""))
    for name in kind.rich_text_fields:
        page[name] = _package_text(data.get(name), is_known=is_known, where=where)
    for name in kind.stream_fields:
        page[name] = _walk(kind.model._meta.get_field(name).stream_block, data.get(name) or [], check, where)
    return page


def _read(package: _Package) -> _Plan:
    manifest = package.json(MANIFEST)
    if not isinstance(manifest, dict) or manifest.get("format_version") != FORMAT_VERSION:
        version = manifest.get("format_version") if isinstance(manifest, dict) else None
        raise PackageError(
            _("unknown format version %(version)s (this site reads version %(supported)d)")
            % {"version": version, "supported": FORMAT_VERSION},
            file=MANIFEST,
        )
    if not isinstance(manifest.get("course"), dict) or not isinstance(manifest.get("modules"), list):
        raise PackageError(_("the manifest has no course or no modules"), file=MANIFEST)

    media = {}
    for entry in manifest.get("media", []):
        path = entry.get("path")
        content = package.read(path)
        item = _Media(entry=entry, content=content)
        if entry.get("kind") == "image":
            item.size = _check_image(path, content)
        elif entry.get("kind") != "document":
            raise PackageError(_("unknown media kind"), file=path)
        media[path] = item

    pages, to_carry = {}, []
    for reference in manifest.get("references", []):
        key = reference.get("key", "")
        page = _resolve_page(key)
        if page is not None:
            pages[key] = page
        elif reference.get("file") and key.partition(":")[0] in CARRIED_TYPES:
            to_carry.append(reference)
        else:
            raise PackageError(
                _("the course refers to “%(title)s” (%(key)s), which this site does not have")
                % {"title": reference.get("title", ""), "key": key},
                file=MANIFEST,
            )
    internal = _internal_keys(manifest)
    pending = {reference["key"] for reference in to_carry}

    def is_known(link_type: str, key: str) -> bool:
        if link_type == "document":
            return key in media and media[key].entry["kind"] == "document"
        return key in pages or key in pending or key in internal

    where = MANIFEST

    def check(block, value):
        if value in (None, ""):
            return value
        if isinstance(block, (ImageChooserBlock, DocumentChooserBlock)) and value not in media:
            raise PackageError(_("the file is missing from the package"), file=str(value))
        if isinstance(block, blocks.PageChooserBlock) and not is_known("page", value):
            raise PackageError(_("an unknown reference “%(key)s”") % {"key": value}, file=where)
        if isinstance(block, blocks.RichTextBlock):
            return _package_text(value, is_known=is_known, where=where)
        return value

    carried = {}
    for reference in to_carry:
        where = reference["file"]
        carried[reference["key"]] = _read_carried(
            package, reference, CARRIED_TYPES[reference["key"].partition(":")[0]], check, is_known
        )

    course = manifest["course"]
    for name in ("intro", "learning_goals"):
        course[name] = _package_text(course.get(name), is_known=is_known, where=MANIFEST)
    body_block = LessonPage._meta.get_field("body").stream_block
    bodies, quizzes = {}, {}
    for module in manifest["modules"]:
        module["intro"] = _package_text(module.get("intro"), is_known=is_known, where=MANIFEST)
        for item in module.get("items", []):
            if item.get("type") == "lesson":
                where = item.get("body")
                bodies[where] = _walk(body_block, package.json(where), check, where)
            elif item.get("type") == "quiz":
                item["intro"] = _package_text(item.get("intro"), is_known=is_known, where=MANIFEST)
                quizzes[item.get("questions")] = _read_quiz(package, item)
            else:
                raise PackageError(
                    _("unknown item type “%(type)s”") % {"type": item.get("type")}, file=MANIFEST
                )
    cover = course.get("cover_image")
    if cover and cover not in media:
        raise PackageError(_("the file is missing from the package"), file=str(cover))
    for definition in manifest.get("success_factors", []):
        if not isinstance(definition, dict) or not isinstance(definition.get("number"), int):
            raise PackageError(_("a success factor without a number"), file=MANIFEST)
    factors = {f.number: f for f in SuccessFactor.objects.all()}
    return _Plan(
        manifest=manifest,
        media=media,
        bodies=bodies,
        quizzes=quizzes,
        pages=pages,
        carried=carried,
        factors=factors,
    )


# --- Import ----------------------------------------------------------------------------------------


def _free_slug(parent: Page, slug: str) -> str:
    taken = set(Page.objects.child_of(parent).values_list("slug", flat=True))
    candidate, n = slug, 1
    while candidate in taken:
        n += 1
        candidate = f"{slug}-{n}"
    return candidate


def _media_object(item: _Media):
    """The image or document: an existing one with the same file, or a new row whose file comes later."""
    digest = _sha1(item.content)
    model = get_image_model() if item.entry["kind"] == "image" else get_document_model()
    existing = model.objects.filter(file_hash=digest).first()
    if existing is not None:
        return existing
    title = sanitize_plain(str(item.entry.get("title", "")))[:255] or posixpath.basename(item.entry["path"])
    obj = model(title=title, file_hash=digest, file_size=len(item.content))
    if item.entry["kind"] == "image":
        obj.width, obj.height = item.size
        obj.description = sanitize_plain(str(item.entry.get("alt", "")))[:255]
    obj.save()
    item.new = True
    return obj


def _factor_list(plan: _Plan, entries) -> list[SuccessFactor]:
    return [
        plan.factors[e["number"]]
        for e in entries or []
        if isinstance(e, dict) and e.get("number") in plan.factors
    ]


def _create_missing_factors(plan: _Plan) -> None:
    """A site without the package's success factors (a new academy) gets them from the package."""
    for definition in plan.manifest.get("success_factors", []):
        if definition["number"] in plan.factors:
            continue
        name = sanitize_plain(str(definition.get("name", "")))[:120] or str(definition["number"])
        slug = slugify(str(definition.get("slug", "")))[:110] or slugify(name)[:110]
        if SuccessFactor.objects.filter(slug=slug).exists():
            slug = f"{slug}-{definition['number']}"
        world = definition.get("world")
        factor = SuccessFactor.objects.create(
            number=definition["number"],
            name=name,
            slug=slug,
            description=sanitize_plain(str(definition.get("description", "")))[:600] or name,
            world=world if world in World.values else World.BOTH,
        )
        plan.factors[factor.number] = factor


def _add(parent: Page, page: Page, *, user, where: str) -> Page:
    page.slug = _free_slug(parent, page.slug or "pagina")
    page.live, page.has_unpublished_changes, page.owner = False, True, user
    try:
        parent.add_child(instance=page)
    except ValidationError as error:
        raise PackageError("; ".join(error.messages), file=where) from None
    return page


def _clean_body(raw: list, where: str) -> list:
    body_block = LessonPage._meta.get_field("body").stream_block
    try:
        body_block.clean(body_block.to_python(raw))
    except ValidationError as error:
        problems = getattr(error, "block_errors", None) or {}
        for index in sorted(problems):
            block_type = raw[index]["type"] if isinstance(index, int) and index < len(raw) else "?"
            raise PackageError(
                _("block “%(type)s” is not valid: %(error)s")
                % {"type": block_type, "error": "; ".join(problems[index].messages)},
                file=where,
            ) from None
        raise PackageError("; ".join(error.messages), file=where) from None
    return raw


def _create_questions(quiz: QuizPage, questions: list) -> None:
    from taggit.models import Tag

    for order, (question, options, tags) in enumerate(questions):
        question.quiz, question.sort_order = quiz, order
        question.save()
        for position, option in enumerate(options):
            option.question, option.sort_order = question, position
            option.save()
        for name in tags:
            tag, _created = Tag.objects.get_or_create(name=name)
            QuestionTag.objects.create(content_object=question, tag=tag)


def _relink(page: Page, id_of) -> None:
    """Resolves the links to pages of the course that did not exist yet when `page` was created."""
    changed = False

    def visit(block, value):
        return keys_to_ids(value, id_of) if isinstance(block, blocks.RichTextBlock) and value else value

    for model_field in page._meta.get_fields():
        name = getattr(model_field, "name", "")
        if isinstance(model_field, RichTextField):
            value = getattr(page, name)
            linked = keys_to_ids(value, id_of)
        elif isinstance(model_field, StreamField):
            value = list(getattr(page, name).raw_data)
            linked = _walk(model_field.stream_block, value, visit, page.slug)
        else:
            continue
        if linked != value:
            setattr(page, name, linked)
            changed = True
    if changed:
        page.save()


def _create_carried(plan: _Plan, key: str, *, user, resolve, text) -> Page:
    kind = CARRIED_TYPES[key.partition(":")[0]]
    data = plan.carried[key]
    page = kind.model(
        title=data["title"],
        slug=data["slug"],
        search_description=data["search_description"],
        **{name: data[name] for name in kind.plain_fields},
        **{name: text(data[name]) for name in kind.rich_text_fields},
        **{
            name: _walk(kind.model._meta.get_field(name).stream_block, data[name], resolve, key)
            for name in kind.stream_fields
        },
    )
    page.success_factors = _factor_list(plan, data["success_factors"])
    home = section(kind.section, kind.section_slug, kind.section_title, user=user)
    return _add(home, page, user=user, where=key)


def course_package_import(*, data: bytes, parent: Page | None = None, user=None) -> CoursePage:
    """Creates the package's course under `parent` (the catalogue by default) as drafts, all or nothing.

    Instrument sheets and cases the course shows are created from the package, as drafts, when the site has
    no page with their slug; success factors likewise by number. A site without a catalogue (a fresh
    installation) gets one, as a draft."""
    package = _Package(data)
    plan = _read(package)
    if parent is not None and CoursePage not in parent.specific_class.allowed_subpage_models():
        raise PackageError(_("a course cannot be placed under “%(title)s”") % {"title": parent.title})
    written = []
    try:
        with transaction.atomic():
            _create_missing_factors(plan)
            objects = {path: _media_object(item) for path, item in plan.media.items()}
            internal: dict[str, int] = {}

            def id_of(link_type: str, key: str) -> int | None:
                if link_type == "document":
                    return objects[key].pk
                if is_internal(key):
                    return internal.get(key)
                return plan.pages[key].pk

            def text(value) -> str:
                return keys_to_ids(value, id_of)

            def resolve(block, value):
                if value in (None, ""):
                    return value
                if isinstance(block, (ImageChooserBlock, DocumentChooserBlock)):
                    return objects[value].pk
                if isinstance(block, blocks.PageChooserBlock):
                    if is_internal(value) and value not in internal:
                        raise PackageError(
                            _("an unknown reference “%(key)s”") % {"key": value}, file=MANIFEST
                        )
                    return id_of("page", value)
                if isinstance(block, blocks.RichTextBlock):
                    return text(value)
                return value

            pages = []
            for key in plan.carried:
                plan.pages[key] = _create_carried(plan, key, user=user, resolve=resolve, text=text)
                pages.append(plan.pages[key])
            if parent is None:
                parent = section(*COURSE_SECTION, user=user)

            fields = plan.manifest["course"]
            cover = fields.get("cover_image")
            level = fields.get("level") if fields.get("level") in Level.values else Level.BASIC
            course = CoursePage(
                title=sanitize_plain(str(fields.get("title", ""))),
                slug=str(fields.get("slug", "")),
                search_description=sanitize_plain(str(fields.get("search_description", ""))),
                intro=text(fields.get("intro")),
                learning_goals=text(fields.get("learning_goals")),
                audience=sanitize_plain(str(fields.get("audience", ""))),
                level=level,
                duration_hours=Decimal(str(fields.get("duration_hours", "2"))),
                sectors=",".join(str(code) for code in fields.get("sectors", [])),
                sequential=bool(fields.get("sequential")),
                offers_certificate=bool(fields.get("offers_certificate", True)),
                cover_image=objects[cover] if cover else None,
                cover_image_alt=sanitize_plain(str(fields.get("cover_image_alt", ""))),
            )
            course.success_factors = _factor_list(plan, fields.get("success_factors"))
            course.prerequisites = list(
                CoursePage.objects.filter(slug__in=fields.get("prerequisites", [])).order_by("path")
            )
            _add(parent, course, user=user, where=MANIFEST)
            internal[internal_key()] = course.pk
            pages.append(course)
            for m, module_fields in enumerate(plan.manifest["modules"], start=1):
                module = _add(
                    course,
                    ModulePage(
                        title=sanitize_plain(str(module_fields.get("title", ""))),
                        slug=str(module_fields.get("slug", "")),
                        intro=text(module_fields.get("intro")),
                    ),
                    user=user,
                    where=MANIFEST,
                )
                internal[internal_key(m)] = module.pk
                pages.append(module)
                for n, item in enumerate(module_fields.get("items", []), start=1):
                    common = {
                        "title": sanitize_plain(str(item.get("title", ""))),
                        "slug": str(item.get("slug", "")),
                        "is_required": bool(item.get("is_required", True)),
                        "estimated_minutes": item.get("estimated_minutes", 15),
                    }
                    if item["type"] == "lesson":
                        where = item["body"]
                        body = _clean_body(
                            _walk(
                                LessonPage._meta.get_field("body").stream_block,
                                plan.bodies[where],
                                resolve,
                                where,
                            ),
                            where,
                        )
                        lesson = LessonPage(
                            **common, summary=sanitize_plain(str(item.get("summary", ""))), body=body
                        )
                        lesson.success_factors = _factor_list(plan, item.get("success_factors"))
                        page = _add(module, lesson, user=user, where=where)
                    else:
                        quiz = QuizPage(
                            **common,
                            intro=text(item.get("intro")),
                            **{
                                name: item[name]
                                for name in (
                                    "passing_score",
                                    "max_attempts",
                                    "questions_per_attempt",
                                    "shuffle_questions",
                                    "shuffle_options",
                                    "time_limit_minutes",
                                    "review_mode",
                                )
                                if name in item
                            },
                        )
                        page = _add(module, quiz, user=user, where=item["questions"])
                        _create_questions(quiz, plan.quizzes[item["questions"]])
                    internal[internal_key(m, n)] = page.pk
                    pages.append(page)

            def course_page_id(link_type: str, key: str) -> int | None:
                return internal.get(key) if link_type == "page" and is_internal(key) else None

            for page in pages:
                _relink(page, course_page_id)
                page.save_revision(user=user, log_action=True)
            # The pages are valid: only now are the new files written.
            for path, item in plan.media.items():
                if item.new:
                    obj = objects[path]
                    obj.file.save(posixpath.basename(path), ContentFile(item.content), save=False)
                    if item.entry["kind"] == "image":
                        obj.width, obj.height = item.size
                    obj.save()
                    written.append(obj.file)
    except BaseException:
        for stored in written:
            stored.storage.delete(stored.name)
        raise
    return course
