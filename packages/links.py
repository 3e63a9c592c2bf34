"""Links inside rich text, as a site stores them and as a package carries them.

Wagtail stores an internal link as ``<a linktype="page" id="42">`` and a link to a document as
``<a linktype="document" id="7">``: database ids that mean nothing on another site. In a package the id
is a key instead: ``course``, ``course:m01`` or ``course:m01-02`` for the course itself, one of its modules
or one of their items (by position, so a renamed slug on import cannot break them), ``<app.model>:<slug>``
for a page outside the course (an instrument sheet, a case), and the file's path in the package for a
document.

The sanitiser keeps no attributes but ``href`` and ``title``, so on import every package link is swapped for
a harmless placeholder, the text is sanitised, and the placeholders become links again.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from academy.sanitizer import LINK_REL, sanitize_html

COURSE_KEY = "course"
LINK_TYPES = ("page", "document")

_OPENING_TAG = re.compile(r"<a\b(?P<attributes>[^>]*)>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""(?P<name>[\w:-]+)\s*=\s*(?:"(?P<double>[^"]*)"|'(?P<single>[^']*)')""")
_PLACEHOLDER = re.compile(r'<a href="/__package-link__/(?P<index>\d+)"[^>]*>')
_PACKAGE_LINK = re.compile(r'<a linktype="(?P<type>page|document)" id="(?P<key>[^"]*)">')
# The sanitiser marks every link it keeps; Wagtail's rich text renders its own, so the stored text is
# left as the editor writes it (and a round trip keeps it exactly).
_SANITISER_REL = f' rel="{LINK_REL}"'


def internal_key(module: int | None = None, item: int | None = None) -> str:
    """The key of the course (no arguments), its module number `module`, or that module's item `item`."""
    if module is None:
        return COURSE_KEY
    return f"{COURSE_KEY}:m{module:02d}" + (f"-{item:02d}" if item is not None else "")


def is_internal(key: str) -> bool:
    return key == COURSE_KEY or key.startswith(COURSE_KEY + ":")


def _attributes(text: str) -> dict[str, str]:
    return {
        match["name"].lower(): html.unescape(
            match["double"] if match["double"] is not None else match["single"]
        )
        for match in _ATTRIBUTE.finditer(text)
    }


def _link(link_type: str, key: str) -> str:
    return f'<a linktype="{link_type}" id="{html.escape(str(key), quote=True)}">'


def ids_to_keys(value: str, key_of: Callable[[str, str], str | None]) -> str:
    """A site's rich text with every internal link's id replaced by its package key.

    A link whose target is gone (`key_of` returns None) loses its target, as Wagtail renders it too."""

    def replace(match: re.Match) -> str:
        attributes = _attributes(match["attributes"])
        link_type = attributes.get("linktype")
        if link_type not in LINK_TYPES:
            return match.group(0)
        key = key_of(link_type, attributes.get("id", ""))
        return _link(link_type, key) if key else "<a>"

    return _OPENING_TAG.sub(replace, value or "")


def sanitize_package_text(value, *, is_known: Callable[[str, str], bool]) -> str:
    """A package's rich text, sanitised, with its links in package form.

    Raises ValueError (with the link's key) when a link points at something the package does not know."""
    links: list[tuple[str, str]] = []

    def protect(match: re.Match) -> str:
        attributes = _attributes(match["attributes"])
        link_type = attributes.get("linktype")
        if link_type is None:
            return match.group(0)
        key = attributes.get("id", "")
        if link_type not in LINK_TYPES or not is_known(link_type, key):
            raise ValueError(f"{link_type}:{key}")
        links.append((link_type, key))
        return f'<a href="/__package-link__/{len(links) - 1}">'

    clean = sanitize_html(_OPENING_TAG.sub(protect, str(value or ""))).replace(_SANITISER_REL, "")

    def restore(match: re.Match) -> str:
        index = int(match["index"])
        return _link(*links[index]) if index < len(links) else match.group(0)

    return _PLACEHOLDER.sub(restore, clean)


def keys_to_ids(value: str, id_of: Callable[[str, str], int | None]) -> str:
    """Package rich text as the site stores it. A key `id_of` cannot resolve yet stays (a page of the
    course that is created later); a second pass resolves it."""

    def replace(match: re.Match) -> str:
        target = id_of(match["type"], html.unescape(match["key"]))
        return _link(match["type"], target) if target is not None else match.group(0)

    return _PACKAGE_LINK.sub(replace, value or "")
