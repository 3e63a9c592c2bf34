import logging
import sys

from django.conf import settings
from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation

logger = logging.getLogger(__name__)


class PreferredLanguageMiddleware:
    """Dutch unless the visitor chose otherwise.

    Django's LocaleMiddleware would follow the browser's Accept-Language, which turns the site English
    for most Dutch professionals on an English-language laptop. Here only an explicit choice counts:
    the language cookie set by the footer switch, or the language saved on the user's profile.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if language not in self.supported:
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        response.headers.setdefault("Vary", "Cookie")
        return response


DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)


def _note_database_failure(sender, request=None, **kwargs):
    """Marks a request whose uncaught exception says the database cannot be reached."""
    if request is not None and isinstance(sys.exc_info()[1], DATABASE_UNAVAILABLE):
        request.database_unavailable = True


got_request_exception.connect(_note_database_failure, dispatch_uid="academy.database_unavailable")


class DatabaseUnavailableMiddleware:
    """A plain 503 page instead of a 500 when the database cannot be reached.

    Goes before every middleware that may query the database. A view or template that hits a stopped
    database is answered in `process_exception`. An inner middleware that hits it (saving a session)
    has its error turned into a 500 response by Django before it reaches us; Django's
    `got_request_exception` signal marks such a request and the 500 is replaced. The page is rendered
    without a request context: context processors may query the database.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "database_unavailable", False):
            return self.unavailable(request)
        return response

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_UNAVAILABLE):
            logger.error("database unavailable: %s", exception)
            return self.unavailable(request)
        return None

    @staticmethod
    def unavailable(request) -> HttpResponse:
        with translation.override(getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)):
            content = render_to_string("503.html", {"status_code": 503})
        response = HttpResponse(content, status=503)
        response["Retry-After"] = "60"
        response["Cache-Control"] = "no-store"
        return response


class CachedSiteMiddleware:
    """Finds the Wagtail Site of a request from a short-lived per-process cache.

    Wagtail looks the site (and then its root page) up in the database on every request; with one or a
    few sites that is wasted work on the hot path. Saving a Site clears the cache (see academy.apps).
    """

    TTL_SECONDS = 60
    _cache: dict = {}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        import time

        from wagtail.models import Site

        key = request.get_host()
        cached = self._cache.get(key)
        if cached is None or cached[1] < time.monotonic():
            site = Site._find_for_request(request)
            if site is not None:
                site.root_page = site.root_page.specific  # loaded once, reused by the router
            cached = (site, time.monotonic() + self.TTL_SECONDS)
            self._cache[key] = cached
        request._wagtail_site = cached[0]
        return self.get_response(request)

    @classmethod
    def clear(cls, **kwargs):
        cls._cache.clear()
