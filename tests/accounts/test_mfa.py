"""Two-factor authentication (TOTP and recovery codes) for trainers and administrators (issue 18)."""

import re

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import (
    format_hotp_value,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.core.cache import cache
from django.test import Client

from accounts.models import User

pytestmark = pytest.mark.django_db

PASSWORD = "samenwerken"


def totp_code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))


def logged_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def login(client: Client, email: str, next_url: str = "") -> str:
    suffix = f"?next={next_url}" if next_url else ""
    response = client.post(f"/accounts/login/{suffix}", {"login": email, "password": PASSWORD})
    assert response.status_code == 302
    return response["Location"]


def activate_totp(client: Client) -> str:
    """Sets up the authenticator app as a trainer does on the page; returns its secret."""
    page = client.get("/accounts/2fa/totp/activate/")
    if page.status_code == 302:  # allauth asks for the password again before changing security settings
        assert page["Location"].startswith("/accounts/reauthenticate/")
        page = client.post(page["Location"], {"password": PASSWORD}, follow=True)
    assert page.status_code == 200
    html = page.content.decode()
    assert "<svg" in html and "<?xml" not in html and "data:image" not in html  # inline QR code
    secret = re.search(r'id="authenticator_secret" value="([A-Z2-7]+)"', html).group(1)
    wrong = client.post("/accounts/2fa/totp/activate/", {"code": "000000"})
    assert wrong.status_code == 200 and "Deze code klopt niet" in wrong.content.decode()
    response = client.post("/accounts/2fa/totp/activate/", {"code": totp_code(secret)})
    assert response.status_code == 302
    return secret


@pytest.fixture
def trainer(demo_accounts):
    return User.objects.get(email="trainer@example.org")


@pytest.fixture
def administrator(demo_accounts):
    return User.objects.get(email="beheerder@example.org")


def test_the_profile_offers_two_factor_authentication_to_trainers_only(client, trainer):
    login(client, trainer.email)
    assert "/accounts/2fa/" in client.get("/accounts/profiel/").content.decode()
    other = Client()
    login(other, "deelnemer@example.org")
    assert "/accounts/2fa/" not in other.get("/accounts/profiel/").content.decode()


def test_a_trainer_sets_up_totp_and_then_logs_in_with_a_code(client, trainer):
    login(client, trainer.email)
    secret = activate_totp(client)
    assert Authenticator.objects.filter(user=trainer, type=Authenticator.Type.TOTP).exists()
    overview = client.get("/accounts/2fa/").content.decode()
    assert "Herstelcodes" in overview and "Authenticator-app" in overview
    client.post("/accounts/logout/")

    location = login(client, trainer.email, next_url="/admin/")
    assert location.startswith("/accounts/2fa/authenticate/") and not logged_in(client)
    response = client.post(location, {"code": "123456"})
    assert response.status_code == 200 and not logged_in(client)
    cache.clear()  # the activation's code counts as used until the next 30-second period
    response = client.post(location, {"code": totp_code(secret)})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert logged_in(client)
    assert client.get("/admin/").status_code == 200


def test_a_recovery_code_logs_in_when_the_phone_is_gone(client, trainer):
    login(client, trainer.email)
    activate_totp(client)
    client.post("/accounts/logout/")
    codes = RecoveryCodes(
        Authenticator.objects.get(user=trainer, type=Authenticator.Type.RECOVERY_CODES)
    ).get_unused_codes()
    location = login(client, trainer.email)
    response = client.post(location, {"code": codes[0]})
    assert response.status_code == 302 and logged_in(client)


def test_the_cms_login_asks_for_the_code_too(client, trainer):
    login(client, trainer.email)
    secret = activate_totp(client)
    client.post("/accounts/logout/")
    cache.clear()
    location = client.get("/admin/login/?next=/admin/")["Location"]
    response = client.post(location, {"login": trainer.email, "password": PASSWORD})
    assert response["Location"].startswith("/accounts/2fa/authenticate/")
    assert client.get("/admin/").status_code == 302  # not yet in
    response = client.post(response["Location"], {"code": totp_code(secret)})
    assert response["Location"] == "/admin/"


def test_production_sends_an_administrator_without_totp_to_its_setup(client, settings, administrator):
    settings.MFA_REQUIRED_FOR_ADMINISTRATORS = True
    login(client, administrator.email)
    for path in ("/admin/", "/admin/pages/", "/django-admin/"):
        response = client.get(path)
        assert response.status_code == 302 and response["Location"] == "/accounts/2fa/totp/activate/"
    page = client.get("/accounts/2fa/totp/activate/", follow=True).content.decode()
    assert "Beheerders loggen in met een authenticator-app" in page
    activate_totp(client)
    # The code entered to set it up counts as this session's second factor.
    assert client.get("/admin/").status_code == 200
    assert client.get("/django-admin/").status_code == 200


def test_the_requirement_leaves_trainers_and_logging_out_alone(client, settings, trainer, administrator):
    settings.MFA_REQUIRED_FOR_ADMINISTRATORS = True
    login(client, trainer.email)
    assert client.get("/admin/").status_code == 200
    other = Client()
    login(other, administrator.email)
    response = other.post("/admin/logout/")
    assert response.status_code == 302 and not logged_in(other)


def test_development_does_not_require_totp(client, administrator):
    login(client, administrator.email)
    assert client.get("/admin/").status_code == 200


def test_an_administrator_session_that_never_entered_a_code_is_sent_to_log_in_again(
    client, settings, administrator
):
    """A session made some other way than allauth's form (which asks for the code) does not reach the CMS."""
    settings.MFA_REQUIRED_FOR_ADMINISTRATORS = True
    login(client, administrator.email)
    secret = activate_totp(client)
    assert client.get("/admin/pages/").status_code == 200  # the code that set the app up counts
    # A later session without a code, as Django's own login() would make one:
    client.logout()
    client.force_login(administrator)
    response = client.get("/admin/pages/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert "_auth_user_id" not in client.session
    # Through the form, with the code, the CMS opens.
    cache.clear()  # the code used at activation may not be used twice
    login(client, administrator.email)
    client.post("/accounts/2fa/authenticate/", {"code": totp_code(secret)})
    assert client.get("/admin/pages/").status_code == 200
