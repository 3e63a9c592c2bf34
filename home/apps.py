from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home and navigation")

    def ready(self):
        from django.db.models.signals import post_save

        from .models import SiteSettings

        post_save.connect(site_settings_changed, sender=SiteSettings, dispatch_uid="site-settings-changed")


def site_settings_changed(created=False, **kwargs):
    """The footer text is part of every cached page shell and of a cached fragment: show a change at once.

    Creation is not a change: Wagtail creates the (empty) settings the first time a page reads them."""
    if created:
        return
    from django.conf import settings
    from django.core.cache import cache
    from django.core.cache.utils import make_template_fragment_key

    from academy.pagecache import bump_pages_version

    bump_pages_version()
    cache.delete_many(
        [make_template_fragment_key("site-footer", [code]) for code, _name in settings.LANGUAGES]
    )
