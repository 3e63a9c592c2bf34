"""Rendering a lesson's body once per published revision.

The body is the same for every professional except two things: the CSRF token in its forms and their own
answers to reflection questions. The cached HTML carries placeholders for those, filled in per request.
"""

import re

from django.core.cache import cache
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils.html import escape
from django.utils.translation import get_language

CSRF_PLACEHOLDER = "@@csrf-token@@"
ANSWER_PLACEHOLDER = re.compile(r"@@reflection:([0-9a-f-]{1,64})@@")
CACHE_SECONDS = 60 * 60 * 24


def render_lesson_body(page) -> str:
    return render_to_string("modules/includes/lesson_body.html", {"page": page})


def cached_lesson_body(page, *, preview: bool = False) -> str:
    if preview or not page.live_revision_id:
        return render_lesson_body(page)
    key = f"lesson-body:{page.pk}:{page.live_revision_id}:{get_language()}"
    html = cache.get(key)
    if html is None:
        html = render_lesson_body(page)
        cache.set(key, html, CACHE_SECONDS)
    return html


def fill_placeholders(html: str, *, csrf_token: str, answers: dict[str, str]) -> str:
    html = html.replace(CSRF_PLACEHOLDER, csrf_token)
    return ANSWER_PLACEHOLDER.sub(lambda match: escape(answers.get(match.group(1), "")), html)


def lesson_body_for(page, *, request, answers: dict[str, str]) -> str:
    html = cached_lesson_body(page, preview=getattr(request, "is_preview", False))
    return fill_placeholders(html, csrf_token=get_token(request), answers=answers)
