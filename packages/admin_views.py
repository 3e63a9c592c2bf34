"""Course packages in the Wagtail admin: a trainer exports a course they teach, and imports one as drafts."""

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts import roles
from courses.models import CourseIndexPage, CoursePage
from courses.selectors import courses_for_report

from .services import MAX_TOTAL_SIZE, PackageError, course_package_export, course_package_import


def may_export(*, user, course: CoursePage) -> bool:
    return courses_for_report(user=user).filter(pk=course.pk).exists()


def _forbidden(request, message: str):
    # An explicit 403: Wagtail's admin turns PermissionDenied into a redirect to its dashboard.
    return TemplateResponse(request, "packages/admin/forbidden.html", {"message": message}, status=403)


def course_export(request, course_id: int):
    course = get_object_or_404(CoursePage, pk=course_id)
    if not may_export(user=request.user, course=course):
        return _forbidden(request, _("You can only export the courses you teach."))
    try:
        package = course_package_export(course=course)
    except PackageError as error:
        messages.error(
            request, _("“%(title)s” cannot be exported: %(error)s") % {"title": course.title, "error": error}
        )
        return redirect("wagtailadmin_explore", course.get_parent().pk)
    response = HttpResponse(package, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{course.slug}.zip"'
    return response


class ImportForm(forms.Form):
    package = forms.FileField(label=gettext_lazy("Course package (.zip)"))
    parent = forms.ModelChoiceField(
        label=gettext_lazy("Import into"), queryset=CourseIndexPage.objects.all(), empty_label=None
    )

    def clean_package(self):
        package = self.cleaned_data["package"]
        if package.size > MAX_TOTAL_SIZE:
            raise forms.ValidationError(_("This file is larger than 200 MB."))
        return package


def course_import(request):
    if not roles.is_trainer(request.user):
        return _forbidden(request, _("Only trainers and administrators import courses."))
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        parent = form.cleaned_data["parent"]
        if not parent.permissions_for_user(request.user).can_add_subpage():
            return _forbidden(request, _("You may not add courses to “%(title)s”.") % {"title": parent.title})
        upload = form.cleaned_data["package"]
        try:
            course = course_package_import(data=upload.read(), parent=parent, user=request.user)
        except PackageError as error:
            form.add_error(
                "package",
                _("%(file)s: %(error)s. Nothing was imported.") % {"file": upload.name, "error": str(error)},
            )
        else:
            messages.success(request, _("“%(title)s” was imported as a draft.") % {"title": course.title})
            return redirect("wagtailadmin_explore", course.pk)
    return TemplateResponse(request, "packages/admin/import.html", {"form": form})
