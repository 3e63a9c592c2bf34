import logging
import sqlite3
import sys

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.functional import empty

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


# SQLSTATE classes of PostgreSQL that mean the server cannot serve us, whatever the query: 08 connection
# exception, 53 insufficient resources (too many connections, disk full), 57P operator intervention
# (shutdown, crash recovery, "cannot connect now").
POSTGRES_UNAVAILABLE_STATES = ("08", "53", "57P")
# SQLite's own words for a database file that cannot be used at the moment.
SQLITE_UNAVAILABLE_MESSAGES = ("unable to open database", "database is locked", "disk i/o error")


def is_database_unavailable(error: BaseException) -> bool:
    """Whether a database error means the database cannot be reached (an outage), not that one query
    was wrong.

    Django raises OperationalError both for a refused connection and for a query the database refused
    to run: SQLite's full-text search answers a stray quote in a search with an OperationalError
    ("fts5: syntax error"), PostgreSQL a cancelled statement with one. Only the first is an outage
    worth the 503 page; the others are bugs or bad input and must stay visible as such."""
    if isinstance(error, InterfaceError):
        return True  # the connection is gone (closed, or never made)
    if not isinstance(error, OperationalError):
        return False
    cause = error.__cause__
    if cause is None:
        return True  # raised by Django itself or a test, not translated from a driver error
    sqlstate = getattr(cause, "sqlstate", "")
    if sqlstate is None:
        return True  # psycopg: an error without a server state comes from the connection itself
    if sqlstate:
        return sqlstate.startswith(POSTGRES_UNAVAILABLE_STATES)
    if isinstance(cause, sqlite3.OperationalError):
        message = str(cause).lower()
        return any(text in message for text in SQLITE_UNAVAILABLE_MESSAGES)
    return True


def _note_database_failure(sender, request=None, **kwargs):
    """Marks a request whose uncaught exception says the database cannot be reached."""
    if request is not None and is_database_unavailable(sys.exc_info()[1]):
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
        if is_database_unavailable(exception):
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


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the Wagtail admin's own policy.

    The public site allows no inline script at all (`CONTENT_SECURITY_POLICY`): its pages are cached as
    shells (academy/shell.py) and a nonce stored in a shell would be the same for everyone, so nonces
    are not used. Wagtail's admin still writes inline scripts and style attributes, so under
    `ADMIN_URL_PREFIXES` the policy is `CONTENT_SECURITY_POLICY_ADMIN` instead. A view that sets its own
    policy with django-csp's decorators keeps it."""

    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and request.path_info.startswith(ADMIN_URL_PREFIXES):
            parts.config = settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"]
        return parts


ADMIN_URL_PREFIXES = ("/admin/", "/django-admin/")


class ResponseHeadersMiddleware:
    """The headers every response carries: the Permissions-Policy, and `no-store` on personal pages.

    A response is personal when it depends on the logged-in user: then the user was looked up for it
    (request.user evaluated) and is authenticated. That covers /mijn/, the profile and the data
    export, FitnessScan results, certificate downloads and the trainers' CSV exports, and also every
    other page a logged-in user sees, since each shows their name in the header and carries their CSRF
    token. A page for an anonymous visitor, cached or not, is left alone. Deciding here rather than in
    each view means a new personal view cannot forget it; views that are personal for anonymous
    visitors too (an anonymous FitnessScan, kept in the session) set `never_cache` themselves."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.permissions_policy = ", ".join(
            f"{feature}=()" for feature in settings.PERMISSIONS_POLICY_DISABLED_FEATURES
        )

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.permissions_policy)
        if _user_was_logged_in(request):
            add_never_cache_headers(response)
        return response


def _user_was_logged_in(request) -> bool:
    user = getattr(request, "user", None)
    if user is None:
        return False
    # Not evaluated: the response did not depend on who is logged in (and looking it up now would cost
    # a query, or fail when the database is down).
    if getattr(user, "_wrapped", None) is empty:
        return False
    return bool(user.is_authenticated)
