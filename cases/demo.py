"""Demo best-practice cases (example content)."""

from accounts.roles import MODERATORS
from accounts.services import group_grant_page_permissions
from home.demo import ensure_child

from .models import CaseIndexPage


def seed(log, context) -> dict:
    index = ensure_child(
        context["home"],
        CaseIndexPage,
        slug="praktijkvoorbeelden",
        title="Praktijkvoorbeelden",
        show_in_menus=True,
        search_description="Hoe lidorganisaties hun samenwerking laten werken: gedeelde praktijkvoorbeelden.",
        intro="<p>Lidorganisaties delen wat werkte, en wat niet, in hun samenwerkingsverbanden.</p>",
    )
    group_grant_page_permissions(
        group=context["groups"][MODERATORS], page=index, codenames=["add_page", "change_page", "publish_page"]
    )
    return {"case_index": index}
