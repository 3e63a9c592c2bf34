import re

import pytest
from django.test import Client

from accounts.models import User

pytestmark = pytest.mark.django_db

DEMO_ACCOUNTS = [
    "deelnemer@example.org",
    "trainer@example.org",
    "coordinator@example.org",
    "beheerder@example.org",
]


@pytest.mark.parametrize("email", DEMO_ACCOUNTS)
def test_each_demo_account_logs_in_through_the_form(client, demo_accounts, email):
    response = client.post("/accounts/login/", {"login": email, "password": "samenwerken"})
    assert response.status_code == 302
    assert client.get("/mijn/").status_code == 200


def test_wrong_password_is_refused_with_a_dutch_message(client, demo_accounts):
    response = client.post("/accounts/login/", {"login": "deelnemer@example.org", "password": "fout"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "e-mailadres en/of wachtwoord is niet correct" in html
    assert 'value="deelnemer@example.org"' in html  # what was typed is kept


def test_trainer_reaches_the_cms_and_a_professional_does_not(client, demo_accounts):
    client.post("/accounts/login/", {"login": "trainer@example.org", "password": "samenwerken"})
    assert client.get("/admin/").status_code == 200
    other = Client()
    other.post("/accounts/login/", {"login": "deelnemer@example.org", "password": "samenwerken"})
    assert other.get("/admin/").status_code == 302


def test_signup_creates_an_account_with_a_membership_request_and_asks_to_confirm_the_address(
    client, demo_accounts, mailoutbox
):
    from accounts.models import MembershipRequest, Organisation

    organisation = Organisation.objects.get(is_platform_member=True)
    response = client.post(
        "/accounts/signup/",
        {
            "email": "nieuw@example.org",
            "password1": "Samen-Werken-2026!",
            "password2": "Samen-Werken-2026!",
            "first_name": "Nina",
            "last_name": "Nieuw",
            "organisation": organisation.pk,
        },
    )
    assert response.status_code == 302 and "confirm-email" in response["Location"]
    user = User.objects.get(email="nieuw@example.org")
    # Choosing an organisation is a request, not membership.
    assert user.organisation is None and user.organisation_role == User.Role.PROFESSIONAL
    assert MembershipRequest.objects.get(user=user).organisation == organisation
    assert [mail.to for mail in mailoutbox] == [["nieuw@example.org"]]
    # Until the address is confirmed, the account cannot log in.
    client.logout()
    client.post("/accounts/login/", {"login": "nieuw@example.org", "password": "Samen-Werken-2026!"})
    assert client.get("/mijn/").status_code == 302


def test_signup_with_an_address_in_use_and_a_weak_password_keeps_the_input_and_hides_the_address(
    client, demo_accounts
):
    response = client.post(
        "/accounts/signup/",
        {
            "email": "deelnemer@example.org",
            "password1": "123",
            "password2": "123",
            "first_name": "Dubbel",
            "last_name": "Ganger",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    # The address in use is not revealed (enumeration), but the weak password is, with the input kept.
    assert "Er is al een gebruiker geregistreerd met dit e-mailadres" not in html
    assert "Dit wachtwoord is te kort" in html
    assert 'value="Dubbel"' in html
    weak = client.post(
        "/accounts/signup/",
        {
            "email": "zwak@example.org",
            "password1": "123",
            "password2": "123",
            "first_name": "Z",
            "last_name": "W",
        },
    )
    assert "Dit wachtwoord is te kort" in weak.content.decode()
    assert not User.objects.filter(email="zwak@example.org").exists()


def test_post_without_csrf_token_gets_a_clear_dutch_page(demo_accounts):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/accounts/login/", {"login": "deelnemer@example.org", "password": "samenwerken"})
    assert response.status_code == 403
    assert "Dit formulier kon niet worden verwerkt" in response.content.decode()


def test_profile_edit_does_not_change_the_organisation(client, demo_accounts):
    from accounts.models import Organisation

    client.post("/accounts/login/", {"login": "coordinator@example.org", "password": "samenwerken"})
    other = Organisation.objects.get(is_platform_member=False)
    response = client.post(
        "/accounts/profiel/",
        {
            "first_name": "Marieke",
            "last_name": "Jansen-de Boer",
            "organisation": other.pk,
            "job_title": "Ketenregisseur",
            "preferred_language": "nl",
            "reminders_enabled": "on",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(email="coordinator@example.org")
    assert user.last_name == "Jansen-de Boer" and user.job_title == "Ketenregisseur"
    assert user.organisation != other and user.organisation_role == User.Role.COORDINATOR


def test_profile_with_bad_input_keeps_what_was_typed(client, demo_accounts):
    client.post("/accounts/login/", {"login": "deelnemer@example.org", "password": "samenwerken"})
    response = client.post(
        "/accounts/profiel/",
        {"first_name": "Sanne", "last_name": "", "job_title": "Adviseur", "preferred_language": "xx"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="Adviseur"' in html
    assert "Selecteer een geldige keuze" in html
    # The field points at its error message, and that id exists once.
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert 'aria-describedby="id_preferred_language_error"' in html
    assert ids.count("id_preferred_language_error") == 1
    assert len(ids) == len(set(ids)), "duplicate ids on the page"
