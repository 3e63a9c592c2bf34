"""The account pages speak the site's Dutch: "je", one term for two-step verification, infinitive buttons
(allauth's and Django's own Dutch is formal and calls things by other names)."""

import re

import pytest
from django.test import Client
from django.utils import translation

pytestmark = pytest.mark.django_db


def button(html: str, text: str) -> bool:
    return re.search(rf">\s*{text}\s*<", html) is not None


def page(client: Client, url: str, data: dict | None = None) -> str:
    response = client.post(url, data, follow=True) if data is not None else client.get(url, follow=True)
    assert response.status_code == 200
    return response.content.decode()


def test_password_rules_and_errors_say_je(client):
    html = page(client, "/accounts/signup/", {"email": "n@example.org", "password1": "12345678"})
    assert "Je wachtwoord moet minstens 8 tekens lang zijn." in html
    assert "Dit wachtwoord bestaat alleen uit cijfers." in html
    assert "Uw wachtwoord" not in html and "uw " not in html


def test_login_page_sentence_has_its_comma(client):
    html = page(client, "/accounts/login/")
    assert "Als je nog geen account hebt, <a" in html and "registreer je dan eerst</a>." in html


def test_two_step_verification_pages_use_one_term_and_infinitives(client, professional):
    page(client, "/accounts/login/", {"login": professional.email, "password": "samenwerken"})
    index = page(client, "/accounts/2fa/")
    assert "Tweestapsverificatie" in index and "Twee-factor" not in index
    assert button(index, "Activeren") and "Activeer" not in index
    reauthenticate = page(client, "/accounts/reauthenticate/")
    assert button(reauthenticate, "Bevestigen") and not button(reauthenticate, "Bevestig")
    activate = page(client, "/accounts/2fa/totp/activate/")
    if "Toegang bevestigen" in activate:  # allauth may ask for the password again first
        activate = page(
            client, "/accounts/reauthenticate/?next=/accounts/2fa/totp/activate/", {"password": "samenwerken"}
        )
    assert "QR-code" in activate and "authenticator-app" in activate and "Verificatiecode" in activate
    assert (
        "QR code" not in activate
        and "authenticator app" not in activate
        and "verificatie code" not in activate
    )
    wrong = page(client, "/accounts/2fa/totp/activate/", {"code": "000000"})
    assert "Deze code klopt niet." in wrong and button(wrong, "Activeren")


def test_english_reads_as_english(client, demo_accounts):
    client.cookies["django_language"] = "en"
    html = page(client, "/accounts/login/")
    assert (
        "If you don&#x27;t have an account yet, <a" in html or "If you don't have an account yet, <a" in html
    )
    # The trainer can use the CMS: the profile links to two-step verification.
    page(client, "/accounts/login/", {"login": "trainer@example.org", "password": "samenwerken"})
    assert "Two-step verification" in page(client, "/accounts/2fa/")
    profile = page(client, "/accounts/profiel/")
    assert "Two-step verification" in profile and "Two-factor" not in profile


def test_confirmation_mail_message_is_one_word():
    from django.template.loader import render_to_string

    with translation.override("nl"):
        text = render_to_string("account/messages/email_confirmation_sent.txt", {"email": "a@example.org"})
    assert text.strip() == "Bevestigingsmail verzonden naar a@example.org."


def test_password_reset_mail_speaks_plain_dutch(client, professional, mailoutbox):
    page(client, "/accounts/password/reset/", {"email": professional.email})
    body = mailoutbox[-1].body
    assert "Klik anders op de link hieronder om een nieuw wachtwoord in te stellen." in body
    assert "Anders, klik" not in body
