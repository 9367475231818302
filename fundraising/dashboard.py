"""The fundraising panel of governance's dashboard: totals only (no donor), for the roles that read aggregates."""

from __future__ import annotations

from django.db.models import Q
from django.urls import reverse

from governance.dashboard import Alert, AlertItem
from governance.models import ProjectYear
from governance.money import as_money, format_eur, money_sum

from . import permissions, reports
from .enums import DesignationKind
from .models import Designation, Donation


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
    designations = Designation.objects.with_balances().exclude(kind=DesignationKind.UNRESTRICTED)
    if district_id is not None:
        designations = designations.filter(district_id=district_id)
    waiting = [d for d in designations.select_related("district", "action") if d.available > 0]
    total = sum((d.available for d in waiting), reports.ZERO)
    text = f"{len(waiting)} fondi vincolati con {format_eur(total)} ricevuti e non ancora trasferiti"
    items = tuple(AlertItem(label=str(d), note=f"da trasferire {format_eur(d.available)}") for d in waiting)
    return [Alert(key="restricted-gifts", text=text, count=len(waiting), link=reverse("fundraising:fund"), items=items)]


def raised_periods(*, user, years, district_id) -> dict:
    """A5_RACCOLTA for several periods at once (`ComputedIndicator.compute_many`): euros raised in money gifts in
    each project year of `years` (None: the triennium), as `reports.raised_indicator` counts them. Two queries."""
    if not permissions.reads_aggregates(user):
        return dict.fromkeys(years)
    bounds = {y.number: y for y in ProjectYear.objects.filter(number__in=[n for n in years if n is not None])}
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
