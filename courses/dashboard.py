"""Sections other apps add to /mijn/ (e.g. the learning groups of programmes), without courses knowing them.

An app registers a template and a function `context(user) -> dict | None` in its `AppConfig.ready`; the
dashboard renders each section whose function returns a context. Each function must answer in a fixed
number of queries, whatever the user's data."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class DashboardSection:
    template: str
    context: Callable[..., dict | None]


_sections: list[DashboardSection] = []


def register_section(template: str, context: Callable[..., dict | None]) -> None:
    if not any(section.template == template for section in _sections):
        _sections.append(DashboardSection(template, context))


def sections_for(*, user) -> list[tuple[str, dict]]:
    found = []
    for section in _sections:
        context = section.context(user=user)
        if context is not None:
            found.append((section.template, context))
    return found
