"""allauth's adapters: the lockout message, one lockout per account whatever the host name, the QR code, and
our own texts where allauth's Dutch is formal or calls two-factor authentication by another name."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from django.utils.translation import gettext_lazy as _


class AccountAdapter(DefaultAccountAdapter):
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        # allauth's own text only says "later"; a locked-out professional needs to know how long and
        # that a password reset opens the account at once.
        "too_many_login_attempts": _(
            "Too many failed login attempts for this account. Try again in five minutes, "
            "or reset your password to log in right away."
        ),
    }

    def get_reauthentication_methods(self, user):
        # allauth's labels are commands ("Gebruik je wachtwoord"); the site's buttons say what they do.
        descriptions = {
            "reauthenticate": _("Confirm with your password"),
            "mfa_reauthenticate": _("Confirm with your authenticator app or a recovery code"),
        }
        methods = super().get_reauthentication_methods(user)
        for method in methods:
            method["description"] = descriptions.get(method["id"], method["description"])
        return methods

    def _get_login_attempts_cache_key(self, request, **credentials):
        # allauth prefixes the host name (without django.contrib.sites: the request's Host header), so
        # each host name the site answers to would grant its own five attempts per account.
        login = credentials.get("email", credentials.get("username", ""))
        return f"login:{login.lower()}"


class MFAAdapter(DefaultMFAAdapter):
    # Our own msgids, so that the project's catalogue holds their Dutch ("tweestapsverificatie", "je").
    error_messages = {
        **DefaultMFAAdapter.error_messages,
        "add_email_blocked": _(
            "You can't add an e-mail address while two-step verification protects your account."
        ),
        "cannot_delete_authenticator": _("You can't turn off two-step verification."),
        "cannot_generate_recovery_codes": _(
            "Recovery codes need two-step verification: activate an authenticator app first."
        ),
        "incorrect_code": _("This code is incorrect."),
        "unverified_email": _("Confirm your e-mail address before you turn on two-step verification."),
    }

    def build_totp_svg(self, url: str) -> str:
        # Inline in the page (accounts/templates/mfa/totp/activate_form.html): without the XML declaration.
        svg = super().build_totp_svg(url)
        return svg[svg.find("<svg") :]
