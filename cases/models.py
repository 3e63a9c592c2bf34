"""Best-practice cases (praktijkvoorbeelden): shared by member organisations, moderated, read by everyone."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.forms import CheckboxSelectMultiple
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.images import get_image_model_string
from wagtail.models import Orderable, Page
from wagtail.search import index

from academy.pages import ShellPage
from accounts.models import Sector

CASE_RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "blockquote"]


class CollaborationKind(models.TextChoices):
    PUBLIC_PRIVATE = "publiek-privaat", _("Public–private partnership")
    CHAIN = "ketensamenwerking", _("Chain collaboration")
    NETWORK = "netwerk", _("Network")
    ALLIANCE = "alliantie", _("Alliance")
    INTERGOVERNMENTAL = "interbestuurlijk", _("Intergovernmental collaboration")
    OTHER = "overig", _("Other")


class CaseIndexPage(ShellPage, RoutablePageMixin, Page):
    """Best-practice cases shared by the member organisations; also where members share and follow theirs."""

    # Sub-URLs of the index: a case with one of these slugs could never be reached.
    ROUTE_SLUGS = frozenset({"delen", "mijn"})

    intro = RichTextField(_("introduction"), features=["bold", "italic", "link"], blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["cases.CasePage"]
    max_count = 1
    shell_query_parameters = ("q", "sector", "factor", "kind", "pagina")  # CaseFilterForm's, and the page

    class Meta:
        verbose_name = _("case index")

    def get_template(self, request, *args, **kwargs):
        template = super().get_template(request, *args, **kwargs)
        htmx = getattr(request, "htmx", None)
        if htmx and not htmx.boosted and not htmx.history_restore_request:
            return f"{template}#case-results"
        return template

    def serve(self, request, view=None, args=None, kwargs=None):
        # A router that finds this page by its URL (home.HomePage.route) serves it without routing it:
        # then the list is still the index route, not the bare template.
        if view is None:
            view, args, kwargs = self.resolve_subpage("/")
        return super().serve(request, view, args, kwargs)

    # Views live in cases/views.py; imported late because they import this module.
    @path("", name="index")
    def index_route(self, request):
        from .views import case_index

        return case_index(request, index=self)

    @path("delen/", name="share")
    def share_route(self, request):
        from .views import case_share

        return case_share(request, index=self)

    @path("delen/<int:case_id>/", name="edit")
    def edit_route(self, request, case_id):
        from .views import case_share

        return case_share(request, index=self, case_id=case_id)

    @path("delen/<int:case_id>/voorbeeld/", name="preview")
    def preview_route(self, request, case_id):
        from .views import case_preview

        return case_preview(request, index=self, case_id=case_id)

    @path("mijn/", name="mine")
    def mine_route(self, request):
        from .views import case_mine

        return case_mine(request, index=self)


class CasePage(ShellPage, Page):
    """One shared case: what the collaboration was, what it ran into, what was done and learned."""

    summary = models.CharField(
        _("summary"),
        max_length=300,
        help_text=_("One or two sentences: the challenge and what it led to. Shown on overviews."),
    )
    sector = models.CharField(_("sector"), max_length=30, choices=Sector.choices)
    collaboration_kind = models.CharField(
        _("kind of collaboration"), max_length=30, choices=CollaborationKind.choices
    )
    organisations_involved = models.TextField(
        _("organisations involved"), max_length=2000, help_text=_("One organisation per line.")
    )
    context = RichTextField(_("context"), features=CASE_RICH_TEXT_FEATURES)
    challenge = RichTextField(_("challenge"), features=CASE_RICH_TEXT_FEATURES)
    approach = RichTextField(_("approach"), features=CASE_RICH_TEXT_FEATURES)
    result = RichTextField(_("result"), features=CASE_RICH_TEXT_FEATURES)
    lessons_learned = RichTextField(_("lessons learned"), features=CASE_RICH_TEXT_FEATURES)
    success_factors = ParentalManyToManyField(
        "successfactors.SuccessFactor", verbose_name=_("success factors"), blank=True, related_name="cases"
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("shared by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="shared_cases",
    )
    submitting_organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("shared by organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="shared_cases",
    )
    show_submitter_name = models.BooleanField(_("show the name of the person who shared it"), default=False)
    show_submitter_organisation = models.BooleanField(
        _("show the name of the organisation that shared it"), default=True
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("sector"), FieldPanel("collaboration_kind"), FieldPanel("organisations_involved")],
            heading=_("The collaboration"),
        ),
        FieldPanel("context"),
        FieldPanel("challenge"),
        FieldPanel("approach"),
        FieldPanel("result"),
        FieldPanel("lessons_learned"),
        FieldPanel("success_factors", widget=CheckboxSelectMultiple),
        InlinePanel("instrument_links", heading=_("Instruments used"), label=_("instrument")),
        InlinePanel("gallery_images", heading=_("Images"), label=_("image"), max_num=6),
        MultiFieldPanel(
            [
                FieldPanel("submitted_by", read_only=True),
                FieldPanel("submitting_organisation"),
                FieldPanel("show_submitter_name"),
                FieldPanel("show_submitter_organisation"),
            ],
            heading=_("Shared by"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("organisations_involved"),
        index.SearchField("context"),
        index.SearchField("challenge"),
        index.SearchField("approach"),
        index.SearchField("result"),
        index.SearchField("lessons_learned"),
        index.RelatedFields("success_factors", [index.SearchField("name")]),
        index.FilterField("sector"),
        index.FilterField("collaboration_kind"),
    ]
    parent_page_types = ["cases.CaseIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("best-practice case")
        verbose_name_plural = _("best-practice cases")

    def clean(self):
        super().clean()
        if self.slug in CaseIndexPage.ROUTE_SLUGS:
            raise ValidationError(
                {"slug": _("This slug is used by the case pages themselves; choose another.")}
            )

    def get_context(self, request, *args, **kwargs):
        from .selectors import case_detail

        context = super().get_context(request, *args, **kwargs)
        context.update(case_detail(case=self))
        return context

    @property
    def organisation_names(self) -> list[str]:
        return [line.strip() for line in self.organisations_involved.splitlines() if line.strip()]

    @property
    def shared_by(self) -> str:
        """Who shared the case, as far as the submitter allows it to be shown."""
        parts = []
        if self.show_submitter_name and self.submitted_by_id:
            parts.append(self.submitted_by.get_full_name() or self.submitted_by.display_name)
        if self.show_submitter_organisation and self.submitting_organisation_id:
            parts.append(self.submitting_organisation.name)
        return ", ".join(parts)


class CaseInstrument(Orderable):
    """An instrument from the repertoire of action that the case used. A plain page link keeps the
    cases app independent of the instrument app's models and migrations."""

    page = ParentalKey(CasePage, on_delete=models.CASCADE, related_name="instrument_links")
    instrument = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("instrument"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("instrument", page_type="handelingsrepertoire.InstrumentPage")]

    class Meta(Orderable.Meta):
        verbose_name = _("instrument used")
        verbose_name_plural = _("instruments used")


class CaseImage(Orderable):
    page = ParentalKey(CasePage, on_delete=models.CASCADE, related_name="gallery_images")
    image = models.ForeignKey(
        get_image_model_string(), verbose_name=_("image"), on_delete=models.CASCADE, related_name="+"
    )
    alt_text = models.CharField(
        _("alternative text"),
        max_length=250,
        help_text=_("Describe what the image shows for people who cannot see it."),
    )
    caption = models.CharField(_("caption"), max_length=250, blank=True)

    panels = [FieldPanel("image"), FieldPanel("alt_text"), FieldPanel("caption")]

    class Meta(Orderable.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")


class CaseSubmission(models.Model):
    """One time a case was sent for review. The daily limit counts these; the decision and whether its
    e-mail went out are recorded here, so a repeated signal or task never mails twice."""

    class Decision(models.TextChoices):
        PENDING = "", _("Awaiting decision")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    case = models.ForeignKey(
        CasePage, verbose_name=_("case"), on_delete=models.CASCADE, related_name="submissions"
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        on_delete=models.CASCADE,
        related_name="case_submissions",
    )
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True, db_index=True)
    decision = models.CharField(_("decision"), max_length=10, choices=Decision.choices, blank=True)
    decision_comment = models.TextField(_("moderator's comment"), blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_mail_sent_at = models.DateTimeField(_("decision e-mail sent at"), null=True, blank=True)

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        verbose_name = _("case submission")
        verbose_name_plural = _("case submissions")
        indexes = [models.Index(fields=["submitted_by", "submitted_at"])]

    def __str__(self):
        return f"{self.case} ({self.submitted_at:%Y-%m-%d %H:%M})"
