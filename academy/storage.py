"""Where uploads live: public media (MEDIA_ROOT, served under MEDIA_URL by the web server) and a private
storage (PRIVATE_MEDIA_ROOT, never under MEDIA_ROOT) for files only some people may see: certificates, and
the images of a shared case until a moderator publishes it. Private files have no URL of their own; views
that check permission serve them with `private_file_response`."""

from __future__ import annotations

import mimetypes
import posixpath
import re
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.http import FileResponse, Http404, HttpResponse
from django.urls import reverse
from django.utils._os import safe_join
from django.utils.functional import cached_property

# Uploads of a case that is not published yet are named "concept-<random hex>…" (cases/services.py); their
# renditions keep the start of that name. Sixteen hex characters are enough to tell them apart: a trainer
# uploading through the CMS does not name a file like that by accident.
DRAFT_NAME = re.compile(r"^concept-[0-9a-f]{16}")


def private_media_root() -> Path:
    """PRIVATE_MEDIA_ROOT, or a sibling of MEDIA_ROOT ("private-media" next to "media")."""
    configured = getattr(settings, "PRIVATE_MEDIA_ROOT", "")
    return Path(configured) if configured else Path(settings.MEDIA_ROOT).parent / "private-media"


def is_draft_name(name: str) -> bool:
    return bool(DRAFT_NAME.match(Path(name).name))


class PrivateStorage(FileSystemStorage):
    """Files outside MEDIA_ROOT. The root is read from the settings on every use, so that tests (and
    anything else that changes MEDIA_ROOT) keep private files apart too."""

    def __init__(self, location=None, **kwargs):
        self._configured_location = location
        super().__init__(location=location, **kwargs)

    @property
    def base_location(self):
        return self._configured_location or private_media_root()

    @property
    def location(self):
        return str(Path(self.base_location).resolve())

    def url(self, name):
        raise NotImplementedError("Private files have no public URL; a view serves them after a check.")


class MediaStorage(FileSystemStorage):
    """The default storage: MEDIA_ROOT, except the files of unpublished case images (`is_draft_name`), which
    go to the private storage and are shown through a view that checks who asks."""

    @cached_property
    def _private(self) -> PrivateStorage:
        return PrivateStorage()

    def path(self, name):
        if is_draft_name(name):
            return self._private.path(name)
        return super().path(name)

    def _save(self, name, content):
        if is_draft_name(name):
            return self._private._save(name, content)
        return super()._save(name, content)

    def url(self, name):
        if is_draft_name(name):
            return reverse("draft_image", args=[name])
        return super().url(name)


def private_storage():
    """The storage of private files (STORAGES["private"]), for FileField(storage=…)."""
    return storages["private"]


def private_file_response(
    file, *, name: str, filename: str, as_attachment: bool = True, content_type: str | None = None
) -> HttpResponse:
    """Serves a private file the caller has already decided the user may see. Behind nginx
    (PRIVATE_MEDIA_ACCEL_PREFIX set) nginx sends the bytes from an `internal` location; otherwise Python does.
    Never cached by a shared cache, never sniffed into another type, never able to run anything."""
    content_type = content_type or mimetypes.guess_type(filename)[0] or "application/octet-stream"
    prefix = getattr(settings, "PRIVATE_MEDIA_ACCEL_PREFIX", "")
    if prefix:
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = safe_join("/" + prefix.strip("/"), name)
        disposition = "attachment" if as_attachment else "inline"
        response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
        file.close()
    else:
        response = FileResponse(
            file, as_attachment=as_attachment, filename=filename, content_type=content_type
        )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


def sendfile(request, filename, mimetype=None, **kwargs):
    """SENDFILE_BACKEND for Wagtail's document view: streams the file with a policy that lets nothing in a
    document run, also if a browser were to show it (documents are always attachments, see settings)."""
    from wagtail.utils.sendfile_streaming_backend import sendfile as stream

    response = stream(request, filename, mimetype=mimetype, **kwargs)
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def serve_public_media(request, path: str):
    """The development server's stand-in for the web server: public media only. Documents go through
    Wagtail's document view; private files are not under MEDIA_ROOT at all."""
    from django.views.static import serve

    if posixpath.normpath(path).lstrip("/").startswith("documents/"):
        raise Http404
    return serve(request, path, document_root=settings.MEDIA_ROOT)
