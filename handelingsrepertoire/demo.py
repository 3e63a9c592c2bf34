"""Demo instrument sheets (example content)."""

from accounts.roles import TRAINERS
from accounts.services import group_grant_page_permissions
from home.demo import ensure_child

from .models import InstrumentIndexPage


def seed(log, context) -> dict:
    index = ensure_child(
        context["home"],
        InstrumentIndexPage,
        slug="handelingsrepertoire",
        title="Handelingsrepertoire",
        show_in_menus=True,
        search_description="Praktische instrumenten voor je samenwerking, elk op één A4.",
        intro="<p>Instrumenten die je morgenochtend inzet in een echte samenwerking. Elk past op één A4.</p>",
    )
    group_grant_page_permissions(
        group=context["groups"][TRAINERS], page=index, codenames=["add_page", "change_page", "publish_page"]
    )
    return {"instrument_index": index}
