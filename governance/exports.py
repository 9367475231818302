"""Exports, the one way: Italian-Excel CSV and XLSX from plain rows, with formula cells neutralised.

    from governance.exports import Sheet, csv_response, xlsx_response
    return csv_response(filename="elenco.csv", header=["Codice", "Importo"], rows=rows)
    return xlsx_response(filename="elenco.xlsx", sheets=[Sheet("Elenco", header, rows)])

A text cell that a spreadsheet would read as a formula (it begins with `=`, `+`, `-`, `@`, a tab or a carriage
return) is prefixed with an apostrophe, so a value typed by a user can never run in the reader's spreadsheet
(OWASP "CSV injection"). Numbers stay numbers: Decimal and int cells are written as numeric cells in XLSX and with
a decimal comma in CSV, so Italian Excel reads them as numbers.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
EURO_FORMAT = '#,##0.00 "€"'
DATE_FORMAT = "DD/MM/YYYY"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def safe_cell(value):
    """The value, or for text that a spreadsheet would evaluate, the text behind an apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def _csv_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "sì" if value else "no"
    if isinstance(value, Decimal | float):
        return f"{value:.2f}".replace(".", ",") if isinstance(value, Decimal) else str(value).replace(".", ",")
    if isinstance(value, dt.datetime):
        return f"{value:%d/%m/%Y %H:%M}"
    if isinstance(value, dt.date):
        return f"{value:%d/%m/%Y}"
    return str(safe_cell(str(value)))


def csv_bytes(*, header: Sequence[str], rows: Iterable[Sequence]) -> bytes:
    """UTF-8 with BOM, `;` separated, CRLF: what Excel in Italian opens without an import wizard."""
    output = io.StringIO()
    writer = csv.writer(output, delimiter=";", lineterminator="\r\n")
    writer.writerow([_csv_text(h) for h in header])
    for row in rows:
        writer.writerow([_csv_text(v) for v in row])
    return ("\ufeff" + output.getvalue()).encode("utf-8")


def _attachment(response: HttpResponse, filename: str) -> HttpResponse:
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def csv_response(*, filename: str, header: Sequence[str], rows: Iterable[Sequence]) -> HttpResponse:
    return _attachment(
        HttpResponse(csv_bytes(header=header, rows=rows), content_type="text/csv; charset=utf-8"), filename
    )


@dataclass
class Sheet:
    """One worksheet: a title (at most 31 characters in XLSX), a header row and rows of plain values."""

    title: str
    header: Sequence[str]
    rows: Iterable[Sequence] = field(default_factory=list)
    number_formats: dict[int, str] = field(default_factory=dict)  # column index → Excel format (e.g. a percentage)


def _xlsx_value(value):
    if isinstance(value, bool):
        return "sì" if value else "no"
    if isinstance(value, Decimal | int | float | dt.date) or value is None:
        return value
    return safe_cell(str(value))


def xlsx_bytes(*, sheets: Sequence[Sheet]) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for sheet in sheets:
        ws = workbook.create_sheet(title=safe_cell(sheet.title)[:31].replace("/", "-") or "Foglio")
        ws.append([_xlsx_value(h) for h in sheet.header])
        for cell in ws[1]:
            cell.font = Font(bold=True)
        widths = [len(str(h)) for h in sheet.header]
        for row in sheet.rows:
            ws.append([_xlsx_value(v) for v in row])
            for index, value in enumerate(row):
                if index < len(widths):
                    widths[index] = max(widths[index], min(len(str(value)) if value is not None else 0, 60))
        for cells in ws.iter_rows(min_row=2):
            for cell in cells:
                if cell.column - 1 in sheet.number_formats and isinstance(cell.value, Decimal | int | float):
                    cell.number_format = sheet.number_formats[cell.column - 1]
                elif isinstance(cell.value, Decimal):
                    cell.number_format = EURO_FORMAT
                elif isinstance(cell.value, dt.date):
                    cell.number_format = DATE_FORMAT
        for index, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(index)].width = max(10, width + 2)
        ws.freeze_panes = "A2"
    if not workbook.worksheets:
        workbook.create_sheet(title="Foglio")
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def xlsx_response(*, filename: str, sheets: Sequence[Sheet]) -> HttpResponse:
    return _attachment(HttpResponse(xlsx_bytes(sheets=sheets), content_type=XLSX_CONTENT_TYPE), filename)
