"""The monitoring report rendered: HTML rows, PDF (WeasyPrint) and XLSX, all from the same tables (rows.py)."""

from __future__ import annotations

from django.http import HttpResponse

from ..exports import XLSX_CONTENT_TYPE, Sheet, xlsx_bytes
from ..pdf import pdf_bytes
from .rows import SECTIONS, period_label
from .tables import Table, display, export_value

PDF_TEMPLATE = "governance/monitoring/report_pdf.html"
PCT_FORMAT = '0.0"%"'


def shown_tables(tables: list[Table], *, can_see_identity: bool) -> list[dict]:
    """The tables as the HTML page and the PDF show them, grouped by section, every cell already formatted."""
    sections: dict[str, dict] = {}
    for table in tables:
        section = sections.setdefault(table.section, {"key": table.section, "title": SECTIONS[table.section]})
        rows = []
        for index, row in enumerate(table.rows):
            rows.append(
                [
                    {
                        "text": display(v, table.unit_of(index, c), can_see_identity=can_see_identity),
                        "numeric": table.unit_of(index, c) != "text" and not isinstance(v, str),
                    }
                    for c, v in enumerate(row)
                ]
            )
        header = [
            {"text": h, "numeric": unit != "text", "width": _width(h, unit)}
            for h, unit in zip(table.header, table.units, strict=True)
        ]
        section.setdefault("tables", []).append({"table": table, "header": header, "rows": rows})
    return list(sections.values())


WIDE_COLUMNS = {"Indicatore", "Decisione", "Risultato", "Organismo", "Fonte"}


def _width(header: str, unit: str) -> str:
    """The column's width class in the PDF (fixed table layout: print.css gives each class its share)."""
    if header in WIDE_COLUMNS:
        return "c-wide"
    if header == "Codice":
        return "c-code"
    return "c-text" if unit == "text" else "c-num"


def title_of(year: int | None) -> str:
    return f"Relazione di monitoraggio – {period_label(year)}"


def filename(year: int | None, extension: str, *, sent: bool = False) -> str:
    period = f"anno-{year}" if year else "cumulato"
    return f"monitoraggio-{period}{'-inviata' if sent else ''}.{extension}"


def report_pdf(*, tables: list[Table], year: int | None, can_see_identity: bool, status: str, request=None) -> bytes:
    return pdf_bytes(
        template=PDF_TEMPLATE,
        context={
            "title": title_of(year),
            "sections": shown_tables(tables, can_see_identity=can_see_identity),
            "status": status,
        },
        request=request,
    )


def report_xlsx(*, tables: list[Table], year: int | None, can_see_identity: bool, status: str) -> bytes:
    """A cover sheet, then one sheet per table: euros with a euro format, percentages as numbers, "< 3" as text."""
    sheets = [Sheet("Relazione", ["Voce", "Valore"], [["Relazione", title_of(year)], ["Stato", status]])]
    for number, table in enumerate(tables, start=1):
        rows = [
            [export_value(v, table.unit_of(i, c), can_see_identity=can_see_identity) for c, v in enumerate(row)]
            for i, row in enumerate(table.rows)
        ]
        formats = {c: PCT_FORMAT for c, unit in enumerate(table.units) if unit == "percent"}
        sheets.append(Sheet(f"{number}. {table.title}"[:31], table.header, rows, number_formats=formats))
    return xlsx_bytes(sheets=sheets)


def file_response(content: bytes, *, extension: str, name: str) -> HttpResponse:
    content_type = "application/pdf" if extension == "pdf" else XLSX_CONTENT_TYPE
    response = HttpResponse(bytes(content), content_type=content_type)
    disposition = "inline" if extension == "pdf" else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{name}"'
    return response
