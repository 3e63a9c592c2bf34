from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from home.models import CachedViewRestrictionsMixin

from .blocks import lesson_blocks


class ModulePage(Page):
    """A learning module: a coherent part of a course, made of lessons and (later) a quiz."""

    intro = RichTextField(_("introduction"), features=["bold", "italic", "link", "ul"], blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["courses.CoursePage"]
    subpage_types = ["modules.LessonPage"]

    class Meta:
        verbose_name = _("learning module")
        verbose_name_plural = _("learning modules")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["items"] = LearningItemPage.objects.live().child_of(self).order_by("path").specific()
        return context


class LearningItemPage(CachedViewRestrictionsMixin, Page):
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
        from .rendering import lesson_body_for

        context = super().get_context(request, *args, **kwargs)
        # The courses app passes the professional's journey when it serves the lesson; previews have none.
        journey = kwargs.get("journey")
        context.update(journey=journey, item_state=kwargs.get("item_state"))
        answers = journey.reflection_answers if journey else {}
        context["body_html"] = lesson_body_for(self, request=request, answers=answers)
        return context
