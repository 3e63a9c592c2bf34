from django.apps import AppConfig


class AcademyConfig(AppConfig):
    name = "academy"
    verbose_name = "Academie voor Samenwerken"

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import Page, PageViewRestriction, Site
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from . import (
            checks,  # noqa: F401 (registers the deployment checks)
            visitor,  # noqa: F401 (registers the parts of every page about the visitor)
        )
        from .exports import protect_wagtail_exports
        from .middleware import CachedSiteMiddleware
        from .pagecache import bump_pages_version

        protect_wagtail_exports()
        keep_site_root_paths_per_content_version(Site)

        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(bump_pages_version, dispatch_uid=f"pagecache-{signal}")
        for model in (Page, PageViewRestriction, Site):
            post_delete.connect(
                bump_pages_version, sender=model, dispatch_uid=f"pagecache-del-{model.__name__}"
            )
        for model in (PageViewRestriction, Site):
            post_save.connect(
                bump_pages_version, sender=model, dispatch_uid=f"pagecache-save-{model.__name__}"
            )
        post_save.connect(content_saved, dispatch_uid="pagecache-content-save")
        post_delete.connect(content_saved, dispatch_uid="pagecache-content-delete")

        for model in (Site, Page):
            post_save.connect(
                CachedSiteMiddleware.clear, sender=model, dispatch_uid=f"site-cache-{model.__name__}"
            )
            post_delete.connect(
                CachedSiteMiddleware.clear, sender=model, dispatch_uid=f"site-del-{model.__name__}"
            )


def keep_site_root_paths_per_content_version(site_model) -> None:
    """Every page URL Wagtail computes asks the shared cache for the sites' root paths, once per page
    object: a Redis round trip for each link on a page. They change only with a site or a page's path,
    and both bump the content version, so each process keeps them per version (academy.pagecache)."""
    from .pagecache import cached

    wagtail_lookup = site_model.get_site_root_paths
    if getattr(wagtail_lookup, "kept_per_content_version", False):
        return

    def site_root_paths():
        return cached("wagtail-site-root-paths", wagtail_lookup)

    site_root_paths.kept_per_content_version = True
    site_model.get_site_root_paths = staticmethod(site_root_paths)


def content_models() -> frozenset:
    """What pages show besides pages: snippets (success factors, organisations, questions), images,
    documents, site settings, and moderation states (a decision shows on the shared case)."""
    global _content_models
    if _content_models is None:
        from wagtail.contrib.settings.registry import registry as settings_registry
        from wagtail.documents import get_document_model
        from wagtail.images import get_image_model
        from wagtail.models import TaskState, WorkflowState
        from wagtail.snippets.models import get_snippet_models

        _content_models = frozenset(
            [
                *get_snippet_models(),
                *settings_registry,
                get_image_model(),
                get_document_model(),
                WorkflowState,
                TaskState,
            ]
        )
    return _content_models


_content_models = None


def content_saved(sender, created=False, **kwargs):
    from wagtail.contrib.settings.models import BaseSiteSetting

    from .pagecache import bump_pages_version

    if sender not in content_models():
        return
    # Wagtail creates a site's (empty) settings the first time a page reads them: not a change.
    if created and issubclass(sender, BaseSiteSetting):
        return
    bump_pages_version()
