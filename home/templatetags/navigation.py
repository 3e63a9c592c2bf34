from dataclasses import dataclass

from django import template
from django.core.cache import cache
from wagtail.models import Site

register = template.Library()


@dataclass(frozen=True)
class MenuItem:
    title: str
    url: str
    path: str


MENU_CACHE_SECONDS = 300
MENU_VERSION_KEY = "main-menu-version"


def clear_main_menu(**kwargs) -> None:
    """Publishing or unpublishing a page may change the menu: move every site's cached menu aside."""
    try:
        cache.incr(MENU_VERSION_KEY)
    except ValueError:
        cache.set(MENU_VERSION_KEY, 2)


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The live sections below the home page that editors put in the menu (cached; publishing clears it)."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return []
    key = f"main-menu:{site.pk}:{cache.get_or_set(MENU_VERSION_KEY, 1)}"
    items = cache.get(key)
    if items is None:
        items = [
            MenuItem(page.title, page.get_url(request), page.path)
            for page in site.root_page.get_children().live().in_menu()
        ]
        cache.set(key, items, MENU_CACHE_SECONDS)
    return items


@register.filter
def is_within(page, section) -> bool:
    """True when `page` is `section` or lies below it in the page tree."""
    return bool(page and getattr(page, "path", None) and page.path.startswith(section.path))
