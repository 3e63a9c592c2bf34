"""Demo courses (example content)."""

from accounts.roles import TRAINERS
from accounts.services import group_grant_page_permissions
from home.demo import ensure_child

from .models import CourseIndexPage


def seed(log, context) -> dict:
    index = ensure_child(
        context["home"],
        CourseIndexPage,
        slug="cursussen",
        title="Cursussen",
        show_in_menus=True,
        search_description=(
            "Zelfstudiecursussen over samenwerken tussen organisaties, opgebouwd uit praktijkvoorbeelden."
        ),
        intro="<p>Leer in je eigen tempo hoe je een samenwerkingsverband laat werken.</p>",
    )
    group_grant_page_permissions(
        group=context["groups"][TRAINERS], page=index, codenames=["add_page", "change_page", "publish_page"]
    )
    return {"course_index": index}
