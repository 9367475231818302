"""The dashboard's two filters, read leniently: a bad `?year=` or `?district=` falls back to the default with an
Italian message, never an error page; a district the user may not read is refused the same way (never shown)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..models import District, ProjectYear
from ..scoping import user_scope


@dataclass
class DashboardFilters:
    years: list[ProjectYear]
    districts: list[District]  # the districts the user may choose
    year: ProjectYear | None
    district: District | None
    fixed_district: bool  # a district user with one district: no choice to make
    messages: list[str] = field(default_factory=list)
    own_districts_only: bool = False  # a district user with several districts, none chosen

    @property
    def year_number(self) -> int | None:
        return self.year.number if self.year else None

    @property
    def district_id(self) -> int | None:
        return self.district.pk if self.district else None

    @property
    def area_label(self) -> str:
        if self.district:
            return f"Ambito {self.district.name}"
        return "I suoi ambiti" if self.own_districts_only else "Tutto il programma"


def year_of(reference: dt.date, years: list[ProjectYear]) -> ProjectYear | None:
    """The project year containing `reference`; before the first, the first; after the last, the last."""
    if not years:
        return None
    for year in years:
        if year.start <= reference <= year.end:
            return year
    return years[0] if reference < years[0].start else years[-1]


def _as_int(value: str | None) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


def dashboard_filters(*, user, params, reference: dt.date) -> DashboardFilters:
    """Parse `?year=<number>&district=<pk>` (two queries: the years and the districts the user may read)."""
    scope = user_scope(user)
    years = ProjectYear.objects.in_order()
    districts = list(District.objects.visible_to(user).order_by("name"))
    notes: list[str] = []

    default_year = year_of(reference, years)
    raw_year = params.get("year")
    year = default_year
    if raw_year not in (None, ""):
        number = _as_int(raw_year)
        year = next((y for y in years if y.number == number), None)
        if year is None:
            year = default_year
            shown = f"l'anno {default_year.number}" if default_year else "il triennio"
            notes.append(f"Anno di progetto «{raw_year[:20]}» non valido: è mostrato {shown}.")

    fixed = not scope.programme_wide and len(districts) == 1
    default_district = districts[0] if fixed else None
    raw_district = params.get("district")
    district = default_district
    if raw_district not in (None, ""):
        pk = _as_int(raw_district)
        district = next((d for d in districts if d.pk == pk), None)
        if district is None:
            district = default_district
            notes.append(
                f"Ambito «{raw_district[:20]}» non valido o non consultabile con il suo ruolo: "
                f"sono mostrati {'i dati del suo ambito' if fixed else 'tutti gli ambiti che può consultare'}."
            )
    return DashboardFilters(
        years=years,
        districts=districts,
        year=year,
        district=district,
        fixed_district=fixed,
        messages=notes,
        own_districts_only=not scope.programme_wide and district is None,
    )
