"""The one way every public page is served: rendered once per content version, filled in per request.

A page's HTML is split in two (academy/shell.py): the *shell*, the same for everyone who sees the page
in one language, and the *personal parts* — markers for the CSRF token, messages, the login menu,
progress, enrolment — filled in on each request from a few indexed queries. The shell is kept in the
shared cache under the page's URL (path plus the query parameters the page knows, normalised), the
language and the kind of visitor:

- ``anon``: no session at all. The shell is filled in for an anonymous visitor before it is stored, so
  a hit is answered by `PageShellMiddleware` from the cache alone — no view, no database;
- ``guest``: an anonymous visitor with a session (an anonymous FitnessScan, a password restriction);
- ``member``: a logged-in professional; the shell is rendered for a stand-in user without personal data.

Guests and members go through the page's view as usual (Wagtail's routing and privacy checks run, from
process memory), but the view only gathers the personal context; the shared context is built only when
the shell is rendered. An entry is valid for one content version (academy/pagecache.py), so publishing,
unpublishing, moving or deleting a page, a snippet or an image is visible on the next request. A page
costs one cache round trip (version and shell in one `get_many`) and one more to store a missed shell.

The rule for a new page type: mix in `ShellPage`, keep `get_context()` free of anything about the
visitor (it is not even called on a hit), return what is personal from `get_personal_context()`, and
write it in the template as a `{% personal "…" %}` include or a `{% marker %}`. A routable page's
route that is the same for everyone returns `self.serve_shell(...)` (a personal route renders as before), and
an app view that behaves like a page returns `shell_response(...)`. The query parameters a
page reads are listed in `shell_query_parameters`; all others are left out of the cache key.
"""

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import get_resolver
from django.utils.translation import get_language
from wagtail.contrib.routable_page.models import RoutablePageMixin

from . import pagecache
from .shell import fill, markers_in, render_shell

SHELL_TIMEOUT = 24 * 60 * 60
# Filled in on every request even for an anonymous visitor: they differ per request, not per visitor.
REQUEST_LEVEL_MARKERS = frozenset({"csrf-token", "current-path", "current-path-encoded", "visitor:messages"})
# Never looked up: the CMS, files, and what is personal by nature.
NOT_PAGES = ("/admin/", "/django-admin/", "/static/", "/media/", "/bestanden/", "/documents/", "/healthz")
MAX_PARAMETER_LENGTH = 200
MAX_VALUES_PER_PARAMETER = 10

_query_parameters: set[str] = set()


def register_query_parameters(*names: str) -> None:
    """Query parameters some page reads: they are part of the cache key (all others are ignored)."""
    _query_parameters.update(names)


class ShellPage:
    """Mixed into every page type (tests/academy/test_pages.py checks it): served through the shell path."""

    #: The GET parameters the page reads (filters, pagination); any other parameter does not change it.
    shell_query_parameters: tuple[str, ...] = ()

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        register_query_parameters(*cls.shell_query_parameters)

    def get_view_restrictions(self):
        # Wagtail checks view restrictions (its privacy settings) on every request with two queries;
        # they change rarely, and changing one is a change of content.
        uncached = super().get_view_restrictions
        return pagecache.cached(f"restrictions:{self.path}", lambda: list(uncached()))

    def get_personal_context(self, request, markers: dict[str, list[str]], *args, **kwargs) -> dict:
        """What this page shows of the visitor: for the personal includes, and under `markers` the
        values of the page's `{% marker %}`s (`"name:argument": html`). Called on every request, with
        the markers the shell holds (name → arguments)."""
        return {}

    def serve(self, request, *args, **kwargs):
        if isinstance(self, RoutablePageMixin):
            # Its routes choose: the shared ones return serve_shell(), personal ones render plainly.
            return super().serve(request, *args, **kwargs)
        request.is_preview = getattr(request, "is_preview", False)
        return self.serve_shell(request, *args, **kwargs)

    def serve_shell(self, request, *args, template=None, context_overrides=None, **kwargs):
        """The page through the shell path; `context_overrides` (shared, like the context) as in
        `RoutablePageMixin.render()`, for a routable page's shared routes — or a function that returns
        them, so that a page served from its shell does not even compute them."""

        def shared_context():
            overrides = context_overrides() if callable(context_overrides) else context_overrides
            return {**self.get_context(request, *args, **kwargs), **(overrides or {})}

        return shell_response(
            request,
            template or self.get_template(request, *args, **kwargs),
            shared=shared_context,
            personal=lambda markers: {
                "page": self,
                **self.get_personal_context(request, markers, *args, **kwargs),
            },
            public=lambda: not self.get_view_restrictions(),
        )


def shell_response(
    request,
    template,
    *,
    shared: Callable[[], Mapping],
    personal: Callable[[dict[str, list[str]]], Mapping] = lambda markers: {},
    public: Callable[[], bool] = lambda: True,
    status: int | None = None,
) -> TemplateResponse:
    """A page response on the shell path. `shared` gives the context that is the same for every visitor
    (called only to render the shell), `personal` the visitor's own (every request), `public` whether an
    anonymous visitor may be served from the cache without the view (no view restriction).

    `personal` is called with the shell's value markers (`{"status": ["12", "13"]}`), so the page only
    looks up what it shows."""
    return ShellResponse(request, template, shared=shared, personal=personal, public=public, status=status)


def personal_page(request, body_template: str, *, title: str, context: Callable[[], Mapping]):
    """A page about the visitor (e.g. /mijn/): the page around it from the shell, `body_template`
    rendered per request with `context()`."""
    return shell_response(
        request,
        "personal_page.html",
        shared=lambda: {"title": title, "body_template": body_template},
        personal=lambda markers: context(),
    )


class ShellResponse(TemplateResponse):
    def __init__(self, request, template, *, shared, personal, public, status=None):
        super().__init__(request, template, context=None, status=status)
        self.shell_parts = (shared, personal, public)

    @property
    def rendered_content(self) -> str:
        shared, personal, public = self.shell_parts
        request = self._request
        lookup: ShellLookup | None = getattr(request, "page_shell", None)
        if lookup is not None and (getattr(request, "is_preview", False) or self.status_code != 200):
            lookup = None
        if lookup is not None and lookup.hit is not None:
            return self.fill(lookup.hit, personal)
        if lookup is None:
            logged_in = getattr(getattr(request, "user", None), "is_authenticated", False)
            user = None if logged_in else AnonymousUser()
        else:
            user = None if lookup.variant == "member" else AnonymousUser()
        shell = render_shell(self.resolve_template(self.template_name), shared(), request, user=user)
        if lookup is None:
            return self.fill(shell, personal)
        if lookup.variant != "anon":
            lookup.store(shell, public=False)
            return self.fill(shell, personal)
        # Nobody in particular: fill in all but what differs per request before storing.
        shell = self.fill(shell, personal, keep=REQUEST_LEVEL_MARKERS)
        lookup.store(shell, public=public())
        return fill(shell, request=request, context={}, values={})

    def fill(self, shell: str, personal, keep=frozenset()) -> str:
        context = dict(personal(markers_in(shell)))
        values = context.pop("markers", {})
        return fill(shell, request=self._request, context=context, values=values, keep=keep)


@dataclass
class ShellLookup:
    """What the middleware found in the cache for this request, and what the page leaves to store."""

    key: str
    variant: str
    version: str
    hit: str | None
    public_hit: str | None = None  # a hit an anonymous visitor without a session may get without the view
    to_store: tuple | None = field(default=None)

    def store(self, shell: str, *, public: bool) -> None:
        self.to_store = (self.version, shell, public)


class PageShellMiddleware:
    """Looks the request's page shell up (one round trip with the content version), answers anonymous
    visitors without a session from it, and stores a shell the page rendered (see the module's doc)."""

    def __init__(self, get_response):
        self.get_response = get_response
        # Load every view now: app views register the query parameters they read when imported, and
        # the first request's cache key must already know them.
        get_resolver().url_patterns  # noqa: B018

    def __call__(self, request):
        lookup = self.lookup(request)
        token = pagecache.use_version_for_request(lookup.version if lookup else None)
        try:
            if lookup is not None and lookup.variant == "anon" and lookup.public_hit is not None:
                return HttpResponse(fill(lookup.public_hit, request=request, context={}, values={}))
            request.page_shell = lookup
            response = self.get_response(request)
        finally:
            pagecache.end_request(token)
        if lookup is not None and lookup.to_store is not None and self.storable(request, response):
            cache.set(lookup.key, lookup.to_store, SHELL_TIMEOUT)
        return response

    def lookup(self, request) -> "ShellLookup | None":
        if request.method not in ("GET", "HEAD") or request.path_info.startswith(NOT_PAGES):
            return None
        if getattr(request, "htmx", False):  # a fragment of a page, not the page
            return None
        key_source = cache_key_source(request)
        if key_source is None:
            return None
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            variant = "anon"
        else:
            variant = "member" if request.user.is_authenticated else "guest"
        digest = hashlib.sha256(key_source.encode()).hexdigest()[:40]
        key = f"shell:{variant}:{get_language()}:{digest}"
        version, found = pagecache.read_version_and([key])
        entry = found.get(key)
        valid = entry is not None and entry[0] == version
        return ShellLookup(
            key=key,
            variant=variant,
            version=version,
            hit=entry[1] if valid else None,
            public_hit=entry[1] if valid and entry[2] else None,
        )

    @staticmethod
    def storable(request, response) -> bool:
        """Only a plain, successful page that changed nothing about the visitor is kept."""
        if response.status_code != 200 or not isinstance(response, ShellResponse):
            return False
        if any(name != settings.CSRF_COOKIE_NAME for name in response.cookies):
            return False
        session = getattr(request, "session", None)
        return not (session is not None and session.modified)


def cache_key_source(request) -> str | None:
    """The page's address as far as it matters: host, path and the known query parameters, sorted.

    None (not cached) for a value longer than any real filter or search: such requests are rendered
    but do not fill the cache."""
    known: list[tuple[str, Any]] = []
    for name in sorted(_query_parameters.intersection(request.GET.keys())):
        values = request.GET.getlist(name)
        if len(values) > MAX_VALUES_PER_PARAMETER or any(len(v) > MAX_PARAMETER_LENGTH for v in values):
            return None
        known.extend((name, value) for value in values if value != "")
    query = "&".join(f"{name}={value}" for name, value in known)
    return f"{request.get_host()}{request.path}?{query}"
