"""The project's single HTML sanitiser.

Every piece of user-supplied rich text (course descriptions, case write-ups,
forum-like answers, ...) must pass through :func:`sanitize_html` before it is
stored or rendered with ``|safe``. Plain text fields go through
:func:`sanitize_plain` and are escaped at render time by Django templates.

Built on `nh3 <https://nh3.readthedocs.io/>`_ (Python bindings to the Rust
``ammonia`` crate, which parses with the spec-compliant ``html5ever`` parser).
``bleach`` is deprecated and must not be used.

Policy:

* Allowed elements: ``ALLOWED_TAGS`` (paragraphs, line breaks, lists, bold,
  italic, links, subheadings h2-h4, block quotes). Any other element is removed
  but its text content is kept, except for the elements in
  ``_DROP_CONTENT_TAGS`` (script, style, embedded documents, raw-text
  containers), whose content is dropped entirely. ``<svg>``/``<math>``
  subtrees are always dropped entirely by ammonia.
* Allowed attributes: ``href`` and ``title`` on ``<a>``; nothing else (no
  ``style``, ``class``, ``id`` or event handlers).
* Link targets: ``http``, ``https`` and ``mailto`` URLs, or relative URLs
  without a scheme. ``javascript:``, ``vbscript:``, ``data:`` and every other
  scheme is removed (ammonia decodes entities and ignores embedded
  whitespace/control characters before checking the scheme).
* On top of that, ``href`` values that still look like another scheme after a
  second round of entity decoding and removal of all whitespace, control,
  format and separator characters (``"\u00a0javascript:"``,
  ``"&amp;#106;avascript:"``) are dropped too, although browsers would treat
  them as relative URLs.
* Every ``<a>`` gets ``rel="noopener noreferrer nofollow"``; author-supplied
  ``rel``/``target`` attributes are discarded.
* Comments are removed.
* Profiles: ``sanitize_html(value, profile=QUESTION_TEXT)`` also keeps ``<pre>``,
  ``<code>`` and ``<q>`` (``QUESTION_TEXT_TAGS``), for quiz questions that show code or
  a fixed layout (Moodle's GIFT files carry them); ``profile=FEEDBACK`` keeps only
  paragraphs, lists, bold, italic and links (feedback to professionals). The attribute,
  link and drop-content rules are the same in every profile.
* The output is idempotent: ``sanitize_html(sanitize_html(x)) == sanitize_html(x)``.
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata
from collections.abc import Callable

import nh3

__all__ = [
    "ALLOWED_TAGS",
    "DEFAULT",
    "FEEDBACK",
    "FEEDBACK_TAGS",
    "LINK_REL",
    "QUESTION_TEXT",
    "QUESTION_TEXT_TAGS",
    "URL_SCHEMES",
    "sanitize_html",
    "sanitize_plain",
]

ALLOWED_TAGS: frozenset[str] = frozenset(
    {"p", "br", "ul", "ol", "li", "strong", "b", "em", "i", "a", "h2", "h3", "h4", "blockquote"}
)
# Quiz questions may show code (Moodle's GIFT exports keep it in <pre>/<code>): both are inert text
# containers, and without attributes they carry nothing but their (escaped) text.
QUESTION_TEXT_TAGS: frozenset[str] = ALLOWED_TAGS | {"pre", "code", "q"}
# Feedback to a professional (trainer's feedback, replies): paragraphs, lists, bold, italic and links only.
FEEDBACK_TAGS: frozenset[str] = frozenset({"p", "br", "ul", "ol", "li", "strong", "b", "em", "i", "a"})

DEFAULT = "default"
QUESTION_TEXT = "question_text"
FEEDBACK = "feedback"

# The explicit empty "*" entry matters: without it ammonia keeps its default
# generic attributes (``lang`` and ``title``) on every element.
ALLOWED_ATTRIBUTES: dict[str, frozenset[str]] = {"*": frozenset(), "a": frozenset({"href", "title"})}

URL_SCHEMES: frozenset[str] = frozenset({"http", "https", "mailto"})

LINK_REL = "noopener noreferrer nofollow"

# Elements removed together with everything inside them. ``script`` and
# ``style`` are the obvious ones; the rest are embedded documents, executable
# or plugin containers, and raw-text/RCDATA elements whose "text" is usually
# markup that would otherwise show up as literal ``<img src=x ...>`` text.
_DROP_CONTENT_TAGS: frozenset[str] = frozenset(
    {
        "script",
        "style",
        "template",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "applet",
        "noscript",
        "noembed",
        "noframes",
        "xmp",
        "plaintext",
        "textarea",
        "title",
        "head",
        "svg",
        "math",
    }
)

# C0 controls except TAB, LF and CR; DEL; C1 controls. Browsers ignore some of
# these inside URL schemes (``java\x01script:``) and NUL handling differs
# between parsers, so they are removed before anything else looks at the input.
_HTML_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

# Same, for plain text fields: everything except TAB and LF (CR is normalised
# to LF first).
_PLAIN_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

# Deliberately not re.ASCII: with Unicode case folding "ı" and "ſ" match too,
# so "javaſcript:" is rejected as well (over-strict, never harmful).
_URL_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):", re.IGNORECASE)

# Re-sanitising the output is normally a no-op; this bounds the (defensive)
# loop that makes idempotency a guarantee rather than an observation.
_MAX_PASSES = 4


def _url_is_safe(url: str) -> bool:
    """Second, stricter scheme check on top of ammonia's own.

    ammonia follows the URL standard, under which ``"\\u00a0javascript:..."`` or
    ``"&#106;avascript:..."`` (after the parser's entity decoding) are harmless
    relative URLs. We reject anything that *looks* like a disallowed scheme once
    entities are decoded again and every whitespace, control, format and
    separator character is removed, so that no lenient or buggy consumer of
    the stored HTML (old browsers, e-mail clients, PDF renderers, feed readers)
    can be talked into running it.
    """
    for candidate in {url, html.unescape(url)}:
        squeezed = "".join(
            ch for ch in candidate if not ch.isspace() and unicodedata.category(ch)[0] not in {"C", "Z"}
        )
        match = _URL_SCHEME.match(squeezed)
        if match and match.group(1).lower() not in URL_SCHEMES:
            return False
    return True


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    if attribute == "href" and not _url_is_safe(value):
        return None
    return value


def _make_cleaner(**options: object) -> Callable[[str], str]:
    cleaner_cls = getattr(nh3, "Cleaner", None)
    if cleaner_cls is not None:  # newer nh3: compile the policy once
        return cleaner_cls(**options).clean
    return functools.partial(nh3.clean, **options)


def _profile_cleaner(tags: frozenset[str]) -> Callable[[str], str]:
    return _make_cleaner(
        tags=set(tags),
        clean_content_tags=set(_DROP_CONTENT_TAGS),
        attributes={tag: set(attrs) for tag, attrs in ALLOWED_ATTRIBUTES.items()},
        attribute_filter=_filter_attribute,
        url_schemes=set(URL_SCHEMES),
        link_rel=LINK_REL,
        strip_comments=True,
    )


_PROFILES: dict[str, Callable[[str], str]] = {
    DEFAULT: _profile_cleaner(ALLOWED_TAGS),
    QUESTION_TEXT: _profile_cleaner(QUESTION_TEXT_TAGS),
    FEEDBACK: _profile_cleaner(FEEDBACK_TAGS),
}
_strip_all_tags = _make_cleaner(
    tags=set(),
    clean_content_tags=set(_DROP_CONTENT_TAGS),
    attributes={"*": set()},
    link_rel=None,
    strip_comments=True,
)


def sanitize_html(value: str | None, *, profile: str = DEFAULT) -> str:
    """Return ``value`` reduced to the allowed formatting.

    Paragraphs, lists, bold, italic, links (``http``, ``https`` and ``mailto``
    only; every link gets ``rel="noopener noreferrer nofollow"``), subheadings
    h2-h4 and quotes survive. Everything else is removed: the text content of
    harmless unknown tags is kept, the content of ``script``/``style`` (and of
    other executable or embedded-document containers) is dropped entirely.
    ``profile=QUESTION_TEXT`` keeps ``<pre>`` and ``<code>`` as well.

    Idempotent: ``sanitize_html(sanitize_html(x)) == sanitize_html(x)``.
    """
    clean = _PROFILES[profile]  # an unknown profile is a programming error: KeyError
    if not value:
        return ""
    result = clean(_HTML_CONTROL_CHARS.sub("", str(value)))
    for _ in range(_MAX_PASSES):
        again = clean(result)
        if again == result:
            return result
        result = again
    # Never observed: the parser kept restructuring its own output. Fall back
    # to text only, which is trivially stable and safe.
    return _strip_all_tags(result)


def sanitize_plain(value: str | None) -> str:
    """Clean a plain text field.

    Plain fields are stored as typed: markup such as ``<b>`` is kept as literal
    text (Django templates escape it at render time). Line endings are
    normalised to ``\\n``, control characters other than ``\\n`` and ``\\t``
    are removed and surrounding whitespace is stripped.
    """
    if not value:
        return ""
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    return _PLAIN_CONTROL_CHARS.sub("", text).strip()
