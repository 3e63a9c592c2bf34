from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from accounts import roles
from modules.models import LearningItemPage

from . import admin_views
from .serving import serve_learning_item


# Inside Wagtail's own serving hooks (order 0): its privacy restrictions are checked first.
@hooks.register("on_serve_page", order=100)
def apply_learning_journey(next_serve):
    def serve(page, request, serve_args, serve_kwargs):
        if isinstance(page, LearningItemPage):
            return serve_learning_item(page, request, serve_args, serve_kwargs, next_serve=next_serve)
        return next_serve(page, request, serve_args, serve_kwargs)

    return serve


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path("voortgang/", admin_views.report_index, name="course_reports"),
        path("voortgang/<int:course_id>/", admin_views.course_report, name="course_report"),
    ]


class TrainerMenuItem(MenuItem):
    def is_shown(self, request):
        return roles.is_trainer(request.user)


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return TrainerMenuItem(_("Learner progress"), reverse("course_reports"), icon_name="doc-full", order=50)
