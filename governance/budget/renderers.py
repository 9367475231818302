"""The budget report rendered as PDF, XLSX and CSV: the same rows as the HTML page (reports.BudgetReport)."""

from __future__ import annotations

from django.http import HttpResponse
from django.utils import timezone

from ..exports import Sheet, csv_response, xlsx_response
from ..pdf import render_pdf
from .reports import FIGURE_COLUMNS, BudgetReport, Figures

PCT_FORMAT = '0.0"%"'


NO_DATA = "—"  # a plan version without lines per action: no data, not zero


def no_data(value):
    return NO_DATA if value is None else value


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
            "rows": [[label, *map(no_data, values)] for label, values in comparison.rows]
            + [
                ["Totale delle righe", *map(no_data, comparison.totals)],
                ["Totale dichiarato", *[p.declared_total for p in comparison.plans]],
            ],
            "money_from": 1,
        }
    )
    return result


def filename(report: BudgetReport, extension: str) -> str:
    plan = report.plan.code if report.plan else "nessun-piano"
    return f"budget-{plan}-{timezone.localdate():%Y-%m-%d}.{extension}"


def render_xlsx(report: BudgetReport) -> HttpResponse:
    """One sheet per breakdown; real numbers with a euro format (a percentage for "% speso"); frozen header."""
    sheets = []
    for table in tables(report):
        header = table["header"]
        formats = {len(header) - 1: PCT_FORMAT} if header[-1] == FIGURE_COLUMNS[-1] else {}
        sheets.append(Sheet(table["title"], header, table["rows"], number_formats=formats))
    return xlsx_response(filename=filename(report, "xlsx"), sheets=sheets)


def render_csv(report: BudgetReport) -> HttpResponse:
    """Italian Excel dialect (governance.exports); one section per table: its title, its header, its rows."""
    sections = tables(report)
    rows = []
    for index, table in enumerate(sections):
        if index:
            rows += [[], [table["title"]]]
        rows += [table["header"], *table["rows"]]
    return csv_response(filename=filename(report, "csv"), header=[sections[0]["title"]], rows=rows)


def render_report_pdf(*, request, report: BudgetReport, charts: list[dict]) -> HttpResponse:
    return render_pdf(
        request=request,
        template="governance/budget/report_pdf.html",
        context={"report": report, "charts": charts},
        filename=filename(report, "pdf"),
    )
