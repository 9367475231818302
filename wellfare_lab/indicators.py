"""Action 4's participant indicators and reach for every (year, district) cell at once (governance.indicators'
`compute_cells`, governance.monitoring.reach's `count_many`): the same counts as `reports.distinct_participants` —
a person (normalised name) once per category however many sessions and labs they attended — from one query that
lists each person's category, lab district and attended years once.
"""

from __future__ import annotations

from collections import defaultdict

from django.db.models import BooleanField, Case, Q, Value, When
from django.db.models.functions import Lower, Trim

from governance.indicators import CellsField
from governance.models import ProjectYear

from .models import Attendance
from .reports import PARTICIPANT_CODES, _scoped

ANY_CATEGORY = None


def participant_cells(*, user, years, district_ids) -> dict[tuple, dict[str | None, int]]:
    """{(year, district_id): {category: people, ANY_CATEGORY: people of any category}} for `years` (None: every
    session) × `district_ids` (None: every lab the user reads). Two queries: the years' bounds, the attendances."""
    numbers = [year for year in years if year is not None]
    bounds = {y.number: y for y in ProjectYear.objects.filter(number__in=numbers)} if numbers else {}
    flags = {
        f"in_{number}": Case(
            When(Q(session__date__gte=year.start, session__date__lte=year.end), then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        )
        for number, year in bounds.items()
    }
    attended = (
        _scoped(Attendance, user)
        .annotate(person=Lower(Trim("participant__full_name")), **flags)
        .values_list("person", "participant__category", "session__lab__district_id", *flags)
        .distinct()
    )
    people: dict[tuple, set] = defaultdict(set)  # (year, district_id, category) → persons
    for person, category, lab_district, *attended_in in attended:
        in_year = dict(zip(bounds, attended_in, strict=True))
        for year in years:
            if year is not None and not in_year.get(year):
                continue
            for district_id in district_ids:
                if district_id is None or district_id == lab_district:
                    people[(year, district_id, category)].add(person)
                    people[(year, district_id, ANY_CATEGORY)].add(person)
    categories = [*PARTICIPANT_CODES.values(), ANY_CATEGORY]
    return {
        (year, district_id): {category: len(people[(year, district_id, category)]) for category in categories}
        for year in years
        for district_id in district_ids
    }


COMPUTE_CELLS = {code: CellsField(participant_cells, category) for code, category in PARTICIPANT_CODES.items()}


def reach_cells(*, user, years, district_ids) -> dict:
    """Reach of the training (as `reports.reach` counts it) in every cell at once: `{(year, district_id): counts}`."""
    cells = participant_cells(user=user, years=years, district_ids=district_ids)
    return {cell: {"households": None, "people": counts[ANY_CATEGORY]} for cell, counts in cells.items()}
