from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HandelingsrepertoireConfig(AppConfig):
    name = "handelingsrepertoire"
    verbose_name = _("Repertoire of action (instruments)")

    def ready(self):
        from . import signals  # noqa: F401 (connects the receivers)
