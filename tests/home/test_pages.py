import pytest
from django.db import connection

pytestmark = pytest.mark.django_db


def test_home_page_is_dutch_by_default_with_entry_points(client, seeded):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="nl">' in html
    assert "Naar de inhoud" in html  # skip link
    assert 'id="main"' in html
    for path in ["/cursussen/", "/handelingsrepertoire/", "/praktijkvoorbeelden/", "/fitnessscan/", "/mijn/"]:
        assert f'href="{path}"' in html, path
    assert "Samenwerken tussen organisaties kun je leren" in html


def test_home_page_in_english_after_choosing_it_in_the_footer(client, seeded):
    response = client.post("/taal/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    html = client.get("/").content.decode()
    assert '<html lang="en">' in html
    assert "Skip to content" in html
    assert "My learning" in html


@pytest.mark.parametrize(
    "path", ["/cursussen/", "/handelingsrepertoire/", "/praktijkvoorbeelden/", "/fitnessscan/"]
)
def test_section_pages_answer(client, seeded, path):
    assert client.get(path).status_code == 200


def test_my_learning_asks_anonymous_visitors_to_log_in(client, seeded):
    response = client.get("/mijn/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/mijn/")


def test_unknown_page_gets_the_dutch_404(client, seeded):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert "Deze pagina bestaat niet (meer)" in response.content.decode()


def test_search_finds_pages_and_handles_empty_and_odd_queries(client, seeded):
    response = client.get("/zoeken/", {"q": "FitnessScan"})
    assert response.status_code == 200
    assert 'href="/fitnessscan/"' in response.content.decode()
    assert client.get("/zoeken/", {"q": ""}).status_code == 200
    assert client.get("/zoeken/", {"q": "x" * 5000, "pagina": "abc"}).status_code == 200


def test_search_result_pages_link_on_with_the_search_term(client, seeded):
    first = client.get("/zoeken/", {"q": "samenwerking"})
    assert first.context["results"].paginator.num_pages > 1
    assert '<a href="?q=samenwerking&amp;pagina=2" rel="next">Volgende</a>' in first.content.decode()
    second = client.get("/zoeken/", {"q": "samenwerking", "pagina": 2}).content.decode()
    assert '<a href="?q=samenwerking&amp;pagina=1" rel="prev">Vorige</a>' in second


def test_health_endpoint_reports_each_check(client, db):
    response = client.get("/healthz/")
    assert response.status_code == 200
    data = response.json()
    assert data["status"] == "ok"
    assert data["checks"]["database"] == "ok"
    assert data["checks"]["cache"] == "ok"
    assert data["checks"]["broker"] == "eager"
    assert data["database_vendor"] == connection.vendor


def test_health_endpoint_answers_503_when_a_check_fails(client, db, monkeypatch):
    from academy import health

    def broken():
        raise ConnectionError("down")

    monkeypatch.setitem(health.CHECKS, "database", broken)
    response = client.get("/healthz/")
    assert response.status_code == 503
    assert response.json()["status"] == "error"
    assert response.json()["checks"]["database"].startswith("error")
