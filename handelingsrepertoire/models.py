import uuid

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.http import FileResponse, HttpResponse
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from academy.pages import ShellPage
from successfactors.models import World

from .blocks import SheetItemBlock, StepBlock
from .panels import InstrumentStatsPanel


class Phase(models.TextChoices):
    """The phases of a collaboration an instrument is meant for."""

    EXPLORE_AND_START = "verkennen-en-starten", _("Exploring and starting")
    CARRY_OUT = "uitvoeren", _("Carrying out")
    EVALUATE_AND_RESET = "evalueren-en-resetten", _("Evaluating and resetting")


class InstrumentIndexPage(ShellPage, Page):
    """The repertoire of action: every instrument sheet, one A4 each."""

    intro = RichTextField(_("introduction"), features=["bold", "italic", "link"], blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["handelingsrepertoire.InstrumentPage"]
    max_count = 1

    shell_query_parameters = ("q", "succesfactor", "wereld", "fase")  # InstrumentFilterForm's fields

    class Meta:
        verbose_name = _("instrument index")

    def get_context(self, request, *args, **kwargs):
        from .selectors import instrument_catalogue

        context = super().get_context(request, *args, **kwargs)
        context.update(instrument_catalogue(index=self, params=request.GET))
        return context

    def get_template(self, request, *args, **kwargs):
        template = super().get_template(request, *args, **kwargs)
        htmx = request.htmx
        if (
            htmx
            and not htmx.boosted
            and not htmx.history_restore_request
            and htmx.target == "instrument-results"
        ):
            return f"{template}#instrument-results"
        return template

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        patch_vary_headers(response, ["HX-Request"])
        return response


class InstrumentPage(ShellPage, RoutablePageMixin, Page):
    """One instrument sheet: always the same recognisable shape, and always one A4."""

    summary = models.CharField(
        _("one-sentence summary"),
        max_length=200,
        help_text=_("What the instrument does, in one sentence. Shown on cards and at the top of the sheet."),
    )
    purpose = models.TextField(_("purpose"), max_length=500)
    when_to_use = models.TextField(_("when to use it"), max_length=500)
    participants = models.CharField(_("who takes part"), max_length=200)
    time_needed = models.CharField(_("time needed"), max_length=80, help_text=_("E.g. '60 to 90 minutes'."))
    steps = StreamField(
        [("step", StepBlock())],
        verbose_name=_("steps"),
        min_num=2,
        max_num=8,
        help_text=_("The method, in order. Two to eight steps."),
    )
    tips = StreamField([("tip", SheetItemBlock())], verbose_name=_("tips"), blank=True, max_num=5)
    pitfalls = StreamField([("pitfall", SheetItemBlock())], verbose_name=_("pitfalls"), blank=True, max_num=5)
    success_factors = ParentalManyToManyField(
        "successfactors.SuccessFactor", verbose_name=_("success factors"), related_name="instruments"
    )
    world = models.CharField(_("world"), max_length=10, choices=World.choices, default=World.BOTH)
    phase = models.CharField(_("phase of the collaboration"), max_length=30, choices=Phase.choices)

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("purpose"),
                FieldPanel("when_to_use"),
                FieldPanel("participants"),
                FieldPanel("time_needed"),
            ],
            heading=_("At a glance"),
        ),
        FieldPanel("steps"),
        FieldPanel("tips"),
        FieldPanel("pitfalls"),
        MultiFieldPanel(
            [
                FieldPanel("success_factors", widget=forms.CheckboxSelectMultiple),
                FieldPanel("world"),
                FieldPanel("phase"),
            ],
            heading=_("Classification"),
        ),
        InlinePanel("related_instruments", label=_("Related instruments"), heading=_("Related instruments")),
        InlinePanel("case_links", label=_("Based on best-practice case"), heading=_("Best-practice cases")),
        InstrumentStatsPanel(heading=_("Downloads and PDF")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("purpose"),
        index.SearchField("when_to_use"),
        index.SearchField("steps"),
        index.FilterField("world"),
        index.FilterField("phase"),
    ]
    preview_modes = [("", _("Web page")), ("pdf", _("PDF (one A4)"))]
    parent_page_types = ["handelingsrepertoire.InstrumentIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("instrument")
        verbose_name_plural = _("instruments")

    def clean(self):
        from .services import instrument_sheet_check

        super().clean()
        problem = instrument_sheet_check(page=self)
        if problem is not None:
            # The banner at the top says why; the field shows where.
            raise ValidationError({NON_FIELD_ERRORS: problem.message, problem.field: problem.field_message})

    def get_context(self, request, *args, **kwargs):
        from .selectors import instrument_sheet_context

        context = super().get_context(request, *args, **kwargs)
        context.update(instrument_sheet_context(page=self))
        return context

    @property
    def pdf_url(self) -> str:
        url = self.url
        return url + self.reverse_subpage("pdf") if url else ""

    @path("")
    def index_route(self, request, *args, **kwargs):
        return self.serve_shell(request, *args, **kwargs)

    @path("pdf/", name="pdf")
    def pdf(self, request):
        from .services import instrument_download_record, instrument_pdf_open

        content = instrument_pdf_open(page=self)
        instrument_download_record(page=self)
        return FileResponse(
            content, as_attachment=True, filename=f"{self.slug}.pdf", content_type="application/pdf"
        )

    def serve_preview(self, request, mode_name):
        if mode_name != "pdf":
            return super().serve_preview(request, mode_name)
        from .services import instrument_sheet_render

        rendered = instrument_sheet_render(page=self)
        response = HttpResponse(rendered.content, content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="{self.slug or "instrument"}.pdf"'
        return response


class InstrumentRelation(Orderable):
    page = ParentalKey(InstrumentPage, on_delete=models.CASCADE, related_name="related_instruments")
    related = models.ForeignKey(
        InstrumentPage, verbose_name=_("instrument"), on_delete=models.CASCADE, related_name="related_from"
    )

    panels = [PageChooserPanel("related", page_type="handelingsrepertoire.InstrumentPage")]

    class Meta(Orderable.Meta):
        verbose_name = _("related instrument")
        constraints = [models.UniqueConstraint(fields=["page", "related"], name="instrument_relation_unique")]


class InstrumentCaseLink(Orderable):
    """A best-practice case the instrument was built from. A plain page link, so that this app does not
    depend on the cases app; the chooser only offers case pages."""

    page = ParentalKey(InstrumentPage, on_delete=models.CASCADE, related_name="case_links")
    case = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("best-practice case"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("case", page_type="cases.CasePage")]

    class Meta(Orderable.Meta):
        verbose_name = _("best-practice case")
        constraints = [models.UniqueConstraint(fields=["page", "case"], name="instrument_case_link_unique")]


def pdf_upload_to(instance: "InstrumentPdf", filename: str) -> str:
    # Unguessable: storage may be public while the sheet is later restricted or unpublished.
    return f"instrumenten/{uuid.uuid4().hex}/{filename}"


class InstrumentPdf(models.Model):
    """The PDF of one published revision of a sheet, rendered once and then served from storage."""

    page = models.ForeignKey(InstrumentPage, on_delete=models.CASCADE, related_name="pdfs")
    revision = models.ForeignKey("wagtailcore.Revision", on_delete=models.CASCADE, related_name="+")
    file = models.FileField(_("file"), upload_to=pdf_upload_to)
    page_count = models.PositiveSmallIntegerField(_("number of pages"))
    size = models.PositiveIntegerField(_("size (bytes)"))
    rendered_at = models.DateTimeField(_("rendered at"), auto_now_add=True)

    class Meta:
        verbose_name = _("instrument PDF")
        constraints = [
            models.UniqueConstraint(fields=["page", "revision"], name="instrument_pdf_per_revision")
        ]

    def __str__(self):
        return f"{self.page_id} r{self.revision_id}"


class InstrumentDownloads(models.Model):
    """Downloads per sheet. Not a page field: publishing copies a revision's fields onto the page and
    would reset a counter stored there."""

    page = models.OneToOneField(
        InstrumentPage, on_delete=models.CASCADE, primary_key=True, related_name="downloads"
    )
    count = models.PositiveIntegerField(_("downloads"), default=0)

    class Meta:
        verbose_name = _("instrument downloads")
        verbose_name_plural = _("instrument downloads")

    def __str__(self):
        return f"{self.page_id}: {self.count}"
