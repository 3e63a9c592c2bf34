from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    # This module also holds the Wagtail users config below: without `default`, Django would pick neither
    # and never run ready() (the CMS link was missing for trainers).
    default = True
    name = "accounts"
    verbose_name = _("Accounts and organisations")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        user_logged_in.connect(remember_cms_access, dispatch_uid="accounts-cms-access")

        from allauth.account.signals import email_confirmed, user_signed_up

        email_confirmed.connect(join_by_confirmed_address, dispatch_uid="accounts-membership-domain")
        user_signed_up.connect(join_by_verified_signup, dispatch_uid="accounts-membership-signup")


def remember_cms_access(sender, request, user, **kwargs):
    """Stores at login whether the user may open the CMS, so every page can show the link without
    asking the database for permissions (the CMS itself checks them on every request)."""
    if request is not None and hasattr(request, "session"):
        request.session["can_use_cms"] = user.has_perm("wagtailadmin.access_admin")


def join_by_confirmed_address(sender, request, email_address, **kwargs):
    """A confirmed address on an organisation's registered domain makes its owner a member."""
    from .services import membership_join_by_domain

    membership_join_by_domain(user=email_address.user, email=email_address.email)


def join_by_verified_signup(sender, request, user, **kwargs):
    """An account whose address is verified at signup already (e.g. by an identity provider) joins too."""
    from .services import membership_join_by_any_domain

    membership_join_by_any_domain(user=user)


class PlatformUsersAppConfig(WagtailUsersAppConfig):
    user_viewset = "accounts.viewsets.UserViewSet"
