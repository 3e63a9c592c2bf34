"""The demo FitnessScan (example content)."""

from accounts.roles import TRAINERS
from accounts.services import group_grant_page_permissions
from home.demo import ensure_child

from .models import FitnessScanPage


def seed(log, context) -> dict:
    page = ensure_child(
        context["home"],
        FitnessScanPage,
        slug="fitnessscan",
        title="FitnessScan",
        show_in_menus=True,
        search_description="Hoe klaar is jouw organisatie voor samenwerken? Doe de scan en krijg gericht advies.",
        intro="<p>Beantwoord stellingen per succesfactor en zie waar je organisatie staat.</p>",
    )
    group_grant_page_permissions(
        group=context["groups"][TRAINERS], page=page, codenames=["add_page", "change_page", "publish_page"]
    )
    return {"fitnessscan_page": page}
