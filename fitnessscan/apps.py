from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FitnessScanConfig(AppConfig):
    name = "fitnessscan"
    verbose_name = _("FitnessScan")

    def ready(self):
        from . import signals  # noqa: F401 (connects the receivers)
