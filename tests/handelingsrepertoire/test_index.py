import pytest

from academy.pagecache import bump_pages_version
from handelingsrepertoire.factories import build_instrument
from handelingsrepertoire.models import Phase
from successfactors.models import World

pytestmark = pytest.mark.django_db


@pytest.fixture
def sheets(index, factors):
    return {
        "start": build_instrument(
            index=index,
            title="Startgesprek over gedragsafspraken",
            summary="Afspraken over gedrag voordat het schuurt.",
            factors=[factors[2], factors[3]],
            world=World.ORANGE,
            phase=Phase.EXPLORE_AND_START,
        ),
        "roles": build_instrument(
            index=index,
            title="Rollenkaart",
            summary="Wie doet wat, en tot waar reikt het mandaat.",
            factors=[factors[4]],
            world=World.BLUE,
            phase=Phase.EXPLORE_AND_START,
        ),
        "reset": build_instrument(
            index=index,
            title="Resetsessie",
            summary="Een vastgelopen samenwerking opnieuw beginnen.",
            factors=[factors[3], factors[6]],
            world=World.ORANGE,
            phase=Phase.EVALUATE_AND_RESET,
        ),
    }


def titles(response) -> list[str]:
    return [instrument.title for instrument in response.context["instruments"]]


def test_the_index_lists_published_sheets_as_cards_with_their_summary(client, sheets, index, factors):
    build_instrument(index=index, title="Concept", factors=[factors[1]], publish=False)
    response = client.get(index.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert titles(response) == ["Resetsessie", "Rollenkaart", "Startgesprek over gedragsafspraken"]
    assert "Wie doet wat, en tot waar reikt het mandaat." in html
    assert 'class="card card--link instrument-card"' in html
    assert "Concept" not in html


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"succesfactor": "vertrouwen-en-relatie"}, ["Resetsessie", "Startgesprek over gedragsafspraken"]),
        ({"wereld": "blauw"}, ["Rollenkaart"]),
        ({"fase": "evalueren-en-resetten"}, ["Resetsessie"]),
        ({"fase": "verkennen-en-starten", "wereld": "oranje"}, ["Startgesprek over gedragsafspraken"]),
        ({"q": "mandaat"}, ["Rollenkaart"]),
        ({"q": "SAMENWERKING opnieuw"}, ["Resetsessie"]),
        ({"q": "startgesprek", "fase": "uitvoeren"}, []),
    ],
)
def test_each_filter_narrows_the_list(client, sheets, index, params, expected):
    response = client.get(index.url, params)
    assert response.status_code == 200
    assert titles(response) == expected
    assert response.context["unknown_filter"] is False


@pytest.mark.parametrize(
    "params",
    [{"succesfactor": "bestaat-niet"}, {"wereld": "groen"}, {"fase": "<script>"}, {"fase": "x" * 5000}],
)
def test_an_unknown_filter_value_gives_an_empty_list_with_a_message(client, sheets, index, params):
    response = client.get(index.url, params)
    html = response.content.decode()
    assert response.status_code == 200
    assert titles(response) == []
    assert "Dit filter bestaat niet (meer)" in html
    assert "<script>" not in html.split('id="instrument-results"')[1]


def test_an_unknown_filter_value_is_marked_at_its_select(client, sheets, index):
    html = client.get(index.url, {"fase": "<script>"}).content.decode()
    assert 'id="filter-phase" aria-invalid="true" aria-describedby="id_fase_error"' in html
    assert '<ul class="errorlist" id="id_fase_error"><li>Deze keuze bestaat niet (meer).</li></ul>' in html
    assert 'id="filter-world" aria-invalid' not in html


def test_no_match_says_so_and_offers_all_instruments(client, sheets, index):
    html = client.get(index.url, {"q": "onvindbaar"}).content.decode()
    assert "Geen enkel instrument past bij deze filters." in html
    assert "Toon alle instrumenten" in html


def test_htmx_gets_only_the_results_partial_and_the_page_varies_on_it(client, sheets, index):
    full = client.get(index.url, {"wereld": "blauw"})
    assert "HX-Request" in full["Vary"]
    assert "<html" in full.content.decode()

    partial = client.get(
        index.url, {"wereld": "blauw"}, headers={"HX-Request": "true", "HX-Target": "instrument-results"}
    )
    html = partial.content.decode()
    assert "<html" not in html and "<form" not in html
    assert html.strip().startswith('<div id="instrument-results"')
    assert "Rollenkaart" in html and "Resetsessie" not in html

    restore = client.get(
        index.url, {"wereld": "blauw"}, headers={"HX-Request": "true", "HX-History-Restore-Request": "true"}
    )
    assert "<html" in restore.content.decode()


def test_the_form_works_without_javascript_and_keeps_the_chosen_values(client, sheets, index):
    html = client.get(index.url, {"fase": "uitvoeren", "q": "rol"}).content.decode()
    assert f'<form method="get" action="{index.url}"' in html
    assert '<option value="uitvoeren" selected>' in html
    assert 'name="q" value="rol"' in html


def more_sheets(index, factors, count: int, **fields) -> list:
    return [
        build_instrument(
            index=index, title=f"Instrument {n:02}", factors=[factors[n % 8 + 1], factors[1]], **fields
        )
        for n in range(1, count + 1)
    ]


def test_the_index_runs_the_same_number_of_queries_for_few_and_many_sheets(
    client, sheets, index, factors, django_assert_max_num_queries
):
    client.get(index.url)  # warm the caches (site root paths, content types)
    bump_pages_version()  # the page is rendered anew, as after a publication: that is the work that could grow
    with django_assert_max_num_queries(16) as few:
        assert len(client.get(index.url).context["instruments"]) == 3
    budget = len(few)  # now: the next request empties the connection's query log
    more_sheets(index, factors, 27)
    for params in ({}, {"pagina": 3}, {"wereld": "beide", "pagina": 2}):
        client.get(index.url, params)
        bump_pages_version()
        with django_assert_max_num_queries(budget):
            response = client.get(index.url, params)
        assert response.context["instruments"] and response.context["page_obj"].paginator.count >= 27


def test_the_index_shows_twelve_sheets_a_page_and_page_two_the_rest(client, sheets, index, factors):
    more_sheets(index, factors, 14)
    first = client.get(index.url)
    html = first.content.decode()
    assert titles(first) == [f"Instrument {n:02}" for n in range(1, 13)]
    assert "17 instrumenten" in html and "Pagina 1 van 2" in html
    assert '<a href="?pagina=2" rel="next">Volgende</a>' in html and 'rel="prev"' not in html

    second = client.get(index.url, {"pagina": 2})
    html = second.content.decode()
    assert titles(second) == [
        "Instrument 13",
        "Instrument 14",
        "Resetsessie",
        "Rollenkaart",
        "Startgesprek over gedragsafspraken",
    ]
    assert "17 instrumenten" in html and "Pagina 2 van 2" in html
    assert '<a href="?pagina=1" rel="prev">Vorige</a>' in html and 'rel="next"' not in html


def test_one_page_of_sheets_shows_no_page_links(client, sheets, index):
    assert 'class="pagination"' not in client.get(index.url).content.decode()


def test_the_page_links_keep_the_search_and_the_filters(client, sheets, index, factors):
    more_sheets(index, factors, 13, world=World.ORANGE, summary="Samen de werkwijze bepalen.")
    params = {"q": "samen", "wereld": "oranje"}
    html = client.get(index.url, params).content.decode()
    assert "15 instrumenten" in html
    assert '<a href="?q=samen&amp;wereld=oranje&amp;pagina=2" rel="next">' in html

    second = client.get(index.url, {**params, "pagina": 2})
    assert titles(second) == ["Instrument 13", "Resetsessie", "Startgesprek over gedragsafspraken"]
    assert '<a href="?q=samen&amp;wereld=oranje&amp;pagina=1" rel="prev">' in second.content.decode()
    assert 'value="samen"' in second.content.decode()  # the form still shows the search


def test_changing_a_filter_starts_again_at_the_first_page(client, sheets, index):
    html = client.get(index.url, {"wereld": "oranje", "pagina": 2}).content.decode()
    form = html[html.index("<form") : html.index("</form>")]
    assert "pagina" not in form


@pytest.mark.parametrize(
    ("page", "shown"),
    [
        ("abc", 1),
        ("", 1),
        ("1.5", 1),
        ("2", 2),
        ("3", 2),
        ("0", 2),
        ("-1", 2),
        ("9" * 50, 2),
    ],
)
def test_a_page_number_that_is_not_a_page_gives_the_first_or_the_last_page(
    client, sheets, index, factors, page, shown
):
    more_sheets(index, factors, 10)
    response = client.get(index.url, {"pagina": page})
    assert response.status_code == 200
    assert response.context["page_obj"].number == shown
    assert len(titles(response)) == {1: 12, 2: 1}[shown]


def test_htmx_gets_the_page_links_with_the_results(client, sheets, index, factors):
    more_sheets(index, factors, 10)
    partial = client.get(
        index.url, {"pagina": 2}, headers={"HX-Request": "true", "HX-Target": "instrument-results"}
    )
    html = partial.content.decode()
    assert html.strip().startswith('<div id="instrument-results"')
    assert '<a href="?pagina=1" rel="prev">' in html
