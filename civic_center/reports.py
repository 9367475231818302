"""The numbers of Action 3 as plain functions: indicators of the results framework, the dashboard panel, the
weekly timetable and the paying-demand totals. Counts and sums run in SQL; targets live in the results framework.

Indicator functions take `(*, user, year, district_id)` (governance.indicators): `year` is a project-year number
(None: the whole triennium), `district_id` a District pk (None: every district the user sees).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from urllib.parse import urlencode

from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce
from django.urls import reverse

from governance.models import ProjectYear
from governance.money import as_money, money_sum
from governance.scoping import user_scope

from .enums import AFTERNOON_FROM, EVENING_FROM, SCHOOL_HOST_KINDS, Audience, TimeBand, Weekday
from .models import Activity, ActivitySlot, Agreement, CivicCenter, PayingDemand


def _year(number: int | None) -> ProjectYear | None:
    return ProjectYear.objects.numbered(number or None)


def _in_year(queryset, number: int | None, date_field: str):
    if number is None:
        return queryset
    year = _year(number)
    if year is None:
        return queryset.none()
    return queryset.filter(**{f"{date_field}__gte": year.start, f"{date_field}__lte": year.end})


def _scoped(model, user):
    """Programme-wide roles read the aggregates of every district; others what `visible_to` gives them."""
    return model.objects.all() if user_scope(user).programme_wide else model.objects.visible_to(user)


def _centers(user, district_id):
    qs = _scoped(CivicCenter, user)
    return qs.filter(district_id=district_id) if district_id else qs


def _activities(user, year, district_id):
    qs = _scoped(Activity, user)
    if district_id:
        qs = qs.filter(civic_center__district_id=district_id)
    return _in_year(qs, year, "start_on")


def centers_activated(*, user, year=None, district_id=None) -> int:
    """A3_CC_ATTIVATI: civic centers activated in the project year (seed 2303, 2333-2337)."""
    qs = _centers(user, district_id).activated()
    return qs.filter(activation_year__number=year).count() if year else qs.count()


def shared_projects(*, user, year=None, district_id=None) -> int:
    """A3_PROGETTI: activities (shared projects) started in the year."""
    return _activities(user, year, district_id).count()


def agreements_signed(*, user, year=None, district_id=None) -> int:
    """A3_ACCORDI: agreements signed in the year."""
    qs = _scoped(Agreement, user)
    if district_id:
        qs = qs.filter(civic_center__district_id=district_id)
    return _in_year(qs, year, "signed_on").count()


def _school_centers(user, year, district_id):
    qs = _centers(user, district_id).activated().filter(host_kind__in=SCHOOL_HOST_KINDS)
    return qs.filter(activation_year__number=year) if year else qs


def comprehensive_institutes(*, user, year=None, district_id=None) -> int:
    """A3_ISTITUTI: distinct school bodies (comprehensive institutes) hosting a civic center activated in the year."""
    return _school_centers(user, year, district_id).values("host_organisation").distinct().count()


def school_buildings(*, user, year=None, district_id=None) -> int:
    """A3_PLESSI: activated civic centers hosted in a school building (each civic center is one building)."""
    return _school_centers(user, year, district_id).count()


def pupils(*, user, year=None, district_id=None) -> int:
    """A3_ALUNNI: pupils enrolled (head counts) in activities for pupils started in the year."""
    qs = _activities(user, year, district_id).filter(audience=Audience.PUPILS)
    return qs.aggregate(n=Coalesce(Sum("enrolments"), 0))["n"]


def households(*, user, year=None, district_id=None) -> int:
    """A3_NUCLEI: households involved in the activities started in the year."""
    return _activities(user, year, district_id).aggregate(n=Coalesce(Sum("households"), 0))["n"]


def organisations(*, user, year=None, district_id=None) -> int:
    """A3_ORGANIZZAZIONI: distinct promoter organisations running activities started in the year."""
    return _activities(user, year, district_id).values("promoter").distinct().count()


def fees_collected(*, user, year=None, district_id=None) -> Decimal:
    """A3_DOMANDA_PAGANTE: fees collected by the organisers (monitored, not in the project budget)."""
    qs = _scoped(PayingDemand, user)
    if district_id:
        qs = qs.filter(activity__civic_center__district_id=district_id)
    return as_money(_in_year(qs, year, "period_start").aggregate(t=money_sum("fees_collected"))["t"])


def _link(url_name: str, year_param: str = "year", **fixed):
    def link(*, year=None, district_id=None) -> str:
        params = dict(fixed)
        if year:
            found = _year(year)
            if found:
                params[year_param] = found.pk
        if district_id:
            params["district"] = district_id
        url = reverse(url_name)
        return f"{url}?{urlencode(params)}" if params else url

    return link


INDICATORS = [
    ("A3_CC_ATTIVATI", centers_activated, _link("civic_center:center_list", "activation_year")),
    ("A3_PROGETTI", shared_projects, _link("civic_center:activity_list")),
    ("A3_ACCORDI", agreements_signed, _link("civic_center:agreement_list")),
    ("A3_ISTITUTI", comprehensive_institutes, _link("civic_center:center_list", "activation_year")),
    ("A3_PLESSI", school_buildings, _link("civic_center:center_list", "activation_year")),
    ("A3_ALUNNI", pupils, _link("civic_center:activity_list", audience=Audience.PUPILS)),
    ("A3_NUCLEI", households, _link("civic_center:activity_list")),
    ("A3_ORGANIZZAZIONI", organisations, _link("civic_center:activity_list")),
    ("A3_DOMANDA_PAGANTE", fees_collected, _link("civic_center:demand_list")),
]


# --- The weekly timetable -------------------------------------------------------------------------------------


@dataclass
class TimetableCell:
    weekday: int
    band: str
    slots: list = field(default_factory=list)


@dataclass
class TimetableRow:
    band: str
    label: str
    cells: list[TimetableCell]


def timetable(center: CivicCenter) -> dict:
    """A grid weekday × time band of the center's slots (two queries, whatever the number of activities)."""
    slots = list(
        ActivitySlot.objects.filter(activity__civic_center=center)
        .select_related("activity__promoter")
        .order_by("weekday", "start", "activity__title")
    )
    days = [d for d in Weekday if d < Weekday.SATURDAY or any(s.weekday == d for s in slots)]
    grid = defaultdict(list)
    for slot in slots:
        grid[(slot.weekday, slot.time_band)].append(slot)
    rows = [
        TimetableRow(band.value, band.label, [TimetableCell(day, band.value, grid[(day, band.value)]) for day in days])
        for band in TimeBand
    ]
    return {"days": days, "rows": rows, "empty": not slots}


# --- Paying demand and the dashboard ---------------------------------------------------------------------------


def paying_demand_totals(queryset) -> dict:
    """Enrolments and fees collected over the given paying-demand rows (one query)."""
    totals = queryset.aggregate(enrolments=Coalesce(Sum("enrolments"), 0), fees=money_sum("fees_collected"))
    return {"enrolments": totals["enrolments"], "fees": as_money(totals["fees"])}


def demand_by_activity(center: CivicCenter) -> list:
    """Per activity of one center: periods recorded, paying enrolments and fees collected (one query)."""
    return list(
        Activity.objects.filter(civic_center=center)
        .annotate(
            periods=Count("paying_demand"),
            paying_enrolments=Coalesce(Sum("paying_demand__enrolments"), 0),
            fees_total=money_sum("paying_demand__fees_collected"),
        )
        .order_by("title")
    )


@dataclass
class ActivatedRow:
    district: str
    by_year: list[int]
    total: int


def activated_per_district_and_year(centers, districts) -> dict:
    """Civic centers activated per district (of `districts`) and project year (one grouped query)."""
    years = [year.number for year in ProjectYear.objects.in_order()]
    counts = {
        (row["district__name"], row["activation_year__number"]): row["n"]
        for row in centers.activated()
        .values("district__name", "activation_year__number")
        .annotate(n=Count("pk"))
        .order_by()
    }
    names = list(districts.order_by("name").values_list("name", flat=True))
    rows = [
        ActivatedRow(name, [counts.get((name, y), 0) for y in years], sum(counts.get((name, y), 0) for y in years))
        for name in names
    ]
    return {"years": years, "rows": rows, "totals": [sum(r.by_year[i] for r in rows) for i in range(len(years))]}


def activities_per_band(centers) -> list[tuple[str, int]]:
    """Weekly slots per time band in the given centers."""
    slots = ActivitySlot.objects.filter(activity__civic_center__in=centers).values_list("start", flat=True)
    counts = dict.fromkeys(TimeBand.values, 0)
    band_q = {
        TimeBand.SCHOOL_HOURS: Q(start__lt=AFTERNOON_FROM),
        TimeBand.AFTERNOON: Q(start__gte=AFTERNOON_FROM, start__lt=EVENING_FROM),
        TimeBand.EVENING: Q(start__gte=EVENING_FROM),
    }
    aggregated = slots.aggregate(**{band: Count("pk", filter=q) for band, q in band_q.items()})
    counts.update(aggregated)
    return [(TimeBand(band).label, counts[band]) for band in TimeBand.values]


def reach(*, user, year=None, district_id=None) -> dict:
    """Reach of the civic centers for the monitoring report: enrolments and households of the activities started in
    the year, head counts summed over activities, not de-duplicated (governance.monitoring.reach)."""
    totals = _activities(user, year, district_id).aggregate(
        people=Coalesce(Sum("enrolments"), 0), households=Coalesce(Sum("households"), 0)
    )
    return {"households": totals["households"], "people": totals["people"]}
