"""Only a database that cannot be reached is an outage (the 503 page); a query the database refused is
not: it stays an error, or, in a search, becomes a message."""

import sqlite3
from unittest import mock

import psycopg
import psycopg.errors
import pytest
from django.core.handlers.exception import convert_exception_to_response
from django.db import DatabaseError, InterfaceError, OperationalError, ProgrammingError
from django.test import Client, RequestFactory

from academy.middleware import DatabaseUnavailableMiddleware, is_database_unavailable


def wrapped(django_error, driver_error):
    """The error as Django raises it: its own class, with the driver's error as the cause."""
    try:
        raise django_error(str(driver_error)) from driver_error
    except DatabaseError as error:
        return error


@pytest.mark.parametrize(
    ("error", "outage"),
    [
        (OperationalError("connection refused"), True),  # raised as such by Django or a test
        (InterfaceError("connection already closed"), True),
        (wrapped(OperationalError, psycopg.OperationalError("server closed the connection")), True),
        (wrapped(OperationalError, psycopg.errors.AdminShutdown("terminating connection")), True),
        (wrapped(OperationalError, psycopg.errors.TooManyConnections("too many clients")), True),
        (wrapped(OperationalError, psycopg.errors.ConnectionFailure("no connection")), True),
        (wrapped(OperationalError, sqlite3.OperationalError("unable to open database file")), True),
        (wrapped(OperationalError, sqlite3.OperationalError("database is locked")), True),
        # A query the database refused: a user's search syntax, a cancelled statement, a bug.
        (wrapped(OperationalError, sqlite3.OperationalError('fts5: syntax error near ")"')), False),
        (wrapped(OperationalError, sqlite3.OperationalError("unterminated string")), False),
        (wrapped(OperationalError, psycopg.errors.QueryCanceled("statement timeout")), False),
        (wrapped(ProgrammingError, psycopg.errors.SyntaxError("syntax error in tsquery")), False),
        (wrapped(ProgrammingError, sqlite3.OperationalError("no such column: x")), False),
        (ValueError("a bug"), False),
    ],
)
def test_is_database_unavailable(error, outage):
    assert is_database_unavailable(error) is outage


def middleware_around(error):
    def view(request):
        raise error

    return DatabaseUnavailableMiddleware(convert_exception_to_response(view))


def test_a_refused_query_is_a_500_not_the_outage_page():
    error = wrapped(OperationalError, sqlite3.OperationalError('fts5: syntax error near ")"'))

    response = middleware_around(error)(RequestFactory().get("/zoeken/"))

    assert response.status_code == 500


def test_a_lost_connection_is_the_outage_page():
    error = wrapped(OperationalError, psycopg.OperationalError("server closed the connection unexpectedly"))

    response = middleware_around(error)(RequestFactory().get("/zoeken/"))

    assert response.status_code == 503


@pytest.mark.django_db
def test_a_search_the_database_refuses_shows_a_message(demo_accounts):
    refused = wrapped(OperationalError, sqlite3.OperationalError('fts5: syntax error near "NEAR"'))
    client = Client(raise_request_exception=False)

    with mock.patch("wagtail.search.queryset.SearchableQuerySetMixin.search", side_effect=refused):
        response = client.get("/zoeken/", {"q": "samenwerken"})

    assert response.status_code == 200
    assert "Deze zoekopdracht kon niet worden uitgevoerd" in response.content.decode()


@pytest.mark.django_db
def test_a_search_while_the_database_is_down_is_the_outage_page(demo_accounts):
    down = wrapped(OperationalError, psycopg.OperationalError("connection to server failed"))
    client = Client(raise_request_exception=False)

    with mock.patch("wagtail.search.queryset.SearchableQuerySetMixin.search", side_effect=down):
        response = client.get("/zoeken/", {"q": "samenwerken"})

    assert response.status_code == 503
