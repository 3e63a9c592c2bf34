"""One way in: every login page goes through allauth's form and its throttling (issue 18)."""

import re
from urllib.parse import urlencode

import pytest
from django.core import mail
from django.test import Client

from academy.settings import base
from accounts.factories import UserFactory
from accounts.models import User

pytestmark = pytest.mark.django_db

PASSWORD = "samenwerken"
LOCKED = "Te veel mislukte inlogpogingen voor dit account"


@pytest.fixture(autouse=True)
def limits(settings):
    """The limits of production; the test settings switch them off for the rest of the suite."""
    settings.ACCOUNT_RATE_LIMITS = base.ACCOUNT_RATE_LIMITS


@pytest.fixture
def trainer(demo_accounts):
    return User.objects.get(email="trainer@example.org")


@pytest.fixture
def superuser(db):
    return UserFactory(email="root@example.org", is_staff=True, is_superuser=True)


def logged_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def login(client: Client, email: str, password: str = PASSWORD, **extra):
    return client.post("/accounts/login/", {"login": email, "password": password}, **extra)


def test_the_cms_login_page_sends_to_the_site_login_and_back(client):
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"] == "/admin/login/?next=/admin/"
    response = client.get(response["Location"])
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?" + urlencode({"next": "/admin/"})


def test_the_cms_has_no_password_reset_of_its_own(client):
    # allauth's reset is rate limited and lifts the lockout; Wagtail's would be an unthrottled second one.
    assert client.get("/admin/password_reset/").status_code == 404
    assert client.post("/admin/password_reset/", {"email": "root@example.org"}).status_code == 404


def test_a_foreign_next_address_is_replaced_by_the_admin(client):
    response = client.get("/admin/login/", {"next": "https://evil.example/admin/"})
    assert response["Location"] == "/accounts/login/?" + urlencode({"next": "/admin/"})
    response = client.get("/django-admin/login/", {"next": "//evil.example/"})
    assert response["Location"] == "/accounts/login/?" + urlencode({"next": "/django-admin/"})


def test_a_trainer_logs_in_to_the_cms_through_the_site_login_and_logs_out(client, trainer):
    response = client.post("/accounts/login/?next=/admin/", {"login": trainer.email, "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
    # Logged in with access: the old login address goes straight on.
    assert client.get("/admin/login/?next=/admin/pages/")["Location"] == "/admin/pages/"
    response = client.post("/admin/logout/")
    assert response.status_code == 302 and not logged_in(client)


@pytest.mark.parametrize("path", ["/admin/login/", "/django-admin/login/", "/_util/login/"])
def test_the_old_login_forms_never_authenticate(client, superuser, path):
    for fields in ({"username": superuser.email}, {"login": superuser.email}):
        response = client.post(path, {**fields, "password": PASSWORD})
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
        assert not logged_in(client)


def test_every_login_path_is_throttled_per_account(client, superuser):
    paths = ("/accounts/login/", "/admin/login/", "/django-admin/login/", "/_util/login/")
    guess = {"login": superuser.email, "username": superuser.email}
    for path in paths:
        for _attempt in range(6):
            client.post(path, {**guess, "password": "fout"})
            assert not logged_in(client)
    # The right password, after the lock, on every path and in both forms' field names.
    for path in paths:
        assert client.post(path, {**guess, "password": PASSWORD}).status_code in (200, 302)
        assert not logged_in(client), path
    assert LOCKED in login(client, superuser.email).content.decode()


def test_the_lockout_is_clear_in_dutch_and_leaves_other_accounts_alone(client, trainer):
    for _attempt in range(5):
        response = login(client, trainer.email, "fout")
        assert "e-mailadres en/of wachtwoord is niet correct" in response.content.decode()
    response = login(client, trainer.email)
    html = response.content.decode()
    assert response.status_code == 200 and not logged_in(client)
    assert LOCKED in html and "wachtwoord opnieuw in" in html
    # A colleague on the same address logs in as usual.
    colleague = UserFactory()
    assert login(Client(), colleague.email).status_code == 302


def test_the_lockout_counts_per_account_whatever_the_host_name(client, trainer):
    for _attempt in range(5):
        login(client, trainer.email.upper(), "fout", HTTP_HOST="academie.example")
    response = login(client, trainer.email, HTTP_HOST="www.academie.example")
    assert LOCKED in response.content.decode() and not logged_in(client)


def test_two_hundred_colleagues_behind_one_address_log_in_at_nine(django_user_model):
    users = [UserFactory(email=f"collega{n}@zorg.example") for n in range(200)]
    refused = []
    for n, user in enumerate(users):
        client = Client(REMOTE_ADDR="203.0.113.9")
        if n % 4 == 0:  # one in four mistypes first
            assert login(client, user.email, "samenwerkne").status_code == 200
        if login(client, user.email).status_code != 302 or not logged_in(client):
            refused.append(user.email)
    assert refused == []


def test_a_password_reset_lifts_the_lockout(client, trainer):
    for _attempt in range(6):
        login(client, trainer.email, "fout")
    assert LOCKED in login(client, trainer.email).content.decode()

    response = client.post("/accounts/password/reset/", {"email": trainer.email})
    assert response.status_code == 302
    link = re.search(r"http://testserver(/accounts/password/reset/key/\S+/)", mail.outbox[-1].body)
    response = client.get(link.group(1))
    assert response.status_code == 302  # allauth moves the key out of the address
    new_password = "Nieuw-Wachtwoord-2026!"
    response = client.post(response["Location"], {"password1": new_password, "password2": new_password})
    assert response.status_code == 302
    assert not logged_in(client)
    response = login(client, trainer.email, new_password)
    assert response.status_code == 302 and logged_in(client)


def neutral(response, address: str) -> tuple[int, str, str]:
    """What an attacker sees, with the typed address taken out."""
    content = response.content.decode().replace(address, "ADDRESS")
    content = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", content)
    content = re.sub(r'"X-CSRFToken": "[^"]+"', "", content)
    return response.status_code, response.get("Location", ""), content


def test_password_reset_answers_alike_for_known_and_unknown_addresses(trainer):
    answers = []
    for address in (trainer.email, "onbekend@example.org"):
        client = Client()
        response = client.post("/accounts/password/reset/", {"email": address})
        answers.append((neutral(response, address), neutral(client.get(response["Location"]), address)))
    assert answers[0] == answers[1]
    assert answers[0][0][0] == 302
    # Only the real owner gets a link; the unknown address gets allauth's "no account" mail.
    assert [message.to for message in mail.outbox] == [[trainer.email], ["onbekend@example.org"]]


def test_signup_answers_alike_for_known_and_unknown_addresses(settings, trainer):
    # Mandatory verification (another part of issue 18) is what lets allauth hide a taken address.
    settings.ACCOUNT_EMAIL_VERIFICATION = "mandatory"
    answers = []
    for address in (trainer.email, "nieuw@example.org"):
        client = Client()
        response = client.post(
            "/accounts/signup/",
            {
                "email": address,
                "password1": "Samen-Werken-2026!",
                "password2": "Samen-Werken-2026!",
                "first_name": "Nina",
                "last_name": "Nieuw",
            },
        )
        answers.append((neutral(response, address), neutral(client.get(response["Location"]), address)))
    assert answers[0] == answers[1]
    assert answers[0][0][0] == 302
    assert User.objects.filter(email=trainer.email).count() == 1
    existing, new = mail.outbox
    assert existing.to == [trainer.email] and "bestaat al" in existing.subject.lower()
    assert new.to == ["nieuw@example.org"] and "bestaat al" not in new.subject.lower()


def test_a_professional_cannot_use_the_django_admin(client):
    professional = UserFactory(is_staff=True)  # even with the staff flag
    login(client, professional.email)
    response = client.get("/django-admin/")
    assert response.status_code == 302
    response = client.get(response["Location"])
    assert response.status_code == 403
    assert client.get("/django-admin/accounts/user/").status_code in (302, 403)


def test_a_superuser_uses_the_django_admin_after_the_site_login(client, superuser):
    location = client.get("/django-admin/")["Location"]
    location = client.get(location)["Location"]
    assert location == "/accounts/login/?" + urlencode({"next": "/django-admin/"})
    response = client.post(location, {"login": superuser.email, "password": PASSWORD})
    assert response["Location"] == "/django-admin/"
    assert client.get("/django-admin/").status_code == 200


def test_argon2_hashes_first_and_old_pbkdf2_hashes_still_log_in(client, settings):
    assert base.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
    assert "django.contrib.auth.hashers.PBKDF2PasswordHasher" in base.PASSWORD_HASHERS
    settings.PASSWORD_HASHERS = base.PASSWORD_HASHERS
    from django.contrib.auth.hashers import make_password

    user = UserFactory()
    User.objects.filter(pk=user.pk).update(password=make_password(PASSWORD, hasher="pbkdf2_sha256"))
    assert login(client, user.email).status_code == 302
    user.refresh_from_db()
    assert user.password.startswith("argon2$")


def test_a_flood_from_one_address_gets_a_dutch_429_page(client, settings):
    settings.ACCOUNT_RATE_LIMITS = {**base.ACCOUNT_RATE_LIMITS, "login": "3/m/ip"}
    for _attempt in range(3):
        assert login(client, "iemand@example.org", "fout").status_code == 200
    response = login(client, "iemand@example.org", "fout")
    assert response.status_code == 429
    assert "Te veel pogingen in korte tijd" in response.content.decode()
