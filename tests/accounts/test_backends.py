"""Loading the logged-in user (accounts/backends.py): as Django does, with one raw query."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_logged_in_professional_is_loaded_with_one_query(client):
    user = UserFactory(first_name="Fatima", last_name="El Amrani")
    client.force_login(user)
    with CaptureQueriesContext(connection) as captured:
        html = client.get("/accounts/profiel/").content.decode()
    assert "Fatima" in html
    assert sum("accounts_user" in q["sql"] and "WHERE" in q["sql"] for q in captured) == 1


def test_a_deactivated_account_is_logged_out_on_its_next_request(client):
    user = UserFactory()
    client.force_login(user)
    assert client.get("/mijn/").status_code == 200
    user.is_active = False
    user.save()
    response = client.get("/mijn/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_a_changed_password_ends_other_sessions(client):
    user = UserFactory()
    client.force_login(user)
    user.set_password("een-heel-nieuw-wachtwoord")
    user.save()
    assert client.get("/mijn/").status_code == 302


def test_logging_in_with_the_form_uses_the_same_backends(client):
    UserFactory(email="lotte@example.org", password="samenwerken-2026")
    response = client.post("/accounts/login/", {"login": "lotte@example.org", "password": "samenwerken-2026"})
    assert response.status_code == 302
    assert client.get("/mijn/").status_code == 200
