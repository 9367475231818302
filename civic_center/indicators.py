"""Action 3's activity head counts for every (year, district) cell at once: A3_NUCLEI (governance.indicators'
`compute_cells`) and the reach (governance.monitoring.reach's `count_many`), the same sums as `reports.households`
and `reports.reach` — enrolments and households of the activities started in the year — in one query for every
cell, whatever the number of activities.
"""

from __future__ import annotations

from django.db.models import Q, Sum

from governance.indicators import CellsField
from governance.models import ProjectYear

from .models import Activity
from .reports import _scoped

MEASURES = {"households": "households", "people": "enrolments"}  # measure: the activity field summed


def activity_cells(*, user, years, district_ids) -> dict[tuple, dict[str, int]]:
    """{(year, district_id): {"households": n, "people": n}} of the activities started in each year (None: all)
    of each district's civic centers (None: every one the user reads). Two queries: the years' bounds, the sums."""
    numbers = [year for year in years if year is not None]
    bounds = {y.number: y for y in ProjectYear.objects.filter(number__in=numbers)} if numbers else {}
    sums = {}
    for year in years:
        if year is not None and year not in bounds:
            continue  # no such project year: zero, as `reports._in_year` counts it
        started = Q(start_on__gte=bounds[year].start, start_on__lte=bounds[year].end) if year is not None else Q()
        for index, district_id in enumerate(district_ids):
            where = started & Q(civic_center__district_id=district_id) if district_id is not None else started
            for measure, field in MEASURES.items():
                sums[f"{measure}_{year or 0}_{index}"] = Sum(field, filter=where) if where else Sum(field)
    row = _scoped(Activity, user).aggregate(**sums) if sums else {}
    return {
        (year, district_id): {measure: row.get(f"{measure}_{year or 0}_{index}") or 0 for measure in MEASURES}
        for year in years
        for index, district_id in enumerate(district_ids)
    }


COMPUTE_CELLS = {"A3_NUCLEI": CellsField(activity_cells, "households")}
