import io
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from cases.uploads import MAX_IMAGE_BYTES, image_upload_clean


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


def test_more_than_40_megapixels_is_refused(make_image):
    content = make_image("PNG", size=(8000, 5001), mode="1")  # 40,008,000 pixels, a few kB
    with pytest.raises(ValidationError) as error:
        image_upload_clean(upload(content, "groot.png"))
    assert error.value.code == "too_many_pixels"


@pytest.mark.parametrize("size", [(10_000, 10_000), (100_000, 100_000)])
def test_decompression_bombs_are_refused_not_crashed_on(size):
    with pytest.raises(ValidationError) as error:
        image_upload_clean(upload(png_header_only(*size), "bom.png"))
    assert error.value.code == "too_many_pixels"
