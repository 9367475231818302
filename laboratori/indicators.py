"""Action 2A's participant indicators for every (year, district) cell at once (governance.indicators'
`compute_cells`; the report's reach reads A2A_NUCLEI and A2A_PERSONE from them): the same counts as
`reports.participants` — per lab
the highest number recorded at one of its meetings (of the year), summed over the labs — in one query for every
cell, whatever the number of labs and meetings.
"""

from __future__ import annotations

from django.db.models import Max, Q, Sum

from governance.indicators import CellsField
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


COMPUTE_CELLS = {
    "A2A_PERSONE": CellsField(participant_cells, "people"),
    "A2A_NUCLEI": CellsField(participant_cells, "households"),
    "A2A_GRUPPI_INFORMALI": CellsField(participant_cells, "informal_groups"),
    "A2A_ENTI_PROFIT": CellsField(participant_cells, "profit_bodies"),
    "A2A_ENTI_NONPROFIT": CellsField(participant_cells, "nonprofit_bodies"),
}
