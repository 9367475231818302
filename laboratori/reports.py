"""The numbers of Action 2A as plain functions (rows, not HTML): the results framework's indicators, the dashboard
panel and the lab page read them. Every function is scoped to what `user` may see; sums and counts run in SQL.

Participants are counted without double counting the same people across a lab's meetings: for each lab, the highest
number recorded at one meeting (of the year, when a year is given), then summed over the labs. The application's
rule, said in the UI next to the numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from urllib.parse import urlencode

from django.db.models import Count, Max, Q, Sum
from django.urls import reverse

from governance.models import District, ProjectYear
from governance.money import as_money, money_sum

from .enums import LabKind
from .models import PARTICIPANT_FIELDS, Laboratorio, LabPayment, RestitutionEvent

PARTICIPANT_LABELS = {
    "people": "Persone",
    "households": "Nuclei familiari",
    "informal_groups": "Gruppi informali",
    "profit_bodies": "Enti profit",
    "nonprofit_bodies": "Enti non profit",
}


def labs_for(*, user, district_id: int | None = None):
    labs = Laboratorio.objects.visible_to(user)
    return labs if district_id is None else labs.filter(district_id=district_id)


def labs_activated(*, user, year: int | None, district_id: int | None) -> int:
    """A2A_LAB_ATTIVATI: labs whose activation falls in the project year (None: the triennium)."""
    return labs_for(user=user, district_id=district_id).activated_in(year).count()


def workplace_labs(*, user, year: int | None, district_id: int | None) -> int:
    """A2A_LAB_LUOGHI_LAVORO: labs in workplaces activated in the year."""
    return labs_for(user=user, district_id=district_id).activated_in(year).filter(kind=LabKind.WORKPLACE).count()


def territorial_areas(*, user, year: int | None, district_id: int | None) -> int:
    """A2A_AREE: distinct territorial areas (district and area) reached by the territorial labs activated."""
    labs = labs_for(user=user, district_id=district_id).activated_in(year).territorial()
    return labs.values("district", "area").distinct().count()


def participants(*, user, year: int | None, district_id: int | None) -> dict[str, int]:
    """Per category, the sum over labs of the highest count recorded at one of the lab's meetings (of the year)."""
    meeting_q = Q()
    if year is not None:
        bounds = ProjectYear.objects.numbered(year)
        if bounds is None:
            return dict.fromkeys(PARTICIPANT_FIELDS, 0)
        meeting_q = Q(meetings__date__gte=bounds.start, meetings__date__lte=bounds.end)
    labs = labs_for(user=user, district_id=district_id).annotate(
        **{f"top_{name}": Max(f"meetings__{name}", filter=meeting_q) for name in PARTICIPANT_FIELDS}
    )
    totals = labs.aggregate(**{name: Sum(f"top_{name}") for name in PARTICIPANT_FIELDS})
    return {name: int(totals[name] or 0) for name in PARTICIPANT_FIELDS}


def _participant_indicator(name):
    def compute(*, user, year: int | None, district_id: int | None) -> int:
        return participants(user=user, year=year, district_id=district_id)[name]

    compute.__name__ = f"participants_{name}"
    return compute


def restitution_events(*, user, year: int | None, district_id: int | None) -> int:
    """A2A_EVENTI_RESTITUZIONE: annual restitution events held (with a district: those its labs took part in)."""
    events = RestitutionEvent.objects.visible_to(user)
    if year is not None:
        events = events.filter(project_year__number=year)
    if district_id is not None:
        events = events.filter(labs__district_id=district_id).distinct()
    return events.count()


def budget_committed(*, user, year: int | None, district_id: int | None) -> Decimal:
    """The budgets of the labs activated in the year."""
    labs = labs_for(user=user, district_id=district_id).activated_in(year)
    return as_money(labs.aggregate(total=money_sum("budget"))["total"])


def budget_paid(*, user, year: int | None, district_id: int | None) -> Decimal:
    """Payments to the implementing bodies (not cancelled) dated in the year, whatever the lab's activation year."""
    payments = LabPayment.objects.active().filter(lab__in=labs_for(user=user, district_id=district_id))
    if year is not None:
        payments = payments.filter(expense__line__year__number=year)
    return as_money(payments.aggregate(total=money_sum("amount"))["total"])


def lab_list_url(**params) -> str:
    query = urlencode({key: value for key, value in params.items() if value not in (None, "")})
    url = reverse("laboratori:lab_list")
    return f"{url}?{query}" if query else url


def link_labs(*, year: int | None, district_id: int | None) -> str:
    return lab_list_url(year=year, district=district_id)


def link_workplace(*, year: int | None, district_id: int | None) -> str:
    return lab_list_url(year=year, district=district_id, kind=LabKind.WORKPLACE)


def link_territorial(*, year: int | None, district_id: int | None) -> str:
    return lab_list_url(year=year, district=district_id, territorial="true")


def link_restitution(*, year: int | None, district_id: int | None) -> str:
    return reverse("laboratori:restitution_list")


# code → (compute, link): registered in the results framework by LaboratoriConfig.ready().
INDICATORS = {
    "A2A_LAB_ATTIVATI": (labs_activated, link_labs),
    "A2A_LAB_LUOGHI_LAVORO": (workplace_labs, link_workplace),
    "A2A_AREE": (territorial_areas, link_territorial),
    "A2A_PERSONE": (_participant_indicator("people"), link_labs),
    "A2A_NUCLEI": (_participant_indicator("households"), link_labs),
    "A2A_GRUPPI_INFORMALI": (_participant_indicator("informal_groups"), link_labs),
    "A2A_ENTI_PROFIT": (_participant_indicator("profit_bodies"), link_labs),
    "A2A_ENTI_NONPROFIT": (_participant_indicator("nonprofit_bodies"), link_labs),
    "A2A_EVENTI_RESTITUZIONE": (restitution_events, link_restitution),
    # Added codes (the contract allows new ones): the money of the action.
    "A2A_BUDGET_IMPEGNATO": (budget_committed, link_labs),
    "A2A_BUDGET_PAGATO": (budget_paid, link_labs),
}


# --- The dashboard panel: counts per district and year (targets live in the results framework) ------------------


@dataclass
class DistrictRow:
    district: District
    by_year: dict[int, int] = field(default_factory=dict)
    total: int = 0
    budget: Decimal = Decimal("0.00")
    paid: Decimal = Decimal("0.00")
    counts: list[int] = field(default_factory=list)


def activated_by_district_and_year(*, labs, districts) -> tuple[list[int], list[DistrictRow], dict[int, int]]:
    """Labs activated per district and project year (one grouped query), with budget and paid per district.

    `labs` and `districts` are already scoped by the caller (the dashboard panel)."""
    years = [year.number for year in ProjectYear.objects.in_order()]
    grouped = (
        labs.values("district", "activation_year_number").annotate(n=Count("pk"), budget=money_sum("budget")).order_by()
    )
    paid = dict(
        LabPayment.objects.active()
        .filter(lab__in=labs)
        .values("lab__district")
        .annotate(total=money_sum("amount"))
        .order_by()
        .values_list("lab__district", "total")
    )
    rows = {d.pk: DistrictRow(district=d) for d in districts.order_by("name")}
    for group in grouped:  # a few rows already aggregated in SQL (district × year)
        row = rows.get(group["district"])
        if row is not None:
            row.by_year[group["activation_year_number"]] = group["n"]
            row.total += group["n"]
            row.budget += as_money(group["budget"])
    for pk, row in rows.items():
        row.paid = as_money(paid.get(pk))
        row.counts = [row.by_year.get(number, 0) for number in years]
    totals = {number: sum(r.by_year.get(number, 0) for r in rows.values()) for number in years}
    return years, list(rows.values()), totals


def reach(*, user, year: int | None = None, district_id: int | None = None) -> dict:
    """Reach of the labs for the monitoring report: head counts (each lab's highest meeting, summed over labs),
    not de-duplicated across labs (governance.monitoring.reach)."""
    counts = participants(user=user, year=year, district_id=district_id)
    return {"households": counts["households"], "people": counts["people"]}
