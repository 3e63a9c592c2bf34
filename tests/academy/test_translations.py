from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = [p for p in ROOT.glob("**/locale/nl/LC_MESSAGES/django.po") if ".venv" not in p.parts]


def test_there_is_a_dutch_catalogue_per_app():
    assert len(CATALOGUES) >= 8


def test_every_string_has_a_dutch_translation():
    missing = [
        f"{path.relative_to(ROOT)}: {entry.msgid}"
        for path in CATALOGUES
        for entry in polib.pofile(str(path))
        if not entry.obsolete and (not entry.translated() or "fuzzy" in entry.flags)
    ]
    assert missing == []
