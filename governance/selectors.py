"""Reads shared by views and reports."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce

from .models import GovernanceBody, ProjectYear


def count_per_row(model, fk: str):
    """The number of `model` rows pointing at each listed row through `fk`, as a subquery: a list annotated with it
    counts for the rows of its page only, where a join and GROUP BY over the whole table counts for every row
    (bench/scale.py: the training-lab and civic-center lists at 10,000 rows)."""
    rows = model.objects.filter(**{fk: OuterRef("pk")}).order_by().values(fk).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(rows[:1]), 0)


@dataclass(frozen=True)
class CadenceCell:
    year: ProjectYear
    held: int
    expected: Decimal | None  # None: the year had not begun at the reference date

    @property
    def behind(self) -> bool:
        """Behind schedule: fewer meetings than the whole ones expected so far."""
        return self.expected is not None and self.held < int(self.expected)

    @property
    def percent(self) -> int | None:
        if not self.expected:
            return None
        return round(self.held * 100 / self.expected)


@dataclass(frozen=True)
class CadenceRow:
    body: GovernanceBody
    cells: list[CadenceCell]

    @property
    def behind(self) -> bool:
        return any(c.behind for c in self.cells)


def cadence_compliance(*, bodies, reference: dt.date, years: list[ProjectYear] | None = None) -> list[CadenceRow]:
    """Meetings held vs expected for each body and project year, pro-rated up to `reference` (2 queries; 1 when the
    caller already holds the `years`)."""
    years = list(ProjectYear.objects.all()) if years is None else years
    rows = []
    for body in bodies.with_meeting_counts(years).select_related("district"):
        cells = [
            CadenceCell(year=y, held=getattr(body, f"held_{y.number}"), expected=body.expected_meetings(y, reference))
            for y in years
        ]
        rows.append(CadenceRow(body=body, cells=cells))
    return rows


def bodies_behind_schedule(*, user, reference: dt.date) -> list[CadenceRow]:
    return [
        r for r in cadence_compliance(bodies=GovernanceBody.objects.visible_to(user), reference=reference) if r.behind
    ]
