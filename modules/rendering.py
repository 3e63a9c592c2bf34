"""Rendering a lesson: once per published revision as a shell, then filled in per professional.

Everything on a lesson page is the same for every professional except their progress (the course
navigation, the progress bar, the completion button), their journal answers, their name and CSRF token and
any messages. The page is rendered once per published revision, language and content version with markers
for those parts (academy/shell.py), kept in the cache, and filled in on each request: a few string
operations instead of rendering a 40-item course navigation and the page chrome every time.
"""

from functools import cache

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from academy.pagecache import cached
from academy.shell import fill, render_shell


def render_lesson_body(page) -> str:
    return render_to_string("modules/includes/lesson_body.html", {"page": page})


def lesson_response(page, request, context: dict) -> HttpResponse:
    """The lesson page for this request; `context` is the page's context (with the journey, if any)."""
    published = page.live_revision_id and not getattr(request, "is_preview", False)
    if published:
        key = f"lesson-shell:{page.pk}:{page.live_revision_id}:{get_language()}"
        shell = cached(key, lambda: _render_shell(page, request, context))
    else:
        shell = _render_shell(page, request, context)
    return HttpResponse(fill(shell, request=request, context=context, values=personal_values(context)))


def _render_shell(page, request, context: dict) -> str:
    body = mark_safe(render_lesson_body(page))  # noqa: S308  # nosec B308, B703  # our own templates, autoescaped
    return render_shell(page.get_template(request), {**context, "body_html": body}, request)


def personal_values(context: dict) -> dict[str, str]:
    """The professional's own values for the markers of the lesson template and its blocks."""
    journey = context.get("journey")
    if journey is None:
        return {}
    values = {
        f"reflection:{block_id}": escape(answer) for block_id, answer in journey.reflection_answers.items()
    }
    values["percent"] = str(journey.percent)
    language = get_language()
    for item in journey.items:
        values[f"status:{item.id}"] = item.status
        values[f"status-note:{item.id}"] = status_note(item.status, language)
    return values


@cache
def status_note(status: str, language: str) -> str:
    """What a screen reader hears after an item in the course navigation ("(done)", "(locked)")."""
    return render_to_string("modules/includes/item_status_note.html", {"status": status}).strip()
