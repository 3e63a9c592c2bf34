"""Tests for academy.sanitizer (no database, no Django settings needed).

The XSS corpus lives in tests/data/xss_payloads.txt. Every payload is run
through ``sanitize_html`` and the result is parsed the way a browser would
(html5lib, HTML5 tree construction, fragment in a ``<div>`` context) and, as a
parser-differential cross-check, with Python's ``html.parser``. No executable
construct may survive in either parse.
"""

from __future__ import annotations

import html
import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import html5lib
import pytest

from academy.sanitizer import (
    ALLOWED_TAGS,
    LINK_REL,
    QUESTION_TEXT,
    QUESTION_TEXT_TAGS,
    sanitize_html,
    sanitize_plain,
)

CORPUS_PATH = Path(__file__).resolve().parents[1] / "data" / "xss_payloads.txt"
MIN_CORPUS_SIZE = 250

SAFE_SCHEMES = {"http", "https", "mailto"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title", "rel"}}
FORBIDDEN_ATTRIBUTES = {"style", "srcdoc", "formaction", "xlink:href", "src", "action", "background"}

_TOKEN = re.compile(r"\$\{U\+([0-9A-Fa-f]{4,6})\}")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")


def _load_corpus() -> list[tuple[int, str]]:
    """Return (line number, payload) pairs; ``${U+XXXX}`` expands to that character."""
    payloads = []
    for lineno, raw in enumerate(CORPUS_PATH.read_text(encoding="utf-8").split("\n"), start=1):
        line = raw.rstrip("\r")
        if not line.strip() or line.startswith("#"):
            continue
        payloads.append((lineno, _TOKEN.sub(lambda m: chr(int(m.group(1), 16)), line)))
    return payloads


CORPUS = _load_corpus()
CORPUS_IDS = [f"L{lineno}:{payload[:70]}" for lineno, payload in CORPUS]
PAYLOADS = [payload for _, payload in CORPUS]


# --------------------------------------------------------------------------- helpers


def _strip_invisible(value: str) -> str:
    """Remove every whitespace, control and format character, anywhere in the string.

    Stricter than browsers (which strip leading/trailing C0+space and any
    TAB/LF/CR inside a URL), so a pass here implies a pass in a browser.
    """
    return "".join(
        ch
        for ch in value
        if not ch.isspace() and unicodedata.category(ch) not in {"Cc", "Cf", "Zs", "Zl", "Zp"}
    )


def _href_problem(value: str) -> str | None:
    """Return a description of what is wrong with an href value, or None if it is safe."""
    # The parser has already decoded entities once; decode again (paranoid) and check both forms.
    for candidate in {value, html.unescape(value)}:
        normalised = _strip_invisible(candidate)
        lowered = normalised.lower()
        for bad in ("javascript:", "vbscript:", "data:", "livescript:", "mocha:"):
            if lowered.startswith(bad):
                return f"dangerous scheme {bad!r} in href {value!r}"
        match = _SCHEME.match(normalised)
        if match and match.group(1).lower() not in SAFE_SCHEMES:
            return f"scheme {match.group(1)!r} not allowed in href {value!r}"
    return None


def _attribute_problems(tag: str, attrs: dict[str, str]) -> list[str]:
    problems = []
    allowed = ALLOWED_ATTRIBUTES.get(tag, set())
    for name, value in attrs.items():
        lname = name.lower()
        if lname.startswith("on"):
            problems.append(f"event handler {name}={value!r} on <{tag}>")
        if lname in FORBIDDEN_ATTRIBUTES or "xlink" in lname:
            problems.append(f"forbidden attribute {name}={value!r} on <{tag}>")
        if lname not in allowed:
            problems.append(f"attribute {name!r} not allowed on <{tag}>")
        if lname == "href":
            problem = _href_problem(value)
            if problem:
                problems.append(problem)
    if tag == "a" and attrs.get("rel") != LINK_REL:
        problems.append(f"<a> without rel={LINK_REL!r}: {attrs!r}")
    return problems


def _html5lib_problems(output: str, allowed: frozenset[str] = ALLOWED_TAGS) -> list[str]:
    """Parse as a browser would (fragment inside a <div>) and list everything unsafe."""
    fragment = html5lib.parseFragment(
        output, container="div", treebuilder="etree", namespaceHTMLElements=False
    )
    problems = []
    for element in fragment.iter():
        if element is fragment:
            continue
        if element.tag is ElementTree.Comment:
            problems.append(f"comment survived: {element.text!r}")
            continue
        if not isinstance(element.tag, str):
            problems.append(f"unexpected node {element.tag!r}")
            continue
        if element.tag not in allowed:  # foreign elements show up as "{namespace}name"
            problems.append(f"element <{element.tag}> not allowed")
        problems.extend(_attribute_problems(element.tag, dict(element.attrib)))
    return problems


class _TagCollector(HTMLParser):
    def __init__(self, allowed: frozenset[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.allowed = allowed
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.allowed:
            self.problems.append(f"html.parser saw <{tag}>")
        self.problems.extend(_attribute_problems(tag, {name: value or "" for name, value in attrs}))

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.allowed:
            self.problems.append(f"html.parser saw </{tag}>")

    def handle_comment(self, data: str) -> None:
        self.problems.append(f"html.parser saw comment {data!r}")

    def handle_decl(self, decl: str) -> None:
        self.problems.append(f"html.parser saw declaration {decl!r}")

    def handle_pi(self, data: str) -> None:
        self.problems.append(f"html.parser saw processing instruction {data!r}")

    def unknown_decl(self, data: str) -> None:
        self.problems.append(f"html.parser saw unknown declaration {data!r}")


def _stdlib_problems(output: str, allowed: frozenset[str] = ALLOWED_TAGS) -> list[str]:
    collector = _TagCollector(allowed)
    collector.feed(output)
    collector.close()
    return collector.problems


def _elements(output: str) -> list[ElementTree.Element]:
    fragment = html5lib.parseFragment(
        output, container="div", treebuilder="etree", namespaceHTMLElements=False
    )
    return [element for element in fragment.iter() if element is not fragment]


def _text(output: str) -> str:
    fragment = html5lib.parseFragment(
        output, container="div", treebuilder="etree", namespaceHTMLElements=False
    )
    return "".join(fragment.itertext())


# --------------------------------------------------------------------------- corpus


def test_corpus_is_large_enough():
    assert len(PAYLOADS) >= MIN_CORPUS_SIZE, f"only {len(PAYLOADS)} payloads in {CORPUS_PATH}"


def test_corpus_has_no_duplicates():
    seen: dict[str, int] = {}
    duplicates = []
    for lineno, payload in CORPUS:
        if payload in seen:
            duplicates.append(f"line {lineno} repeats line {seen[payload]}: {payload!r}")
        seen.setdefault(payload, lineno)
    assert not duplicates, duplicates


def test_corpus_control_character_tokens_are_expanded():
    assert any("\x00" in payload for payload in PAYLOADS)
    assert any("\n" in payload for payload in PAYLOADS)
    assert not any("${U+" in payload for payload in PAYLOADS)


@pytest.mark.parametrize("payload", PAYLOADS, ids=CORPUS_IDS)
def test_payload_is_neutralised(payload):
    output = sanitize_html(payload)
    assert isinstance(output, str)
    problems = _html5lib_problems(output)
    assert not problems, f"payload {payload!r}\nsanitised to {output!r}\nproblems: {problems}"
    problems = _stdlib_problems(output)
    assert not problems, f"payload {payload!r}\nsanitised to {output!r}\nproblems: {problems}"


@pytest.mark.parametrize("payload", PAYLOADS, ids=CORPUS_IDS)
def test_sanitize_html_is_idempotent(payload):
    once = sanitize_html(payload)
    assert sanitize_html(once) == once, f"payload {payload!r}"


@pytest.mark.parametrize("payload", PAYLOADS, ids=CORPUS_IDS)
def test_payload_is_neutralised_in_question_texts(payload):
    output = sanitize_html(payload, profile=QUESTION_TEXT)
    problems = _html5lib_problems(output, QUESTION_TEXT_TAGS) + _stdlib_problems(output, QUESTION_TEXT_TAGS)
    assert not problems, f"payload {payload!r}\nsanitised to {output!r}\nproblems: {problems}"
    assert sanitize_html(output, profile=QUESTION_TEXT) == output, f"payload {payload!r}"


# --------------------------------------------------------------------------- allowed formatting

RICH_SAMPLE = (
    "<h2>Introductie</h2>"
    "<p>Samenwerken is <strong>belangrijk</strong> en <em>leuk</em>, "
    "<b>echt</b> <i>waar</i>.<br>Nieuwe regel.</p>"
    "<h3>Stappen</h3>"
    "<ul><li>Een</li><li>Twee</li></ul>"
    "<ol><li>Eerst</li><li>Dan</li></ol>"
    "<h4>Citaat</h4>"
    "<blockquote><p>Alleen ga je sneller, samen kom je verder.</p></blockquote>"
    '<p><a href="https://example.org/pagina?x=1&amp;y=2" title="Meer">Lees meer</a> of '
    '<a href="mailto:info@example.org">mail ons</a> of <a href="/cursussen/">bekijk de cursussen</a>.</p>'
)


def test_allowed_formatting_survives():
    output = sanitize_html(RICH_SAMPLE)
    tags = [element.tag for element in _elements(output)]
    for tag in ("p", "br", "ul", "ol", "li", "strong", "em", "b", "i", "h2", "h3", "h4", "blockquote", "a"):
        assert tag in tags, f"<{tag}> missing from {output!r}"
    assert tags.count("li") == 4
    assert tags.count("a") == 3
    assert _text(output) == _text(RICH_SAMPLE)


def test_links_keep_safe_href_and_get_rel():
    output = sanitize_html(RICH_SAMPLE)
    links = {element.text: element.attrib for element in _elements(output) if element.tag == "a"}
    assert links["Lees meer"] == {
        "href": "https://example.org/pagina?x=1&y=2",
        "title": "Meer",
        "rel": LINK_REL,
    }
    assert links["mail ons"] == {"href": "mailto:info@example.org", "rel": LINK_REL}
    assert links["bekijk de cursussen"] == {"href": "/cursussen/", "rel": LINK_REL}
    assert 'rel="noopener noreferrer nofollow"' in output


def test_rich_sample_is_already_clean_and_stable():
    once = sanitize_html(RICH_SAMPLE)
    assert sanitize_html(once) == once
    assert _html5lib_problems(once) == []


def test_allowed_tags_constant():
    assert isinstance(ALLOWED_TAGS, frozenset)
    assert {
        "p",
        "br",
        "ul",
        "ol",
        "li",
        "strong",
        "b",
        "em",
        "i",
        "a",
        "h2",
        "h3",
        "h4",
        "blockquote",
    } == ALLOWED_TAGS


@pytest.mark.parametrize(
    ("html_in", "expected"),
    [
        ('<a href="https://example.org" rel="opener" target="_blank">x</a>', "https://example.org"),
        ('<a href="HTTPS://EXAMPLE.ORG/">x</a>', "HTTPS://EXAMPLE.ORG/"),
        ('<a href="http://example.org">x</a>', "http://example.org"),
        ('<a href="mailto:a@example.org?subject=Hoi">x</a>', "mailto:a@example.org?subject=Hoi"),
        ('<a href="#sectie">x</a>', "#sectie"),
        ('<a href="../pagina/">x</a>', "../pagina/"),
        ('<a href="tel:+31201234567">x</a>', None),
        ('<a href="ftp://example.org/">x</a>', None),
        ('<a href="javascript:alert(1)">x</a>', None),
        ('<a href="data:text/html,x">x</a>', None),
    ],
)
def test_link_schemes(html_in, expected):
    (link,) = [element for element in _elements(sanitize_html(html_in)) if element.tag == "a"]
    assert link.attrib.get("href") == expected
    assert link.attrib["rel"] == LINK_REL
    assert "target" not in link.attrib


def test_disallowed_attributes_are_removed():
    output = sanitize_html(
        '<p class="x" id="y" style="color:red" data-x="1" title="t" onclick="alert(1)">tekst</p>'
    )
    assert output == "<p>tekst</p>"


def test_unknown_harmless_tags_keep_their_text():
    assert (
        sanitize_html("<span>Hallo</span> <div>wereld</div> <custom-tag>!</custom-tag>") == "Hallo wereld !"
    )
    assert sanitize_html("<h1>Titel</h1>") == "Titel"
    assert sanitize_html("<table><tr><td>cel</td></tr></table>") == "cel"


@pytest.mark.parametrize(
    "html_in",
    [
        "<script>alert('geheim')</script>",
        "<SCRIPT>alert('geheim')</SCRIPT>",
        "<style>body{color:red} geheim</style>",
        "<template><p>geheim</p></template>",
        "<iframe>geheim</iframe>",
        "<svg><text>geheim</text></svg>",
        "<math><mtext>geheim</mtext></math>",
    ],
)
def test_dangerous_container_content_is_dropped(html_in):
    output = sanitize_html(f"<p>voor{html_in}na</p>")
    assert output == "<p>voorna</p>"


def test_comments_are_removed():
    assert sanitize_html("<p>a<!-- geheim -->b</p>") == "<p>ab</p>"


def test_empty_input():
    assert sanitize_html("") == ""
    assert sanitize_html(None) == ""


def test_returns_plain_str():
    assert type(sanitize_html("<p>x</p>")) is str


# --------------------------------------------------------------------------- escaping


def test_special_characters_are_escaped_once():
    text = "5 < 6 & 7 > 3"
    once = sanitize_html(text)
    twice = sanitize_html(once)
    assert once == "5 &lt; 6 &amp; 7 &gt; 3"
    assert twice == once
    assert _text(twice) == text


@pytest.mark.parametrize(
    ("html_in", "expected"),
    [
        ("<p>Tom &amp; Jerry</p>", "<p>Tom &amp; Jerry</p>"),
        ("<p>&lt;b&gt;geen vet&lt;/b&gt;</p>", "<p>&lt;b&gt;geen vet&lt;/b&gt;</p>"),
        ("<p>a &amp;amp; b</p>", "<p>a &amp;amp; b</p>"),
        ("<p>caf&eacute; &euro;5</p>", "<p>café €5</p>"),
        ("<p>\"quotes\" & 'apostrophes'</p>", "<p>\"quotes\" &amp; 'apostrophes'</p>"),
    ],
)
def test_entities_are_not_double_escaped(html_in, expected):
    once = sanitize_html(html_in)
    assert once == expected
    assert sanitize_html(once) == once


def test_non_ascii_text_is_preserved():
    text = "<p>Samenwerking — coöperatie, naïef, 日本語, emoji 🤝</p>"
    assert sanitize_html(text) == text


# --------------------------------------------------------------------------- question-text profile

CODE = '<pre>def kies(partners):\n    # {a} = ~b\n\tif len(partners) &lt; 3:\n        return "duo"</pre>'


def test_question_text_profile_keeps_code_exactly():
    html_in = "<p>Wat geeft <code>kies()</code> terug, <q>direct</q>?</p>" + CODE
    assert sanitize_html(html_in, profile=QUESTION_TEXT) == html_in
    assert ALLOWED_TAGS | {"pre", "code", "q"} == QUESTION_TEXT_TAGS


def test_default_profile_still_drops_pre_and_code_but_keeps_their_text():
    output = sanitize_html("<p>Zie <code>x</code></p>" + CODE)
    assert "<pre>" not in output and "<code>" not in output
    assert _text(output) == _text("<p>Zie <code>x</code></p>" + CODE)


@pytest.mark.parametrize(
    ("html_in", "expected"),
    [
        ('<pre class="py" style="color:red" onclick="x()">a</pre>', "<pre>a</pre>"),
        ('<code title="t" data-x="1">b</code>', "<code>b</code>"),
        ("<pre><script>alert(1)</script>c</pre>", "<pre>c</pre>"),
        ('<pre><a href="javascript:alert(1)">d</a></pre>', f'<pre><a rel="{LINK_REL}">d</a></pre>'),
        ("<pre><img src=x onerror=alert(1)>e</pre>", "<pre>e</pre>"),
        # A newline right after <pre> is not content in HTML: it goes, stably.
        ("<pre>\n\nf</pre>", "<pre>f</pre>"),
    ],
)
def test_question_text_profile_strips_attributes_and_scripts_in_code(html_in, expected):
    once = sanitize_html(html_in, profile=QUESTION_TEXT)
    assert once == expected
    assert sanitize_html(once, profile=QUESTION_TEXT) == once


def test_unknown_profile_is_a_programming_error():
    with pytest.raises(KeyError):
        sanitize_html("<p>x</p>", profile="alles")


# --------------------------------------------------------------------------- sanitize_plain


def test_plain_removes_control_characters():
    assert sanitize_plain("a\x00b\x01c\x07d\x08e\x0bf\x0cg\x1bh\x7fi\x85j\x9fk") == "abcdefghijk"


def test_plain_keeps_newlines_and_tabs():
    assert sanitize_plain("regel 1\n\tregel 2") == "regel 1\n\tregel 2"


def test_plain_normalises_line_endings():
    assert sanitize_plain("a\r\nb\rc\nd") == "a\nb\nc\nd"


def test_plain_strips_surrounding_whitespace():
    assert sanitize_plain("  \n\t Hallo wereld \t\n  ") == "Hallo wereld"
    assert sanitize_plain("\x00  Hallo  \x00") == "Hallo"


def test_plain_keeps_markup_as_literal_text():
    assert (
        sanitize_plain("<b>vet</b> & <script>alert(1)</script>") == "<b>vet</b> & <script>alert(1)</script>"
    )
    assert sanitize_plain("5 < 6 &amp; 7 > 3") == "5 < 6 &amp; 7 > 3"


def test_plain_keeps_unicode():
    assert sanitize_plain("Coöperatie — 日本語 🤝") == "Coöperatie — 日本語 🤝"


def test_plain_empty_and_idempotent():
    assert sanitize_plain("") == ""
    assert sanitize_plain(None) == ""
    assert sanitize_plain("   \x00\n ") == ""
    for value in ("  a\r\n\x00b  ", *PAYLOADS[:50]):
        once = sanitize_plain(value)
        assert sanitize_plain(once) == once
