"""Numbers of Action 1 for the dashboards and the monitoring report: plain functions returning rows.

Every function takes the querysets to count (already scoped by the caller with `visible_to(user)`, or the whole
programme for aggregate-only readers) and returns plain dataclasses; no identity ever appears in a row.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Avg, Count, F, Q

from governance.models import District, ProjectYear
from governance.money import as_money as money
from governance.money import money_sum
from governance.results.selectors import TargetKey, TargetValue, targets_for

from .enums import SUPPORTED_IDEA_STATUSES, VALIDATED_IDEA_STATUSES, PattoKind, PattoStatus
from .models import ASSESSMENT_DIMENSIONS, BusinessIdea, Disbursement, EmpowermentPath, Patto

# The targets of Action 1 (284 pacts = 32 / 134 / 118, 3 empowerment paths, 8-10 business ideas a year, ...) live in
# governance's results framework with their seed citations: read them with `targets_for(code)`.


@dataclass
class YearRow:
    year: int
    target: TargetValue | None
    signed: int
    by_kind: dict[str, int] = field(default_factory=dict)
    by_district: dict[str, int] = field(default_factory=dict)

    @property
    def share(self) -> Decimal | None:
        if not self.target or not self.target.value:
            return None
        return (Decimal(self.signed) * 100 / self.target.value).quantize(Decimal("0.1"))


def patti_signed_per_year(patti=None, *, targets: dict[TargetKey, TargetValue] | None = None) -> list[YearRow]:
    """Pacts signed in each project year against the targets in force (A1_PATTI), split by kind and by district."""
    patti = Patto.objects.all() if patti is None else patti
    targets = targets_for("A1_PATTI") if targets is None else targets
    counts = (
        patti.signed()
        .filter(project_year__isnull=False)
        .values("project_year__number", "kind", "district__name")
        .annotate(n=Count("pk"))
        .order_by()
    )
    rows = {
        y: YearRow(year=y, target=targets.get((y, None)), signed=0)
        for y in (year.number for year in ProjectYear.objects.in_order())
    }
    for c in counts:
        row = rows.setdefault(c["project_year__number"], YearRow(year=c["project_year__number"], target=None, signed=0))
        row.signed += c["n"]
        kind = PattoKind(c["kind"]).label
        row.by_kind[kind] = row.by_kind.get(kind, 0) + c["n"]
        row.by_district[c["district__name"]] = row.by_district.get(c["district__name"], 0) + c["n"]
    return [rows[y] for y in sorted(rows)]


@dataclass
class DistrictRow:
    district: str
    signed: int
    active: int
    autonomia: int
    inclusione: int
    budget_committed: Decimal
    disbursed: Decimal


def patti_by_district(patti=None) -> list[DistrictRow]:
    """Per district: signed and active pacts, by kind, budget committed and disbursed (two queries)."""
    patti = Patto.objects.all() if patti is None else patti
    signed = patti.signed()
    rows = {
        r["district__name"]: r
        for r in signed.values("district__name")
        .annotate(
            signed=Count("pk"),
            active=Count("pk", filter=Q(status=PattoStatus.ATTIVO)),
            autonomia=Count("pk", filter=Q(kind=PattoKind.AUTONOMIA)),
            inclusione=Count("pk", filter=Q(kind=PattoKind.INCLUSIONE)),
            committed=money_sum(F("budget_cariplo") + F("budget_cofinancing")),
        )
        .order_by()
    }
    disbursed = dict(
        Disbursement.objects.active()
        .filter(patto__in=signed)
        .values_list("patto__district__name")
        .annotate(total=money_sum("amount"))
        .order_by()
    )
    return [
        DistrictRow(
            district=name,
            signed=rows.get(name, {}).get("signed", 0),
            active=rows.get(name, {}).get("active", 0),
            autonomia=rows.get(name, {}).get("autonomia", 0),
            inclusione=rows.get(name, {}).get("inclusione", 0),
            budget_committed=money(rows.get(name, {}).get("committed")),
            disbursed=money(disbursed.get(name)),
        )
        for name in District.objects.order_by("name").values_list("name", flat=True)
    ]


def active_patti(patti=None) -> int:
    patti = Patto.objects.all() if patti is None else patti
    return patti.filter(status=PattoStatus.ATTIVO).count()


@dataclass
class BudgetTotals:
    committed: Decimal
    committed_cariplo: Decimal
    committed_cofinancing: Decimal
    disbursed: Decimal
    disbursed_cariplo: Decimal
    disbursed_cofinancing: Decimal

    @property
    def remaining(self) -> Decimal:
        return self.committed - self.disbursed


def personal_budgets(patti=None) -> BudgetTotals:
    """Personal welfare budgets committed by signed pacts and disbursed (not cancelled), by funding source."""
    patti = Patto.objects.all() if patti is None else patti
    signed = patti.signed()
    committed = signed.aggregate(cariplo=money_sum("budget_cariplo"), cofinancing=money_sum("budget_cofinancing"))
    paid = Disbursement.objects.active().filter(patto__in=patti)
    disbursed = paid.aggregate(
        total=money_sum("amount"),
        cariplo=money_sum("amount", filter=Q(funding_source="cariplo")),
        cofinancing=money_sum("amount", filter=Q(funding_source="cofinancing")),
    )
    return BudgetTotals(
        committed=money(committed["cariplo"]) + money(committed["cofinancing"]),
        committed_cariplo=money(committed["cariplo"]),
        committed_cofinancing=money(committed["cofinancing"]),
        disbursed=money(disbursed["total"]),
        disbursed_cariplo=money(disbursed["cariplo"]),
        disbursed_cofinancing=money(disbursed["cofinancing"]),
    )


@dataclass
class AssessmentChange:
    patti_assessed: int  # pacts with at least two assessments
    dynamism: Decimal | None
    resilience: Decimal | None
    incisiveness: Decimal | None
    planning: Decimal | None

    @property
    def overall(self) -> Decimal | None:
        values = [v for v in (self.dynamism, self.resilience, self.incisiveness, self.planning) if v is not None]
        return (sum(values) / len(values)).quantize(Decimal("0.01")) if values else None


def average_assessment_change(patti=None) -> AssessmentChange:
    """Average change between each pact's first and latest assessment, per dimension, over the pacts assessed at
    least twice (one query, on the summaries kept with the assessments: `AssessmentSummary`)."""
    patti = Patto.objects.all() if patti is None else patti
    result = patti.filter(assessment_summary__assessments__gte=2).aggregate(
        n=Count("pk"),
        **{dim: Avg(f"assessment_summary__{dim}_change") for dim in ASSESSMENT_DIMENSIONS},
    )

    def rounded(value):
        return None if value is None else Decimal(str(value)).quantize(Decimal("0.01"))

    return AssessmentChange(
        patti_assessed=result["n"],
        dynamism=rounded(result["dynamism"]),
        resilience=rounded(result["resilience"]),
        incisiveness=rounded(result["incisiveness"]),
        planning=rounded(result["planning"]),
    )


@dataclass
class TargetRow:
    year: int | None  # None: the whole triennium
    target: TargetValue | None
    actual: int
    extra: int = 0  # e.g. business plans validated


def empowerment_paths_per_year(paths=None, *, targets: dict[TargetKey, TargetValue] | None = None) -> list[TargetRow]:
    """Empowerment paths started in each project year, and over the triennium against its target (3 since June
    2016, with no year named)."""
    paths = EmpowermentPath.objects.all() if paths is None else paths
    targets = targets_for("A1_EMPOWERMENT") if targets is None else targets
    years = ProjectYear.objects.in_order()
    counts = paths.aggregate(
        **{f"y{y.number}": Count("pk", filter=Q(start_on__gte=y.start, start_on__lte=y.end)) for y in years}
    )
    rows = [
        TargetRow(year=y.number, target=targets.get((y.number, None)), actual=counts[f"y{y.number}"]) for y in years
    ]
    rows.append(TargetRow(year=None, target=targets.get((None, None)), actual=sum(r.actual for r in rows)))
    return rows


def ideas_per_year(ideas=None, *, targets: dict[TargetKey, TargetValue] | None = None) -> list[TargetRow]:
    """Business ideas supported (selected or beyond) per call year against 8-10, with business plans validated."""
    ideas = BusinessIdea.objects.all() if ideas is None else ideas
    targets = targets_for("A1_IDEE") if targets is None else targets
    counts = {
        r["call__project_year__number"]: r
        for r in ideas.values("call__project_year__number")
        .annotate(
            supported=Count("pk", filter=Q(status__in=SUPPORTED_IDEA_STATUSES)),
            validated=Count("pk", filter=Q(status__in=VALIDATED_IDEA_STATUSES)),
        )
        .order_by()
    }
    return [
        TargetRow(
            year=number,
            target=targets.get((number, None)),
            actual=counts.get(number, {}).get("supported", 0),
            extra=counts.get(number, {}).get("validated", 0),
        )
        for number in (year.number for year in ProjectYear.objects.in_order())
    ]


def reach(*, user, year: int | None = None, district_id: int | None = None) -> dict | None:
    """Reach of Action 1 for the monitoring report: households with a pact signed (each household code once) and
    their members; None when the user reads no Action 1 aggregate (governance.monitoring.reach)."""
    from .indicators import households_reached, people_reached  # indicators → dashboard → reports

    households = households_reached(user=user, year=year, district_id=district_id)
    if households is None:
        return None
    return {"households": households, "people": people_reached(user=user, year=year, district_id=district_id)}
