"""Deployment checks of our own, run by `manage.py check --deploy`."""

from django.conf import settings
from django.core.checks import Error, Tags, register

PER_PROCESS_CACHES = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
)


@register(Tags.security, deploy=True)
def shared_cache(app_configs, **kwargs):
    """The login limits (per account and per address) and the page cache live in the cache: with a cache per
    process, every gunicorn worker would count its own failures and an attacker gets workers × the limit."""
    if settings.CACHES["default"]["BACKEND"] in PER_PROCESS_CACHES:
        return [
            Error(
                "The default cache is per process, so login throttling counts per worker.",
                hint="Set REDIS_URL: a cache shared by every worker and app server.",
                id="academy.E001",
            )
        ]
    return []
