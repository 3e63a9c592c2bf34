"""Keeps the Dutch catalogues complete.

    python tools/po.py missing [APP ...]        prints untranslated or fuzzy entries as JSON
    python tools/po.py fill TRANSLATIONS.json [APP ...]
                                                fills entries: {"msgid": "msgstr"} or, for plurals,
                                                {"msgid": ["singular", "plural"]}

Catalogues are the nl ones of the project (`locale/`, app name `project`) and of every app.
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


def fill(translations: dict, apps: list[str] | None = None) -> int:
    filled = 0
    for path in catalogues(apps):
        po = polib.pofile(str(path))
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
            filled += 1
        # makemessages leaves placeholders in the header; a broken plural formula makes Django
        # ignore plural forms of other catalogues too.
        po.metadata["Language"] = "nl"
        po.metadata["Plural-Forms"] = "nplurals=2; plural=(n != 1);"
        po.metadata["Content-Type"] = "text/plain; charset=UTF-8"
        po.save()
    return filled


if __name__ == "__main__":
    command, *args = sys.argv[1:] or ["missing"]
    if command == "missing":
        print(json.dumps(missing(args), ensure_ascii=False, indent=1))
    elif command == "fill":
        translations = json.loads(Path(args[0]).read_text(encoding="utf-8"))
        print(f"filled {fill(translations, args[1:])} entries")
    else:
        sys.exit(__doc__)
