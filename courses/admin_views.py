"""The trainer's progress report in the Wagtail admin, with a CSV export."""

from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _

from academy.exports import csv_response
from accounts import roles

from .models import CoursePage
from .selectors import course_report_rows, courses_for_report


def _require_trainer(request):
    if not roles.is_trainer(request.user):
        raise PermissionDenied(_("Only trainers and administrators see progress reports."))


def report_index(request):
    _require_trainer(request)
    courses = list(courses_for_report(user=request.user).annotate(enrolment_count=Count("enrolments")))
    return TemplateResponse(request, "courses/admin/report_index.html", {"courses": courses})


def course_report(request, course_id: int):
    _require_trainer(request)
    course = get_object_or_404(CoursePage, pk=course_id)
    if not courses_for_report(user=request.user).filter(pk=course.pk).exists():
        # An explicit 403: Wagtail's admin turns PermissionDenied into a redirect to its dashboard.
        context = {"message": _("You can only see the progress of courses you teach.")}
        return TemplateResponse(request, "courses/admin/forbidden.html", context, status=403)
    rows = course_report_rows(course=course)
    if request.GET.get("format") == "csv":
        return _csv(course, rows)
    return TemplateResponse(request, "courses/admin/course_report.html", {"course": course, "rows": rows})


def _csv(course, rows):
    response, writer = csv_response(f"voortgang-{slugify(course.title)}-{timezone.localdate():%Y%m%d}.csv")
    writer.writerow(
        [
            _("Name"),
            _("E-mail address"),
            _("Organisation"),
            _("Progress (%)"),
            _("Items done"),
            _("Items"),
            _("Enrolled on"),
            _("Last activity"),
            _("Completed on"),
            _("Status"),
        ]
    )

    def when(value):
        return date_format(timezone.localtime(value), "Y-m-d H:i") if value else ""

    for row in rows:
        e = row.enrolment
        writer.writerow(
            [
                e.user.get_full_name(),
                e.user.email,
                e.user.organisation.name if e.user.organisation else "",
                row.percent,
                row.done,
                row.total,
                when(e.enrolled_at),
                when(e.last_activity_at),
                when(e.completed_at),
                e.get_status_display(),
            ]
        )
    return response
