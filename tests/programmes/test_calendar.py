"""The personal calendar feed and the single-meeting download are valid iCalendar."""

import pytest
from icalendar import Calendar

from programmes.models import CalendarFeed

pytestmark = pytest.mark.django_db


def events(response):
    calendar = Calendar.from_ical(response.content)
    return list(calendar.walk("VEVENT"))


def test_feed_lists_meetings_and_deadlines_without_login(client, group, meeting, member):
    client.force_login(member)
    page = client.get("/mijn/agenda/").content.decode()
    token = CalendarFeed.objects.get(user=member).token
    assert f"/mijn/agenda/{token}.ics" in page
    client.logout()
    response = client.get(f"/mijn/agenda/{token}.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    found = events(response)
    summaries = {str(event["SUMMARY"]) for event in found}
    assert "Intervisie (Leergroep Voorjaar)" in summaries
    assert {"Deadline: Cursus 1", "Deadline: Cursus 2"} <= summaries
    assert str(next(e for e in found if "Intervisie" in str(e["SUMMARY"]))["LOCATION"]) == "Stadskantoor"


def test_feed_shows_nothing_of_other_groups(client, group, other_group, outsider):
    from programmes.factories import add_meeting

    add_meeting(group, title="Alleen voor de eigen groep")
    feed = CalendarFeed.objects.create(user=outsider)
    text = client.get(f"/mijn/agenda/{feed.token}.ics").content.decode()
    assert "Alleen voor de eigen groep" not in text


def test_unknown_and_regenerated_tokens_are_404(client, group, member):
    assert client.get("/mijn/agenda/verzonnen.ics").status_code == 404
    client.force_login(member)
    client.get("/mijn/agenda/")
    old = CalendarFeed.objects.get(user=member).token
    client.post("/mijn/agenda/")
    new = CalendarFeed.objects.get(user=member).token
    assert new != old
    assert client.get(f"/mijn/agenda/{old}.ics").status_code == 404
    assert client.get(f"/mijn/agenda/{new}.ics").status_code == 200


def test_single_meeting_download(client, group, meeting, member):
    client.force_login(member)
    response = client.get(f"/mijn/bijeenkomsten/{meeting.pk}.ics")
    [event] = events(response)
    assert str(event["SUMMARY"]) == "Intervisie (Leergroep Voorjaar)"
    assert event["DTEND"].dt - event["DTSTART"].dt == meeting.ends_at - meeting.starts_at
    client.logout()
    assert client.get(f"/mijn/bijeenkomsten/{meeting.pk}.ics").status_code == 302  # to the login
