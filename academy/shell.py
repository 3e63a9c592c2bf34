"""Page shells: render once what is the same for everyone, fill in the personal parts per request.

A hot page (the lesson page) is rendered once per published revision and language, with markers where
personal content belongs, and kept in the cache. Each request then only fills the markers in:

- `csrf-token`: the visitor's CSRF token (`{% csrf_token %}` and `{{ csrf_token }}` produce the marker
  while a shell is rendered);
- `current-path`: the requested path with its query (`{% current_path %}`, and URL-encoded for a
  `?next=` with `{% current_path_urlencoded %}`);
- `include:<template>`: a small template rendered for this request, written `{% personal "<template>" %}`
  (outside a shell it is an ordinary include);
- `visitor:<part>`: a small part of the page about the visitor that is the same on every page — their
  name, the unread count, the CMS link, messages (`{% visitor "<part>" %}`): computed from the request in
  Python (academy/visitor.py), so the header costs no template rendering per request;
- markers whose values the page's view supplies, e.g. a lesson's `status:<item id>`
  (written `{% marker "status" item.id %}`).

Markers are HTML comments: Django's autoescaping and the rich text editor turn a `<` typed by an editor
into `&lt;`, so page content cannot forge one. The shell is rendered with a user without personal data,
so anything personal that a template shows outside a marker goes missing (and fails a test) instead of
reaching the next professional from the cache.
"""

import re
from collections.abc import Callable, Mapping

from django.contrib.auth.models import AnonymousUser
from django.contrib.messages import get_messages
from django.middleware.csrf import get_token
from django.template import Context, engines
from django.template.defaultfilters import urlencode
from django.template.loader import render_to_string
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

SHELL = "rendering_shell"  # the context variable that is true while a shell is rendered
NAME = r"[a-z][a-z-]*"
ARGUMENT = r"[\w./-]{1,200}"
MARKER = re.compile(rf"<!--personal:({NAME})(?::({ARGUMENT}))?-->")
# Markers filled in by the shell itself, not by the page's view.
FILLED_BY_SHELL = frozenset({"csrf-token", "current-path", "current-path-encoded", "include", "visitor"})

# `{% visitor "<part>" %}`: part name → the function giving its HTML for this request, see academy/visitor.py.
visitor_parts: dict[str, Callable] = {}


def visitor_part(name: str):
    """Registers a function `(request, the page's personal context) → html` for `{% visitor name %}`."""

    def register(function):
        visitor_parts[name] = function
        return function

    return register


def marker(name: str, argument: object = None) -> SafeString:
    text = name if argument is None else f"{name}:{argument}"
    if not re.fullmatch(rf"{NAME}(?::{ARGUMENT})?", text):
        raise ValueError(f"not a valid marker: {text!r}")
    return mark_safe(f"<!--personal:{text}-->")  # noqa: S308  # nosec B308, B703  # checked above, [\w./-] only


class ShellUser:
    """Who a shell is rendered for: logged in (shells serve pages that require a login), nobody in particular."""

    is_authenticated = True
    is_anonymous = False
    pk = id = None

    def __getattr__(self, name):
        return ""

    def __str__(self):
        return ""


def render_shell(template_name, context: Mapping, request, *, user=None) -> str:
    """The page with markers where personal content belongs, rendered for `user` (a stand-in)."""
    shell_context = {
        **context,
        SHELL: True,
        "csrf_token": marker("csrf-token"),
        "user": ShellUser() if user is None else user,
        "messages": (),
    }
    if isinstance(template_name, str | list | tuple):
        return render_to_string(template_name, shell_context, request)
    return template_name.render(shell_context, request)  # already resolved (a TemplateResponse's)


def markers_in(html: str) -> dict[str, list[str]]:
    """The value markers of a shell: name → arguments in order (`{"status": ["12", "13"]}`)."""
    found: dict[str, list[str]] = {}
    for name, argument in MARKER.findall(html):
        if name not in FILLED_BY_SHELL:
            found.setdefault(name, []).append(argument)
    return found


def fill(html: str, *, request, context: Mapping, values: Mapping[str, str], keep=frozenset()) -> str:
    """The page for this request: markers replaced by the visitor's own content.

    `values` maps a marker's `name:argument` to HTML (already escaped); a marker without a value becomes
    empty. `context` is the page's personal context, for the personal includes. Markers named in
    `keep` (`name` or `name:argument`) stay, to be filled in later."""
    kept = {m[0] for m in MARKER.finditer(html) if m[1] in keep or f"{m[1]}:{m[2]}" in keep}
    csrf_token = None if "csrf-token" in keep else get_token(request)  # one masked token per page
    include_names = {m[2] for m in MARKER.finditer(html) if m[1] == "include" and m[0] not in kept}
    # Includes filled in ahead (`keep`) leave their own request-level parts as markers too.
    include_context = {**context, "csrf_token": csrf_token or marker("csrf-token")}
    if keep:
        include_context[SHELL] = True
    includes = render_includes(include_names, request, include_context)

    def personal(match: re.Match) -> str:
        if match[0] in kept:
            return match[0]
        name, argument = match.groups()
        if name == "csrf-token":
            return csrf_token
        if name == "current-path":
            return escape(request.get_full_path())
        if name == "current-path-encoded":
            return escape(urlencode(request.get_full_path()))
        if name == "include":
            return includes[argument]
        if name == "visitor":
            return visitor_parts[argument](request, context)
        return values.get(f"{name}:{argument}" if argument else name, "")

    return MARKER.sub(personal, html)


def render_includes(names: set[str], request, context: Mapping) -> dict[str, str]:
    """The personal includes of a page, rendered in one context.

    They see the page's context plus `request`, `user`, `csrf_token` and `messages`: a plain context,
    without running every context processor once more."""
    if not names:
        return {}
    engine = engines["django"].engine
    personal_context = Context(
        {
            **context,
            "request": request,
            "user": getattr(request, "user", None) or AnonymousUser(),
            "messages": get_messages(request),
        },
        autoescape=engine.autoescape,
    )
    rendered = {}
    for name in names:
        with personal_context.push():
            rendered[name] = engine.get_template(name).render(personal_context)
    return rendered
