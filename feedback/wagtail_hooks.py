from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from accounts import roles

from . import admin_views, selectors


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
