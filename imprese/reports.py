"""The numbers of Action 2/B as plain rows and functions: the dashboard panel and the results framework's indicators.

Every figure is computed in SQL within what the user may see (`PattoImpresa.objects.visible_to(user)`). Targets
are not here: they live in the results framework (governance), which shows them beside these actuals.

How each indicator is counted (the application's reading of the seed, seed 2260-2296):
- pacts signed (A2B_PATTI_SOTTOSCRITTI): by the date of signature, in the project year of that date;
- pacts elaborated (A2B_PATTI_ELABORATI): by the date the pact entered "in elaborazione";
- companies approached (A2B_IMPRESE_CONTATTATE): distinct companies whose first contact fell in the year;
- workers reached (A2B_LAVORATORI): the workers each pact reaches, counted in the year of its signature;
- union delegates (A2B_DELEGATI): union delegates taking part in the trainings held in the year;
- trade associations (A2B_ASSOCIAZIONI): distinct organisations of kind "Associazione di categoria" that are
  parties of pacts first contacted in the year (named parties without an organisation record are not counted).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from urllib.parse import urlencode

from django.db.models import Count, Q, Sum
from django.urls import reverse

from governance.enums import OrganisationKind
from governance.models import ProjectYear
from governance.money import as_money, money_sum

from .enums import SIGNED_STAGES, PactStage
from .models import PactParty, PactPayment, PattoImpresa, Training

# indicator code → (the date field that places a pact in a year, the list's "counted from" filter value)
BASIS_OF = {
    "A2B_PATTI_SOTTOSCRITTI": ("signed_on", "signed"),
    "A2B_PATTI_ELABORATI": ("elaboration_on", "elaboration"),
    "A2B_IMPRESE_CONTATTATE": ("contacted_on", "contact"),
    "A2B_LAVORATORI": ("signed_on", "signed"),
    "A2B_DELEGATI": (None, None),
    "A2B_ASSOCIAZIONI": ("contacted_on", "contact"),
}


def _year(number: int | None) -> ProjectYear | None:
    return ProjectYear.objects.numbered(number)


def scoped_pacts(*, user, district_id: int | None = None):
    pacts = PattoImpresa.objects.visible_to(user)
    return pacts.filter(district_id=district_id) if district_id is not None else pacts


def _dated(queryset, field: str, year: ProjectYear | None):
    if year is None:
        return queryset.filter(**{f"{field}__isnull": False})
    return queryset.filter(**{f"{field}__range": (year.start, year.end)})


def _compute(field: str):
    """Pacts counted by the date in `field`, within the user's scope (year None: the whole triennium)."""

    def compute(*, user, year: int | None, district_id: int | None) -> int | None:
        project_year = _year(year)
        if year is not None and project_year is None:
            return None
        return _dated(scoped_pacts(user=user, district_id=district_id), field, project_year).count()

    return compute


def companies_approached(*, user, year: int | None, district_id: int | None) -> int | None:
    project_year = _year(year)
    if year is not None and project_year is None:
        return None
    pacts = _dated(scoped_pacts(user=user, district_id=district_id), "contacted_on", project_year)
    return pacts.aggregate(n=Count("company", distinct=True))["n"]


def workers_reached(*, user, year: int | None, district_id: int | None) -> int | None:
    project_year = _year(year)
    if year is not None and project_year is None:
        return None
    pacts = _dated(scoped_pacts(user=user, district_id=district_id), "signed_on", project_year)
    return pacts.aggregate(n=Sum("workers_reached"))["n"] or 0


def union_delegates(*, user, year: int | None, district_id: int | None) -> int | None:
    project_year = _year(year)
    if year is not None and project_year is None:
        return None
    trainings = Training.objects.filter(pact__in=scoped_pacts(user=user, district_id=district_id))
    if project_year is not None:
        trainings = trainings.filter(date__range=(project_year.start, project_year.end))
    return trainings.aggregate(n=Sum("union_delegates"))["n"] or 0


def trade_associations(*, user, year: int | None, district_id: int | None) -> int | None:
    project_year = _year(year)
    if year is not None and project_year is None:
        return None
    pacts = _dated(scoped_pacts(user=user, district_id=district_id), "contacted_on", project_year)
    parties = PactParty.objects.filter(pact__in=pacts, organisation__kind=OrganisationKind.TRADE_ASSOCIATION)
    return parties.aggregate(n=Count("organisation", distinct=True))["n"]


def list_link(code: str):
    """The list behind an indicator: the pacts of the district counted from the indicator's date in that year."""
    _, basis = BASIS_OF[code]

    def link(*, year: int | None, district_id: int | None) -> str:
        query = {}
        if year is not None and basis:
            query.update(year=year, basis=basis)
        if district_id is not None:
            query["district"] = district_id
        url = reverse("imprese:pact_list")
        return f"{url}?{urlencode(query)}" if query else url

    return link


INDICATORS = {
    "A2B_PATTI_SOTTOSCRITTI": _compute("signed_on"),
    "A2B_PATTI_ELABORATI": _compute("elaboration_on"),
    "A2B_IMPRESE_CONTATTATE": companies_approached,
    "A2B_LAVORATORI": workers_reached,
    "A2B_DELEGATI": union_delegates,
    "A2B_ASSOCIAZIONI": trade_associations,
}


# --- Rows for the dashboard panel ----------------------------------------------------------------------------


@dataclass
class YearRow:
    year: int
    contacted: int
    elaborated: int
    signed: int
    abandoned: int
    workers: int
    delegates: int


@dataclass
class Summary:
    """Everything the dashboard panel shows, from five queries whatever the number of pacts."""

    years: list[YearRow]
    stages: list[tuple[str, str, int]]
    companies: int
    associations: int
    committed: Decimal
    paid: Decimal

    @property
    def signed_total(self) -> int:
        return sum(y.signed for y in self.years)


def summary(*, user) -> Summary:
    """Pacts by stage per project year (each counted from the date of that stage), current stages, companies
    approached, trade associations, budget of the signed pacts and payments, within the user's scope."""
    pacts = PattoImpresa.objects.visible_to(user)
    years = ProjectYear.objects.in_order()
    aggregates = {
        "companies": Count("company", distinct=True),
        "committed_c": money_sum("budget_cariplo", filter=Q(stage__in=SIGNED_STAGES)),
        "committed_d": money_sum("budget_donations", filter=Q(stage__in=SIGNED_STAGES)),
        **{f"stage_{value}": Count("pk", filter=Q(stage=value)) for value in PactStage.values},
    }
    for year in years:
        span = (year.start, year.end)
        aggregates.update(
            {
                f"c{year.number}": Count("pk", filter=Q(contacted_on__range=span)),
                f"e{year.number}": Count("pk", filter=Q(elaboration_on__range=span)),
                f"s{year.number}": Count("pk", filter=Q(signed_on__range=span)),
                f"a{year.number}": Count("pk", filter=Q(abandoned_on__range=span)),
                f"w{year.number}": Sum("workers_reached", filter=Q(signed_on__range=span)),
            }
        )
    row = pacts.aggregate(**aggregates)
    delegates = Training.objects.filter(pact__in=pacts).aggregate(
        **{f"d{y.number}": Sum("union_delegates", filter=Q(date__range=(y.start, y.end))) for y in years},
        total=Sum("union_delegates"),
    )
    paid = PactPayment.objects.active().filter(pact__in=pacts).aggregate(p=money_sum("amount"))["p"]
    associations = PactParty.objects.filter(
        pact__in=pacts, organisation__kind=OrganisationKind.TRADE_ASSOCIATION
    ).aggregate(n=Count("organisation", distinct=True))["n"]
    return Summary(
        years=[
            YearRow(
                year=y.number,
                contacted=row[f"c{y.number}"],
                elaborated=row[f"e{y.number}"],
                signed=row[f"s{y.number}"],
                abandoned=row[f"a{y.number}"],
                workers=row[f"w{y.number}"] or 0,
                delegates=delegates[f"d{y.number}"] or 0,
            )
            for y in years
        ],
        stages=[(value, label, row[f"stage_{value}"]) for value, label in PactStage.choices],
        companies=row["companies"],
        associations=associations,
        committed=as_money(row["committed_c"]) + as_money(row["committed_d"]),
        paid=as_money(paid),
    )
