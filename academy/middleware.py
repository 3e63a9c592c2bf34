from django.conf import settings
from django.utils import translation


class PreferredLanguageMiddleware:
    """Dutch unless the visitor chose otherwise.

    Django's LocaleMiddleware would follow the browser's Accept-Language, which turns the site English
    for most Dutch professionals on an English-language laptop. Here only an explicit choice counts:
    the language cookie set by the footer switch, or the language saved on the user's profile.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if language not in self.supported:
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        response.headers.setdefault("Vary", "Cookie")
        return response


class CachedSiteMiddleware:
    """Finds the Wagtail Site of a request from a short-lived per-process cache.

    Wagtail looks the site (and then its root page) up in the database on every request; with one or a
    few sites that is wasted work on the hot path. Saving a Site clears the cache (see academy.apps).
    """

    TTL_SECONDS = 60
    _cache: dict = {}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        import time

        from wagtail.models import Site

        key = request.get_host()
        cached = self._cache.get(key)
        if cached is None or cached[1] < time.monotonic():
            site = Site._find_for_request(request)
            if site is not None:
                site.root_page = site.root_page.specific  # loaded once, reused by the router
            cached = (site, time.monotonic() + self.TTL_SECONDS)
            self._cache[key] = cached
        request._wagtail_site = cached[0]
        return self.get_response(request)

    @classmethod
    def clear(cls, **kwargs):
        cls._cache.clear()
