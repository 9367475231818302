"""The planned-vs-actual report: HTML, or the same rows as PDF, XLSX and CSV."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from ...permissions import require
from .. import permissions
from ..charts import bar_chart
from ..forms import (
    ReportFilterForm,
)
from ..renderers import render_csv, render_report_pdf, render_xlsx
from ..reports import Breakdown, Figures, Row, budget_report


@login_required
def budget_report_view(request):
    require(permissions.can_read_budget(request.user))
    form = ReportFilterForm(request.GET or None, user=request.user)
    report = budget_report(user=request.user, filters=form.filters())
    by_key = {b.key: b for b in report.breakdowns}
    charts = [
        bar_chart(_by_action(by_key["action_year"]), title="Per azione"),
        bar_chart(by_key["funding_source"]),
    ]
    fmt = request.GET.get("format", "html")
    if fmt == "pdf":
        return render_report_pdf(request=request, report=report, charts=charts)
    if fmt == "xlsx":
        return render_xlsx(report)
    if fmt == "csv":
        return render_csv(report)
    query = request.GET.copy()
    query.pop("format", None)
    return render(
        request,
        "governance/budget/report.html",
        {"form": form, "report": report, "charts": charts, "query": query.urlencode()},
    )


def _by_action(breakdown):
    """The action × year breakdown summed by action, for the chart."""
    totals: dict[str, Figures] = {}
    for row in breakdown.rows:
        totals.setdefault(row.labels[0], Figures()).add(row.figures)
    return Breakdown(
        key="action", title="Per azione", columns=("Azione",), rows=[Row((k,), v) for k, v in totals.items()]
    )
