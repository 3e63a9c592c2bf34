from django import template
from django.template.defaultfilters import floatformat

register = template.Library()


@register.filter
def points(value) -> str:
    """A score in points in one format on every page: whole numbers without decimals, others with at most
    two. Rounded first, so that a sum of partial credits such as 0.1 + 0.2 + 0.7 reads "1", not "1,00"."""
    if value is None or value == "":
        return ""
    return floatformat(round(float(value), 2), "-2")
