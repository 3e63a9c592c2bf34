"""Puts the demo sections in the order of the main menu, whatever order the apps created them in."""

from .demo import MENU_ORDER


def seed(log, context) -> dict:
    home = context["home"]
    previous = None
    for slug in MENU_ORDER:
        page = home.get_children().filter(slug=slug).first()
        if page is None:
            continue
        if previous is None:
            if page.get_prev_sibling() is not None:
                page.move(home, pos="first-child")
        elif page.get_prev_sibling() != previous:
            page.move(previous, pos="right")
        previous = home.get_children().get(pk=page.pk)
    return {}
