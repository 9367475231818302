"""Budget burn for the dashboard: planned against approved and submitted, by action, read from the running totals
per budget line (`BudgetLineActuals`, governance/budget/actuals.py), never from the expense ledger itself.

One query reads the lines of the active plan the user may see, summed in SQL by action, year and the partner's
district; the few dozen groups are rolled up here. A district's figures are the lines of the partners of that
district; the lines of provincial partners (no district) are shown apart, never spread over the districts.

Also the budget alerts: lines overspent (approved above planned), and — late in a project year — lines with a large
unspent share. "Late" and "large" are this application's rule (`LATE_IN_YEAR`, `UNSPENT_SHARE`), said on screen.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import F, Q
from django.urls import reverse

from ..budget.reports import Figures
from ..models import BudgetLine, ProjectYear
from ..money import ZERO, format_eur, money_sum
from .alerts import Alert, AlertItem, Severity
from .charts import AMBER, BLUE, GREEN, BarGroup, Series, grouped_bars, percent

LATE_IN_YEAR = Decimal("0.75")  # from three quarters of a project year on…
UNSPENT_SHARE = Decimal("0.50")  # …a line with less than half of its planned amount approved is flagged
ALERT_ITEMS = 5
PROVINCIAL = "provincial"


@dataclass
class ActionBurn:
    code: str
    label: str
    action_id: int
    year: Figures = field(default_factory=Figures)
    triennium: Figures = field(default_factory=Figures)


@dataclass
class AreaBurn:
    label: str
    figures: Figures = field(default_factory=Figures)


@dataclass
class Burn:
    plan: str | None  # the active plan's name
    actions: list[ActionBurn]
    year_total: Figures
    triennium_total: Figures
    areas: list[AreaBurn]  # the selected year by district, provincial partners apart
    chart: dict | None = None


SERIES = [
    Series("planned", "Previsto", BLUE),
    Series("actual", "Approvato", GREEN),
    Series("pending", "Presentato", AMBER),
]


def budget_burn(*, user, year: ProjectYear | None, district_id: int | None, districts: list) -> Burn:
    """Planned, approved and submitted by action for `year` and for the triennium (one query over the active plan's
    lines, summed in SQL)."""
    lines = BudgetLine.objects.visible_to(user).filter(plan__is_active=True)
    sums = (
        lines.order_by()
        .values(
            "plan__name",
            "action_id",
            "action__code",
            "action__name",
            "action__order",
            "year_id",
            "partner__district_id",
        )
        .annotate(
            planned=money_sum("planned_amount"),
            approved=money_sum("actuals__approved"),
            submitted=money_sum("actuals__submitted"),
        )
    )
    actions: dict[int, ActionBurn] = {}
    order: dict[int, int] = {}
    areas: dict[object, Figures] = defaultdict(Figures)
    year_total, triennium_total = Figures(), Figures()
    plan = None
    for row in sums:
        plan = row["plan__name"]
        figures = Figures(Decimal(row["planned"]), Decimal(row["approved"]), Decimal(row["submitted"]))
        in_year = year is not None and row["year_id"] == year.pk
        if in_year:
            areas[row["partner__district_id"] or PROVINCIAL].add(figures)
        if district_id is not None and row["partner__district_id"] != district_id:
            continue
        burn = actions.setdefault(
            row["action_id"],
            ActionBurn(
                code=row["action__code"],
                label=f"{row['action__code']} · {row['action__name']}",
                action_id=row["action_id"],
            ),
        )
        order[row["action_id"]] = row["action__order"]
        burn.triennium.add(figures)
        triennium_total.add(figures)
        if in_year:
            burn.year.add(figures)
            year_total.add(figures)
    area_rows = [AreaBurn(d.name, areas[d.pk]) for d in districts if d.pk in areas]
    if PROVINCIAL in areas:
        area_rows.append(AreaBurn("Partner provinciali (senza ambito)", areas[PROVINCIAL]))
    ordered = sorted(actions.values(), key=lambda a: (order[a.action_id], a.code))
    burn = Burn(
        plan=plan,
        actions=ordered,
        year_total=year_total,
        triennium_total=triennium_total,
        areas=area_rows,
    )
    burn.chart = burn_chart(burn, year=year)
    return burn


def burn_chart(burn: Burn, *, year: ProjectYear | None) -> dict:
    period = f"anno {year.number}" if year else "triennio"
    groups = []
    for action in burn.actions:
        figures = action.year if year else action.triennium
        groups.append(
            BarGroup(
                label=action.label,
                values={"planned": figures.planned, "actual": figures.actual, "pending": figures.pending},
                texts={
                    "planned": format_eur(figures.planned),
                    "actual": format_eur(figures.actual)
                    + (f" ({percent(figures.spent_pct)})" if figures.spent_pct else ""),
                    "pending": format_eur(figures.pending),
                },
                flagged="sforamento" if figures.overspent else "",
            )
        )
    total = burn.year_total if year else burn.triennium_total
    return grouped_bars(
        key="budget-burn",
        title=f"Budget per azione, {period}: previsto, approvato e presentato",
        desc=(
            f"Previsto {format_eur(total.planned)}, approvato {format_eur(total.actual)}, presentato da approvare "
            f"{format_eur(total.pending)}; i valori di ogni azione sono scritti accanto alle barre."
        ),
        series=SERIES,
        groups=groups,
    )


def year_elapsed(year: ProjectYear, reference: dt.date) -> Decimal:
    """The share of `year` gone by at `reference` (0 before it starts, 1 once it is over)."""
    if reference < year.start:
        return Decimal(0)
    if reference >= year.end:
        return Decimal(1)
    return Decimal((reference - year.start).days + 1) / Decimal(year.days)


def _line_item(line: dict) -> AlertItem:
    partner = line["partner__short_name"] or line["partner__name"]
    return AlertItem(
        label=f"{line['action__code']} · {partner} · Anno {line['year__number']}",
        url=reverse("governance:budget_line_detail", args=[line["pk"]]),
        note=f"previsto {format_eur(line['planned_amount'])}, approvato {format_eur(line['approved'])}",
    )


def budget_alerts(*, user, reference: dt.date, year: ProjectYear | None, district_id: int | None) -> list[Alert]:
    """Lines overspent (any year), and lines of `year` with a large unspent share late in the year (one query)."""
    plan_lines = BudgetLine.objects.visible_to(user).filter(plan__is_active=True)
    if district_id is not None:
        plan_lines = plan_lines.filter(partner__district_id=district_id)
    fields = ("pk", "action__code", "partner__name", "partner__short_name", "year_id", "year__number", "planned_amount")
    plan_lines = plan_lines.annotate(approved=F("actuals__approved")).order_by("year__number", "action__order", "pk")
    late = year is not None and year_elapsed(year, reference) >= LATE_IN_YEAR
    wanted = Q(approved__gt=F("planned_amount"))
    if late:
        wanted |= Q(year=year) & (Q(approved__isnull=True) | Q(approved__lt=F("planned_amount") * UNSPENT_SHARE))
    found = list(plan_lines.filter(wanted).values(*fields, "approved"))
    for line in found:
        line["approved"] = line["approved"] or ZERO
    overspent = [line for line in found if line["approved"] > line["planned_amount"]]
    alerts = []
    if overspent:
        alerts.append(
            Alert(
                key="budget-overspent",
                text=(
                    f"{len(overspent)} {'riga' if len(overspent) == 1 else 'righe'} di budget in sforamento "
                    "(approvato oltre il previsto)"
                ),
                count=len(overspent),
                link=reverse("governance:budget_report"),
                items=tuple(_line_item(line) for line in overspent[:ALERT_ITEMS]),
                severity=Severity.DANGER,
            )
        )
    if late:
        unspent = [
            line
            for line in found
            if line["year_id"] == year.pk and line["approved"] < line["planned_amount"] * UNSPENT_SHARE
        ]
        if unspent:
            alerts.append(
                Alert(
                    key="budget-unspent",
                    text=(
                        f"{len(unspent)} righe di budget dell'anno {year.number} spese per meno della metà "
                        f"a tre quarti dell'anno o oltre (regola dell'applicazione)"
                    ),
                    count=len(unspent),
                    link=reverse("governance:budget_report") + f"?year={year.pk}",
                    items=tuple(_line_item(line) for line in unspent[:ALERT_ITEMS]),
                )
            )
    return alerts
