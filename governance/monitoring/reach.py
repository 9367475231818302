"""Reach: distinct households and people reached, per district and year, without double counting where the data
names them.

governance imports no action app: each app registers, in its `AppConfig.ready()`, a provider of its counts:

    from governance.monitoring.reach import ReachProvider, register_reach
    register_reach(ReachProvider(key="patti", label="Patti gener-attivi", count=reports.reach, deduplicated=True))

`count(*, user, year, district_id)` returns `{"households": n | None, "people": n | None}` (None: the app does not
count that measure) or None when the user may not read the app's figures; `year` is a project-year number (None:
the whole triennium) and `district_id` a District pk (None: what the user reads of the programme). A provider whose
data names the units (pacts by household code, training participants by person) is `deduplicated`; one that only
has head counts (lab participation, civic-center enrolments) is a plain sum labelled "non deduplicato". A provider
may add `count_many(*, user, years, district_ids)` returning `{(year, district_id): counts}` for every period and
area at once (in a number of queries that depends on neither); the report then calls it instead of `count` per cell.
A provider whose counts are actuals of the results framework names them instead, `indicators={"households":
"A1_NUCLEI", "people": "A1_BENEFICIARI"}`: the report reads them from the indicator grid it computes anyway
(`governance.indicators.ComputedCells`), so they are counted once for both tables.

Small cells: in every aggregate of people or households shown to a role without the identity permission, a count
below 3 reads "< 3" (`people_cell`, also the template filter `people_cell` and every export), so that nobody can be
recognised in a small municipality. Totals held against a district or programme target are exempt (they are
indicators of the results framework, not reach cells). A hidden cell must not come back by difference: where a row
(the districts and their total) or a column (the sources of a measure and their sum) hides exactly one cell, the
smallest other cell of that group is withheld too (`withhold_complements`, secondary suppression; it reads
"riservato"), and a cost per person is shown only where its count is (`PeopleCost`).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from decimal import Decimal

from ..indicators import ComputedCells, computed_indicator
from ..models import District
from ..scoping import user_scope

SMALL_CELL = "< 3"
SMALL_CELL_LIMIT = 3
WITHHELD = "riservato"
MEASURES = (("households", "Nuclei familiari"), ("people", "Persone"))
MEASURE_KEYS = [key for key, _ in MEASURES]
DEDUPLICATED = "deduplicato"
NOT_DEDUPLICATED = "non deduplicato"


class PeopleCount(int):
    """A count of people or households: shown as "< 3" below 3 to whoever lacks the identity permission."""


class Withheld(PeopleCount):
    """A count of 3 or more that, shown beside its group's total, would give a count below 3 away by difference: it
    reads "riservato" to whoever lacks the identity permission."""


class PeopleCost(Decimal):
    """Euros per person of `count`: budget ÷ cost gives the count back, so the cost is shown only where it is."""

    def __new__(cls, value, count: PeopleCount):
        cost = super().__new__(cls, value)
        cost.count = count
        return cost


def people_cell(value, *, can_see_identity: bool):
    """The value as it may be shown: without the identity permission a people count below 3 becomes "< 3", a withheld
    count "riservato", and a cost per person follows its count."""
    if can_see_identity:
        return value
    if isinstance(value, PeopleCost):
        return WITHHELD if isinstance(people_cell(value.count, can_see_identity=False), str) else value
    if isinstance(value, Withheld):
        return WITHHELD
    if isinstance(value, PeopleCount) and value < SMALL_CELL_LIMIT:
        return SMALL_CELL
    return value


def withhold_complements(cells: dict[Hashable, PeopleCount | None], groups: list[list[Hashable]]) -> dict:
    """Secondary suppression. `cells`: counts by key; `groups`: the keys of cells that add up (the parts and their
    total, in any order). Wherever a group hides exactly one of its cells (below 3, or withheld already), its
    smallest shown cell is withheld too, until no group does; returns the cells with those marked `Withheld`."""
    hidden = {key for key, value in cells.items() if value is not None and value < SMALL_CELL_LIMIT}
    changed = True
    while changed:
        changed = False
        for group in groups:
            present = [key for key in group if cells.get(key) is not None]
            shown = [key for key in present if key not in hidden]
            if shown and len(present) - len(shown) == 1:
                hidden.add(min(shown, key=lambda key: cells[key]))
                changed = True
    return {
        key: Withheld(value) if key in hidden and value is not None and value >= SMALL_CELL_LIMIT else value
        for key, value in cells.items()
    }


@dataclass(frozen=True)
class ReachProvider:
    key: str
    label: str
    count: Callable[..., dict | None]
    deduplicated: bool
    order: int = 100
    count_many: Callable[..., dict[tuple[int | None, int | None], dict | None]] | None = None
    indicators: dict[str, str] = field(default_factory=dict)  # measure → code of the indicator that counts it

    def counts(self, *, cells: ComputedCells, years: list[int | None], district_ids: list[int | None]) -> dict:
        """{(year, district_id): counts} of every period of `years` and area of `district_ids` (None: the triennium,
        the programme); None for a cell the user may not read. `cells`: the indicators' grid of the same reader."""
        user = cells.user
        registered = {measure: computed_indicator(code) for measure, code in self.indicators.items()}
        if registered and all(registered.values()):
            result = {}
            for year in years:
                for district_id in district_ids:
                    values = {measure: cells.value(i, year, district_id) for measure, i in registered.items()}
                    none = all(v is None for v in values.values())
                    result[(year, district_id)] = None if none else {**dict.fromkeys(MEASURE_KEYS), **values}
            return result
        if self.count_many is not None:
            return self.count_many(user=user, years=years, district_ids=district_ids)
        return {
            (year, district_id): self.count(user=user, year=year, district_id=district_id)
            for year in years
            for district_id in district_ids
        }


_PROVIDERS: dict[str, ReachProvider] = {}


def register_reach(provider: ReachProvider) -> None:
    _PROVIDERS[provider.key] = provider


def reach_providers() -> list[ReachProvider]:
    return sorted(_PROVIDERS.values(), key=lambda p: (p.order, p.key))


@dataclass
class ReachRow:
    """One source and measure: the count in each area (districts, then the programme); None = not available."""

    source: str
    measure: str
    deduplicated: bool
    cells: list[PeopleCount | None] = field(default_factory=list)

    @property
    def method(self) -> str:
        return DEDUPLICATED if self.deduplicated else NOT_DEDUPLICATED


@dataclass
class Reach:
    areas: list[str]  # column labels: the districts the user reads, then the programme (or their districts)
    rows: list[ReachRow]


def _count(value) -> PeopleCount | None:
    return None if value is None else PeopleCount(value)


def reach_rows(*, user, year: int | None) -> Reach:
    """Households and people reached per source, in each district the user reads and in total, for `year`."""
    return reach_by_year(user=user, years=[year])[year]


def reach_by_year(*, user, years: list[int | None], cells: ComputedCells | None = None) -> dict[int | None, Reach]:
    """`reach_rows` of each period of `years` (None: the triennium), each provider asked once for all of them;
    `cells`: the report's indicator grid (by default, a grid of its own)."""
    scope = user_scope(user)
    districts = list(District.objects.visible_to(user).order_by("name"))
    areas: list[int | None] = [d.pk for d in districts] + [None]
    total_label = "Totale programma" if scope.programme_wide else "Totale (suoi ambiti)"
    if cells is None:
        cells = ComputedCells(user=user, years=years, district_ids=areas)
    counted = [
        (provider, provider.counts(cells=cells, years=years, district_ids=areas)) for provider in reach_providers()
    ]
    result = {}
    for year in years:
        rows: list[ReachRow] = []
        sums: dict[str, list[int]] = {m: [0] * len(areas) for m, _ in MEASURES}
        for provider, by_cell in counted:
            counts = [by_cell[(year, area)] for area in areas]
            if all(c is None for c in counts):
                continue
            for measure, label in MEASURES:
                values = [None if c is None else c.get(measure) for c in counts]
                if all(v is None for v in values):
                    continue
                rows.append(
                    ReachRow(
                        source=provider.label,
                        measure=label,
                        deduplicated=provider.deduplicated,
                        cells=[_count(v) for v in values],
                    )
                )
                sums[measure] = [s + (v or 0) for s, v in zip(sums[measure], values, strict=True)]
        for measure, label in MEASURES:
            rows.append(
                ReachRow(
                    source="Somma delle azioni (una persona può essere in più azioni)",
                    measure=label,
                    deduplicated=False,
                    cells=[PeopleCount(v) for v in sums[measure]],
                )
            )
        _withhold_by_difference(rows)
        result[year] = Reach(areas=[d.name for d in districts] + [total_label], rows=rows)
    return result


def _withhold_by_difference(rows: list[ReachRow]) -> None:
    """Each row adds up across the districts to its total; each column adds up down the sources of a measure to
    their sum row (the last of that measure): no group may hide a single cell (`withhold_complements`)."""
    cells = {(r, c): cell for r, row in enumerate(rows) for c, cell in enumerate(row.cells)}
    groups = [[(r, c) for c in range(len(row.cells))] for r, row in enumerate(rows)]
    for _measure, label in MEASURES:
        same = [r for r, row in enumerate(rows) if row.measure == label]
        groups += [[(r, c) for r in same] for c in range(len(rows[0].cells))] if same else []
    protected = withhold_complements(cells, groups)
    for (r, c), cell in protected.items():
        rows[r].cells[c] = cell
