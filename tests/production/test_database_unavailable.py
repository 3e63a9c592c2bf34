"""With the database stopped, a plain Dutch 503 page, never a 500 (runs in the embedded suite too)."""

from unittest import mock

import pytest
from django.core.handlers.exception import convert_exception_to_response
from django.db import OperationalError, connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import Client, RequestFactory

from academy.middleware import DatabaseUnavailableMiddleware

REFUSED = OperationalError('connection to server at "127.0.0.1", port 5432 failed: Connection refused')


@pytest.fixture(autouse=True)
def no_open_connection():
    """An earlier test may have left a connection open: close it, so the next query has to connect."""
    connections.close_all()


def test_a_page_answers_503_in_dutch_when_the_database_is_down():
    client = Client(raise_request_exception=False)

    with mock.patch.object(BaseDatabaseWrapper, "ensure_connection", side_effect=REFUSED):
        response = client.get("/cursussen/")

    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert "De academie is tijdelijk niet beschikbaar" in response.content.decode()


def test_the_503_page_speaks_english_to_who_chose_english():
    client = Client(raise_request_exception=False)
    client.cookies["django_language"] = "en"

    with mock.patch.object(BaseDatabaseWrapper, "ensure_connection", side_effect=REFUSED):
        response = client.get("/")

    assert response.status_code == 503
    assert "The academy is temporarily unavailable" in response.content.decode()


def test_a_middleware_that_hits_the_stopped_database_gives_503_not_500():
    def session_middleware_saving(request):
        raise REFUSED

    middleware = DatabaseUnavailableMiddleware(convert_exception_to_response(session_middleware_saving))

    response = middleware(RequestFactory().get("/mijn/"))

    assert response.status_code == 503


def test_other_errors_stay_errors():
    def broken_view(request):
        raise ValueError("a bug")

    middleware = DatabaseUnavailableMiddleware(convert_exception_to_response(broken_view))

    assert middleware(RequestFactory().get("/")).status_code == 500
