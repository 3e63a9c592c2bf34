"""Administrators use the CMS only with two-factor authentication, where the settings require it."""

from urllib.parse import urlencode

from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
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
        required = getattr(settings, "MFA_REQUIRED_FOR_ADMINISTRATORS", False)
        if required and self.skipped_the_code(request):
            # Logged in some other way than allauth's form, which asks for the code: log in again, properly.
            next_url = request.get_full_path()
            logout(request)
            return redirect(f"{reverse('account_login')}?{urlencode({'next': next_url})}")
        if required and self.lacks_totp(request):
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
    def guarded(request) -> bool:
        path = request.path
        guarded = path.startswith((reverse("wagtailadmin_home"), reverse("admin:index")))
        return guarded and path not in (reverse("wagtailadmin_logout"), reverse("admin:logout"))

    @classmethod
    def lacks_totp(cls, request) -> bool:
        user = request.user
        return (
            cls.guarded(request)
            and is_administrator(user)
            and not is_mfa_enabled(user, [Authenticator.Type.TOTP])
        )

    @classmethod
    def skipped_the_code(cls, request) -> bool:
        """An administrator with an authenticator app whose session never entered a code: allauth records
        each way a session authenticated; setting the app up in this session (a valid code) counts too."""
        user = request.user
        if not (cls.guarded(request) and is_administrator(user)):
            return False
        totp = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
        if totp is None:
            return False
        records = request.session.get("account_authentication_methods", [])
        if any(record.get("method") == "mfa" for record in records):
            return False
        logged_in_at = max((record.get("at", 0) for record in records), default=None)
        return logged_in_at is None or totp.created_at.timestamp() < logged_in_at
