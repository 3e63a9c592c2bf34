from django.apps import AppConfig


class AcademyConfig(AppConfig):
    name = "academy"
    verbose_name = "Academie voor Samenwerken"

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import Page, Site

        from .middleware import CachedSiteMiddleware

        for model in (Site, Page):
            post_save.connect(
                CachedSiteMiddleware.clear, sender=model, dispatch_uid=f"site-cache-{model.__name__}"
            )
            post_delete.connect(
                CachedSiteMiddleware.clear, sender=model, dispatch_uid=f"site-del-{model.__name__}"
            )
