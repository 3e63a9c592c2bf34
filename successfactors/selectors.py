from django.core.cache import cache

from .models import SuccessFactor

CACHE_KEY = "successfactors:all"


def all_factors() -> list[SuccessFactor]:
    """The eight factors, in order. Cached: they change rarely and appear on many pages."""
    factors = cache.get(CACHE_KEY)
    if factors is None:
        factors = list(SuccessFactor.objects.order_by("number"))
        cache.set(CACHE_KEY, factors, 60 * 60)
    return factors


def clear_cache(**kwargs) -> None:
    cache.delete(CACHE_KEY)
