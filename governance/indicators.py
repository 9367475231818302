"""The results framework's registry: each action app says how its indicators are computed from its data.

governance keeps the indicators and their targets (original 2015 and revised June 2016); it never imports an action
app. An app registers, in its `AppConfig.ready()`, one `ComputedIndicator` per indicator code its data can count:

    from governance.indicators import ComputedIndicator, register_indicator
    register_indicator(ComputedIndicator(code="A2A_LAB_ATTIVATI", compute=labs_activated, link=labs_activated_url))

`compute(*, user, year, district_id)` returns the actual (an int or a Decimal) counted within what `user` may see;
`year` is a project-year number (None: the whole triennium) and `district_id` a District pk (None: the whole
programme). `link(*, year, district_id)` returns the URL of the list behind the number (or None). An indicator no
app computes is shown with its targets and "non ancora rilevato" — never a zero.

An app may add `compute_many(*, user, years, district_id)` returning `{year: actual}` for several periods at once
(`years` may hold None for the triennium), in fewer queries than one `compute` per period; the dashboard uses it
through `compute_periods` and falls back to `compute` per period when an app gives none. An app may also add
`compute_cells(*, user, years, district_ids)` returning `{(year, district_id): actual}` for every period and area
at once (`district_ids` may hold None for the programme), typically in one query whatever the data size; the
monitoring report reads every indicator through `compute_grid` (and `ComputedCells`), which falls back to
`compute_many` per area, then to `compute` per cell. Indicators that are fields of one computation (the participant
categories of a lab, say) give `compute_cells=CellsField(source, field)`: `ComputedCells` runs the source once for
all of them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

Cell = tuple[int | None, int | None]  # (project-year number or None = triennium, District pk or None = programme)


@dataclass(frozen=True)
class ComputedIndicator:
    code: str
    compute: Callable[..., int | Decimal | None]
    link: Callable[..., str | None] | None = None
    compute_many: Callable[..., dict[int | None, int | Decimal | None]] | None = None
    compute_cells: Callable[..., dict[Cell, int | Decimal | None]] | None = None

    def compute_periods(self, *, user, years: list[int | None], district_id: int | None) -> dict:
        """The actual of each period in `years` (None: the triennium) for `user` and `district_id`."""
        if self.compute_many is not None:
            return self.compute_many(user=user, years=years, district_id=district_id)
        if self.compute_cells is not None:
            cells = self.compute_cells(user=user, years=years, district_ids=[district_id])
            return {year: cells[(year, district_id)] for year in years}
        return {year: self.compute(user=user, year=year, district_id=district_id) for year in years}

    def compute_grid(self, *, user, years: list[int | None], district_ids: list[int | None]) -> dict[Cell, object]:
        """The actual of every (year, district_id) of `years` × `district_ids` (None: the triennium, the programme)."""
        if self.compute_cells is not None:
            return self.compute_cells(user=user, years=years, district_ids=district_ids)
        grid = {}
        for district_id in district_ids:
            for year, value in self.compute_periods(user=user, years=years, district_id=district_id).items():
                grid[(year, district_id)] = value
        return grid


@dataclass(frozen=True)
class CellsField:
    """A `compute_cells` reading one field of a computation several indicators share: `source(*, user, years,
    district_ids)` returns `{(year, district_id): {field: actual}}`."""

    source: Callable[..., dict[Cell, dict]]
    field: str

    def __call__(self, *, user, years: list[int | None], district_ids: list[int | None]) -> dict[Cell, object]:
        return self.pick(self.source(user=user, years=years, district_ids=district_ids))

    def pick(self, values: dict[Cell, dict]) -> dict[Cell, object]:
        return {cell: fields[self.field] for cell, fields in values.items()}


_REGISTRY: dict[str, ComputedIndicator] = {}


def register_indicator(indicator: ComputedIndicator) -> None:
    _REGISTRY[indicator.code] = indicator


def computed_indicator(code: str) -> ComputedIndicator | None:
    return _REGISTRY.get(code)


def registered_codes() -> frozenset[str]:
    return frozenset(_REGISTRY)


class ComputedCells:
    """The actuals of the registered indicators over one grid of periods × areas, for one reader, each counted once:
    an indicator with `compute_cells` is computed for the whole grid the first time it is asked for, one with
    `compute_many` for every period of an area, any other cell by cell; so a report that reads the same figure in
    several tables (results, cost per result) counts it once. A cell outside the grid is computed on its own."""

    def __init__(self, *, user, years: list[int | None], district_ids: list[int | None]):
        self.user = user
        self.years = list(dict.fromkeys(years))
        self.district_ids = list(dict.fromkeys(district_ids))
        self._values: dict[tuple[str, int | None, int | None], object] = {}
        self._sources: dict[Callable, dict[Cell, dict]] = {}  # CellsField sources, each run once

    def value(self, indicator: ComputedIndicator, year: int | None, district_id: int | None):
        key = (indicator.code, year, district_id)
        if key in self._values:
            return self._values[key]
        if year not in self.years or district_id not in self.district_ids:
            return indicator.compute(user=self.user, year=year, district_id=district_id)
        if isinstance(indicator.compute_cells, CellsField):
            source = indicator.compute_cells.source
            if source not in self._sources:
                self._sources[source] = source(user=self.user, years=self.years, district_ids=self.district_ids)
            grid = indicator.compute_cells.pick(self._sources[source])
        elif indicator.compute_cells is not None:
            grid = indicator.compute_grid(user=self.user, years=self.years, district_ids=self.district_ids)
        elif indicator.compute_many is not None:
            periods = indicator.compute_periods(user=self.user, years=self.years, district_id=district_id)
            grid = {(y, district_id): v for y, v in periods.items()}
        else:
            grid = {(year, district_id): indicator.compute(user=self.user, year=year, district_id=district_id)}
        for (y, d), v in grid.items():
            self._values[(indicator.code, y, d)] = v
        return grid[(year, district_id)]
