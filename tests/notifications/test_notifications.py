"""Notifications: told once per event, counted in the header, read without JavaScript, mailed unless off."""

import re

import pytest
from django.core import mail

from accounts.factories import UserFactory
from notifications import services
from notifications.models import Kind, MailOptOut, Notification
from notifications.tasks import notification_mail_task

pytestmark = pytest.mark.django_db


def tell(user, n: int = 1, kind=Kind.GRADE, url="/mijn/"):
    return services.notify(user_id=user.pk, kind=kind, subject=f"Toets {n}", url=url, event_key=f"test:{n}")


def test_one_notification_and_one_mail_per_event(django_capture_on_commit_callbacks):
    user = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        assert tell(user) is not None
        assert tell(user) is None  # the same event again
    user.refresh_from_db()
    assert user.unread_notifications == 1 and Notification.objects.count() == 1
    assert len(mail.outbox) == 1 and "Je poging bij “Toets 1” is beoordeeld." in mail.outbox[0].body
    notification_mail_task(Notification.objects.get().pk)  # a retried task
    assert len(mail.outbox) == 1


def test_a_kind_switched_off_is_not_mailed_but_shown(client, django_capture_on_commit_callbacks):
    user = UserFactory()
    client.force_login(user)
    response = client.post("/mijn/meldingen/instellingen/", {"mailed_kinds": ["feedback"]})
    assert response.status_code == 302
    assert set(MailOptOut.objects.filter(user=user).values_list("kind", flat=True)) == set(Kind.values) - {
        "feedback"
    }
    with django_capture_on_commit_callbacks(execute=True):
        tell(user, kind=Kind.GRADE)
    assert mail.outbox == []
    assert "Je poging bij “Toets 1” is beoordeeld." in client.get("/mijn/meldingen/").content.decode()
    form = client.get("/mijn/meldingen/instellingen/").content.decode()
    assert re.search(r'value="feedback"[^>]*checked', form) and not re.search(
        r'value="grade"[^>]*checked', form
    )
    # A kind that does not exist is refused with the form again, nothing changed.
    bad = client.post("/mijn/meldingen/instellingen/", {"mailed_kinds": ["spam"]})
    assert bad.status_code == 400 and MailOptOut.objects.filter(user=user).count() == len(Kind.values) - 1


def test_the_header_counts_and_opening_marks_read_without_javascript(client):
    user = UserFactory()
    first, _second = tell(user, 1, url="/cursussen/"), tell(user, 2)
    client.force_login(user)
    page = client.get("/mijn/meldingen/").content.decode()
    assert '<span class="badge">2<' in page and "Je hebt 2 ongelezen meldingen." in page
    opened = client.post(f"/mijn/meldingen/{first.pk}/open/")
    assert opened.status_code == 302 and opened["Location"] == "/cursussen/"
    user.refresh_from_db()
    assert user.unread_notifications == 1
    client.post(f"/mijn/meldingen/{first.pk}/open/")  # again: nothing to count down
    client.post("/mijn/meldingen/alles-gelezen/")
    user.refresh_from_db()
    assert user.unread_notifications == 0
    assert not Notification.objects.filter(user=user, read_at__isnull=True).exists()
    assert '<span class="badge">' not in client.get("/mijn/meldingen/").content.decode()


def test_anothers_notification_is_a_404_and_an_outside_link_is_not_followed(client):
    owner, other = UserFactory(), UserFactory()
    notification = tell(owner, url="https://elders.example.com/")
    client.force_login(other)
    assert client.post(f"/mijn/meldingen/{notification.pk}/open/").status_code == 404
    assert client.get(f"/mijn/meldingen/{notification.pk}/open/").status_code == 405
    notification.refresh_from_db()
    assert notification.read_at is None
    client.force_login(owner)
    assert client.post(f"/mijn/meldingen/{notification.pk}/open/")["Location"] == "/mijn/meldingen/"


def test_the_list_takes_the_same_queries_for_1_and_30_notifications(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    user = UserFactory()
    client.force_login(user)

    def measure() -> int:
        client.get("/mijn/meldingen/")
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/mijn/meldingen/").status_code == 200
        return len(captured)

    tell(user, 0)
    small = measure()
    for n in range(1, 30):
        tell(user, n)
    assert measure() == small <= 4


def test_the_header_links_the_list_with_the_count(client):
    """The count lives on the user row that every request loads anyway (accounts/backends.py)."""
    user = UserFactory()
    tell(user)
    client.force_login(user)
    html = client.get("/mijn/meldingen/").content.decode()
    assert 'href="/mijn/meldingen/" class="user-nav__notifications">Meldingen <span class="badge">1' in html
