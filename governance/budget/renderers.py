"""The budget report rendered as PDF, XLSX and CSV: the same rows as the HTML page (reports.BudgetReport)."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from django.http import HttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from ..pdf import render_pdf
from .reports import FIGURE_COLUMNS, BudgetReport, Figures

EURO_FORMAT = '#,##0.00 "€"'
PCT_FORMAT = '0.0"%"'


def figure_values(figures: Figures) -> list:
    return [figures.planned, figures.actual, figures.pending, figures.variance, figures.spent_pct]


def tables(report: BudgetReport) -> list[dict]:
    """Every table of the report as (title, header, rows of values): one sheet / CSV section each."""
    result = []
    for breakdown in report.breakdowns:
        rows = [[*row.labels, *figure_values(row.figures)] for row in breakdown.rows]
        blanks = [""] * (len(breakdown.columns) - 1)
        rows.append(["Totale", *blanks, *figure_values(breakdown.total)])
        result.append(
            {
                "title": breakdown.title,
                "header": [*breakdown.columns, *FIGURE_COLUMNS],
                "rows": rows,
                "money_from": len(breakdown.columns),
            }
        )
    comparison = report.comparison
    result.append(
        {
            "title": "Confronto versioni del piano",
            "header": ["Azione", *[p.name + f" ({p.date:%d/%m/%Y})" for p in comparison.plans]],
            "rows": [[label, *values] for label, values in comparison.rows] + [["Totale", *comparison.totals]],
            "money_from": 1,
        }
    )
    return result


def filename(report: BudgetReport, extension: str) -> str:
    plan = report.plan.code if report.plan else "nessun-piano"
    return f"budget-{plan}-{timezone.localdate():%Y-%m-%d}.{extension}"


def render_xlsx(report: BudgetReport) -> HttpResponse:
    """One sheet per breakdown; real numbers with a euro format; frozen header row."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for table in tables(report):
        sheet = workbook.create_sheet(title=table["title"][:31])
        sheet.append(table["header"])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for values in table["rows"]:
            sheet.append([None if v is None else v for v in values])
        is_pct = len(table["header"]) - 1 if table["header"][-1] == FIGURE_COLUMNS[-1] else None
        for row in sheet.iter_rows(min_row=2):
            for cell in row[table["money_from"] :]:
                if cell.column - 1 == is_pct:
                    cell.number_format = PCT_FORMAT
                elif isinstance(cell.value, Decimal | int | float):
                    cell.number_format = EURO_FORMAT
        for cell in sheet[sheet.max_row]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
        for index, _ in enumerate(table["header"], start=1):
            sheet.column_dimensions[get_column_letter(index)].width = 42 if index <= table["money_from"] else 20
    output = io.BytesIO()
    workbook.save(output)
    response = HttpResponse(
        output.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename(report, "xlsx")}"'
    return response


def italian_number(value) -> str:
    """Decimal → "1234,56" (decimal comma, no grouping: what Italian Excel reads back as a number)."""
    if value is None or value == "":
        return ""
    return str(value).replace(".", ",") if isinstance(value, Decimal) else str(value)


def render_csv(report: BudgetReport) -> HttpResponse:
    """Italian Excel dialect: `;` separator, decimal comma, UTF-8 with BOM; one section per table."""
    output = io.StringIO()
    output.write("\ufeff")
    writer = csv.writer(output, delimiter=";", lineterminator="\r\n")
    for index, table in enumerate(tables(report)):
        if index:
            writer.writerow([])
        writer.writerow([table["title"]])
        writer.writerow(table["header"])
        for values in table["rows"]:
            writer.writerow([italian_number(v) for v in values])
    response = HttpResponse(output.getvalue().encode("utf-8"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename(report, "csv")}"'
    return response


def render_report_pdf(*, request, report: BudgetReport, charts: list[dict]) -> HttpResponse:
    return render_pdf(
        request=request,
        template="governance/budget/report_pdf.html",
        context={"report": report, "charts": charts},
        filename=filename(report, "pdf"),
    )
