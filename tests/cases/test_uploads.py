import io
import struct
import time
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image

from cases.models import CasePage
from cases.uploads import MAX_IMAGE_BYTES, image_upload_clean

SHARE = "/praktijkvoorbeelden/delen/"


def upload(content: bytes, name: str, content_type: str = "image/png"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def png_header_only(width: int, height: int) -> bytes:
    """A PNG whose header claims these dimensions, with one tiny (wrong) data chunk: a decompression bomb
    shape that costs nothing to build."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00"))
        + chunk(b"IEND", b"")
    )


@pytest.mark.parametrize(("image_format", "extension"), [("JPEG", "jpg"), ("PNG", "png"), ("WEBP", "webp")])
def test_jpeg_png_and_webp_are_accepted_and_reencoded(make_image, image_format, extension):
    cleaned = image_upload_clean(upload(make_image(image_format), f"foto.{extension}"))
    assert cleaned.extension == extension
    assert (cleaned.width, cleaned.height) == (64, 48)
    assert Image.open(io.BytesIO(cleaned.content)).format == image_format


def test_the_bytes_decide_not_the_name(make_image):
    cleaned = image_upload_clean(upload(make_image("PNG"), "foto.jpg", "image/jpeg"))
    assert cleaned.extension == "png"


def test_metadata_is_stripped_and_the_photo_turned_upright():
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: rotate 90° to display
    exif[0x010F] = "Camera Maker"
    exif[0x8825] = {2: (52.0, 5.0, 0.0)}  # GPS latitude
    buffer = io.BytesIO()
    Image.new("RGB", (80, 40), "orange").save(buffer, format="JPEG", exif=exif, comment=b"geheim")
    cleaned = image_upload_clean(upload(buffer.getvalue(), "foto.jpg", "image/jpeg"))
    stored = Image.open(io.BytesIO(cleaned.content))
    assert not stored.getexif()
    assert "exif" not in stored.info and "comment" not in stored.info
    assert stored.size == (40, 80) == (cleaned.width, cleaned.height)
    assert b"Camera Maker" not in cleaned.content and b"geheim" not in cleaned.content


def test_png_text_chunks_and_colour_profile_are_dropped(make_image):
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Sanne de Vries, Rivierstad")
    buffer = io.BytesIO()
    Image.new("RGB", (10, 10)).save(buffer, format="PNG", pnginfo=info, icc_profile=b"\x00" * 200)
    cleaned = image_upload_clean(upload(buffer.getvalue(), "kaart.png"))
    assert b"Sanne" not in cleaned.content
    assert "icc_profile" not in Image.open(io.BytesIO(cleaned.content)).info


@pytest.mark.parametrize(
    ("content", "name"),
    [
        (b"Dit is gewoon tekst, geen afbeelding.", "foto.png"),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>',
            "logo.png",
        ),
        (b'<svg xmlns="http://www.w3.org/2000/svg"><rect width="10" height="10"/></svg>', "logo.svg"),
        (b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>", "pagina.jpg"),
        (
            b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00,"
            b"\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;",
            "animatie.png",
        ),
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "document.webp"),
    ],
    ids=["text", "svg-named-png", "svg", "html-named-jpg", "gif", "pdf"],
)
def test_anything_else_is_refused(content, name):
    with pytest.raises(ValidationError) as error:
        image_upload_clean(upload(content, name))
    assert error.value.code == "format"
    assert "PNG" in error.value.messages[0] and "WebP" in error.value.messages[0]


def test_a_truncated_image_is_refused_or_completed(make_image, monkeypatch):
    from PIL import ImageFile

    content = make_image("JPEG", size=(400, 300))
    truncated = upload(content[: len(content) // 2], "half.jpg", "image/jpeg")
    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", False)
    with pytest.raises(ValidationError):
        image_upload_clean(truncated)
    # WeasyPrint (the PDF renderer) switches Pillow to loading truncated images for the whole process;
    # then the missing part is filled in and what is stored is still a complete, clean image.
    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", True)
    cleaned = image_upload_clean(truncated)
    stored = Image.open(io.BytesIO(cleaned.content))
    stored.load()
    assert stored.size == (400, 300)


def test_more_than_5_mb_is_refused_before_reading():
    with pytest.raises(ValidationError) as error:
        image_upload_clean(upload(b"\x89PNG\r\n\x1a\n" + b"\x00" * MAX_IMAGE_BYTES, "groot.png"))
    assert error.value.code == "too_large"


def test_more_than_16_megapixels_is_refused_from_the_header_quickly(make_image):
    content = make_image("PNG", size=(6000, 6000), mode="1")  # 36 megapixels in about 4 kB
    assert len(content) < 5000
    started = time.process_time()
    with translation.override("nl"), pytest.raises(ValidationError) as error:
        image_upload_clean(upload(content, "groot.png"))
    # Decoding it took a second of CPU and 170 MB; reading the header takes well under a millisecond.
    assert time.process_time() - started < 0.05
    assert error.value.code == "too_many_pixels"
    assert error.value.messages == [
        "Deze afbeelding is 6000 × 6000 pixels, meer dan de toegestane 16 megapixel. Sla haar kleiner op "
        "(bijvoorbeeld 3000 pixels breed) en kies haar opnieuw."
    ]


def test_16_megapixels_is_still_accepted(make_image):
    cleaned = image_upload_clean(upload(make_image("PNG", size=(4000, 4000), mode="1"), "precies.png"))
    assert (cleaned.width, cleaned.height) == (4000, 4000)


@pytest.mark.parametrize("size", [(10_000, 10_000), (100_000, 100_000)])
def test_decompression_bombs_are_refused_not_crashed_on(size):
    with pytest.raises(ValidationError) as error:
        image_upload_clean(upload(png_header_only(*size), "bom.png"))
    assert error.value.code == "too_many_pixels"


# --------------------------------------------------------------------------- the rate of saves


def test_saves_are_limited_per_member_per_hour_and_the_form_comes_back_as_typed(
    member_client, member, other_member, index, make_image, settings
):
    settings.CASE_SAVES_PER_HOUR = 3
    for number in range(3):
        response = member_client.post(SHARE, {"title": f"Concept {number}", "save": "draft"})
        assert response.status_code == 302
    image = SimpleUploadedFile("foto.png", make_image("PNG"), content_type="image/png")
    response = member_client.post(
        SHARE,
        {"title": "Nog een keer", "summary": "Wat ik typte", "image": image, "image_alt_text": "Foto"},
    )
    assert response.status_code == 429
    html = response.content.decode()
    assert "3 keer binnen een uur opgeslagen" in html
    assert 'value="Nog een keer"' in html and "Wat ik typte" in html
    assert CasePage.objects.count() == 3
    from wagtail.images import get_image_model

    assert get_image_model().objects.count() == 0  # the upload was not even looked at
    # Another member has an allowance of their own.
    from django.test import Client

    other = Client()
    other.force_login(other_member)
    assert other.post(SHARE, {"title": "Van een ander", "save": "draft"}).status_code == 302


# --------------------------------------------------------------------------- draft images are private


def _served_as_public_media(url: str):
    """What a web server that serves MEDIA_ROOT under MEDIA_URL (nginx, or `make serve`) would answer."""
    from django.conf import settings
    from django.http import Http404
    from django.test import RequestFactory
    from django.views.static import serve

    if not url.startswith(settings.MEDIA_URL):
        return 404
    try:
        return serve(
            RequestFactory().get(url), url[len(settings.MEDIA_URL) :], settings.MEDIA_ROOT
        ).status_code
    except Http404:
        return 404


def test_a_draft_case_image_is_private_until_the_case_is_published(
    member_client, member, other_member, moderator, index, make_image, case_form_data
):
    from pathlib import Path

    from django.conf import settings
    from django.test import Client

    from cases.services import case_workflow_ensure

    case_workflow_ensure(index=index)
    image = SimpleUploadedFile(
        "vergadering.png", make_image("PNG", size=(320, 240)), content_type="image/png"
    )
    response = member_client.post(
        SHARE, {**case_form_data, "image": image, "image_alt_text": "Een overleg", "save": "draft"}
    )
    assert response.status_code == 302
    case = CasePage.objects.get()
    stored = case.gallery_images.get().image
    assert not (Path(settings.MEDIA_ROOT) / stored.file.name).exists()
    assert not any(path.is_file() for path in Path(settings.MEDIA_ROOT).rglob("*"))  # nothing public at all

    preview = member_client.get(f"{SHARE}{case.pk}/voorbeeld/")
    (src,) = [
        part.split('"')[0] for part in preview.content.decode().split('src="')[1:] if "concept-" in part
    ]
    original = stored.file.url
    for url in (src, original):
        assert url.startswith("/bestanden/concept/")
        assert _served_as_public_media(url) == 404
        assert Client().get(url).status_code == 404  # anonymous
        other = Client()
        other.force_login(other_member)
        assert other.get(url).status_code == 404
        own = member_client.get(url)
        assert own.status_code == 200 and own["Content-Type"] == "image/png"
        assert {"private", "no-store"} <= {part.strip() for part in own["Cache-Control"].split(",")}
        assert own["X-Content-Type-Options"] == "nosniff"
        moderating = Client()
        moderating.force_login(moderator)
        assert moderating.get(url).status_code == 200
    assert member_client.get("/bestanden/concept/../../settings.py").status_code == 404
    assert member_client.get("/bestanden/concept/concept-0000000000000000.png").status_code == 404

    # Published: the image moves to public media, under a new name; the draft file is gone.
    CasePage.objects.get(pk=case.pk).get_latest_revision().publish()
    stored.refresh_from_db()
    assert stored.file.name.startswith("original_images/praktijkvoorbeeld-")
    assert (Path(settings.MEDIA_ROOT) / stored.file.name).is_file()
    assert _served_as_public_media(stored.file.url) == 200
    assert member_client.get(original).status_code == 404
    page = Client().get(CasePage.objects.get(pk=case.pk).url).content.decode()
    assert "/media/images/praktijkvoorbeeld-" in page and "concept-" not in page


def test_the_migration_makes_images_of_existing_drafts_private(member_client, index, make_image):
    import importlib
    from pathlib import Path

    from django.apps import apps
    from django.conf import settings
    from django.core.files.base import ContentFile
    from django.core.files.storage import storages
    from wagtail.images import get_image_model

    image = SimpleUploadedFile("oud.png", make_image("PNG"), content_type="image/png")
    member_client.post(
        SHARE, {"title": "Oud concept", "image": image, "image_alt_text": "Oud", "save": "draft"}
    )
    stored = CasePage.objects.get().gallery_images.get().image
    # As it was stored before draft images were private: under a public name in MEDIA_ROOT.
    content = make_image("PNG", size=(20, 10))
    public_name = storages["default"].save(
        "original_images/praktijkvoorbeeld-0123abcd.png", ContentFile(content)
    )
    get_image_model().objects.filter(pk=stored.pk).update(file=public_name)
    migration = importlib.import_module("cases.migrations.0003_draft_images_private")
    migration.make_draft_images_private(apps, None)
    migration.make_draft_images_private(apps, None)  # a second run changes nothing
    stored.refresh_from_db()
    assert stored.file.name.startswith("original_images/concept-")
    assert not (Path(settings.MEDIA_ROOT) / public_name).exists()
    with stored.file.open("rb") as moved:
        assert moved.read() == content
