"""Nothing invalid goes live: the checks a page must pass before any path publishes it.

Wagtail validates a page's form when a trainer publishes it from its edit screen, but not when a draft
is published another way (a bulk action, "include descendants", a schedule, a workflow approval): the
saved revision goes live as it is. These checks run the same validation on the revision that would go
live, including the content blocks, which a model's full_clean() does not look into."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from wagtail.fields import StreamField


@dataclass(frozen=True)
class PublicationProblem:
    title: str
    reasons: list[str]


def _messages(error: ValidationError) -> list[str]:
    """The innermost messages of a (nested) block validation error."""
    children = getattr(error, "block_errors", None)
    if not children:
        return list(error.messages)
    values = children.values() if isinstance(children, dict) else children
    return [message for child in values if child is not None for message in _messages(child)]


def _stream_reasons(field, value, error: ValidationError) -> list[str]:
    children = getattr(error, "block_errors", None) or {}
    reasons = []
    for index, child in children.items() if isinstance(children, dict) else enumerate(children):
        if child is None:
            continue
        if isinstance(index, int) and index < len(value):
            where = _("%(field)s, block %(number)s (%(block)s)") % {
                "field": field.verbose_name,
                "number": index + 1,
                "block": value[index].block.label,
            }
        else:
            where = str(field.verbose_name)
        reasons.extend(f"{where}: {message}" for message in _messages(child))
    return reasons or [f"{field.verbose_name}: {message}" for message in error.messages]


def publication_problem(page) -> PublicationProblem | None:
    """Why the draft of `page` may not go live, or None when it may."""
    revision = page.get_latest_revision()
    draft = revision.as_object() if revision else page.specific
    reasons: list[str] = []
    try:
        draft.full_clean()
    except ValidationError as error:
        for field_name, errors in error.message_dict.items():
            reasons.extend(f"{_label(draft, field_name)}: {message}" for message in errors)
    for field in draft._meta.get_fields():
        if isinstance(field, StreamField):
            value = getattr(draft, field.name)
            try:
                field.stream_block.clean(value)
            except ValidationError as error:
                reasons.extend(_stream_reasons(field, value, error))
    return PublicationProblem(title=draft.title, reasons=reasons) if reasons else None


def _label(page, field_name: str) -> str:
    try:
        return str(page._meta.get_field(field_name).verbose_name)
    except Exception:  # noqa: BLE001 (a non-field error has no field to name)
        return page.title
