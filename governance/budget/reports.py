"""Planned vs actual: plain rows that HTML, PDF, XLSX and CSV render alike.

SQL does the heavy part: one query reads the visible lines of the plan with their running totals (approved,
submitted: `BudgetLineActuals`, kept in step with the ledger by every write, rebuildable from it in SQL). The few
thousand per-line figures are then rolled up in Python into the breakdowns. Neither the query count nor the time
depends on the number of expenses.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Q

from ..models import Action, BudgetLine, BudgetPlan
from ..money import ZERO, money_sum
from .enums import CostCategory, FundingSource


@dataclass
class Figures:
    """Planned, actual (approved), submitted-not-yet-approved; variance and % spent derive from them."""

    planned: Decimal = ZERO
    actual: Decimal = ZERO
    pending: Decimal = ZERO

    def add(self, other: Figures) -> None:
        self.planned += other.planned
        self.actual += other.actual
        self.pending += other.pending

    @property
    def variance(self) -> Decimal:
        """Planned minus actual: negative means overspent."""
        return self.planned - self.actual

    @property
    def spent_pct(self) -> Decimal | None:
        if not self.planned:
            return None
        return (self.actual * 100 / self.planned).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)

    @property
    def overspent(self) -> bool:
        return self.actual > self.planned


@dataclass
class Row:
    labels: tuple[str, ...]
    figures: Figures


@dataclass
class Breakdown:
    key: str
    title: str
    columns: tuple[str, ...]  # label columns, before the figures
    rows: list[Row] = field(default_factory=list)
    total: Figures = field(default_factory=Figures)


@dataclass
class Comparison:
    """Planned amount per action in each plan version (rows: actions; one amount per plan).

    A plan version without lines per action (the original 2015 plan is known only by its declared total) has
    None instead of amounts: "no data", not zero.
    """

    plans: list[BudgetPlan]
    rows: list[tuple[str, list[Decimal | None]]]
    totals: list[Decimal | None]


@dataclass
class BudgetReport:
    plan: BudgetPlan | None
    filters: dict
    breakdowns: list[Breakdown]
    comparison: Comparison
    total: Figures
    line_count: int
    overspent_lines: list[dict]
    complete_scope: bool  # the user sees every line of the plan (then the declared total applies)

    @property
    def difference(self) -> Decimal | None:
        """Planned lines minus the plan's declared total (zero when they reconcile)."""
        return None if self.plan is None else self.total.planned - self.plan.declared_total

    @property
    def reconciles(self) -> bool:
        return self.difference == ZERO


FIGURE_COLUMNS = ("Previsto", "Consuntivo approvato", "Presentato da approvare", "Scostamento", "% speso")


def _line_filter(filters: dict) -> Q:
    q = Q()
    for key, lookup in (
        ("year", "year"),
        ("action", "action"),
        ("partner", "partner"),
        ("funding_source", "funding_source"),
    ):
        if filters.get(key):
            q &= Q(**{lookup: filters[key]})
    return q


def line_figures(lines) -> list[dict]:
    """One dict per line with its labels and figures, in ONE query whatever the number of expenses.

    Actual and pending come from the running totals per line (`BudgetLineActuals`, kept in step with the ledger
    by governance.budget.actuals); a line with no expense yet has no totals row (LEFT JOIN → zero).
    """
    rows = list(
        lines.values(
            "pk",
            "planned_amount",
            "category",
            "funding_source",
            "description",
            "action__code",
            "action__name",
            "action__order",
            "year__number",
            "partner_id",
            "partner__name",
            "partner__short_name",
            "actuals__approved",
            "actuals__submitted",
        )
    )
    for row in rows:
        row["figures"] = Figures(
            row["planned_amount"], row["actuals__approved"] or ZERO, row["actuals__submitted"] or ZERO
        )
    return rows


def _roll_up(rows, *, key: str, title: str, columns: tuple[str, ...], label, order) -> Breakdown:
    groups: dict[tuple, Figures] = defaultdict(Figures)
    sort_keys: dict[tuple, tuple] = {}
    for row in rows:
        labels = label(row)
        groups[labels].add(row["figures"])
        sort_keys[labels] = order(row)
    breakdown = Breakdown(key=key, title=title, columns=columns)
    for labels in sorted(groups, key=lambda k: sort_keys[k]):
        breakdown.rows.append(Row(labels, groups[labels]))
        breakdown.total.add(groups[labels])
    return breakdown


CATEGORY_ORDER = {c: i for i, c in enumerate(CostCategory.values)}
SOURCE_ORDER = {c: i for i, c in enumerate(FundingSource.values)}


def breakdowns_of(rows) -> list[Breakdown]:
    return [
        _roll_up(
            rows,
            key="action_year",
            title="Per azione e anno",
            columns=("Azione", "Anno"),
            label=lambda r: (f"{r['action__code']} · {r['action__name']}", f"Anno {r['year__number']}"),
            order=lambda r: (r["action__order"], r["year__number"]),
        ),
        _roll_up(
            rows,
            key="partner",
            title="Per partner",
            columns=("Partner",),
            label=lambda r: (r["partner__short_name"] or r["partner__name"],),
            order=lambda r: ((r["partner__short_name"] or r["partner__name"]).lower(),),
        ),
        _roll_up(
            rows,
            key="funding_source",
            title="Per fonte di finanziamento",
            columns=("Fonte",),
            label=lambda r: (FundingSource(r["funding_source"]).label,),
            order=lambda r: (SOURCE_ORDER[r["funding_source"]],),
        ),
        _roll_up(
            rows,
            key="category",
            title="Per categoria di costo",
            columns=("Categoria",),
            label=lambda r: (CostCategory(r["category"]).label,),
            order=lambda r: (CATEGORY_ORDER[r["category"]],),
        ),
    ]


def plan_comparison(*, visible_lines, filters: dict) -> Comparison:
    """Planned per action in every plan version (original vs revised…), within the user's scope and filters."""
    plans = list(BudgetPlan.objects.order_by("date"))
    with_lines = set(BudgetLine.objects.order_by().values_list("plan_id", flat=True).distinct())
    amounts = {
        (s["plan_id"], s["action_id"]): s["planned"]
        for s in visible_lines.filter(_line_filter({**filters, "plan": None}))
        .order_by()
        .values("plan_id", "action_id")
        .annotate(planned=money_sum("planned_amount"))
    }
    rows = []
    for action in Action.objects.all():
        values = [amounts.get((p.pk, action.pk), ZERO) if p.pk in with_lines else None for p in plans]
        if any(values):
            rows.append((str(action), values))
    totals = [sum((r[1][i] for r in rows), ZERO) if plan.pk in with_lines else None for i, plan in enumerate(plans)]
    return Comparison(plans=plans, rows=rows, totals=totals)


def budget_report(*, user, filters: dict) -> BudgetReport:
    """The planned-vs-actual report of `filters["plan"]` (default: the active plan) as the user may see it."""
    visible = BudgetLine.objects.visible_to(user)
    plan = filters.get("plan") or BudgetPlan.objects.active().first()
    lines = visible.filter(plan=plan).filter(_line_filter(filters)) if plan else visible.none()
    rows = line_figures(lines)
    total = Figures()
    for row in rows:
        total.add(row["figures"])
    overspent = [r for r in rows if r["figures"].overspent]
    unfiltered = not any(filters.get(k) for k in ("year", "action", "partner", "funding_source"))
    complete = (
        bool(plan) and unfiltered and visible.filter(plan=plan).count() == BudgetLine.objects.filter(plan=plan).count()
    )
    return BudgetReport(
        plan=plan,
        filters=filters,
        breakdowns=breakdowns_of(rows),
        comparison=plan_comparison(visible_lines=visible, filters=filters),
        total=total,
        line_count=len(rows),
        overspent_lines=overspent,
        complete_scope=complete,
    )


def plan_reconciliation(plan: BudgetPlan) -> dict:
    """Whether the lines add up to the declared total and the Cariplo lines to the declared grant (to the cent)."""
    sums = BudgetLine.objects.filter(plan=plan).aggregate(
        total=money_sum("planned_amount"),
        cariplo=money_sum("planned_amount", filter=Q(funding_source=FundingSource.CARIPLO)),
        donations=money_sum("planned_amount", filter=Q(funding_source=FundingSource.DONATIONS)),
    )
    return {
        "total": sums["total"],
        "total_difference": sums["total"] - plan.declared_total,
        "cariplo": sums["cariplo"],
        "cariplo_difference": sums["cariplo"] - plan.declared_cariplo,
        "donations": sums["donations"],
    }
