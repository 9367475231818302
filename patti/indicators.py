"""Action 1's indicators, computed for governance's results framework (registered in `PattiConfig.ready()`).

Each function answers `compute(*, user, year, district_id)`: `year` a project-year number (None: the triennium),
`district_id` a District pk (None: the whole programme). Aggregates carry no identity, so every role that reads
Action 1's aggregates (patti/dashboard.py, AGGREGATE_READERS) gets the programme total; a district's figure only
for the districts in the user's scope. Anyone else gets None ("non disponibile"). Each `link` points at the list
behind the number, with the filters that reproduce it.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.db.models import F, Sum
from django.urls import reverse

from governance.indicators import ComputedIndicator
from governance.models import ProjectYear
from governance.scoping import user_scope

from .dashboard import panel_visible
from .enums import SUPPORTED_IDEA_STATUSES, VALIDATED_IDEA_STATUSES, IdeaStatus, PattoKind
from .models import BusinessIdea, EmpowermentPath, Household, IdeaCall, Patto


def _may_read(user, district_id: int | None) -> bool:
    scope = user_scope(user)
    return panel_visible(scope) and (district_id is None or scope.sees_district(district_id))


def _url(name: str, **params) -> str:
    query = urlencode({k: v for k, v in params.items() if v is not None})
    return f"{reverse(name)}?{query}" if query else reverse(name)


def _signed(year: int | None, district_id: int | None):
    """Pacts signed within the project years (in `year`, if given; of `district_id`, if given)."""
    patti = Patto.objects.signed().filter(project_year__isnull=False)
    if year is not None:
        patti = patti.filter(project_year__number=year)
    if district_id is not None:
        patti = patti.filter(district_id=district_id)
    return patti


def pacts_signed(*, user, year=None, district_id=None) -> int | None:
    if not _may_read(user, district_id):
        return None
    return _signed(year, district_id).count()


def households_reached(*, user, year=None, district_id=None) -> int | None:
    """Households with at least one pact signed (in the year): each counted once."""
    if not _may_read(user, district_id):
        return None
    return _signed(year, district_id).values("household_id").distinct().count()


def people_reached(*, user, year=None, district_id=None) -> int | None:
    """Members (adults and minors) of the households reached, each household counted once."""
    if not _may_read(user, district_id):
        return None
    households = Household.objects.filter(pk__in=_signed(year, district_id).values("household_id"))
    return households.aggregate(n=Sum(F("adults") + F("minors")))["n"] or 0


def pacts_link(*, year=None, district_id=None) -> str:
    return _url("patti:patto_list", signed="true", project_year=year, district=district_id)


def _pacts_of_kind(kind: str):
    def compute(*, user, year=None, district_id=None) -> int | None:
        if not _may_read(user, district_id):
            return None
        return _signed(year, district_id).filter(kind=kind).count()

    def link(*, year=None, district_id=None) -> str:
        return _url("patti:patto_list", signed="true", kind=kind, project_year=year, district=district_id)

    return compute, link


def empowerment_paths(*, user, year=None, district_id=None) -> int | None:
    """Empowerment paths started (in the year's dates, if given)."""
    if not _may_read(user, district_id):
        return None
    paths = EmpowermentPath.objects.all()
    if district_id is not None:
        paths = paths.filter(district_id=district_id)
    if year is not None:
        bounds = ProjectYear.objects.filter(number=year).values("start", "end").first()
        if bounds is None:
            return 0
        paths = paths.filter(start_on__gte=bounds["start"], start_on__lte=bounds["end"])
    return paths.count()


def empowerment_link(*, year=None, district_id=None) -> str:
    return _url("patti:path_list", district=district_id)


def idea_calls(*, user, year=None, district_id=None) -> int | None:
    """Calls for business ideas are provincial: no district figure."""
    if district_id is not None or not _may_read(user, None):
        return None
    calls = IdeaCall.objects.all()
    if year is not None:
        calls = calls.filter(project_year__number=year)
    return calls.count()


def idea_calls_link(*, year=None, district_id=None) -> str:
    return _url("patti:call_list", project_year=year)


def _ideas(statuses):
    def compute(*, user, year=None, district_id=None) -> int | None:
        if not _may_read(user, district_id):
            return None
        ideas = BusinessIdea.objects.filter(status__in=statuses)
        if year is not None:
            ideas = ideas.filter(call__project_year__number=year)
        if district_id is not None:
            ideas = ideas.filter(district_id=district_id)
        return ideas.count()

    return compute


def _ideas_link(**filters):
    def link(*, year=None, district_id=None) -> str:
        return _url("patti:idea_list", project_year=year, district=district_id, **filters)

    return link


INDICATORS = [
    ComputedIndicator("A1_PATTI", pacts_signed, pacts_link),
    ComputedIndicator("A1_PATTI_AUTONOMIA", *_pacts_of_kind(PattoKind.AUTONOMIA)),
    ComputedIndicator("A1_PATTI_INCLUSIONE", *_pacts_of_kind(PattoKind.INCLUSIONE)),
    ComputedIndicator("A1_NUCLEI", households_reached, pacts_link),
    ComputedIndicator("A1_BENEFICIARI", people_reached, pacts_link),
    ComputedIndicator("A1_EMPOWERMENT", empowerment_paths, empowerment_link),
    ComputedIndicator("A1_BANDI", idea_calls, idea_calls_link),
    ComputedIndicator("A1_IDEE", _ideas(SUPPORTED_IDEA_STATUSES), _ideas_link(stage="supported")),
    ComputedIndicator("A1_BUSINESS_PLAN", _ideas(VALIDATED_IDEA_STATUSES), _ideas_link(stage="validated")),
    ComputedIndicator("A1_ATTIVITA_AVVIATE", _ideas({IdeaStatus.STARTED}), _ideas_link(status=IdeaStatus.STARTED)),
]
