"""The Action 2/B panel of governance's dashboard registry: figures from imprese/reports.py, scoped to the user."""

from __future__ import annotations

from . import reports


def panel_context(*, request, reference) -> dict:
    user = request.user
    years = reports.pacts_per_year(user=user)
    return {
        "years": years,
        "stages": reports.pacts_by_stage(user=user),
        "budget": reports.budget_summary(user=user),
        "signed_total": sum(y.signed for y in years),
        "companies_total": reports.companies_approached(user=user, year=None, district_id=None),
        "associations_total": reports.trade_associations(user=user, year=None, district_id=None),
    }
