from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.admin.ui.components import Component
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from accounts import roles

from . import admin_views, selectors
from .models import RoundStatement


@hooks.register("register_admin_urls")
def register_queue_urls():
    return [
        path("te-beoordelen/", admin_views.queue, name="feedback_queue"),
        path("te-beoordelen/reflectie/<int:entry_id>/", admin_views.reflection, name="feedback_reflection"),
        path("te-beoordelen/antwoord/<int:response_id>/", admin_views.answer, name="feedback_answer"),
    ]


class TrainerMenuItem(MenuItem):
    def is_shown(self, request):
        return roles.is_trainer(request.user)


@hooks.register("register_admin_menu_item")
def register_queue_menu_item():
    return TrainerMenuItem(_("To grade"), reverse("feedback_queue"), icon_name="tasks", order=150)


class QueuePanel(Component):
    name = "feedback_queue"
    template_name = "feedback/admin/dashboard_panel.html"
    order = 50

    def __init__(self, count: int):
        self.count = count

    def get_context_data(self, parent_context):
        return {"count": self.count}


@hooks.register("construct_homepage_panels")
def add_queue_panel(request, panels):
    if roles.is_trainer(request.user):
        panels.append(QueuePanel(selectors.waiting_count(user=request.user)))


class RoundStatementPermissionPolicy(BasePermissionPolicy):
    """Trainers and administrators manage the statements of the feedback round."""

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
        return self.user_has_permission(user, action)

    def instances_user_has_any_permission_for(self, user, actions):
        return RoundStatement.objects.all() if roles.is_trainer(user) else RoundStatement.objects.none()


register_permission_policy(RoundStatement, RoundStatementPermissionPolicy(RoundStatement))


class RoundStatementViewSet(SnippetViewSet):
    model = RoundStatement
    icon = "group"
    menu_label = _("Feedback round statements")
    list_display = ["text", "factor", "reverse_scored", "is_active"]
    ordering = ["factor__number", "sort_order"]
    panels = [
        FieldPanel("factor"),
        FieldPanel("text"),
        FieldRowPanel([FieldPanel("reverse_scored"), FieldPanel("sort_order"), FieldPanel("is_active")]),
    ]


register_snippet(RoundStatementViewSet)
