"""The annual monitoring report as rows: ONE function (`monitoring_tables`) that every renderer reads.

For a project year N the report holds, for the year and cumulatively (from the start of the programme to the day
it is computed): every indicator against its target in force with the variance (the results framework's rows), the
budget by action and by funding source (the budget report's rows), the fundraising raised against its target (the
results registry's Action 5 indicators: governance imports no action app), governance activity (meetings held per
body against the cadence, the main decisions of the programme bodies), cost per result, people and households
reached, and the Direzione's narrative per action. Without a year (the cumulative view) the yearly tables and the
narrative are left out.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal

from ..budget.reports import FIGURE_COLUMNS, Figures, budget_report
from ..indicators import ComputedCells
from ..models import Action, Decision, District, GovernanceBody, MonitoringReport, ProjectYear
from ..results.reports import NOT_MEASURED, UNAVAILABLE, ResultRow, Source, results_report
from ..selectors import cadence_compliance
from .costs import cost_per_result
from .reach import Reach, reach_by_year
from .tables import Table

FUNDRAISING_ACTION = "5"
MAIN_DECISIONS = 25
CUMULATIVE = "Cumulato"
SECTIONS = {
    "results": "Indicatori rispetto agli obiettivi",
    "budget": "Budget: previsto e consuntivo",
    "fundraising": "Raccolta fondi",
    "governance": "Attività degli organismi di governance",
    "costs": "Costo per risultato",
    "reach": "Persone e nuclei raggiunti",
    "narrative": "Relazione della Direzione per azione",
}


def period_label(year: int | None) -> str:
    return f"Anno {year}" if year else CUMULATIVE


# --- Indicators and fundraising ------------------------------------------------------------------------------------


def _target_cell(row: ResultRow):
    target = row.current
    if target is None:
        return None
    return str(target) if target.is_range else target.value


def _actual_cell(row: ResultRow):
    if row.source == Source.NONE:
        return NOT_MEASURED
    if row.source == Source.UNAVAILABLE:
        return UNAVAILABLE
    return row.actual


def _variance(row: ResultRow):
    target = row.current
    if target is None or row.own_districts_only or row.source not in (Source.COMPUTED, Source.MANUAL):
        return None
    return Decimal(row.actual) - target.value


def _result_rows(rows: list[ResultRow]) -> tuple[list[list], list[str]]:
    values, units = [], []
    for row in rows:
        values.append(
            [
                row.indicator.action.code,
                row.indicator.code,
                row.indicator.name,
                row.area_label,
                _target_cell(row),
                _actual_cell(row),
                _variance(row),
                row.share,
            ]
        )
        units.append(row.indicator.unit)
    return values, units


def _results_tables(user, year: int | None, cells: ComputedCells) -> list[Table]:
    periods = []
    if year:
        periods.append((year, [r for r in results_report(user=user, year=year, cells=cells).rows if r.year == year]))
    cumulative = results_report(user=user, triennium_only=True, cells=cells).rows
    periods.append((None, cumulative))
    tables = []
    for period, rows in periods:
        label = period_label(period)
        indicators = [r for r in rows if r.indicator.action.code != FUNDRAISING_ACTION]
        values, units = _result_rows(indicators)
        tables.append(
            Table(
                key=f"results-{period or 'all'}",
                section="results",
                title=f"Indicatori – {label}",
                header=[
                    "Azione",
                    "Codice",
                    "Indicatore",
                    "Ambito",
                    "Obiettivo vigente",
                    "Rilevato",
                    "Scostamento",
                    "% dell'obiettivo",
                ],  # fmt: skip
                units=["text", "text", "text", "text", "row", "row", "row", "percent"],
                rows=values,
                row_units=units,
                label_columns=4,
                note="Scostamento = rilevato meno obiettivo vigente (rivisto a giugno 2016 dove c'è, altrimenti "
                "l'originale; per un intervallo, il minimo).",
            )
        )
        raised = [r for r in rows if r.indicator.action.code == FUNDRAISING_ACTION]
        values, units = _result_rows(raised)
        tables.append(
            Table(
                key=f"fundraising-{period or 'all'}",
                section="fundraising",
                title=f"Raccolta fondi – {label}",
                header=[
                    "Azione",
                    "Codice",
                    "Indicatore",
                    "Ambito",
                    "Obiettivo",
                    "Raccolto",
                    "Scostamento",
                    "% dell'obiettivo",
                ],  # fmt: skip
                units=["text", "text", "text", "text", "row", "row", "row", "percent"],
                rows=values,
                row_units=units,
                label_columns=4,
            )
        )
    return tables


# --- Budget --------------------------------------------------------------------------------------------------------


def _figure_values(figures: Figures) -> list:
    return [figures.planned, figures.actual, figures.pending, figures.variance, figures.spent_pct]


def _budget_tables(user, year: ProjectYear | None) -> list[Table]:
    report = budget_report(user=user, filters={"year": year} if year else {})
    label = period_label(year.number if year else None)
    by_action: dict[str, Figures] = defaultdict(Figures)
    for row in report.breakdowns[0].rows:  # per action and year: rolled up per action
        by_action[row.labels[0]].add(row.figures)
    by_source = report.breakdowns[2]
    units = ["text", "euro", "euro", "euro", "euro", "percent"]
    header_tail = list(FIGURE_COLUMNS)
    return [
        Table(
            key=f"budget-action-{year.number if year else 'all'}",
            section="budget",
            title=f"Budget per azione – {label}",
            header=["Azione", *header_tail],
            units=units,
            rows=[[a, *_figure_values(f)] for a, f in by_action.items()]
            + [["Totale", *_figure_values(report.breakdowns[0].total)]],
            note=f"Piano: {report.plan}." if report.plan else "Nessun piano attivo.",
        ),
        Table(
            key=f"budget-source-{year.number if year else 'all'}",
            section="budget",
            title=f"Budget per fonte di finanziamento – {label}",
            header=["Fonte", *header_tail],
            units=units,
            rows=[[r.labels[0], *_figure_values(r.figures)] for r in by_source.rows]
            + [["Totale", *_figure_values(by_source.total)]],
        ),
    ]


# --- Governance ----------------------------------------------------------------------------------------------------


def _governance_tables(user, year: ProjectYear | None, reference: dt.date) -> list[Table]:
    bodies = GovernanceBody.objects.visible_to(user)
    rows = []
    for cadence in cadence_compliance(bodies=bodies, reference=reference):
        cells = cadence.cells
        held_all = sum(c.held for c in cells)
        expected_all = sum((c.expected for c in cells if c.expected is not None), Decimal("0"))
        values = [cadence.body.name, cadence.body.district.name if cadence.body.district_id else "Programma"]
        if year:
            cell = next((c for c in cells if c.year.pk == year.pk), None)
            values += [cell.held if cell else 0, cell.expected if cell else None]
            behind = bool(cell and cell.behind)
        else:
            behind = cadence.behind
        values += [held_all, expected_all, "no" if behind else "sì"]
        rows.append(values)
    yearly = [f"Tenuti anno {year.number}", f"Attesi anno {year.number}"] if year else []
    decisions = (
        Decision.objects.visible_to(user)
        .filter(meeting__body__district__isnull=True)
        .select_related("meeting__body", "owner_user", "owner_member")
        .order_by("-meeting__date", "pk")
    )
    if year:
        decisions = decisions.filter(meeting__date__gte=year.start, meeting__date__lte=year.end)
    label = period_label(year.number if year else None)
    return [
        Table(
            key=f"cadence-{year.number if year else 'all'}",
            section="governance",
            title=f"Incontri tenuti rispetto alla cadenza – {label}",
            header=["Organismo", "Ambito", *yearly, "Tenuti dall'inizio", "Attesi dall'inizio", "In regola"],
            units=["text", "text", *(["number"] * len(yearly)), "number", "number", "text"],
            rows=rows,
            label_columns=2,
            note=f"Attesi: cadenza dell'organismo ripartita sui giorni trascorsi fino al {reference:%d/%m/%Y}.",
        ),
        Table(
            key=f"decisions-{year.number if year else 'all'}",
            section="governance",
            title=f"Decisioni principali degli organismi di programma – {label}",
            header=["Data", "Organismo", "Decisione", "Responsabile", "Scadenza", "Stato"],
            units=["date", "text", "text", "text", "date", "text"],
            rows=[
                [d.meeting.date, d.meeting.body.name, d.text, d.owner_label, d.due_date, d.get_status_display()]
                for d in decisions[:MAIN_DECISIONS]
            ],
            label_columns=3,
            note=f"Le ultime {MAIN_DECISIONS} decisioni degli organismi di livello provinciale.",
        ),
    ]


# --- Cost per result and reach -------------------------------------------------------------------------------------


def _cost_table(user, year: int | None, cells: ComputedCells) -> Table:
    rows = [
        [r.kind.label, r.area, r.planned_budget, r.target, r.planned_cost, r.actual_budget, r.results, r.actual_cost]
        for r in cost_per_result(user=user, year=year, cells=cells)
    ]
    return Table(
        key=f"costs-{year or 'all'}",
        section="costs",
        title=f"Costo per risultato – {period_label(year)}",
        header=[
            "Risultato",
            "Ambito",
            "Budget previsto",
            "Obiettivo",
            "Costo previsto per risultato",
            "Consuntivo approvato",
            "Risultati",
            "Costo effettivo per risultato",
        ],  # fmt: skip
        units=["text", "text", "euro", "number", "euro", "euro", "number", "euro"],
        rows=rows,
        label_columns=2,
        note="Budget del piano attivo per l'azione; per ambito, le righe dei partner di quell'ambito. Le righe dei "
        "partner provinciali sono mostrate a parte e non ripartite sugli ambiti. Costo previsto = budget previsto / "
        "obiettivo; costo effettivo = consuntivo approvato / risultati rilevati.",
    )


def _reach_table(reach: Reach, year: int | None) -> Table:
    return Table(
        key=f"reach-{year or 'all'}",
        section="reach",
        title=f"Persone e nuclei raggiunti – {period_label(year)}",
        header=["Fonte", "Misura", "Metodo", *reach.areas],
        units=["text", "text", "text", *(["people"] * len(reach.areas))],
        rows=[[r.source, r.measure, r.method, *r.cells] for r in reach.rows],
        label_columns=2,
        note="Deduplicato: ogni nucleo (codice del nucleo) o persona contato una volta. Non deduplicato: somma dei "
        "conteggi per teste. Senza il permesso di vedere le identità, i valori sotto 3 si leggono «< 3» e si legge "
        "«riservato» un valore che, con i totali, permetterebbe di ricavarne uno per differenza.",
    )


# --- Narrative -----------------------------------------------------------------------------------------------------


def _narrative_table(report: MonitoringReport | None) -> Table:
    narratives = {n.action_id: n for n in report.narratives.all()} if report else {}
    rows = []
    if report is not None and report.introduction:
        rows.append(["Premessa", report.introduction, "", ""])
    for action in Action.objects.order_by("order", "code"):
        n = narratives.get(action.pk)
        rows.append(
            [
                str(action),
                n.achievements if n else "",
                n.critical_issues if n else "",
                n.corrective_actions if n else "",
            ]
        )
    return Table(
        key="narrative",
        section="narrative",
        title="Relazione della Direzione per azione",
        header=[
            "Azione",
            "Risultati raggiunti",
            "Criticità riscontrate",
            "Azioni correttive e revisione degli obiettivi",
        ],
        units=["text"] * 4,
        rows=rows,
    )


def monitoring_tables(*, user, year: int | None, reference: dt.date) -> list[Table]:
    """Every table of the monitoring report of project year `year` (None: the cumulative view) as `user` reads it."""
    project_year = ProjectYear.objects.filter(number=year).first() if year else None
    if year and project_year is None:
        return []
    report = (
        MonitoringReport.objects.filter(project_year=project_year).prefetch_related("narratives").first()
        if project_year
        else None
    )
    # Every indicator counted once for all the tables: the year and the triennium, each district and the programme.
    districts = District.objects.visible_to(user).order_by("name").values_list("pk", flat=True)
    cells = ComputedCells(user=user, years=[year, None], district_ids=[*districts, None])
    tables = _results_tables(user, year, cells)
    tables += _budget_tables(user, project_year)
    if project_year:
        tables += _budget_tables(user, None)
    tables += _governance_tables(user, project_year, reference)
    tables += [_cost_table(user, year, cells)] + ([_cost_table(user, None, cells)] if year else [])
    reach = reach_by_year(user=user, years=[year, None] if year else [None], cells=cells)
    tables += [_reach_table(reach[period], period) for period in reach]
    if project_year:
        tables.append(_narrative_table(report))
    order = list(SECTIONS)
    return sorted(tables, key=lambda t: order.index(t.section))
