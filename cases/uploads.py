"""Images people upload with a case: checked by what Pillow finds in the bytes, never by name or browser
type, and re-encoded so that only pixels are stored (no EXIF, GPS, comments or colour profiles)."""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_IMAGE_BYTES = 5 * 1024 * 1024
# A few kilobytes of PNG can claim 36 megapixels, which cost a second of CPU and 170 MB to decode: the
# header is read first and anything larger is refused before a pixel is decoded. 16 MP is a 4900 × 3265 photo.
MAX_IMAGE_PIXELS = 16_000_000
# Pillow's format name -> (file extension, options for the re-encoding)
ALLOWED_FORMATS = {
    "JPEG": ("jpg", {"quality": 88, "optimize": True}),
    "PNG": ("png", {"optimize": True}),
    "WEBP": ("webp", {"quality": 88}),
}


@dataclass(frozen=True)
class CleanImage:
    content: bytes
    extension: str
    width: int
    height: int
    original_name: str


def _refuse(message, code: str) -> ValidationError:
    return ValidationError(message, code=code)


def _too_many_pixels(width: int, height: int) -> ValidationError:
    values = {"width": width, "height": height, "limit": MAX_IMAGE_PIXELS // 1_000_000}
    if width and height:
        message = _(
            "This image is %(width)s × %(height)s pixels, more than the %(limit)s megapixels allowed. "
            "Save it smaller (for example 3000 pixels wide) and choose it again."
        )
    else:  # Pillow refused it before telling its size
        message = _(
            "This image has more than %(limit)s megapixels. "
            "Save it smaller (for example 3000 pixels wide) and choose it again."
        )
    return _refuse(message % values, "too_many_pixels")


def image_upload_clean(upload) -> CleanImage:
    """Returns the re-encoded image, or raises ValidationError with a message for the person uploading."""
    width = height = 0
    if upload.size > MAX_IMAGE_BYTES:
        raise _refuse(_("This image is larger than 5 MB. Make it smaller and choose it again."), "too_large")
    try:
        with warnings.catch_warnings():
            # Pillow warns (and above twice its own limit raises) on decompression bombs; both are refusals.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            upload.seek(0)
            with Image.open(upload) as probe:
                image_format = probe.format
                width, height = probe.size
                if image_format not in ALLOWED_FORMATS:
                    raise _refuse(_("Only JPEG, PNG or WebP images can be shared."), "format")
                # The header alone tells the size: refuse before a single pixel is decoded.
                if width * height > MAX_IMAGE_PIXELS:
                    raise _too_many_pixels(width, height)
                probe.verify()
            upload.seek(0)
            with Image.open(upload) as image:
                if image.format != image_format:
                    raise _refuse(_("This file is not a valid image."), "invalid")
                image.load()
                content, (width, height) = _reencode(image, image_format)
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _too_many_pixels(width, height) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
        raise _refuse(
            _("This file is not a JPEG, PNG or WebP image (SVG and other formats cannot be shared)."),
            "format",
        ) from None
    finally:
        upload.seek(0)
    return CleanImage(
        content=content,
        extension=ALLOWED_FORMATS[image_format][0],
        width=width,
        height=height,
        original_name=str(getattr(upload, "name", ""))[:100],
    )


def _reencode(image: Image.Image, image_format: str) -> tuple[bytes, tuple[int, int]]:
    # Turn the photo upright first: the orientation lives in the EXIF data that is about to go.
    image = ImageOps.exif_transpose(image)
    if image_format == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    elif image.mode not in ("RGB", "RGBA", "L", "LA", "P"):
        image = image.convert("RGBA")
    # Savers fall back to image.info for some metadata (JPEG comments, PNG colour profiles): keep only
    # what the pixels need.
    image.info = {key: value for key, value in image.info.items() if key == "transparency"}
    buffer = io.BytesIO()
    image.save(buffer, format=image_format, **ALLOWED_FORMATS[image_format][1])
    return buffer.getvalue(), image.size
