"""A lesson on the shell path (academy/pages.py): what is the same for every professional, and what not.

Everything on a lesson page is the same for every professional except their progress (the course
navigation's statuses, the progress bar, the completion button), their journal answers, their name and
CSRF token and any messages. The lesson body and the course navigation are rendered once per content
version into the shell; the professional's statuses and answers are marker values filled in per request.
"""

from functools import cache

from django.template.loader import render_to_string
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language


def render_lesson_body(page):
    html = render_to_string("modules/includes/lesson_body.html", {"page": page})
    return mark_safe(html)  # noqa: S308  # nosec B308, B703  # our own templates, autoescaped


def lesson_personal_context(journey, item_state) -> dict:
    """The professional's own part of a lesson: the journey for the personal includes, and the values
    of the lesson template's markers."""
    return {"journey": journey, "item_state": item_state, "markers": personal_values(journey)}


def personal_values(journey) -> dict[str, str]:
    """The professional's own values for the markers of the lesson template and its blocks."""
    if journey is None:
        return {}
    values = {
        f"reflection:{block_id}": escape(answer) for block_id, answer in journey.reflection_answers.items()
    }
    values["percent"] = str(journey.percent)
    language = get_language()
    for item in journey.items:
        values[f"status:{item.id}"] = item.status
        blocking = journey.blocking_item(item.id) if item.locked else None
        values[f"status-note:{item.id}"] = status_note(
            item.status, language, blocking.title if blocking else ""
        )
        if item.locked:
            # A locked lesson is no link to follow: out of the tab order and not clickable (academy.css).
            values[f"link-attributes:{item.id}"] = ' aria-disabled="true" tabindex="-1"'
    return values


@cache
def status_note(status: str, language: str, blocking_title: str = "") -> str:
    """What follows an item in the course navigation: a tick when done (for screen readers "(done)"), and
    for a locked item a lock and what must come first."""
    context = {"status": status, "blocking_title": blocking_title}
    return render_to_string("modules/includes/item_status_note.html", context).strip()
