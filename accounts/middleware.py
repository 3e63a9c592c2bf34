"""Administrators use the CMS only with two-factor authentication, where the settings require it."""

from functools import cache
from urllib.parse import urlencode

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from .roles import is_administrator


@cache
def _guarded_paths() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The CMS's and Django admin's prefixes, and their logout pages (which stay open), resolved once."""
    return (
        (reverse("wagtailadmin_home"), reverse("admin:index")),
        (reverse("wagtailadmin_logout"), reverse("admin:logout")),
    )


class AdministratorMFAMiddleware:
    """Before /admin/ or /django-admin/, an administrator without an authenticator app is sent to its
    setup, and one whose session never entered a code (made some other way than allauth's form, which asks
    for it) logs in again. Logging out stays possible."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not (getattr(settings, "MFA_REQUIRED_FOR_ADMINISTRATORS", False) and self.guarded(request)):
            return self.get_response(request)
        if not is_administrator(request.user):
            return self.get_response(request)
        totp = Authenticator.objects.filter(user=request.user, type=Authenticator.Type.TOTP).first()
        if totp is None:
            messages.warning(
                request,
                _(
                    "Administrators log in with an authenticator app. Set one up to continue to the "
                    "management environment."
                ),
            )
            return redirect("mfa_activate_totp")
        if not self.code_entered(request, totp):
            next_url = request.get_full_path()
            logout(request)
            return redirect(f"{reverse('account_login')}?{urlencode({'next': next_url})}")
        return self.get_response(request)

    @staticmethod
    def guarded(request) -> bool:
        prefixes, open_paths = _guarded_paths()
        return request.path.startswith(prefixes) and request.path not in open_paths

    @staticmethod
    def code_entered(request, totp: Authenticator) -> bool:
        """allauth records each way a session authenticated; setting the app up in this session (with a
        valid code) counts too."""
        records = request.session.get("account_authentication_methods", [])
        if any(record.get("method") == "mfa" for record in records):
            return True
        logged_in_at = max((record.get("at", 0) for record in records), default=None)
        return logged_in_at is not None and totp.created_at.timestamp() >= logged_in_at
