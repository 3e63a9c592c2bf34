from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SuccessFactorsConfig(AppConfig):
    name = "successfactors"
    verbose_name = _("Success factors")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from .models import SuccessFactor
        from .selectors import clear_cache

        post_save.connect(clear_cache, sender=SuccessFactor, dispatch_uid="successfactors-cache-save")
        post_delete.connect(clear_cache, sender=SuccessFactor, dispatch_uid="successfactors-cache-delete")
