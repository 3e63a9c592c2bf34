from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home and navigation")

    def ready(self):
        from wagtail.signals import page_published, page_unpublished

        from .templatetags.navigation import clear_main_menu as clear_menu

        page_published.connect(clear_menu, dispatch_uid="home-menu-published")
        page_unpublished.connect(clear_menu, dispatch_uid="home-menu-unpublished")
