"""Reads of the module structure that pages outside one module need."""

from __future__ import annotations

from wagtail.models import Page

from .models import ModuleCaseLink


def module_cases(*, module_ids: list[int]) -> list[Page]:
    """The published best-practice cases the given modules were built from, each once, in module order.
    Two queries, whatever the number of modules."""
    links = ModuleCaseLink.objects.filter(page_id__in=module_ids).order_by("page__path", "sort_order")
    case_ids = list(dict.fromkeys(links.values_list("case_id", flat=True)))
    if not case_ids:
        return []
    live = {page.pk: page for page in Page.objects.live().public().filter(pk__in=case_ids)}
    return [live[case_id] for case_id in case_ids if case_id in live]
