"""Spreadsheet exports (CSV) that a spreadsheet program opens as data, never as formulas.

A cell that starts with `=`, `+`, `-` or `@` (or a tab or carriage return, which some programs skip
before reading the rest as a formula) is taken by Excel, LibreOffice and Google Sheets as a formula: a
professional who calls themselves `=HYPERLINK("http://x","y")` would put a live link, or worse, into the
trainer's export. As OWASP recommends, such a text cell gets a leading single quote, which spreadsheet
programs show as text. Numbers (int, float, Decimal) are written as numbers: a negative score such as
-0.25 is a value, not a formula, and stays one a spreadsheet can calculate with; a number formatted as
text first would be quoted, so exports hand numbers over as numbers.

Every CSV the academy writes goes through `csv_response`; Wagtail's own CSV exports (its reports) are
made safe by `protect_wagtail_exports`.
"""

import csv
from collections.abc import Iterable
from decimal import Decimal

from django.http import HttpResponse

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: object) -> object:
    """The value as a spreadsheet cell that cannot be read as a formula."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float | Decimal):
        return value
    text = str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


class SafeWriter:
    """A csv writer whose every cell passes through `spreadsheet_safe`."""

    def __init__(self, stream, **kwargs):
        self._writer = csv.writer(stream, **kwargs)

    def writerow(self, row: Iterable[object]):
        return self._writer.writerow([spreadsheet_safe(value) for value in row])

    def writerows(self, rows: Iterable[Iterable[object]]) -> None:
        for row in rows:
            self.writerow(row)


def csv_response(filename: str, *, delimiter: str = ";") -> tuple[HttpResponse, SafeWriter]:
    """An attachment response for a CSV file and the safe writer to fill it with.

    Semicolons and a byte order mark: Dutch Excel reads that as UTF-8 columns without an import step."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    return response, SafeWriter(response, delimiter=delimiter)


def protect_wagtail_exports() -> None:
    """Makes the CSV exports of Wagtail's admin (its reports, listings with an export) formula-safe.

    Wagtail converts each value with `preprocess_field_value` before writing a CSV row, and already
    writes XLSX cells that look like formulas as text; only its CSV path needs the quote."""
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    if getattr(SpreadsheetExportMixin, "_academy_formula_safe", False):
        return
    original = SpreadsheetExportMixin.preprocess_field_value

    def preprocess_field_value(self, field, value, export_format):
        value = original(self, field, value, export_format)
        if export_format == SpreadsheetExportMixin.FORMAT_CSV:
            return spreadsheet_safe(value)
        return value

    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
    SpreadsheetExportMixin._academy_formula_safe = True
