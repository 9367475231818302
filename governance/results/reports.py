"""The "Risultati" report: target (original and revised side by side) against the actual, as plain rows.

HTML, CSV and XLSX render the same rows (`ResultsReport.rows`, `EXPORT_HEADER`, `ResultRow.export_values`).

Where the actual comes from, in order: the computation an action app registered for the code
(`governance.indicators`), counted by the app within what the user may see; otherwise the latest value the
Direzione entered by hand, with its source; otherwise nothing — the row says "non ancora rilevato", never zero.

Which rows: one per indicator and period (the project years when some target is set per year, always the whole
triennium) and area (the whole programme; the districts where targets are set per district; a district user's own
districts for every indicator, beside the programme total). Queries: a fixed handful for indicators, targets, manual
values, years and districts, plus one computation per computed cell (or, given `cells`, one per indicator for every
cell where the app computes a grid) — their number depends on the indicators and the filters, never on how many
records the apps hold.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from ..indicators import ComputedCells, computed_indicator
from ..models import Action, District, Indicator, ManualValue, ProjectYear, Target, Unit
from ..scoping import user_scope
from .selectors import TargetKey, TargetValue, format_quantity, in_force, key_of

NOT_MEASURED = "non ancora rilevato"
UNAVAILABLE = "non disponibile"  # the app does not give this figure to this user (or at this level)
PROGRAMME_LABEL = "Totale programma"
OWN_DISTRICTS_LABEL = "Programma (suoi ambiti)"  # programme targets, actuals counted in a district user's districts
TRIENNIUM_LABEL = "Triennio"


class Source:
    COMPUTED = "computed"
    MANUAL = "manual"
    NONE = "none"
    UNAVAILABLE = "unavailable"


@dataclass
class ResultRow:
    indicator: Indicator
    year: int | None
    district: District | None
    original: TargetValue | None
    revised: TargetValue | None
    actual: Decimal | int | None
    source: str
    link: str | None = None
    manual: ManualValue | None = None
    manual_count: int = 0  # how many manual values add up to `actual`
    own_districts_only: bool = False  # a district user's programme row: counted within their districts

    @property
    def unit(self) -> str:
        return self.indicator.unit

    @property
    def period_label(self) -> str:
        return f"Anno {self.year}" if self.year else TRIENNIUM_LABEL

    @property
    def area_label(self) -> str:
        if self.district:
            return self.district.name
        return OWN_DISTRICTS_LABEL if self.own_districts_only else PROGRAMME_LABEL

    @property
    def current(self) -> TargetValue | None:
        """The target in force: revised where the June 2016 update set one, otherwise the original."""
        return self.revised or self.original

    @property
    def share(self) -> Decimal | None:
        """Actual as a percentage of the target in force (of the lower bound for a range); none on a district user's
        programme row, where their districts are compared with the whole programme's target."""
        target = self.current
        if self.own_districts_only or self.actual is None or target is None or not target.value:
            return None
        return (Decimal(self.actual) * 100 / target.value).quantize(Decimal("0.1"))

    @property
    def actual_display(self) -> str:
        if self.source == Source.NONE:
            return NOT_MEASURED
        if self.source == Source.UNAVAILABLE:
            return UNAVAILABLE
        return format_quantity(self.actual, self.unit)

    @property
    def source_label(self) -> str:
        if self.source == Source.COMPUTED:
            return "calcolato"
        if self.source == Source.MANUAL and self.manual_count > 1:
            last = f"{self.manual.measured_on:%d/%m/%Y}"
            return f"somma di {self.manual_count} valori inseriti a mano (l'ultimo il {last})"
        if self.source == Source.MANUAL:
            return f"inserito a mano il {self.manual.measured_on:%d/%m/%Y}: {self.manual.source}"
        return self.actual_display

    def export_values(self) -> list:
        return [
            self.indicator.action.code,
            self.indicator.code,
            self.indicator.name,
            self.indicator.get_unit_display(),
            self.period_label,
            self.area_label,
            export_target(self.original),
            export_target(self.revised),
            export_number(self.actual, self.unit) if self.source in (Source.COMPUTED, Source.MANUAL) else None,
            self.source_label,
            export_number(self.share, Unit.PERCENTAGE),
            self.original.source if self.original else "",
            self.revised.source if self.revised else "",
        ]


EXPORT_HEADER = [
    "Azione",
    "Codice",
    "Indicatore",
    "Unità",
    "Periodo",
    "Ambito",
    "Obiettivo originale (2015)",
    "Obiettivo rivisto (giugno 2016)",
    "Rilevato",
    "Rilevazione",
    "% dell'obiettivo vigente",
    "Fonte dell'obiettivo originale",
    "Fonte dell'obiettivo rivisto",
]


def export_number(value, unit: str):
    """Euros stay Decimal (a euro cell in XLSX); whole counts become int; other quantities float (no € format)."""
    if value is None:
        return None
    value = Decimal(value)
    if unit == Unit.EURO:
        return value
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def export_target(target: TargetValue | None):
    if target is None:
        return None
    if target.is_range:
        return str(target)
    return export_number(target.value, target.unit)


@dataclass
class ActionGroup:
    action: Action
    rows: list[ResultRow] = field(default_factory=list)


@dataclass
class ResultsReport:
    groups: list[ActionGroup]
    years: list[ProjectYear]
    districts: list[District]

    @property
    def rows(self) -> list[ResultRow]:
        return [row for group in self.groups for row in group.rows]

    def export_rows(self) -> list[list]:
        return [row.export_values() for row in self.rows]


class ManualIndex:
    """The latest manual value of each indicator per (year, district), with sums across years and districts for the
    quantities that add up (never for a percentage)."""

    def __init__(self, values, *, years: list[int], district_ids: list[int]):
        self.latest: dict[int, dict[TargetKey, ManualValue]] = defaultdict(dict)
        for value in values:  # latest first: the first seen per key wins
            key = (value.project_year.number if value.project_year_id else None, value.district_id)
            self.latest[value.indicator_id].setdefault(key, value)
        self.years = years
        self.district_ids = district_ids

    def lookup(self, indicator: Indicator, year, district_id) -> tuple[Decimal | None, ManualValue | None, int]:
        """(value, the latest record it rests on, how many records were added up)."""
        values = self.latest.get(indicator.pk, {})
        exact = values.get((year, district_id))
        if exact is not None:
            return exact.value, exact, 1
        if not Unit(indicator.unit).additive or not values:
            return None, None, 0
        records: list[ManualValue] = []
        if year is None:
            for y in self.years:
                records += self._exact_or_districts(values, y, district_id)
        if not records and district_id is None:
            records = [values[(year, d)] for d in self.district_ids if (year, d) in values]
        if not records:
            return None, None, 0
        latest = max(records, key=lambda v: (v.measured_on, v.pk))
        return sum((r.value for r in records), Decimal("0")), latest, len(records)

    def _exact_or_districts(self, values, year, district_id) -> list[ManualValue]:
        """The value of (year, district); for the programme, failing that, the values of each district."""
        if (year, district_id) in values:
            return [values[(year, district_id)]]
        if district_id is not None:
            return []
        return [values[(year, d)] for d in self.district_ids if (year, d) in values]


def _areas_for(*, scope, district_filter: District | None, districts: list[District], has_district_targets: bool):
    """Which districts get a row beside the programme total, for this user and indicator."""
    if scope.programme_wide:
        if district_filter is not None:
            return [district_filter]
        return districts if has_district_targets else []
    if scope.district_scoped:
        # Their districts against the district targets; elsewhere the programme row already counts their districts.
        if district_filter is not None:
            return [district_filter] if district_filter.pk in scope.district_ids else []
        return [d for d in districts if d.pk in scope.district_ids] if has_district_targets else []
    return []


def results_report(
    *,
    user,
    action: Action | None = None,
    year: int | None = None,
    district: District | None = None,
    indicator: Indicator | None = None,
    triennium_only: bool = False,
    cells: ComputedCells | None = None,
) -> ResultsReport:
    """Every indicator (of `action`, or just `indicator`, if given) against its targets for `user`; `year` and
    `district` narrow it; `triennium_only` leaves out the yearly rows (the monitoring report's cumulative table);
    `cells`, if given, supplies the computed actuals (a grid shared with other tables, each indicator counted once)."""
    scope = user_scope(user)
    indicators = Indicator.objects.select_related("action")
    if action is not None:
        indicators = indicators.filter(action=action)
    if indicator is not None:
        indicators = indicators.filter(pk=indicator.pk)
    indicators = list(indicators)
    years = list(ProjectYear.objects.order_by("number"))
    every_district = list(District.objects.order_by("name"))
    visible = [
        d for d in every_district if scope.programme_wide or (scope.district_scoped and d.pk in scope.district_ids)
    ]
    if district is not None and district not in visible:
        district = None
    targets = Target.objects.filter(indicator__in=indicators).select_related("indicator", "project_year")
    by_indicator: dict[int, dict[str, dict[TargetKey, TargetValue]]] = defaultdict(
        lambda: {"original": {}, "revised": {}}
    )
    for target in targets:
        by_indicator[target.indicator_id][target.plan_version][key_of(target)] = TargetValue.of(
            target, target.indicator.unit
        )
    manual = ManualIndex(
        ManualValue.objects.filter(indicator__in=indicators)
        .select_related("project_year")
        .order_by("-measured_on", "-pk"),
        years=[y.number for y in years],
        district_ids=[d.pk for d in visible],  # a programme row adds up the districts the user reads
    )
    year_numbers = [y.number for y in years]
    groups: dict[int, ActionGroup] = {}
    for indicator in indicators:
        versions = by_indicator[indicator.pk]
        keys = set(in_force(versions)) | set(versions["original"]) | set(versions["revised"])
        has_yearly = any(k[0] is not None for k in keys)
        periods = [year] if year else ([*year_numbers, None] if has_yearly and not triennium_only else [None])
        registered = computed_indicator(indicator.code)
        group = groups.setdefault(indicator.action_id, ActionGroup(action=indicator.action))
        for period in periods:
            district_keys = any(k[0] == period and k[1] is not None for k in keys)
            areas = _areas_for(
                scope=scope, district_filter=district, districts=visible, has_district_targets=district_keys
            )
            for area in [*areas, None]:
                key = (period, area.pk if area else None)
                row = ResultRow(
                    indicator=indicator,
                    year=period,
                    district=area,
                    original=versions["original"].get(key),
                    revised=versions["revised"].get(key),
                    actual=None,
                    source=Source.NONE,
                    own_districts_only=area is None and scope.district_scoped and not scope.programme_wide,
                )
                _measure(row, registered=registered, manual=manual, user=user, cells=cells)
                group.rows.append(row)
    return ResultsReport(groups=list(groups.values()), years=years, districts=visible)


def _measure(row: ResultRow, *, registered, manual: ManualIndex, user, cells: ComputedCells | None) -> None:
    district_id = row.district.pk if row.district else None
    if registered is not None:
        if cells is not None:
            value = cells.value(registered, row.year, district_id)
        else:
            value = registered.compute(user=user, year=row.year, district_id=district_id)
        if value is None:
            row.source = Source.UNAVAILABLE
            return
        row.actual, row.source = value, Source.COMPUTED
        row.link = registered.link(year=row.year, district_id=district_id) if registered.link else None
        return
    value, record, count = manual.lookup(row.indicator, row.year, district_id)
    if value is not None:
        row.actual, row.source, row.manual, row.manual_count = value, Source.MANUAL, record, count
        row.link = row.indicator.get_absolute_url()
