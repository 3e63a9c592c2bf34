"""Pages outside a course that its package carries, and the sections an empty site lacks.

A lesson shows instrument sheets and cases. The package carries each of them, so that a site which lacks
one (a new academy, a fresh installation) gets it from the package as a draft; a site that has a page with
that slug keeps its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from wagtail.models import Page, Site

from cases.models import CaseIndexPage, CasePage
from courses.models import CourseIndexPage
from handelingsrepertoire.models import InstrumentIndexPage, InstrumentPage
from home.models import HomePage


@dataclass(frozen=True)
class CarriedType:
    model: type[Page]
    section: type[Page]
    section_slug: str
    section_title: str  # a gettext_noop msgid: translated when the section is created
    plain_fields: tuple[str, ...]
    rich_text_fields: tuple[str, ...] = ()
    stream_fields: tuple[str, ...] = ()


CARRIED_TYPES: dict[str, CarriedType] = {
    "handelingsrepertoire.instrumentpage": CarriedType(
        model=InstrumentPage,
        section=InstrumentIndexPage,
        section_slug="handelingsrepertoire",
        section_title=gettext_noop("Repertoire of action"),
        plain_fields=("summary", "purpose", "when_to_use", "participants", "time_needed", "world", "phase"),
        stream_fields=("steps", "tips", "pitfalls"),
    ),
    "cases.casepage": CarriedType(
        model=CasePage,
        section=CaseIndexPage,
        section_slug="praktijkvoorbeelden",
        section_title=gettext_noop("Best-practice cases"),
        plain_fields=(
            "summary",
            "sector",
            "collaboration_kind",
            "organisations_involved",
            "show_submitter_name",
            "show_submitter_organisation",
        ),
        rich_text_fields=("context", "challenge", "approach", "result", "lessons_learned"),
    ),
}

COURSE_SECTION = (CourseIndexPage, "cursussen", gettext_noop("Courses"))


def carried_type(page: Page) -> CarriedType | None:
    return CARRIED_TYPES.get(page.specific_class._meta.label_lower)


def _home(*, user) -> Page:
    """The site's home page; a fresh installation gets a draft one, which its default site then shows."""
    home = HomePage.objects.first()
    if home is not None:
        return home
    title = _("Home")
    home = HomePage(title=title, slug="home", hero_title=title, hero_intro=title, owner=user)
    home.live, home.has_unpublished_changes = False, True
    root = Page.get_first_root_node()
    taken = set(root.get_children().values_list("slug", flat=True))
    while home.slug in taken:
        home.slug += "-1"
    root.add_child(instance=home)
    home.save_revision(user=user, log_action=True)
    site = Site.objects.filter(is_default_site=True).first()
    # Wagtail's first migration points the site at a placeholder "Welcome" page: the new home replaces it.
    if site is not None and not isinstance(site.root_page.specific, HomePage):
        site.root_page = home
        site.save()
    return home


def section(model: type[Page], slug: str, title: str, *, user) -> Page:
    """The site's section page of this type (the course catalogue, the instrument index…), created as a
    draft under the home page when the site has none."""
    existing = model.objects.first()
    if existing is not None:
        return existing
    home = _home(user=user)
    page = model(title=_(title), slug=slug, live=False, has_unpublished_changes=True, owner=user)
    home.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    return page
