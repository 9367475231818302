"""The numbers of Action 5 as plain rows: the reports page, its XLSX/CSV, the dashboard panel and the indicator.

Every figure is an aggregate (no donor's name or contact): the Direzione and the Staff Amministrazione read them.
Money sums are SQL; the per-year roll-up of the few hundred donor × year sums SQL returns is done here.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Case, Count, F, IntegerField, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.urls import reverse

from governance.models import ProjectYear
from governance.money import MONEY, ZERO, as_money, money_sum

from . import permissions
from .enums import CampaignChannel, GiftKind, Market
from .models import Campaign, Designation, Donation, Event, Pledge, roi

INDICATOR_CODE = "A5_RACCOLTA"


def raised_targets() -> dict[int, Decimal]:
    """Targets in force of euros raised per project year, from the results framework (governance keeps them; this
    app keeps no target number)."""
    from governance.results.selectors import targets_for

    return {
        year: target.value
        for (year, district_id), target in targets_for(INDICATOR_CODE).items()
        if year is not None and district_id is None
    }


def year_case(field: str = "date"):
    """The project-year number of a date, in SQL (0: outside the programme)."""
    whens = [
        When(**{f"{field}__gte": y.start, f"{field}__lte": y.end}, then=Value(y.number))
        for y in ProjectYear.objects.in_order()
    ]
    return Case(*whens, default=Value(0), output_field=IntegerField())


@dataclass
class YearRow:
    year: int
    label: str
    raised: Decimal
    in_kind: Decimal
    gifts: int
    donors: int
    target: Decimal | None = None

    @property
    def share(self) -> Decimal | None:
        if not self.target:
            return None
        return (self.raised / self.target * 100).quantize(Decimal("0.1"))


def raised_per_year() -> list[YearRow]:
    """Money raised (and in-kind value, apart) per project year, against the results framework's target."""
    sums = {
        row["y"]: row
        for row in Donation.objects.annotate(y=year_case())
        .values("y")
        .annotate(
            raised=money_sum("amount", filter=Q(gift_kind=GiftKind.MONEY)),
            in_kind=money_sum("amount", filter=Q(gift_kind=GiftKind.IN_KIND)),
            gifts=Count("pk", filter=Q(gift_kind=GiftKind.MONEY)),
            donors=Count("donor", distinct=True),
        )
        .order_by()
    }
    targets = raised_targets()
    rows = []
    for year in ProjectYear.objects.in_order():
        row = sums.get(year.number, {})
        rows.append(
            YearRow(
                year=year.number,
                label=year.label,
                raised=as_money(row.get("raised")),
                in_kind=as_money(row.get("in_kind")),
                gifts=row.get("gifts") or 0,
                donors=row.get("donors") or 0,
                target=targets.get(year.number),
            )
        )
    return rows


@dataclass
class RoiRow:
    label: str
    raised: Decimal
    costs: Decimal
    gifts: int = 0
    extra: dict = field(default_factory=dict)

    @property
    def net(self) -> Decimal:
        return self.raised - self.costs

    @property
    def roi(self) -> Decimal | None:
        return roi(self.raised, self.costs)


def campaigns_with_money(queryset=None):
    """Campaigns annotated with `raised` (money gifts, events' gifts included) and `event_costs`, in SQL."""
    queryset = Campaign.objects.all() if queryset is None else queryset
    raised = Donation.objects.filter(campaign=OuterRef("pk"), gift_kind=GiftKind.MONEY)
    return queryset.annotate(
        raised=_subquery_sum(raised, "amount"),
        event_costs=_subquery_sum(Event.objects.filter(campaign=OuterRef("pk")), "costs"),
        gifts=_subquery_count(raised),
    )


def events_with_money(queryset=None):
    queryset = Event.objects.all() if queryset is None else queryset
    raised = Donation.objects.filter(event=OuterRef("pk"), gift_kind=GiftKind.MONEY)
    return queryset.annotate(raised=_subquery_sum(raised, "amount"), gifts=_subquery_count(raised))


def _subquery_sum(queryset, field_name):
    inner = (
        queryset.order_by()
        .annotate(_one=Value(1))
        .values("_one")
        .annotate(total=money_sum(field_name))
        .values("total")[:1]
    )
    return Coalesce(Subquery(inner, output_field=MONEY), Value(ZERO), output_field=MONEY)


def _subquery_count(queryset):
    inner = queryset.order_by().annotate(_one=Value(1)).values("_one").annotate(n=Count("pk")).values("n")[:1]
    return Coalesce(Subquery(inner, output_field=IntegerField()), Value(0))


def _campaign_rows(group_by: str, choices) -> list[RoiRow]:
    totals: dict[str, RoiRow] = {}
    for campaign in campaigns_with_money().values(group_by, "raised", "costs", "event_costs", "gifts"):
        key = campaign[group_by]
        row = totals.setdefault(key, RoiRow(label=str(dict(choices).get(key, key)), raised=ZERO, costs=ZERO))
        row.raised += as_money(campaign["raised"])
        row.costs += as_money(campaign["costs"]) + as_money(campaign["event_costs"])
        row.gifts += campaign["gifts"]
    return [totals[key] for key, _ in choices if key in totals]


def by_market() -> list[RoiRow]:
    """Raised, costs (the campaigns' and their events') and ROI per market."""
    return _campaign_rows("market", Market.choices)


def by_channel() -> list[RoiRow]:
    return _campaign_rows("channel", CampaignChannel.choices)


def by_campaign() -> list[RoiRow]:
    rows = []
    for c in campaigns_with_money().order_by("start", "name"):
        rows.append(
            RoiRow(
                label=c.name,
                raised=as_money(c.raised),
                costs=as_money(c.costs) + as_money(c.event_costs),
                gifts=c.gifts,
                extra={"market": c.get_market_display(), "channel": c.get_channel_display(), "goal": c.goal},
            )
        )
    return rows


def by_event() -> list[RoiRow]:
    rows = []
    for e in events_with_money().order_by("date", "name"):
        rows.append(
            RoiRow(
                label=f"{e.name} – {e.get_place_display()} ({e.date:%d/%m/%Y})",
                raised=as_money(e.raised),
                costs=as_money(e.costs),
                gifts=e.gifts,
                extra={"attendees": e.attendees},
            )
        )
    return rows


@dataclass
class RetentionRow:
    year: int
    donors: int
    new: int
    retained: int
    reactivated: int
    lapsed: int
    upgraded: int

    @property
    def retention(self) -> Decimal | None:
        previous = self.retained + self.lapsed
        return (Decimal(self.retained) / previous * 100).quantize(Decimal("0.1")) if previous else None


def donor_retention() -> list[RetentionRow]:
    """Per project year: donors giving, new (first gift ever), retained (gave the year before too), reactivated,
    lapsed (gave the year before, not this one) and upgraded (retained and gave more than the year before)."""
    totals: dict[int, dict[int, Decimal]] = defaultdict(dict)
    rows = (
        Donation.objects.money()
        .filter(donor__isnull=False)
        .annotate(y=year_case())
        .filter(y__gt=0)
        .values("donor", "y")
        .annotate(total=money_sum("amount"))
        .order_by()
    )
    for row in rows:
        totals[row["y"]][row["donor"]] = as_money(row["total"])
    result, seen = [], set()
    years = [year.number for year in ProjectYear.objects.in_order()]
    for number in years:
        current, previous = totals.get(number, {}), totals.get(number - 1, {})
        givers = set(current)
        retained = givers & set(previous)
        result.append(
            RetentionRow(
                year=number,
                donors=len(givers),
                new=len(givers - seen),
                retained=len(retained),
                reactivated=len((givers & seen) - set(previous)),
                lapsed=len(set(previous) - givers),
                upgraded=sum(1 for d in retained if current[d] > previous[d]),
            )
        )
        seen |= givers
    return result


def restricted_balances():
    """Each designation of the fund with received, transferred and available (SQL)."""
    return list(Designation.objects.with_balances().for_display())


@dataclass
class PledgeTotals:
    count: int
    promised: Decimal
    paid: Decimal

    @property
    def outstanding(self) -> Decimal:
        return self.promised - self.paid


def pledges_outstanding() -> PledgeTotals:
    promised = Pledge.objects.aggregate(n=Count("pk"), total=money_sum("amount"))
    paid = Donation.objects.filter(pledge__isnull=False).aggregate(total=money_sum("amount"))["total"]
    return PledgeTotals(count=promised["n"], promised=as_money(promised["total"]), paid=as_money(paid))


def pledges_with_paid(queryset=None):
    queryset = Pledge.objects.all() if queryset is None else queryset
    return queryset.annotate(paid_sum=_subquery_sum(Donation.objects.filter(pledge=OuterRef("pk")), "amount")).annotate(
        outstanding_sum=F("amount") - F("paid_sum")
    )


# --- The results framework's indicator ------------------------------------------------------------------------


def raised_indicator(*, user, year: int | None, district_id: int | None):
    """A5_RACCOLTA: euros raised in money gifts (in-kind apart) in the project year (None: the triennium); with a
    district, the gifts of donors of that territory. None for users who may not read the fundraising totals."""
    if not permissions.reads_aggregates(user):
        return None
    gifts = Donation.objects.money()
    if year is not None:
        project_year = ProjectYear.objects.numbered(year)
        if project_year is None:
            return None
        gifts = gifts.in_year(project_year)
    if district_id is not None:
        gifts = gifts.filter(donor__district_id=district_id)
    return as_money(gifts.aggregate(total=money_sum("amount"))["total"])


def raised_indicator_link(*, year, district_id) -> str:
    return reverse("fundraising:reports")
