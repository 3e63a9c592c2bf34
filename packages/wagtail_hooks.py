from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from accounts import roles
from courses.models import CoursePage

from . import admin_views


@hooks.register("register_admin_urls")
def register_package_urls():
    return [
        path("cursuspakketten/importeren/", admin_views.course_import, name="course_package_import"),
        path(
            "cursuspakketten/<int:course_id>/exporteren/",
            admin_views.course_export,
            name="course_package_export",
        ),
    ]


class TrainerMenuItem(MenuItem):
    def is_shown(self, request):
        return roles.is_trainer(request.user)


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return TrainerMenuItem(
        _("Import course"), reverse("course_package_import"), icon_name="upload", order=290
    )


def _export_button(page, user, *, priority: int):
    if isinstance(page.specific_deferred, CoursePage) and admin_views.may_export(user=user, course=page):
        yield Button(
            _("Export"),
            reverse("course_package_export", args=[page.pk]),
            icon_name="download",
            priority=priority,
        )


@hooks.register("register_page_header_buttons")
def course_page_header_buttons(page, user, view_name, next_url=None):
    yield from _export_button(page, user, priority=12)


@hooks.register("register_page_listing_more_buttons")
def course_page_listing_buttons(page, user, next_url=None):
    yield from _export_button(page, user, priority=4)
