"""Action 1's indicators, computed for governance's results framework (registered in `PattiConfig.ready()`).

Each function answers `compute(*, user, year, district_id)`: `year` a project-year number (None: the triennium),
`district_id` a District pk (None: the whole programme). Counted within what the user reads, as the Action 1 panel
does (patti/dashboard.py): programme-wide readers of the aggregates every district, district staff their districts
(and provincial records); a district outside the user's scope, or a role that reads no Action 1 aggregate, gets None
("non disponibile"). Each `link` points at the list behind the number, with the filters that reproduce it.

The pact indicators also answer `compute_cells(*, user, years, district_ids)` (governance.indicators): every
(year, district) cell in one query, with one filtered aggregate per cell, whatever the number of pacts.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.db.models import Count, F, Q, Sum
from django.urls import reverse

from governance.indicators import CellsField, ComputedIndicator
from governance.models import ProjectYear
from governance.scoping import user_scope

from .dashboard import panel_visible
from .enums import SUPPORTED_IDEA_STATUSES, VALIDATED_IDEA_STATUSES, IdeaStatus, PattoKind
from .models import BusinessIdea, EmpowermentPath, Household, IdeaCall, Patto


def _area(user, district_id: int | None, *, provincial: bool = False, prefix: str = "") -> Q | None:
    """The filter on `district` (of the relation `prefix`, if given) for this user and cell: Q() for everything, None
    when the user may not read it."""
    scope = user_scope(user)
    if not panel_visible(scope):
        return None
    if district_id is not None:
        return Q(**{f"{prefix}district_id": district_id}) if scope.sees_district(district_id) else None
    if scope.programme_wide:
        return Q()
    mine = Q(**{f"{prefix}district_id__in": scope.district_ids})
    return mine | Q(**{f"{prefix}district__isnull": True}) if provincial else mine


def _url(name: str, **params) -> str:
    query = urlencode({k: v for k, v in params.items() if v is not None})
    return f"{reverse(name)}?{query}" if query else reverse(name)


def _signed(year: int | None, area: Q):
    """Pacts signed within the project years (in `year`, if given), in `area`."""
    patti = Patto.objects.signed().filter(project_year__isnull=False).filter(area)
    return patti if year is None else patti.filter(project_year__number=year)


def pacts_signed(*, user, year=None, district_id=None) -> int | None:
    area = _area(user, district_id)
    return None if area is None else _signed(year, area).count()


def households_reached(*, user, year=None, district_id=None) -> int | None:
    """Households with at least one pact signed (in the year): each counted once."""
    area = _area(user, district_id)
    return None if area is None else _signed(year, area).values("household_id").distinct().count()


def people_reached(*, user, year=None, district_id=None) -> int | None:
    """Members (adults and minors) of the households reached, each household counted once."""
    area = _area(user, district_id)
    if area is None:
        return None
    households = Household.objects.filter(pk__in=_signed(year, area).values("household_id"))
    return households.aggregate(n=Sum(F("adults") + F("minors")))["n"] or 0


def _count(field: str, where: Q, *, distinct: bool) -> Count:
    return Count(field, filter=where, distinct=distinct) if where else Count(field, distinct=distinct)


PACT_MEASURES = {  # measure: (field counted, each value once, of the pacts of this kind only)
    "pacts": ("pk", False, None),
    PattoKind.AUTONOMIA.value: ("pk", False, PattoKind.AUTONOMIA),
    PattoKind.INCLUSIONE.value: ("pk", False, PattoKind.INCLUSIONE),
    "households": ("household_id", True, None),
}


def pact_cells(*, user, years, district_ids) -> dict:
    """{(year, district_id): {"pacts", "autonomia", "inclusione", "households": count}} of the signed pacts of each
    cell (households each counted once), in one query; None for a cell the user may not read."""
    cells, expressions = {}, {}
    for district_id in district_ids:
        area = _area(user, district_id)
        for year in years:
            if area is None:
                cells[(year, district_id)] = dict.fromkeys(PACT_MEASURES)
                continue
            where = area if year is None else area & Q(project_year__number=year)
            for measure, (field, distinct, kind) in PACT_MEASURES.items():
                counted = where & Q(kind=kind) if kind else where
                expressions[f"c{len(expressions)}"] = (
                    (year, district_id),
                    measure,
                    _count(field, counted, distinct=distinct),
                )
    if expressions:
        patti = Patto.objects.signed().filter(project_year__isnull=False)
        row = patti.aggregate(**{name: expression for name, (_, _, expression) in expressions.items()})
        for name, (cell, measure, _) in expressions.items():
            cells.setdefault(cell, {})[measure] = row[name] or 0
    return cells


def people_reached_cells(*, user, years, district_ids) -> dict:
    """Members of the households reached in each cell, each household once: one query, which marks per household
    the cells where it has a signed pact, then adds up the members of the marked households."""
    cells, marks = {}, {}
    for district_id in district_ids:
        area = _area(user, district_id, prefix="patti__")
        for year in years:
            if area is None:
                cells[(year, district_id)] = None
                continue
            where = area if year is None else area & Q(patti__project_year__number=year)
            marks[f"c{len(marks)}"] = ((year, district_id), Count("patti", filter=where) if where else Count("patti"))
    if marks:
        households = Household.objects.filter(patti__signed_on__isnull=False, patti__project_year__isnull=False)
        row = households.annotate(**{f"in_{name}": mark for name, (_, mark) in marks.items()}).aggregate(
            **{name: Sum(F("adults") + F("minors"), filter=Q(**{f"in_{name}__gt": 0})) for name in marks}
        )
        for name, (cell, _) in marks.items():
            cells[cell] = row[name] or 0
    return cells


def pacts_link(*, year=None, district_id=None) -> str:
    return _url("patti:patto_list", signed="true", project_year=year, district=district_id)


def _pacts_of_kind(code: str, kind: PattoKind) -> ComputedIndicator:
    def compute(*, user, year=None, district_id=None) -> int | None:
        area = _area(user, district_id)
        return None if area is None else _signed(year, area).filter(kind=kind).count()

    def link(*, year=None, district_id=None) -> str:
        return _url("patti:patto_list", signed="true", kind=kind, project_year=year, district=district_id)

    return ComputedIndicator(code, compute, link, compute_cells=CellsField(pact_cells, kind.value))


def empowerment_paths(*, user, year=None, district_id=None) -> int | None:
    """Empowerment paths started (in the year's dates, if given)."""
    area = _area(user, district_id)
    if area is None:
        return None
    paths = EmpowermentPath.objects.filter(area)
    if year is not None:
        bounds = ProjectYear.objects.numbered(year)
        if bounds is None:
            return 0
        paths = paths.filter(start_on__gte=bounds.start, start_on__lte=bounds.end)
    return paths.count()


def empowerment_link(*, year=None, district_id=None) -> str:
    return _url("patti:path_list", district=district_id)


def idea_calls(*, user, year=None, district_id=None) -> int | None:
    """Calls for business ideas are provincial: no district figure."""
    if district_id is not None or _area(user, None) is None:
        return None
    calls = IdeaCall.objects.all()
    if year is not None:
        calls = calls.filter(project_year__number=year)
    return calls.count()


def idea_calls_link(*, year=None, district_id=None) -> str:
    return _url("patti:call_list", project_year=year)


def _ideas(statuses):
    def compute(*, user, year=None, district_id=None) -> int | None:
        area = _area(user, district_id, provincial=True)
        if area is None:
            return None
        ideas = BusinessIdea.objects.filter(status__in=statuses).filter(area)
        if year is not None:
            ideas = ideas.filter(call__project_year__number=year)
        return ideas.count()

    return compute


def _ideas_link(**filters):
    def link(*, year=None, district_id=None) -> str:
        return _url("patti:idea_list", project_year=year, district=district_id, **filters)

    return link


INDICATORS = [
    ComputedIndicator("A1_PATTI", pacts_signed, pacts_link, compute_cells=CellsField(pact_cells, "pacts")),
    _pacts_of_kind("A1_PATTI_AUTONOMIA", PattoKind.AUTONOMIA),
    _pacts_of_kind("A1_PATTI_INCLUSIONE", PattoKind.INCLUSIONE),
    ComputedIndicator("A1_NUCLEI", households_reached, pacts_link, compute_cells=CellsField(pact_cells, "households")),
    ComputedIndicator("A1_BENEFICIARI", people_reached, pacts_link, compute_cells=people_reached_cells),
    ComputedIndicator("A1_EMPOWERMENT", empowerment_paths, empowerment_link),
    ComputedIndicator("A1_BANDI", idea_calls, idea_calls_link),
    ComputedIndicator("A1_IDEE", _ideas(SUPPORTED_IDEA_STATUSES), _ideas_link(stage="supported")),
    ComputedIndicator("A1_BUSINESS_PLAN", _ideas(VALIDATED_IDEA_STATUSES), _ideas_link(stage="validated")),
    ComputedIndicator("A1_ATTIVITA_AVVIATE", _ideas({IdeaStatus.STARTED}), _ideas_link(status=IdeaStatus.STARTED)),
]
