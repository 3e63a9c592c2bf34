"""Reading cases: the index with filters and search, a case page, and bounded queries on both."""

import pytest
from wagtail.models import Page

from academy.pagecache import bump_pages_version
from accounts.models import Sector
from cases.factories import CasePageFactory
from cases.models import CaseInstrument, CollaborationKind
from cases.selectors import case_usages

pytestmark = pytest.mark.django_db

INDEX = "/praktijkvoorbeelden/"


@pytest.fixture
def cases(index, factors):
    return {
        "keten": CasePageFactory(
            parent=index,
            title="Jeugdhulp in de keten",
            sector=Sector.SOCIAL,
            collaboration_kind=CollaborationKind.CHAIN,
            success_factors=[factors[1]],
            challenge="<p>Wachtlijsten en wantrouwen tussen aanbieders.</p>",
        ),
        "brug": CasePageFactory(
            parent=index,
            title="Bouwteam voor een brug",
            sector=Sector.CONSTRUCTION,
            collaboration_kind=CollaborationKind.PUBLIC_PRIVATE,
            success_factors=[factors[2]],
            approach="<p>Een open begroting en een gezamenlijke risicopot.</p>",
        ),
        "net": CasePageFactory(
            parent=index,
            title="Zonnepark op een vol stroomnet",
            sector=Sector.ENERGY,
            collaboration_kind=CollaborationKind.PUBLIC_PRIVATE,
            success_factors=[factors[0], factors[2]],
        ),
        "concept": CasePageFactory(parent=index, title="Nog niet gepubliceerd concept", publish=False),
    }


def titles(response) -> list[str]:
    return [case.title for case in response.context["cases"]]


def test_the_index_lists_published_cases_only(client, cases):
    response = client.get(INDEX)
    assert response.status_code == 200
    assert sorted(titles(response)) == [
        "Bouwteam voor een brug",
        "Jeugdhulp in de keten",
        "Zonnepark op een vol stroomnet",
    ]
    html = response.content.decode()
    assert "Nog niet gepubliceerd" not in html
    assert "Vertrouwen en relatie" in html  # factor tags on the cards
    assert response["Vary"] and "HX-Request" in response["Vary"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"sector": "bouw-infra"}, ["Bouwteam voor een brug"]),
        ({"kind": "publiek-privaat"}, ["Bouwteam voor een brug", "Zonnepark op een vol stroomnet"]),
        ({"factor": "vertrouwen"}, ["Bouwteam voor een brug", "Zonnepark op een vol stroomnet"]),
        ({"factor": "vertrouwen", "sector": "energie"}, ["Zonnepark op een vol stroomnet"]),
        ({"q": "risicopot"}, ["Bouwteam voor een brug"]),
        ({"q": "wachtlijsten"}, ["Jeugdhulp in de keten"]),
        ({"q": "zonnepark", "factor": "vertrouwen"}, ["Zonnepark op een vol stroomnet"]),
        ({"q": "zonnepark", "sector": "sociaal-domein"}, []),
        ({"q": "concept"}, []),
    ],
)
def test_filters_and_search(client, cases, query, expected):
    assert sorted(titles(client.get(INDEX, query))) == expected


def test_no_match_says_so(client, cases):
    html = client.get(INDEX, {"q": "onvindbaar"}).content.decode()
    assert "Toon alle praktijkvoorbeelden" in html


@pytest.mark.parametrize("query", [{"sector": "maan"}, {"factor": "bestaat-niet"}, {"kind": "<script>"}])
def test_unknown_filter_values_give_an_empty_list_and_a_message(client, cases, query):
    response = client.get(INDEX, query)
    assert response.status_code == 200
    assert titles(response) == []
    assert response.context["unknown_filter"]
    assert "onbekend" in response.content.decode()


def test_htmx_gets_only_the_results(client, cases):
    response = client.get(INDEX, {"sector": "energie"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="case-results"')
    assert "<html" not in html and "Zonnepark op een vol stroomnet" in html
    # A boosted request or a history restore gets the whole page.
    boosted = client.get(INDEX, headers={"HX-Request": "true", "HX-Boosted": "true"})
    assert "<html" in boosted.content.decode()
    restore = client.get(INDEX, headers={"HX-Request": "true", "HX-History-Restore-Request": "true"})
    assert "<html" in restore.content.decode()


def test_the_filter_form_works_without_javascript(client, cases):
    html = client.get(INDEX).content.decode()
    assert 'method="get" action="/praktijkvoorbeelden/"' in html
    assert 'data-hx-get="/praktijkvoorbeelden/"' in html


def test_pagination_keeps_the_filters(client, index):
    for number in range(14):
        CasePageFactory(parent=index, title=f"Energie {number}", sector=Sector.ENERGY)
    response = client.get(INDEX, {"sector": "energie"})
    assert len(titles(response)) == 12
    assert "?sector=energie&amp;pagina=2" in response.content.decode()
    assert len(titles(client.get(INDEX, {"sector": "energie", "pagina": 2}))) == 2
    assert client.get(INDEX, {"pagina": "xyz"}).status_code == 200
    assert client.get(INDEX, {"q": "energie " * 500}).status_code == 200


def _add_cases(index, factors, count):
    for _ in range(count):
        CasePageFactory(parent=index, success_factors=factors[: 1 + index.get_children().count() % 3])


@pytest.mark.parametrize("query", [{}, {"q": "samenwerking keten", "factor": "startcondities"}])
def test_index_queries_do_not_grow_with_the_number_of_cases(
    client, index, factors, query, django_assert_max_num_queries
):
    _add_cases(index, factors, 3)
    client.get(INDEX, query)  # warm caches (site root, content types)
    bump_pages_version()  # rendered anew, as after a publication: the work that could grow with the data
    with django_assert_max_num_queries(16) as few:
        client.get(INDEX, query)
    # Every request empties the query log: count now.
    with_three = len(few.captured_queries)
    _add_cases(index, factors, 12)
    client.get(INDEX, query)
    bump_pages_version()
    with django_assert_max_num_queries(with_three):
        response = client.get(INDEX, query)
    assert len(response.context["cases"]) >= 3


# --------------------------------------------------------------------------- a case page


def test_a_case_page_shows_everything_and_the_submitter_only_as_allowed(client, index, factors, member):
    instrument = CasePageFactory(parent=index, title="Gedragsafsprakenkaart")  # any page can stand in
    case = CasePageFactory(
        parent=index,
        title="Samen sterker",
        success_factors=[factors[0]],
        instrument_links=[CaseInstrument(instrument=instrument)],
        submitted_by=member,
        submitting_organisation=member.organisation,
        show_submitter_name=False,
        show_submitter_organisation=True,
    )
    html = client.get(case.url).content.decode()
    assert "Samen sterker" in html and "Gezamenlijke ambitie" in html
    assert "Gedragsafsprakenkaart" in html and instrument.url in html
    assert "Gemeente Rivierstad" in html
    assert member.last_name not in html
    for heading in ["Context", "De uitdaging", "De aanpak", "Het resultaat", "Geleerde lessen"]:
        assert heading in html


def test_a_case_shows_the_live_pages_that_draw_on_it(index):
    case = CasePageFactory(parent=index, title="Bronvoorbeeld")
    live = CasePageFactory(
        parent=index, title="Verwijst ernaar", instrument_links=[CaseInstrument(instrument=case)]
    )
    CasePageFactory(
        parent=index,
        title="Concept verwijst",
        publish=False,
        instrument_links=[CaseInstrument(instrument=case)],
    )
    groups = case_usages(case=case)
    assert [(group.label, [page.title for page in group.pages]) for group in groups] == [
        ("Praktijkvoorbeelden", ["Verwijst ernaar"])
    ]
    assert groups[0].pages[0].pk == live.pk


def test_case_page_queries_do_not_grow_with_links(client, index, factors, django_assert_max_num_queries):
    case = CasePageFactory(parent=index, title="Veel verbonden", success_factors=factors)

    def link(count):
        instruments = [CasePageFactory(parent=index, title=f"Instrument {count}-{n}") for n in range(count)]
        page = Page.objects.get(pk=case.pk).specific
        page.instrument_links = [CaseInstrument(instrument=item) for item in instruments]
        page.save_revision().publish()
        for item in instruments:  # and each of them draws on the case
            item.instrument_links = [CaseInstrument(instrument=case)]
            item.save_revision().publish()

    link(2)
    client.get(case.url)
    with django_assert_max_num_queries(18) as few:
        client.get(case.url)
    with_two = len(few.captured_queries)  # every request empties the query log: count now
    link(8)
    client.get(case.url)
    with django_assert_max_num_queries(with_two):
        html = client.get(case.url).content.decode()
    assert html.count("Instrument ") >= 16
