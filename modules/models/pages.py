from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from academy.pages import ShellPage

from ..blocks import lesson_blocks
from ..panels import QuestionBankPanel
from ..rendering import lesson_personal_context, render_lesson_body


class ModulePage(ShellPage, Page):
    """A learning module: a coherent part of a course, made of lessons and a quiz."""

    intro = RichTextField(_("introduction"), features=["bold", "italic", "link", "ul"], blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        InlinePanel("case_links", label=_("Based on best-practice case"), heading=_("Best-practice cases")),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["courses.CoursePage"]
    subpage_types = ["modules.LessonPage", "modules.QuizPage"]

    class Meta:
        verbose_name = _("learning module")
        verbose_name_plural = _("learning modules")

    def get_context(self, request, *args, **kwargs):
        from ..selectors import module_cases

        context = super().get_context(request, *args, **kwargs)
        context["items"] = LearningItemPage.objects.live().child_of(self).order_by("path").specific()
        context["cases"] = module_cases(module_ids=[self.pk])
        return context


class ModuleCaseLink(Orderable):
    """A best-practice case the module was built from (the product's core loop: case → module). A plain
    page link, so that this app does not depend on the cases app; the chooser only offers case pages.
    The case page lists the module in return, through Wagtail's reference index."""

    page = ParentalKey(ModulePage, on_delete=models.CASCADE, related_name="case_links")
    case = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("best-practice case"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("case", page_type="cases.CasePage")]

    class Meta(Orderable.Meta):
        verbose_name = _("best-practice case")
        constraints = [models.UniqueConstraint(fields=["page", "case"], name="module_case_link_unique")]


class LearningItemPage(ShellPage, Page):
    """What a professional completes inside a module: a lesson or a quiz.

    A concrete base so that one query lists every item of a course with its settings, whatever its type.
    """

    is_required = models.BooleanField(
        _("required for completion"),
        default=True,
        help_text=_("Optional items (e.g. further reading) do not count towards the course's progress."),
    )
    estimated_minutes = models.PositiveSmallIntegerField(_("estimated time (minutes)"), default=15)

    is_creatable = False
    parent_page_types = ["modules.ModulePage"]
    subpage_types = []

    settings_panels = [
        *Page.settings_panels,
        MultiFieldPanel([FieldPanel("is_required"), FieldPanel("estimated_minutes")], heading=_("Progress")),
    ]

    class Meta:
        verbose_name = _("learning item")


class LessonPage(LearningItemPage):
    summary = models.CharField(
        _("summary"), max_length=300, help_text=_("One or two sentences: what the professional learns here.")
    )
    body = StreamField(lesson_blocks(), verbose_name=_("content"), use_json_field=True)
    success_factors = ParentalManyToManyField(
        "successfactors.SuccessFactor", verbose_name=_("success factors"), blank=True, related_name="lessons"
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("success_factors", widget=forms.CheckboxSelectMultiple),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body")]
    parent_page_types = ["modules.ModulePage"]
    subpage_types = []
    template = "modules/lesson_page.html"

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The courses app passes the professional's journey when it serves the lesson; previews have none.
        # Only the course's structure is used from the journey here; the progress is personal.
        context.update(journey=kwargs.get("journey"), body_html=render_lesson_body(self))
        return context

    def get_personal_context(self, request, markers, *args, **kwargs):
        return lesson_personal_context(kwargs.get("journey"), kwargs.get("item_state"))

    def serve_preview(self, request, mode_name):
        return self.serve_shell(request)


class ReviewMode(models.TextChoices):
    AFTER_ATTEMPT = "after_attempt", _("After each attempt")
    AFTER_PASSING = "after_passing", _("Only after passing")
    NEVER = "never", _("Never")


class QuizPage(RoutablePageMixin, LearningItemPage):
    """A quiz at the end of a module; done when passed. Its questions live in its question bank."""

    intro = RichTextField(_("introduction"), features=["bold", "italic", "link", "ul"], blank=True)
    passing_score = models.PositiveSmallIntegerField(
        _("passing score (%)"), default=70, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    max_attempts = models.PositiveSmallIntegerField(
        _("number of attempts"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Leave empty for unlimited attempts."),
    )
    questions_per_attempt = models.PositiveSmallIntegerField(
        _("questions per attempt"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Draw this many questions at random from the question bank; empty for all questions."),
    )
    shuffle_questions = models.BooleanField(_("shuffle questions"), default=False)
    shuffle_options = models.BooleanField(_("shuffle options"), default=True)
    time_limit_minutes = models.PositiveSmallIntegerField(
        _("time limit (minutes)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Leave empty for no time limit. The server submits late attempts as they stood."),
    )
    review_mode = models.CharField(
        _("show correct answers and feedback"),
        max_length=20,
        choices=ReviewMode.choices,
        default=ReviewMode.AFTER_ATTEMPT,
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("passing_score"), FieldPanel("max_attempts")]),
                FieldRowPanel([FieldPanel("questions_per_attempt"), FieldPanel("time_limit_minutes")]),
                FieldRowPanel([FieldPanel("shuffle_questions"), FieldPanel("shuffle_options")]),
                FieldPanel("review_mode"),
            ],
            heading=_("Quiz rules"),
        ),
        QuestionBankPanel(),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["modules.ModulePage"]
    subpage_types = []
    template = "modules/quiz_page.html"

    class Meta:
        verbose_name = _("quiz")
        verbose_name_plural = _("quizzes")

    def serve(self, request, view=None, args=None, kwargs=None, journey=None, item_state=None):
        if view is None:
            # Routed without the sub-URL resolver (e.g. the home page's one-query lookup): the overview.
            view, args, kwargs = self.resolve_subpage("/")
        # The courses app serves every learning item with the professional's journey (courses.serving).
        kwargs = {**(kwargs or {}), "journey": journey, "item_state": item_state}
        return super().serve(request, view, args, kwargs)

    def serve_preview(self, request, mode_name):
        return self._view("quiz_preview", request)

    def _view(self, name: str, request, **kwargs):
        # The views import the models; imported here to keep the page model free of them.
        from .. import quiz_views

        return getattr(quiz_views, name)(request, quiz=self, **kwargs)

    @path("")
    def overview(self, request, **kwargs):
        return self._view("quiz_overview", request, **kwargs)

    @path("start/", name="start")
    def start(self, request, **kwargs):
        return self._view("attempt_start", request, **kwargs)

    @path("poging/<uuid:attempt_id>/", name="attempt")
    def attempt(self, request, **kwargs):
        return self._view("attempt_page", request, **kwargs)

    @path("poging/<uuid:attempt_id>/opslaan/", name="save")
    def save_answers(self, request, **kwargs):
        return self._view("attempt_save", request, **kwargs)

    @path("poging/<uuid:attempt_id>/inleveren/", name="submit")
    def submit(self, request, **kwargs):
        return self._view("attempt_submit", request, **kwargs)

    @path("poging/<uuid:attempt_id>/terugblik/", name="review")
    def review(self, request, **kwargs):
        return self._view("attempt_review", request, **kwargs)

    def attempt_url(self, attempt, name: str = "attempt") -> str:
        return self.url + self.reverse_subpage(name, kwargs={"attempt_id": attempt.uuid})
