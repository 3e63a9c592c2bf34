import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from academy.pages import ShellPage
from questionnaires.models import AnswerBase, StatementBase, answer_on_scale
from questionnaires.scoring import Band

from .forms import FitnessScanPageForm


class FitnessScanPage(ShellPage, RoutablePageMixin, Page):
    """The FitnessScan: how ready an organisation is for collaboration. The statements and the advice
    are edited inline; taking the scan, the result, the report and the organisation profile are routes."""

    intro = RichTextField(_("introduction"), features=["bold", "italic", "link"], blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    statement_panels = [
        InlinePanel(
            "statements",
            heading=_("Statements"),
            label=_("Statement"),
            help_text=_(
                "One step per success factor. Editing a statement does not change results already "
                "given: a result keeps the statements as they were asked."
            ),
        )
    ]
    advice_panels = [
        InlinePanel(
            "advice",
            heading=_("Advice"),
            label=_("Advice"),
            help_text=_("Per success factor and score band: what to do, which courses and instruments."),
        )
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(statement_panels, heading=_("Statements")),
            ObjectList(advice_panels, heading=_("Advice")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )
    base_form_class = FitnessScanPageForm

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("FitnessScan")

    def serve(self, request, view=None, args=None, kwargs=None):
        # A router that finds this page by its URL (home.HomePage.route) serves it without routing
        # it: then the start page is still the index route, not the bare template.
        if view is None:
            view, args, kwargs = self.resolve_subpage("/")
        return super().serve(request, view, args, kwargs)

    # The routes only hand over to the views: the rules live in services and selectors.
    @path("")
    def start_page(self, request):
        from . import views

        return views.start_page(request, page=self)

    @path("opnieuw/", name="restart")
    def restart(self, request):
        from . import views

        return views.restart(request, page=self)

    @path("stap/<int:number>/", name="step")
    def step(self, request, number):
        from . import views

        return views.step(request, page=self, number=number)

    @path("resultaat/<uuid:response_id>/", name="result")
    def result(self, request, response_id):
        from . import views

        return views.result(request, page=self, response_id=response_id)

    @path("resultaat/<uuid:response_id>/pdf/", name="result_pdf")
    def result_pdf(self, request, response_id):
        from . import views

        return views.result_pdf(request, page=self, response_id=response_id)

    @path("mijn-resultaten/", name="history")
    def history(self, request):
        from . import views

        return views.history(request, page=self)

    @path("organisatie/", name="organisation")
    def organisation(self, request):
        from . import views

        return views.organisation(request, page=self)


class ScanStatement(Orderable, StatementBase):
    """A statement of the scan, tied to one success factor (the fields come from the engine)."""

    page = ParentalKey(FitnessScanPage, on_delete=models.CASCADE, related_name="statements")

    panels = [FieldPanel("factor"), FieldPanel("text"), FieldPanel("reverse_scored")]

    class Meta(Orderable.Meta):
        verbose_name = _("statement")
        verbose_name_plural = _("statements")


class FactorAdvice(Orderable):
    """The trainer's advice for a success factor in one score band, with courses and instruments."""

    page = ParentalKey(FitnessScanPage, on_delete=models.CASCADE, related_name="advice")
    factor = models.ForeignKey(
        "successfactors.SuccessFactor",
        verbose_name=_("success factor"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    band = models.CharField(_("score band"), max_length=10, choices=Band.choices)
    text = RichTextField(_("advice"), features=["bold", "italic", "link", "ul", "ol"])
    # Generic page links keep this app's migrations independent of the courses and instruments apps;
    # the panels restrict the choice to the right page type.
    course = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("recommended course"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    second_course = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("second recommended course"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    instrument = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("recommended instrument"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    second_instrument = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("second recommended instrument"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    panels = [
        FieldRowPanel([FieldPanel("factor"), FieldPanel("band")]),
        FieldPanel("text"),
        FieldRowPanel(
            [
                PageChooserPanel("course", page_type="courses.CoursePage"),
                PageChooserPanel("second_course", page_type="courses.CoursePage"),
            ]
        ),
        FieldRowPanel(
            [
                PageChooserPanel("instrument", page_type="handelingsrepertoire.InstrumentPage"),
                PageChooserPanel("second_instrument", page_type="handelingsrepertoire.InstrumentPage"),
            ]
        ),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("advice")
        verbose_name_plural = _("advice")

    def __str__(self):
        return f"{self.factor} · {self.get_band_display()}"

    def linked_courses(self) -> list[Page]:
        return [page for page in (self.course, self.second_course) if page is not None and page.live]

    def linked_instruments(self) -> list[Page]:
        return [page for page in (self.instrument, self.second_instrument) if page is not None and page.live]


class ScanResponse(models.Model):
    """One person's taking of the scan: in progress until completed. Anonymous responses belong to
    a session until their owner logs in."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    page = models.ForeignKey(FitnessScanPage, on_delete=models.CASCADE, related_name="responses")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="scan_responses",
    )
    created_at = models.DateTimeField(_("started"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last saved"), auto_now=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    overall_score = models.PositiveSmallIntegerField(_("overall score"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("scan result")
        verbose_name_plural = _("scan results")
        indexes = [models.Index(fields=["user", "completed_at"])]

    def __str__(self):
        return f"{self.user or _('anonymous')} · {self.created_at:%Y-%m-%d}"

    @property
    def is_completed(self) -> bool:
        return self.completed_at is not None


class ScanAnswer(AnswerBase):
    """An answer, with the statement as it was asked: editing the scan later keeps results readable."""

    response = models.ForeignKey(ScanResponse, on_delete=models.CASCADE, related_name="answers")

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["response", "statement_key"], name="fitnessscan_one_answer"),
            answer_on_scale("fitnessscan_answer_on_scale"),
        ]


class ScanFactorScore(models.Model):
    """A completed response's score for one factor, kept so that history, comparison and the
    organisation profile read numbers instead of recomputing answers."""

    response = models.ForeignKey(ScanResponse, on_delete=models.CASCADE, related_name="factor_scores")
    factor = models.ForeignKey("successfactors.SuccessFactor", on_delete=models.PROTECT, related_name="+")
    # Empty when the factor had no counted answer (all "don't know").
    score = models.PositiveSmallIntegerField(_("score"), null=True, blank=True)

    class Meta:
        verbose_name = _("factor score")
        verbose_name_plural = _("factor scores")
        constraints = [
            models.UniqueConstraint(fields=["response", "factor"], name="fitnessscan_one_score_per_factor"),
        ]

    def __str__(self):
        return f"{self.factor_id}: {self.score}"
