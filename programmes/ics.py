"""iCalendar (RFC 5545) files of meetings and deadlines, for any calendar app."""

from __future__ import annotations

from datetime import date, timedelta

from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event

from .selectors import CalendarItem

PRODUCT_ID = "-//Academie voor Samenwerken//Leergangen//NL"


def calendar_bytes(items: list[CalendarItem], *, name: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    stamp = timezone.now()
    for item in items:
        event = Event()
        event.add("uid", item.uid)
        event.add("dtstamp", stamp)
        event.add("summary", item.title)
        event.add("dtstart", item.starts_at)
        if isinstance(item.starts_at, date) and not hasattr(item.starts_at, "hour"):
            event.add("dtend", item.starts_at + timedelta(days=1))  # an all-day event
        elif item.ends_at is not None:
            event.add("dtend", item.ends_at)
        if item.location:
            event.add("location", item.location)
        if item.description:
            event.add("description", item.description)
        if item.url:
            event.add("url", item.url)
        calendar.add_component(event)
    return calendar.to_ical()


def ics_response(items: list[CalendarItem], *, name: str, filename: str) -> HttpResponse:
    response = HttpResponse(calendar_bytes(items, name=name), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # Personal: never kept by a shared cache.
    response["Cache-Control"] = "private, no-store"
    return response
