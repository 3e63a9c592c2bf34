from django import template

register = template.Library()


@register.filter
def module_of(journey, item_id):
    """The module of the journey that holds an item."""
    return journey.module_of(item_id) if journey else None


@register.filter
def duration_hours(hours) -> str:
    """A course's duration in words: "1 hour", "1.5 hours", "2 hours" ("1 uur", "1,5 uur" in Dutch)."""
    from django.template.defaultfilters import floatformat
    from django.utils.translation import ngettext

    number = floatformat(hours, "-1")
    return ngettext("%(hours)s hour", "%(hours)s hours", 1 if hours == 1 else 2) % {"hours": number}
