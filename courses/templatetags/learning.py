from django import template

register = template.Library()


@register.filter
def module_of(journey, item_id):
    """The module of the journey that holds an item."""
    return journey.module_of(item_id) if journey else None
