from django import forms
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet

from accounts import roles
from modules.models import LearningItemPage

from . import admin_views
from .certificates import certificate_revoke
from .models import Certificate
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


class CertificateForm(WagtailAdminModelForm):
    """Administrators revoke a certificate with a reason; its details are a record and stay as issued."""

    revoke = forms.BooleanField(label=_("Revoke this certificate"), required=False)

    class Meta:
        model = Certificate
        fields = ["revoke_reason"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["revoke"].initial = bool(self.instance.revoked_at)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("revoke") and not cleaned.get("revoke_reason", "").strip():
            self.add_error(
                "revoke_reason", _("Give the reason for revoking; it is shown on the verification page.")
            )
        return cleaned

    def save(self, commit=True):
        certificate = super().save(commit=False)
        if self.cleaned_data.get("revoke"):
            return certificate_revoke(certificate=certificate, reason=self.cleaned_data["revoke_reason"])
        if commit:
            certificate.save()
        return certificate


class CertificateViewSet(ModelViewSet):
    model = Certificate
    icon = "tick-inverse"
    menu_label = _("Certificates")
    add_to_admin_menu = True
    menu_order = 260
    list_display = ["holder_name", "course_title", "completed_at", "issued_at", "revoked_at"]
    search_fields = ["holder_name", "course_title", "code"]
    form_fields = ["revoke_reason"]
    exclude_form_fields = None
    inspect_view_enabled = True

    def get_form_class(self, for_update=False):
        return CertificateForm


certificate_viewset = CertificateViewSet("certificates")


@hooks.register("register_admin_viewset")
def register_certificate_viewset():
    return certificate_viewset
