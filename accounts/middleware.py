"""Administrators use the CMS only with two-factor authentication, where the settings require it."""

from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from .roles import is_administrator


class AdministratorMFAMiddleware:
    """Sends an administrator without an authenticator app to its setup before /admin/ or /django-admin/.

    allauth then asks every later login for a code. Logging out stays possible."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if getattr(settings, "MFA_REQUIRED_FOR_ADMINISTRATORS", False) and self.lacks_totp(request):
            messages.warning(
                request,
                _(
                    "Administrators log in with an authenticator app. Set one up to continue to the "
                    "management environment."
                ),
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)

    @staticmethod
    def lacks_totp(request) -> bool:
        path = request.path
        guarded = path.startswith((reverse("wagtailadmin_home"), reverse("admin:index")))
        if not guarded or path in (reverse("wagtailadmin_logout"), reverse("admin:logout")):
            return False
        user = request.user
        return is_administrator(user) and not is_mfa_enabled(user, [Authenticator.Type.TOTP])
