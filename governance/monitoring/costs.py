"""Cost per result: € per signed pact, per active lab, per company pact, per civic center and per training
participant, planned against actual, per project year and district.

Planned: the active plan's budget of the action (of the year, or the whole plan) divided by the target in force.
Actual: the approved ledger actuals of the action's lines divided by the indicator's actual (counted by the action
app through the results registry: governance imports no action app).

A district's budget figures are the lines of that district's partners; the lines of provincial partners (no
district) are shown apart, on their own row, and never spread over the districts by an invented key. The programme
row adds up every line the user reads. Queries: one for the budget, one for the targets, then each indicator's
computation over every area at once (`ComputedCells`: one query where the app computes a grid, otherwise one per
area); none depends on how many records the apps hold.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from ..indicators import ComputedCells, computed_indicator
from ..models import BudgetLine, District
from ..money import ZERO, money_sum
from ..scoping import user_scope
from .reach import PeopleCost, PeopleCount

PROGRAMME = "Totale programma"
OWN_DISTRICTS = "Totale (suoi ambiti)"
PROVINCIAL = "Partner provinciali (non ripartiti)"


@dataclass(frozen=True)
class ResultKind:
    key: str
    label: str
    action_code: str
    indicator_codes: tuple[str, ...]  # the actual and the target are the sums over these indicators
    counts_people: bool = False


RESULT_KINDS = (
    ResultKind("pact", "Patto gener-attivo sottoscritto", "1", ("A1_PATTI",)),
    ResultKind("lab", "Laboratorio di Comunità attivato", "2A", ("A2A_LAB_ATTIVATI",)),
    ResultKind("company_pact", "Patto con le imprese sottoscritto", "2B", ("A2B_PATTI_SOTTOSCRITTI",)),
    ResultKind("civic_center", "Civic center attivato", "3", ("A3_CC_ATTIVATI",)),
    ResultKind(
        "participant",
        "Partecipante alla formazione",
        "4",
        (
            "A4_PART_AMMINISTRATORI",
            "A4_PART_DIRIGENTI",
            "A4_PART_ASSISTENTI_SOCIALI",
            "A4_PART_OPERATORI_LAVORO",
            "A4_PART_COORDINATORI_COOP",
            "A4_PART_VOLONTARI",
            "A4_PART_ATTORI_ECONOMICI",
        ),
        counts_people=True,
    ),
)


@dataclass
class CostRow:
    kind: ResultKind
    area: str
    district_id: int | None
    planned_budget: Decimal
    target: Decimal | None
    actual_budget: Decimal
    results: int | Decimal | None  # None: not counted (provincial row) or not available to this user
    provincial: bool = False

    @property
    def planned_cost(self) -> Decimal | None:
        return _per(self.planned_budget, self.target)

    @property
    def actual_cost(self) -> Decimal | None:
        cost = _per(self.actual_budget, self.results)
        if cost is not None and isinstance(self.results, PeopleCount):
            return PeopleCost(cost, self.results)  # shown only where the count is: budget ÷ cost gives it back
        return cost


def _per(amount: Decimal, count) -> Decimal | None:
    """Euros per result; none without results, or without budget (no line of the area's partners for the action)."""
    if not count or not amount:
        return None
    return (Decimal(amount) / Decimal(count)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _budget(user, year: int | None) -> dict[tuple[str, int | None], tuple[Decimal, Decimal]]:
    """(action code, partner's district or None) → (planned, approved actuals) of the active plan: one query."""
    lines = BudgetLine.objects.visible_to(user).of_active_plan()
    if year is not None:
        lines = lines.filter(year__number=year)
    sums = (
        lines.order_by()
        .values("action__code", "partner__district_id")
        .annotate(planned=money_sum("planned_amount"), actual=money_sum("actuals__approved"))
    )
    return {(s["action__code"], s["partner__district_id"]): (s["planned"], s["actual"]) for s in sums}


def _targets() -> dict[str, dict]:
    from ..results.selectors import targets_by_code

    codes = [code for kind in RESULT_KINDS for code in kind.indicator_codes]
    return targets_by_code(*codes)


def _target_of(kind: ResultKind, targets, year, district_id) -> Decimal | None:
    """The sum of the kind's targets in force for (year, area); None unless every indicator has one."""
    values = [targets.get(code, {}).get((year, district_id)) for code in kind.indicator_codes]
    if any(v is None for v in values):
        return None
    return sum((v.value for v in values), Decimal("0"))


def _results_of(kind: ResultKind, *, cells: ComputedCells, year, district_id):
    total = 0
    for code in kind.indicator_codes:
        registered = computed_indicator(code)
        if registered is None:
            return None
        value = cells.value(registered, year, district_id)
        if value is None:
            return None
        total += value
    return PeopleCount(total) if kind.counts_people else total


def cost_per_result(
    *, user, year: int | None = None, district_id: int | None = None, cells: ComputedCells | None = None
) -> list[CostRow]:
    """Cost per result of each kind in each district the user reads, the provincial partners apart, and in total;
    `year` a project-year number (None: the triennium); `district_id` keeps that district's rows only (dashboard);
    `cells` the computed actuals shared with the report's other tables (by default, a grid of this table's own)."""
    scope = user_scope(user)
    districts = list(District.objects.visible_to(user).order_by("name"))
    if district_id is not None:
        districts = [d for d in districts if d.pk == district_id]
    if cells is None:
        areas = [d.pk for d in districts] + ([None] if district_id is None else [])
        cells = ComputedCells(user=user, years=[year], district_ids=areas)
    budget = _budget(user, year)
    targets = _targets()
    totals: dict[str, list[Decimal]] = defaultdict(lambda: [ZERO, ZERO])
    for (action_code, _district), (planned, actual) in budget.items():
        totals[action_code][0] += planned
        totals[action_code][1] += actual
    rows: list[CostRow] = []
    for kind in RESULT_KINDS:
        for district in districts:
            planned, actual = budget.get((kind.action_code, district.pk), (ZERO, ZERO))
            rows.append(
                CostRow(
                    kind=kind,
                    area=district.name,
                    district_id=district.pk,
                    planned_budget=planned,
                    target=_target_of(kind, targets, year, district.pk),
                    actual_budget=actual,
                    results=_results_of(kind, cells=cells, year=year, district_id=district.pk),
                )
            )
        if district_id is not None:
            continue
        if scope.programme_wide:
            planned, actual = budget.get((kind.action_code, None), (ZERO, ZERO))
            rows.append(
                CostRow(
                    kind=kind,
                    area=PROVINCIAL,
                    district_id=None,
                    planned_budget=planned,
                    target=None,
                    actual_budget=actual,
                    results=None,
                    provincial=True,
                )
            )
        planned, actual = totals.get(kind.action_code, (ZERO, ZERO))
        rows.append(
            CostRow(
                kind=kind,
                area=PROGRAMME if scope.programme_wide else OWN_DISTRICTS,
                district_id=None,
                planned_budget=planned,
                target=_target_of(kind, targets, year, None) if scope.programme_wide else None,
                actual_budget=actual,
                results=_results_of(kind, cells=cells, year=year, district_id=None),
            )
        )
    return rows
