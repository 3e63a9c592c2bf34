"""Keeps the Dutch catalogues complete.

    python tools/po.py missing [APP ...]        prints untranslated or fuzzy entries as JSON
    python tools/po.py fill TRANSLATIONS.json   fills entries: {"msgid": "msgstr"} or, for plurals,
                                                {"msgid": ["singular", "plural"]}

Catalogues are the nl ones of the project (`locale/`) and of every app.
"""

import json
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent


def catalogues(apps: list[str] | None = None) -> list[Path]:
    paths = sorted(ROOT.glob("*/locale/nl/LC_MESSAGES/django.po")) + [
        ROOT / "locale/nl/LC_MESSAGES/django.po"
    ]
    paths = [p for p in paths if ".venv" not in p.parts and p.exists()]
    if apps:
        paths = [p for p in paths if p.parts[-5] in apps or (p.parts[-5] == ROOT.name and "project" in apps)]
    return paths


def missing(apps: list[str]) -> dict:
    result = {}
    for path in catalogues(apps):
        for entry in polib.pofile(str(path)):
            if entry.obsolete:
                continue
            if not entry.translated() or "fuzzy" in entry.flags:
                result[entry.msgid] = [entry.msgid, entry.msgid_plural] if entry.msgid_plural else ""
    return result


def fill(translations: dict) -> int:
    filled = 0
    for path in catalogues():
        po = polib.pofile(str(path))
        changed = False
        for entry in po:
            if entry.msgid not in translations:
                continue
            value = translations[entry.msgid]
            if entry.msgid_plural:
                entry.msgstr_plural = {0: value[0], 1: value[1]}
            else:
                entry.msgstr = value
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
            changed = True
            filled += 1
        if changed:
            po.save()
    return filled


if __name__ == "__main__":
    command, *args = sys.argv[1:] or ["missing"]
    if command == "missing":
        print(json.dumps(missing(args), ensure_ascii=False, indent=1))
    elif command == "fill":
        print(f"filled {fill(json.loads(Path(args[0]).read_text(encoding='utf-8')))} entries")
    else:
        sys.exit(__doc__)
