"""Builders for instrument sheets in tests and the benchmark."""

from successfactors.models import SuccessFactor, World

from .models import InstrumentIndexPage, InstrumentPage, Phase


def instrument_index() -> InstrumentIndexPage:
    index = InstrumentIndexPage.objects.first()
    if index is None:
        from home.demo import ensure_home

        index = ensure_home().add_child(
            instance=InstrumentIndexPage(title="Handelingsrepertoire", slug="handelingsrepertoire")
        )
    return index


def success_factor(number: int = 1, *, world: str = World.BOTH) -> SuccessFactor:
    factor, _created = SuccessFactor.objects.get_or_create(
        number=number,
        defaults={
            "name": f"Succesfactor {number}",
            "slug": f"succesfactor-{number}",
            "world": world,
            "description": "-",
        },
    )
    return factor


def instrument_fields(*, steps: int = 4, step_text: str | None = None, **fields) -> dict:
    text = step_text if step_text is not None else "Bespreek samen wat je ziet en spreek af wie wat doet."
    return {
        "title": "Teststap voor samenwerken",
        "summary": "Een instrument om samen af te spreken hoe je met verschillen omgaat.",
        "purpose": "Afspraken maken voordat het schuurt.",
        "when_to_use": "Bij de start van de samenwerking.",
        "participants": "Alle partners.",
        "time_needed": "60 minuten",
        "steps": [
            {"type": "step", "value": {"title": f"Stap {n}", "text": text}} for n in range(1, steps + 1)
        ],
        "tips": [{"type": "tip", "value": "Begin op tijd."}],
        "pitfalls": [{"type": "pitfall", "value": "Te laat beginnen."}],
        "world": World.BOTH,
        "phase": Phase.EXPLORE_AND_START,
        **fields,
    }


def build_instrument(
    *, index: InstrumentIndexPage | None = None, publish: bool = True, factors=(), **fields
) -> InstrumentPage:
    """A sheet under the index; published through a revision, as the admin does, unless `publish=False`."""
    index = index or instrument_index()
    page = InstrumentPage(**instrument_fields(**fields), live=False)
    page.success_factors = list(factors)
    index.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
        page.refresh_from_db()
    return page
