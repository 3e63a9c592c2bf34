"""Quizzes in the Wagtail admin: the question editor, a quiz's question bank, GIFT import and statistics.

Questions are snippets (their own rows), not inline panels of the quiz page: Wagtail recreates inline
children from the page revision on every publish, which would give a question a new id each time and cut
it off from its answers and statistics. As rows, a question keeps its identity through every edit.
"""

import django_filters
from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
)
from wagtail.admin.widgets import Button
from wagtail.permission_policies import BasePermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet

from academy.admin_columns import YesNoColumn
from accounts import roles

from . import admin_views
from .forms import QuestionForm
from .models import Question, QuizPage
from .quiz_selectors import can_see_statistics


class QuestionPermissionPolicy(BasePermissionPolicy):
    """Trainers edit the questions of the quizzes they may edit; an answered question is retired, not deleted."""

    def user_has_permission(self, user, action):
        return roles.is_trainer(user)

    def users_with_any_permission(self, actions):
        names = [roles.TRAINERS, roles.ADMINISTRATORS]
        return (
            get_user_model()
            .objects.filter(Q(is_superuser=True) | Q(groups__name__in=names), is_active=True)
            .distinct()
        )

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        if action == "delete" and instance.responses.exists():
            return False
        return instance.quiz.permissions_for_user(user).can_edit()

    def instances_user_has_any_permission_for(self, user, actions):
        return Question.objects.all() if roles.is_trainer(user) else Question.objects.none()


register_permission_policy(Question, QuestionPermissionPolicy(Question))

KIND_HELP = _(
    "<p><b>Options per type.</b> Single choice: the options, the right one at 100%. Multiple response: "
    "credits of the right options add up to 100%; wrong ones may be negative (a question never scores "
    "below 0). True or false: two options, first “true” and then “false”, the right one at 100%. "
    "Matching: each pair as text and “matches”; a distractor has only “matches”. Ordering: the items in "
    "the right order. Short answer: the accepted answers (* is a wildcard, upper or lower case does not "
    "matter), partial credit allowed. Numeric: a value with a tolerance, or a range; an option without "
    "either stands for “any other answer”. Open question: no options; a trainer grades the answer (optionally with a rubric).</p>"
)


class QuestionCreateView(snippet_views.CreateView):
    def get_initial_form_instance(self):
        instance = super().get_initial_form_instance() or self.model()
        quiz_id = self.request.GET.get("quiz", "")
        if quiz_id.isdigit():
            instance.quiz = QuizPage.objects.filter(pk=int(quiz_id)).first()
        return instance

    def get_success_url(self):
        return reverse("quiz_questions", args=[self.object.quiz_id])


class QuestionEditView(snippet_views.EditView):
    def get_success_url(self):
        return reverse("quiz_questions", args=[self.object.quiz_id])


class QuestionDeleteView(snippet_views.DeleteView):
    """An answered question stays, so that attempts and statistics stay complete: it can be retired."""

    def dispatch(self, request, *args, **kwargs):
        if self.object.responses.exists():
            messages.error(
                request,
                _("“%(name)s” has been answered and cannot be deleted. Untick “in use” to retire it.")
                % {"name": self.object.name},
            )
            return redirect("quiz_questions", self.object.quiz_id)
        return super().dispatch(request, *args, **kwargs)

    def get_success_url(self):
        return reverse("quiz_questions", args=[self.object.quiz_id])


def _question_tags(request):
    return Tag.objects.filter(modules_questiontag_items__isnull=False).distinct().order_by("name")


class QuestionFilterSet(WagtailFilterSet):
    """The question bank's filters: type, in use, and the ID numbers and tags that come with Moodle files."""

    reference = django_filters.CharFilter(label=_("ID number"), lookup_expr="icontains")
    tags = django_filters.ModelMultipleChoiceFilter(
        label=_("Tags"),
        field_name="tagged_items__tag",
        queryset=_question_tags,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Questions with any of the ticked tags."),
    )

    class Meta:
        model = Question
        fields = ["kind", "is_active"]


class QuestionViewSet(SnippetViewSet):
    model = Question
    icon = "help"
    menu_label = _("Quiz questions")
    list_display = ["name", "reference", "kind", "quiz", "points", YesNoColumn("is_active", Question)]
    filterset_class = QuestionFilterSet
    search_fields = ["name", "reference", "text"]
    search_backend_name = None
    sort_order_field = None  # the order is per quiz: see the quiz's question bank
    ordering = ["quiz__path", "sort_order"]
    add_view_class = QuestionCreateView
    edit_view_class = QuestionEditView
    delete_view_class = QuestionDeleteView
    edit_handler = ObjectList(
        [
            FieldPanel("quiz"),
            FieldRowPanel([FieldPanel("kind"), FieldPanel("points")]),
            FieldPanel("name"),
            FieldPanel("text"),
            HelpPanel(content=KIND_HELP),
            InlinePanel(
                "options",
                label=_("Options"),
                panels=[
                    FieldRowPanel(
                        [
                            FieldPanel("text", widget=forms.TextInput),
                            FieldPanel("credit"),
                        ]
                    ),
                    FieldPanel("match_text"),
                    FieldPanel("feedback", widget=forms.Textarea(attrs={"rows": 2})),
                    MultiFieldPanel(
                        [
                            FieldRowPanel([FieldPanel("value"), FieldPanel("tolerance")]),
                            FieldRowPanel([FieldPanel("minimum"), FieldPanel("maximum")]),
                        ],
                        heading=_("Numeric answer"),
                        classname="collapsed",
                    ),
                ],
            ),
            InlinePanel(
                "rubric_criteria",
                label=_("Rubric (open questions)"),
                help_text=_(
                    "Optional: the trainer scores each criterion; the question's score is their share of "
                    "its points."
                ),
                panels=[FieldRowPanel([FieldPanel("name"), FieldPanel("points")])],
            ),
            FieldPanel("general_feedback"),
            FieldRowPanel([FieldPanel("category"), FieldPanel("reference"), FieldPanel("is_active")]),
            FieldPanel("tags"),
        ],
        base_form_class=QuestionForm,
    )


register_snippet(QuestionViewSet)


@hooks.register("register_admin_urls")
def register_quiz_admin_urls():
    return [
        path("toetsen/", admin_views.statistics_index, name="quiz_statistics_index"),
        path("toetsen/<int:quiz_id>/vragen/", admin_views.question_bank, name="quiz_questions"),
        path(
            "toetsen/<int:quiz_id>/vragen/<int:question_id>/verplaatsen/",
            admin_views.question_move,
            name="quiz_question_move",
        ),
        path("toetsen/<int:quiz_id>/gift/", admin_views.gift_upload, name="quiz_gift_import"),
        path("toetsen/<int:quiz_id>/gift/export/", admin_views.gift_download, name="quiz_gift_export"),
        path("toetsen/<int:quiz_id>/statistieken/", admin_views.statistics, name="quiz_statistics"),
    ]


class TrainerMenuItem(MenuItem):
    def is_shown(self, request):
        return roles.is_trainer(request.user)


@hooks.register("register_reports_menu_item")
def register_quiz_statistics_menu_item():
    return TrainerMenuItem(
        _("Quiz statistics"), reverse("quiz_statistics_index"), icon_name="doc-full", order=60
    )


def _quiz_buttons(page, user, priority: int):
    if not issubclass(page.specific_class or type(page), QuizPage):
        return
    if page.permissions_for_user(user).can_edit():
        yield Button(
            _("Questions"), reverse("quiz_questions", args=[page.pk]), icon_name="help", priority=priority
        )
        yield Button(
            _("Import GIFT"),
            reverse("quiz_gift_import", args=[page.pk]),
            icon_name="upload",
            priority=priority + 1,
        )
    if can_see_statistics(user=user, quiz=page):
        yield Button(
            _("Statistics"),
            reverse("quiz_statistics", args=[page.pk]),
            icon_name="doc-full",
            priority=priority + 2,
        )


@hooks.register("register_page_header_buttons")
def quiz_page_header_buttons(page, user, view_name, next_url=None):
    yield from _quiz_buttons(page, user, priority=11)


@hooks.register("register_page_listing_more_buttons")
def quiz_page_listing_buttons(page, user, next_url=None):
    yield from _quiz_buttons(page, user, priority=3)
