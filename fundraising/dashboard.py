"""The fundraising panel of governance's dashboard: totals only (no donor), for the roles that read aggregates."""

from __future__ import annotations

from . import permissions, reports


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
