from dataclasses import dataclass

from django import template
from wagtail.models import Site

from academy.pagecache import cached

register = template.Library()


@dataclass(frozen=True)
class MenuItem:
    title: str
    url: str
    path: str


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The live sections below the home page that editors put in the menu (cached until content changes)."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return []
    return cached(
        f"main-menu:{site.pk}",
        lambda: [
            MenuItem(page.title, page.get_url(request), page.path)
            for page in site.root_page.get_children().live().in_menu()
        ],
    )


@register.filter
def is_within(page, section) -> bool:
    """True when `page` is `section` or lies below it in the page tree."""
    return bool(page and getattr(page, "path", None) and page.path.startswith(section.path))
