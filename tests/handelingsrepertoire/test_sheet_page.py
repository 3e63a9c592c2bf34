import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from courses.factories import build_course, lessons_of
from handelingsrepertoire.factories import build_instrument
from handelingsrepertoire.models import InstrumentCaseLink, InstrumentRelation
from handelingsrepertoire.selectors import instrument_lessons, instruments_for_case

pytestmark = pytest.mark.django_db


def test_the_sheet_shows_its_fields_in_the_fixed_shape_and_a_pdf_link(client, instrument):
    response = client.get(instrument.url)
    html = response.content.decode()
    assert response.status_code == 200
    for text in [
        "Doel",
        "Wanneer inzetten",
        "Wie doen mee",
        "Benodigde tijd",
        "Werkwijze",
        "Tips",
        "Valkuilen",
    ]:
        assert f">{text}</h2>" in html, text
    assert html.count("<li><strong>Stap") == 4
    assert f'href="{instrument.url}pdf/"' in html
    assert "Vertrouwen en relatie" in html  # success factor
    assert "Verkennen en starten" in html and "Beide werelden" in html


def link_related(page, *others):
    for position, other in enumerate(others):
        InstrumentRelation.objects.create(page=page, related=other, sort_order=position)


def test_related_instruments_show_in_both_directions_but_only_when_published(
    client, instrument, index, factors
):
    later = build_instrument(index=index, title="Escalatieladder", factors=[factors[6]])
    draft = build_instrument(index=index, title="Conceptladder", factors=[factors[6]], publish=False)
    link_related(later, instrument, draft)
    html = client.get(instrument.url).content.decode()
    assert "Verwante instrumenten" in html and "Escalatieladder" in html
    html = client.get(later.url).content.decode()
    assert "Startgesprek" in html and "Conceptladder" not in html


def test_linked_best_practice_cases_show_only_when_live(client, instrument, index):
    live_case = index.get_parent().add_child(instance=Page(title="Ketenaanpak Rivierstad", slug="keten"))
    draft_case = index.get_parent().add_child(
        instance=Page(title="Geheim concept", slug="geheim", live=False)
    )
    InstrumentCaseLink.objects.create(page=instrument, case=live_case, sort_order=0)
    InstrumentCaseLink.objects.create(page=instrument, case=draft_case, sort_order=1)
    html = client.get(instrument.url).content.decode()
    assert "Gebaseerd op praktijkvoorbeelden" in html
    assert "Ketenaanpak Rivierstad" in html and "Geheim concept" not in html
    assert list(instruments_for_case(case=live_case)) == [instrument]


def lesson_linking_to(lesson, page):
    lesson.body = [
        {"type": "text", "value": f'<p>Gebruik <a linktype="page" id="{page.pk}">het instrument</a>.</p>'}
    ]
    lesson.save_revision().publish()


def test_the_sheet_lists_the_published_lessons_that_use_it(
    client, instrument, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        course = build_course(title="Samenwerken leren", modules=1, lessons=2)
        first, second = lessons_of(course)
        lesson_linking_to(first, instrument)
        lesson_linking_to(second, instrument)
        second.unpublish()
    assert list(instrument_lessons(page=instrument)) == [first.page_ptr]
    html = client.get(instrument.url).content.decode()
    assert "Lessen die het gebruiken" in html and first.title in html and second.title not in html


def add_links(page, index, factors, *, related: int, cases: int):
    others = [
        build_instrument(index=index, title=f"Instrument {page.pk}-{n}", factors=[factors[n % 8 + 1]])
        for n in range(related)
    ]
    link_related(page, *others)
    for n in range(cases):
        case = index.get_parent().add_child(instance=Page(title=f"Praktijk {page.pk}-{n}"))
        InstrumentCaseLink.objects.create(page=page, case=case, sort_order=n)


def test_the_sheet_page_runs_the_same_number_of_queries_however_many_links(
    client, instrument, index, factors
):
    add_links(instrument, index, factors, related=1, cases=1)
    client.get(instrument.url)  # warm the caches
    with CaptureQueriesContext(connection) as few:
        client.get(instrument.url)

    add_links(instrument, index, factors, related=6, cases=4)
    instrument.success_factors = list(factors.values())
    instrument.save_revision().publish()
    client.get(instrument.url)  # publishing emptied the caches; warm them again
    with CaptureQueriesContext(connection) as many:
        html = client.get(instrument.url).content.decode()
    assert html.count("Instrument ") >= 7 and html.count("Praktijk ") >= 5
    assert len(few) == len(many) <= 25
