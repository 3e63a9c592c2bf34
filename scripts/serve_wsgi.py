"""The WSGI application of `make serve`: the production application, plus the uploaded media.

In a real deployment media lives on S3-compatible storage or is served by the proxy; on one machine
gunicorn serves it from MEDIA_ROOT so that images and downloads work without another server.
"""

from django.conf import settings
from whitenoise import WhiteNoise

from academy.wsgi import application as django_application

DOCUMENTS_URL = settings.MEDIA_URL + "documents/"


class PublicMedia(WhiteNoise):
    """Public media only: documents go through Wagtail's document view (always a download, with a policy
    that lets nothing run), never straight from the folder."""

    def find_file(self, url):
        return None if url.startswith(DOCUMENTS_URL) else super().find_file(url)


# autorefresh: media is uploaded while the server runs, so look on disk at each request.
application = PublicMedia(
    django_application, root=settings.MEDIA_ROOT, prefix=settings.MEDIA_URL, autorefresh=True
)
