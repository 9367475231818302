"""Action cards: each action's headline indicators, target against actual, for the selected year and the triennium.

The figures come from the results framework: the targets in force (`governance.results.selectors`) and the actuals
each action app registered (`governance.indicators`), so the dashboard, the "Risultati" page and the monitoring
report count the same way. Every actual links to the list behind it (`ComputedIndicator.link`).

Queries: one for the indicators, one for their targets, then each registered computation per period (or its
`compute_many` for all periods at once) — a number fixed by the list below, whatever the data size.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ..indicators import computed_indicator
from ..models import Indicator, Target
from ..results.selectors import TargetValue, format_quantity, in_force, targets_by_version
from .charts import progress_bar

# The headline indicators of each action's card (codes of the results framework, governance's own reference data).
# The first of a card is shown for the selected year and the triennium; the others (targets set for the triennium
# only) for the triennium, which keeps the dashboard's query budget.
HEADLINES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("1", ("A1_PATTI",)),
    ("2A", ("A2A_LAB_ATTIVATI",)),
    ("2B", ("A2B_PATTI_SOTTOSCRITTI",)),
    ("3", ("A3_CC_ATTIVATI",)),
    ("4", ("A4_LAB_FORMATIVI", "A4_GIORNATE_SEMINARIO")),
    ("5", ("A5_RACCOLTA",)),
)
TRIENNIUM = None


class State:
    COMPUTED = "computed"
    UNAVAILABLE = "unavailable"  # the app gives no figure to this user (or at this level)
    NOT_MEASURED = "none"  # no app computes it yet


@dataclass
class Cell:
    key: str
    indicator: Indicator
    year: int | None
    target: TargetValue | None
    actual: int | Decimal | None
    state: str
    link: str | None = None
    comparable: bool = True  # False: a district user's own districts against a programme target

    @property
    def period_label(self) -> str:
        return f"Anno {self.year}" if self.year else "Triennio"

    @property
    def actual_display(self) -> str:
        if self.state == State.NOT_MEASURED:
            return "non ancora rilevato"
        if self.state == State.UNAVAILABLE:
            return "non disponibile"
        return format_quantity(self.actual, self.indicator.unit)

    @property
    def target_display(self) -> str:
        return str(self.target) if self.target else "nessun obiettivo"

    @property
    def share(self) -> Decimal | None:
        if not self.comparable or self.state != State.COMPUTED or self.target is None or not self.target.value:
            return None
        return (Decimal(self.actual) * 100 / self.target.value).quantize(Decimal("1"))

    @property
    def bar(self) -> dict:
        target = self.target.value if self.target and self.comparable else None
        return progress_bar(
            key=self.key,
            title=f"{self.indicator.name}, {self.period_label.lower()}",
            value=self.actual if self.state == State.COMPUTED else None,
            target=target,
            value_text=self.actual_display,
            target_text=self.target_display,
        )


@dataclass
class Measure:
    indicator: Indicator
    cells: list[Cell]


@dataclass
class Card:
    code: str  # the action's code
    title: str
    measures: list[Measure] = field(default_factory=list)

    @property
    def headline(self) -> Measure | None:
        return self.measures[0] if self.measures else None


def _indicators_and_targets(codes: list[str]) -> tuple[dict[str, Indicator], dict[str, dict]]:
    """The indicators by code and their targets in force, read in one query (two if an indicator has no target)."""
    rows = list(Target.objects.filter(indicator__code__in=codes).select_related("indicator__action", "project_year"))
    indicators = {t.indicator.code: t.indicator for t in rows}
    missing = [code for code in codes if code not in indicators]
    if missing:
        indicators.update({i.code: i for i in Indicator.objects.filter(code__in=missing).select_related("action")})
    grouped: dict[str, list[Target]] = {code: [] for code in codes}
    for target in rows:
        grouped[target.indicator.code].append(target)
    return indicators, {code: in_force(targets_by_version(found)) for code, found in grouped.items()}


def _target(targets: dict, year: int | None, district_id: int | None) -> TargetValue | None:
    return targets.get((year, district_id))


def action_cards(*, user, year: int | None, district_id: int | None, own_districts_only: bool = False) -> list[Card]:
    """One card per action with its headline indicators for `year` and the triennium, as `user` may see them."""
    codes = [code for _, group in HEADLINES for code in group]
    indicators, targets = _indicators_and_targets(codes)
    cards = []
    for action_code, group in HEADLINES:
        card = None
        for position, code in enumerate(group):
            periods = [year, TRIENNIUM] if year is not None and position == 0 else [TRIENNIUM]
            indicator = indicators.get(code)
            if indicator is None:  # reference data not loaded: no card rather than a made-up one
                continue
            card = card or Card(code=action_code, title=str(indicator.action))
            registered = computed_indicator(code)
            actuals = (
                registered.compute_periods(user=user, years=periods, district_id=district_id) if registered else {}
            )
            cells = []
            for period in periods:
                actual = actuals.get(period)
                if registered is None:
                    state = State.NOT_MEASURED
                else:
                    state = State.UNAVAILABLE if actual is None else State.COMPUTED
                link = None
                if state == State.COMPUTED and registered.link:
                    link = registered.link(year=period, district_id=district_id)
                cells.append(
                    Cell(
                        key=f"{code}-{period or 'triennio'}".lower(),
                        indicator=indicator,
                        year=period,
                        target=_target(targets.get(code, {}), period, district_id),
                        actual=actual,
                        state=state,
                        link=link,
                        comparable=not own_districts_only,
                    )
                )
            card.measures.append(Measure(indicator=indicator, cells=cells))
        if card is not None:
            cards.append(card)
    return cards
