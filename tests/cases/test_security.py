"""Security of the share form: the XSS corpus through the form, the moderators' preview and the published
page; idempotent cleaning; CSRF (htmx included). Payloads go in batches, so the suite stays fast."""

import html
import re
import unicodedata
from pathlib import Path

import html5lib
import pytest
from django.test import Client
from wagtail.models import Page

from academy.sanitizer import sanitize_html
from cases.forms import LimitedHtmlField, PlainTextField
from cases.models import CasePage
from cases.services import case_workflow_ensure

pytestmark = pytest.mark.django_db

CORPUS_PATH = Path(__file__).resolve().parents[1] / "data" / "xss_payloads.txt"
_TOKEN = re.compile(r"\$\{U\+([0-9A-Fa-f]{4,6})\}")
SHARE = "/praktijkvoorbeelden/delen/"
RICH_FIELDS = ("context", "challenge", "approach", "result", "lessons_learned")
BATCH_SIZE = 50

DANGEROUS_ELEMENTS = {
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "meta", "link",
    "form", "input", "button", "textarea", "select", "template", "noscript", "svg", "math", "video",
    "audio", "source", "track", "portal", "xmp", "plaintext", "title",
}  # fmt: skip
DANGEROUS_ATTRIBUTES = {"style", "srcdoc", "formaction", "action", "background", "dynsrc", "lowsrc", "ping"}
SAFE_SCHEMES = {"http", "https", "mailto"}


def load_corpus() -> list[str]:
    payloads = []
    for raw in CORPUS_PATH.read_text(encoding="utf-8").split("\n"):
        line = raw.rstrip("\r")
        if not line.strip() or line.startswith("#"):
            continue
        payloads.append(_TOKEN.sub(lambda match: chr(int(match.group(1), 16)), line))
    return payloads


PAYLOADS = load_corpus()
BATCHES = [PAYLOADS[start : start + BATCH_SIZE] for start in range(0, len(PAYLOADS), BATCH_SIZE)]


def _squeeze(value: str) -> str:
    return "".join(
        ch
        for ch in value
        if not ch.isspace() and unicodedata.category(ch) not in {"Cc", "Cf", "Zs", "Zl", "Zp"}
    )


def url_problem(value: str) -> str | None:
    for candidate in {value, html.unescape(value)}:
        match = re.match(r"^([A-Za-z][A-Za-z0-9+.\-]*):", _squeeze(candidate))
        if match and match.group(1).lower() not in SAFE_SCHEMES:
            return f"scheme {match.group(1)!r} in {value!r}"
    return None


def problems_in(root) -> list[str]:
    """Everything executable under an html5lib element (etree, no namespaces)."""
    problems = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue  # comments
        tag = element.tag.split("}")[-1].lower()
        if tag in DANGEROUS_ELEMENTS or "}" in element.tag:
            problems.append(f"<{element.tag}> element")
        for name, value in element.attrib.items():
            name = name.split("}")[-1].lower()
            if name.startswith("on"):
                problems.append(f"event handler {name}={value!r} on <{tag}>")
            if name in DANGEROUS_ATTRIBUTES or "xlink" in name:
                problems.append(f"attribute {name}={value!r} on <{tag}>")
            if name in {"href", "src", "srcset", "xlink:href", "data", "code", "codebase", "cite", "poster"}:
                problem = url_problem(value)
                if problem:
                    problems.append(f"{problem} on <{tag} {name}>")
    return problems


def fragment_problems(stored: str) -> list[str]:
    return problems_in(
        html5lib.parseFragment(stored, container="div", treebuilder="etree", namespaceHTMLElements=False)
    )


def page_region(response_html: str):
    document = html5lib.parse(response_html, treebuilder="etree", namespaceHTMLElements=False)
    (region,) = [element for element in document.iter() if element.get("id") == "case-body"]
    return document, region


def batch_form_data(number: int, batch: list[str]) -> dict:
    data = {
        "title": f"XSS {number}: {batch[0]}"[:120],
        "summary": batch[1][:300],
        "organisations_involved": "\n".join(batch[2:5])[:2000],
        "sector": "sociaal-domein",
        "collaboration_kind": "netwerk",
    }
    rest = batch[5:]
    for position, field in enumerate(RICH_FIELDS):
        # A paragraph first: a field that cleans down to nothing could not be published.
        data[field] = "<p>Inleiding</p>\n" + "\n".join(rest[position :: len(RICH_FIELDS)])
    return data


# --------------------------------------------------------------------------- the corpus


@pytest.mark.parametrize(
    "bad",
    [
        "<img src=x onerror=alert(1)>",
        '<a href=" java\tscript:alert(1)">x</a>',
        "<svg><script>alert(1)</script></svg>",
        '<p style="background:url(javascript:x)">y</p>',
        '<iframe srcdoc="x"></iframe>',
    ],
)
def test_the_checker_itself_sees_executable_html(bad):
    assert fragment_problems(bad)


def test_the_corpus_is_large():
    assert len(PAYLOADS) >= 600
    assert any("\x00" in payload for payload in PAYLOADS)


def test_each_payload_alone_through_the_form_fields():
    """One by one, so no payload hides another (an open <script> swallows what follows it)."""
    rich, plain = LimitedHtmlField(required=False, max_length=None), PlainTextField(required=False)
    failures = []
    for payload in PAYLOADS:
        cleaned = rich.clean(payload)
        if problems := fragment_problems(cleaned):
            failures.append((payload, cleaned, problems))
        if rich.clean(cleaned) != cleaned or sanitize_html(cleaned) != cleaned:
            failures.append((payload, cleaned, ["not idempotent"]))
        if "\x00" in plain.clean(payload):
            failures.append((payload, plain.clean(payload), ["NUL kept in plain text"]))
    assert not failures, failures[:5]


def test_the_corpus_through_form_moderation_preview_and_published_page(client, member, moderator, index):
    case_workflow_ensure(index=index)  # gives the moderators their permissions on the cases
    moderator_client = Client()
    moderator_client.force_login(moderator)
    client.force_login(member)
    failures = []
    for number, batch in enumerate(BATCHES):
        data = batch_form_data(number, batch)
        response = client.post(SHARE, {**data, "save": "draft"})
        assert response.status_code == 302, response.context["form"].errors if response.context else response
        case = CasePage.objects.get(pk=int(response["Location"].rstrip("/").split("/")[-1]))

        # Stored: only the allowed formatting, stable under a second cleaning and a second save.
        for field in RICH_FIELDS:
            stored = getattr(case, field)
            failures += [(number, field, "stored", p) for p in fragment_problems(stored)]
            if sanitize_html(stored) != stored:
                failures.append((number, field, "stored", "not idempotent"))
        for field in ("title", "summary", "organisations_involved"):
            assert "\x00" not in getattr(case, field)
        resave = {
            field: getattr(case, field)
            for field in (*RICH_FIELDS, "title", "summary", "organisations_involved")
        }
        client.post(response["Location"], {**data, **resave, "save": "draft"})
        again = CasePage.objects.get(pk=case.pk)
        for field in resave:
            if getattr(again, field) != resave[field]:
                failures.append((number, field, "re-saved", "changed on a second save"))

        # The moderators' preview of the draft in the CMS.
        preview = moderator_client.get(f"/admin/pages/{case.pk}/view_draft/")
        assert preview.status_code == 200
        _document, region = page_region(preview.content.decode())
        assert "Inleiding" in "".join(region.itertext())
        failures += [(number, "moderation preview", p) for p in problems_in(region)]

        # The published page.
        Page.objects.get(pk=case.pk).specific.get_latest_revision().publish()
        published = client.get(CasePage.objects.get(pk=case.pk).url)
        assert published.status_code == 200
        document, region = page_region(published.content.decode())
        assert "Inleiding" in "".join(region.itertext())
        failures += [(number, "published", p) for p in problems_in(region)]
        scripts = [element.get("src") for element in document.iter("script")]
        assert all(src and src.startswith("/static/") for src in scripts), scripts
    assert not failures, failures[:10]
    assert CasePage.objects.live().count() == len(BATCHES)


# --------------------------------------------------------------------------- CSRF


@pytest.mark.parametrize("headers", [{}, {"HX-Request": "true"}], ids=["form", "htmx"])
def test_the_share_form_requires_the_csrf_token(member, index, headers):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(member)
    browser.get(SHARE)  # sets the CSRF cookie, as a browser would
    response = browser.post(SHARE, {"title": "Zonder token", "save": "draft"}, headers=headers)
    assert response.status_code == 403
    assert not CasePage.objects.exists()
    token = browser.cookies["csrftoken"].value
    response = browser.post(
        SHARE, {"title": "Met token", "save": "draft"}, headers={**headers, "X-CSRFToken": token}
    )
    assert response.status_code == 302
    assert CasePage.objects.get().title == "Met token"
