import pytest

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


def test_the_index_runs_the_same_number_of_queries_for_few_and_many_sheets(client, sheets, index, factors):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(index.url)  # warm the caches (site root paths, menu, content types)
    with CaptureQueriesContext(connection) as few:
        assert len(client.get(index.url).context["instruments"]) == 3
    for n in range(9):
        build_instrument(index=index, title=f"Instrument {n}", factors=[factors[n % 8 + 1], factors[1]])
    client.get(index.url)  # publishing emptied the caches; warm them again
    with CaptureQueriesContext(connection) as many:
        assert len(client.get(index.url).context["instruments"]) == 12
    assert len(few) == len(many) <= 16
