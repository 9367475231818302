"""The fundraising panel of governance's dashboard: totals only (no donor), for the roles that read aggregates."""

from __future__ import annotations

from django.db.models import Q
from django.urls import reverse

from governance.dashboard import Alert, AlertItem
from governance.models import ProjectYear
from governance.money import as_money, format_eur, money_sum

from . import permissions, reports
from .enums import DesignationKind
from .models import Designation, Donation, Transfer


def _sums(rows) -> dict:
    """{designation pk: sum of `amount`} of `rows` (gifts or transfers), grouped in SQL."""
    grouped = rows.order_by().values("designation").annotate(total=money_sum("amount"))
    return {row["designation"]: as_money(row["total"]) for row in grouped}


def panel_visible(user) -> bool:
    return permissions.reads_aggregates(user)


def panel_context(*, request, reference) -> dict:
    years = reports.raised_per_year()
    balances = reports.restricted_balances()
    return {
        "years": years,
        "has_targets": any(y.target for y in years),
        "total": sum((y.raised for y in years), reports.ZERO),
        "available": sum((b.available for b in balances), reports.ZERO),
        "restricted": sum((b.available for b in balances if b.is_restricted), reports.ZERO),
        "pledges": reports.pledges_outstanding(),
        "can_open": permissions.reads_aggregates(request.user),
    }


def restricted_alerts(*, user, reference, year, district_id) -> list[Alert]:
    """The dashboard's alert (governance.dashboard.register_alert): restricted gifts (a territorial sub-fund, one
    action) received and not yet transferred to the holders of the actions. One query."""
    restricted = Designation.objects.exclude(kind=DesignationKind.UNRESTRICTED)
    if district_id is not None:
        restricted = restricted.filter(district_id=district_id)
    # Two grouped sums instead of `with_balances()`'s subquery per designation (a designation per lab, company pact
    # and civic center: thousands at bench scale), then the designations still holding money.
    received = _sums(Donation.objects.money().filter(designation__in=restricted))
    transferred = _sums(Transfer.objects.filter(designation__in=restricted))
    available = {pk: amount - transferred.get(pk, reports.ZERO) for pk, amount in received.items()}
    available = {pk: amount for pk, amount in available.items() if amount > 0}
    waiting = Designation.objects.filter(pk__in=available).for_display()
    total = sum(available.values(), reports.ZERO)
    text = f"{len(available)} fondi vincolati con {format_eur(total)} ricevuti e non ancora trasferiti"
    items = tuple(AlertItem(label=str(d), note=f"da trasferire {format_eur(available[d.pk])}") for d in waiting)
    return [
        Alert(key="restricted-gifts", text=text, count=len(available), link=reverse("fundraising:fund"), items=items)
    ]


def raised_periods(*, user, years, district_id) -> dict:
    """A5_RACCOLTA for several periods at once (`ComputedIndicator.compute_many`): euros raised in money gifts in
    each project year of `years` (None: the triennium), as `reports.raised_indicator` counts them. Two queries."""
    if not permissions.reads_aggregates(user):
        return dict.fromkeys(years)
    bounds = {y.number: y for y in ProjectYear.objects.in_order() if y.number in years}
    gifts = Donation.objects.money()
    if district_id is not None:
        gifts = gifts.filter(donor__district_id=district_id)
    sums = {f"y{n}": money_sum("amount", filter=Q(date__gte=y.start, date__lte=y.end)) for n, y in bounds.items()}
    row = gifts.aggregate(total=money_sum("amount"), **sums)
    result = {}
    for number in years:
        if number is None:
            result[None] = as_money(row["total"])
        else:
            result[number] = as_money(row[f"y{number}"]) if number in bounds else None
    return result
