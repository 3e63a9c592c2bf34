from django import template
from wagtail.models import Site

register = template.Library()


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The live sections below the home page that editors put in the menu."""
    request = context.get("request")
    cache = getattr(request, "_main_menu", None) if request else None
    if cache is not None:
        return cache
    site = Site.find_for_request(request) if request else None
    items = list(site.root_page.get_children().live().in_menu()) if site else []
    if request is not None:
        request._main_menu = items
    return items


@register.filter
def is_within(page, section) -> bool:
    """True when `page` is `section` or lies below it in the page tree."""
    return bool(page and getattr(page, "path", None) and page.path.startswith(section.path))
