"""Action 2A's participant indicators and reach for every (year, district) cell at once (governance.indicators'
`compute_cells`, governance.monitoring.reach's `count_many`): the same counts as `reports.participants` — per lab
the highest number recorded at one of its meetings (of the year), summed over the labs — in one query for every
cell, whatever the number of labs and meetings.
"""

from __future__ import annotations

from django.db.models import Max, Q, Sum

from governance.models import ProjectYear

from .models import PARTICIPANT_FIELDS
from .reports import labs_for


def participant_cells(*, user, years, district_ids) -> dict[tuple, dict[str, int]]:
    """{(year, district_id): {category: count}} for `years` (None: the triennium) × `district_ids` (None: every
    lab the user reads). Two queries: the years' bounds, then the labs' highest counts added up per cell."""
    numbers = [year for year in years if year is not None]
    bounds = {y.number: y for y in ProjectYear.objects.filter(number__in=numbers)} if numbers else {}
    tops, sums = {}, {}
    for year in years:
        if year is not None and year not in bounds:
            continue  # no such project year: zero, as `reports.participants` counts it
        meetings = (
            Q(meetings__date__gte=bounds[year].start, meetings__date__lte=bounds[year].end)
            if year is not None
            else None
        )
        for name in PARTICIPANT_FIELDS:
            top = f"top_{name}_{year or 0}"
            tops[top] = Max(f"meetings__{name}", filter=meetings)
            for index, district_id in enumerate(district_ids):
                where = Q(district_id=district_id) if district_id is not None else None
                sums[f"{top}_{index}"] = Sum(top, filter=where)
    row = labs_for(user=user).annotate(**tops).aggregate(**sums) if sums else {}
    return {
        (year, district_id): {name: int(row.get(f"top_{name}_{year or 0}_{index}") or 0) for name in PARTICIPANT_FIELDS}
        for year in years
        for index, district_id in enumerate(district_ids)
    }


def participant_indicator_cells(name: str):
    """`compute_cells` of the participant indicator of category `name` (A2A_PERSONE, A2A_NUCLEI, ...)."""

    def compute_cells(*, user, years, district_ids) -> dict:
        cells = participant_cells(user=user, years=years, district_ids=district_ids)
        return {cell: counts[name] for cell, counts in cells.items()}

    return compute_cells


COMPUTE_CELLS = {
    "A2A_PERSONE": participant_indicator_cells("people"),
    "A2A_NUCLEI": participant_indicator_cells("households"),
    "A2A_GRUPPI_INFORMALI": participant_indicator_cells("informal_groups"),
    "A2A_ENTI_PROFIT": participant_indicator_cells("profit_bodies"),
    "A2A_ENTI_NONPROFIT": participant_indicator_cells("nonprofit_bodies"),
}


def reach_cells(*, user, years, district_ids) -> dict:
    """Reach of the labs (as `reports.reach` counts it) in every cell at once: `{(year, district_id): counts}`."""
    cells = participant_cells(user=user, years=years, district_ids=district_ids)
    return {cell: {measure: counts[measure] for measure in ("households", "people")} for cell, counts in cells.items()}
