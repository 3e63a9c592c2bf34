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


def remember_cms_access(sender, request, user, **kwargs):
    """Stores at login whether the user may open the CMS, so every page can show the link without
    asking the database for permissions (the CMS itself checks them on every request)."""
    if request is not None and hasattr(request, "session"):
        request.session["can_use_cms"] = user.has_perm("wagtailadmin.access_admin")


class PlatformUsersAppConfig(WagtailUsersAppConfig):
    user_viewset = "accounts.viewsets.UserViewSet"
