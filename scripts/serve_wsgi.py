"""The WSGI application of `make serve`: the production application, plus the uploaded media.

In a real deployment media lives on S3-compatible storage or is served by the proxy; on one machine
gunicorn serves it from MEDIA_ROOT so that images and downloads work without another server.
"""

from django.conf import settings
from whitenoise import WhiteNoise

from academy.wsgi import application as django_application

# autorefresh: media is uploaded while the server runs, so look on disk at each request.
application = WhiteNoise(
    django_application, root=settings.MEDIA_ROOT, prefix=settings.MEDIA_URL, autorefresh=True
)
