from django.apps import AppConfig


class AcademyConfig(AppConfig):
    name = "academy"
    verbose_name = "Academie voor Samenwerken"

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import Page, PageViewRestriction, Site
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from . import checks  # noqa: F401 (registers the deployment checks)
        from .exports import protect_wagtail_exports
        from .middleware import CachedSiteMiddleware
        from .pagecache import bump_pages_version

        protect_wagtail_exports()

        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(bump_pages_version, dispatch_uid=f"pagecache-{signal}")
        for model in (Page, PageViewRestriction, Site):
            post_delete.connect(
                bump_pages_version, sender=model, dispatch_uid=f"pagecache-del-{model.__name__}"
            )
        post_save.connect(
            bump_pages_version, sender=PageViewRestriction, dispatch_uid="pagecache-restriction"
        )

        for model in (Site, Page):
            post_save.connect(
                CachedSiteMiddleware.clear, sender=model, dispatch_uid=f"site-cache-{model.__name__}"
            )
            post_delete.connect(
                CachedSiteMiddleware.clear, sender=model, dispatch_uid=f"site-del-{model.__name__}"
            )
