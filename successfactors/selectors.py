from academy.pagecache import cached

from .models import SuccessFactor


def all_factors() -> list[SuccessFactor]:
    """The eight factors, in order: they appear on many pages and change rarely (a change of a factor
    is a change of content, see academy.apps.content_saved)."""
    return cached("successfactors:all", lambda: list(SuccessFactor.objects.order_by("number")))
