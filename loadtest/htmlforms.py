"""The forms of a page as a virtual user of loadtest/locustfile.py fills them in: without locust, so that
the tests import it without gevent's patching of the standard library."""

from __future__ import annotations

import random
from html.parser import HTMLParser


class FormParser(HTMLParser):
    """The forms of a page: action, method, fields (name, type, value, checked) and select options."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[dict] = []
        self._form: dict | None = None
        self._select: list | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form":
            self._form = {
                "action": attributes.get("action") or "",
                "method": (attributes.get("method") or "get").lower(),
                "fields": [],
            }
            self.forms.append(self._form)
            return
        if self._form is None:
            return
        name = attributes.get("name")
        if tag == "input" and name:
            kind = (attributes.get("type") or "text").lower()
            if kind not in {"submit", "button", "image", "reset", "file"}:
                default = "on" if kind in {"checkbox", "radio"} else ""
                value = attributes.get("value", default)
                self._form["fields"].append((name, kind, value, "checked" in attributes))
        elif tag == "textarea" and name:
            self._form["fields"].append((name, "textarea", "", False))
        elif tag == "select" and name:
            self._select = []
            self._form["fields"].append((name, "select", self._select, False))
        elif tag == "option" and self._select is not None and attributes.get("value"):
            self._select.append(attributes["value"])

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None


def forms_of(html: str) -> list[dict]:
    parser = FormParser()
    parser.feed(html)
    return parser.forms


def form_with_action(html: str, ending: str) -> dict | None:
    return next((form for form in forms_of(html) if form["action"].endswith(ending)), None)


def answers_for(form: dict) -> list[tuple[str, str]]:
    """What a person fills in: hidden fields as they are, one choice per question, some text."""
    data, choices = [], {}
    for name, kind, value, checked in form["fields"]:
        if kind == "hidden":
            data.append((name, value))
        elif kind == "radio":
            choices.setdefault(name, []).append(value)
        elif kind == "checkbox":
            if checked or random.random() < 0.5:  # noqa: S311 (a load test's choices, not security)
                data.append((name, value))
        elif kind == "select":
            if value:
                data.append((name, random.choice(value)))  # noqa: S311
        elif kind == "number":
            data.append((name, value or str(random.randint(1, 10))))  # noqa: S311
        else:
            data.append((name, value or "Samen afspraken maken en die nakomen."))
    data += [(name, random.choice(values)) for name, values in choices.items()]  # noqa: S311
    return data
