"""Django's admin, for superusers only, behind the one login (allauth's, with its throttling and MFA)."""

from django.contrib.admin import AdminSite
from django.contrib.admin.apps import AdminConfig
from django.urls import reverse


class SuperuserAdminSite(AdminSite):
    def has_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def login(self, request, extra_context=None):
        # Its own login form would accept unlimited guesses: send every GET and POST to allauth's.
        from .views import staff_login

        return staff_login(request, default_next=reverse("admin:index", current_app=self.name))


class SuperuserAdminConfig(AdminConfig):
    default_site = "accounts.admin_site.SuperuserAdminSite"
