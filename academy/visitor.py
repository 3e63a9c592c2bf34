"""The parts of every page about the visitor, as `{% visitor "<part>" %}` markers (academy/shell.py).

Each is a function `(request, context) -> html`, `context` being the page's personal context (its
`page`, for the editing bar). They are computed in Python from what every request loads anyway (the user row, the session, the
messages), not rendered from templates: the header of a logged-in page then costs no template work.
"""

from django.contrib.messages import get_messages
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext

from .shell import visitor_part


def _member(request):
    """The logged-in user of the request, or None."""
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else None


def _can_use_cms(request) -> bool:
    session = getattr(request, "session", None)
    return bool(session is not None and session.get("can_use_cms"))


@visitor_part("user-name")
def user_name(request, context) -> str:
    user = _member(request)
    return format_html("{}", user.display_name) if user else ""


@visitor_part("unread-notifications")
def unread_notifications(request, context) -> str:
    count = getattr(_member(request), "unread_notifications", 0)
    if not count:
        return ""
    return format_html(
        ' <span class="badge">{}<span class="visually-hidden"> {}</span></span>', count, gettext("unread")
    )


@visitor_part("cms-link")
def cms_link(request, context) -> str:
    if not _can_use_cms(request):
        return ""
    return format_html('<a href="{}">{}</a>', reverse("wagtailadmin_home"), gettext("CMS"))


@visitor_part("userbar")
def userbar(request, context) -> str:
    """Wagtail's editing bar with the page's edit links, for those who may use the CMS (rendered only
    for them)."""
    if not _can_use_cms(request):
        return ""
    return render_to_string("includes/userbar.html", {**context, "request": request}, request)


@visitor_part("messages")
def messages(request, context) -> str:
    storage = get_messages(request)
    if not storage:
        return ""
    return render_to_string("includes/messages.html", {"messages": storage}, request)
