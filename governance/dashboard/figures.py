"""The monitoring report's figures on the dashboard's pages: cost per result (governance/monitoring/costs.py) and
reach (governance/monitoring/reach.py), the same rows the report shows, never computed a second time here.

They cost a few dozen queries (one computation per indicator and area), more than the dashboard's budget of 40
(tests/governance/test_dashboard_page.py), so they are shown on "Dettaglio per azione" (`/cruscotto/azioni/`),
linked from the dashboard for the selected year and district.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse

from ..monitoring.costs import CostRow, cost_per_result
from ..monitoring.permissions import can_read_monitoring
from ..monitoring.reach import Reach, reach_rows
from .filters import DashboardFilters


@dataclass
class MonitoringFigures:
    year: int | None
    costs: list[CostRow]
    reach: Reach | None  # programme or the user's districts: reach is not narrowed by the district filter


def monitoring_report_url(*, user, year: int | None) -> str | None:
    """The monitoring report of `year` (None: cumulative), for the roles that may read it."""
    if not can_read_monitoring(user):
        return None
    url = reverse("governance:monitoring_report")
    return f"{url}?year={year}" if year else url


def monitoring_figures(*, user, filters: DashboardFilters) -> MonitoringFigures | None:
    """Cost per result and reach of the selected year (and district, for the costs), for monitoring readers."""
    if not can_read_monitoring(user):
        return None
    year = filters.year_number
    return MonitoringFigures(
        year=year,
        costs=cost_per_result(user=user, year=year, district_id=filters.district_id),
        reach=reach_rows(user=user, year=year),
    )
