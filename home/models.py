from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.url_routing import RouteResult

from academy.pagecache import cached
from academy.pages import ShellPage

SECTION_PAGE_TYPES = [
    "courses.CourseIndexPage",
    "programmes.ProgrammeIndexPage",
    "handelingsrepertoire.InstrumentIndexPage",
    "cases.CaseIndexPage",
    "fitnessscan.FitnessScanPage",
]


class HomePage(ShellPage, Page):
    """The academy's front door: what it offers and where to start."""

    hero_title = models.CharField(_("hero title"), max_length=200)
    hero_intro = models.TextField(_("hero introduction"), max_length=600)
    body = RichTextField(_("body"), features=["h2", "h3", "bold", "italic", "link", "ol", "ul"], blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("hero_title"),
        FieldPanel("hero_intro"),
        FieldPanel("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = SECTION_PAGE_TYPES
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        # Wagtail resolves one tree level per query, plus one for .specific; a lesson sits five levels
        # below the home page. Look the whole path up by url_path at once, and fall back to Wagtail's
        # walk for anything else (routable pages with extra path components, unpublished pages).
        if not path_components:
            # The site's root page object is kept per process (academy.middleware.CachedSiteMiddleware);
            # serve the home page as it is at the current content version.
            if not self.live:
                return super().route(request, path_components)
            return RouteResult(cached(f"route:{self.url_path}", lambda: HomePage.objects.get(pk=self.pk)))
        url_path = self.url_path + "/".join(path_components) + "/"
        page = cached(
            f"route:{url_path}", lambda: Page.objects.live().filter(url_path=url_path).specific().first()
        )
        if page is not None:
            # Let the page route itself: a routable page (quiz, scan, index) serves its own start view.
            return page.route(request, [])
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.get_children().live().in_menu().specific()
        return context


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    footer_text = models.TextField(
        _("footer text"),
        blank=True,
        help_text=_("Shown in the footer of every page, e.g. who runs the academy."),
    )
    contact_email = models.EmailField(_("contact e-mail address"), blank=True)

    panels = [FieldPanel("footer_text"), FieldPanel("contact_email")]

    class Meta:
        verbose_name = _("site settings")
