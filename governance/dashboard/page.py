"""The dashboard page, assembled: filters, action cards, budget burn, cadence per body, alerts.

Everything is scoped to the user (`visible_to`, `user_scope`) and narrowed by the filters. The number of queries is
fixed by the registries (indicators on the cards, alert sources), never by the data size; see
tests/governance/test_dashboard_page.py for the bound.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Q, Window
from django.urls import reverse

from ..models import Decision, GovernanceBody
from ..selectors import CadenceCell, cadence_compliance
from .alerts import Alert, AlertItem, Severity, alerts_for
from .burn import Burn, budget_alerts, budget_burn
from .cards import Card, action_cards
from .filters import DashboardFilters

OVERDUE_ITEMS = 5


@dataclass
class CadenceLine:
    body: GovernanceBody
    cell: CadenceCell | None

    @property
    def status(self) -> str:
        if self.cell is None or self.cell.expected is None:
            return "anno non iniziato"
        return "in ritardo" if self.cell.behind else "in linea"


@dataclass
class Dashboard:
    filters: DashboardFilters
    cards: list[Card]
    burn: Burn | None
    cadence: list[CadenceLine]
    alerts: list[Alert]


def _cadence(*, user, filters: DashboardFilters, reference: dt.date) -> list[CadenceLine]:
    bodies = GovernanceBody.objects.visible_to(user)
    if filters.district is not None:
        bodies = bodies.filter(Q(district__isnull=True) | Q(district=filters.district))
    lines = []
    for row in cadence_compliance(bodies=bodies.order_by("order", "name"), reference=reference, years=filters.years):
        cell = next((c for c in row.cells if filters.year and c.year.pk == filters.year.pk), None)
        lines.append(CadenceLine(body=row.body, cell=cell))
    return lines


def _governance_alerts(*, user, filters: DashboardFilters, cadence: list[CadenceLine], reference) -> list[Alert]:
    alerts = []
    behind = [line for line in cadence if line.cell is not None and line.cell.behind]
    if behind:
        alerts.append(
            Alert(
                key="cadence",
                text=(
                    f"{len(behind)} {'organismo' if len(behind) == 1 else 'organismi'} in ritardo sul calendario "
                    f"delle riunioni (anno {filters.year_number})"
                ),
                count=len(behind),
                link=reverse("governance:body_list"),
                items=tuple(
                    AlertItem(
                        label=line.body.name,
                        url=line.body.get_absolute_url(),
                        note=f"{line.cell.held} riunioni su {str(line.cell.expected).replace('.', ',')} attese a oggi",
                    )
                    for line in behind[:OVERDUE_ITEMS]
                ),
                severity=Severity.DANGER,
            )
        )
    decisions = Decision.objects.visible_to(user).overdue(reference)
    if filters.district is not None:
        decisions = decisions.filter(
            Q(meeting__body__district__isnull=True) | Q(meeting__body__district=filters.district)
        )
    # The first few with the total beside each row (a window count): one query however many there are.
    overdue = list(
        decisions.select_related("meeting__body")
        .annotate(total=Window(Count("pk")))
        .order_by("due_date", "pk")[:OVERDUE_ITEMS]
    )
    if overdue:
        count = overdue[0].total
        alerts.append(
            Alert(
                key="decisions",
                text=(
                    f"{count} decisione scaduta e ancora aperta"
                    if count == 1
                    else f"{count} decisioni scadute e ancora aperte"
                ),
                count=count,
                link=reverse("governance:decision_list") + "?status=open",
                items=tuple(
                    AlertItem(
                        label=d.text[:90],
                        url=d.get_absolute_url(),
                        note=f"{d.meeting.body.name} · scadenza {d.due_date:%d/%m/%Y}",
                    )
                    for d in overdue[:OVERDUE_ITEMS]
                ),
            )
        )
    return alerts


def dashboard_for(*, user, filters: DashboardFilters, reference: dt.date, read_budget: bool) -> Dashboard:
    """The dashboard of `user` at `reference` for the chosen year and district."""
    year_number, district_id = filters.year_number, filters.district_id
    cards = action_cards(
        user=user, year=year_number, district_id=district_id, own_districts_only=filters.own_districts_only
    )
    burn = None
    alerts: list[Alert] = []
    cadence = _cadence(user=user, filters=filters, reference=reference)
    alerts += _governance_alerts(user=user, filters=filters, cadence=cadence, reference=reference)
    if read_budget:
        burn = budget_burn(user=user, year=filters.year, district_id=district_id, districts=filters.districts)
        alerts += budget_alerts(user=user, reference=reference, year=filters.year, district_id=district_id)
    alerts += alerts_for(user=user, reference=reference, year=year_number, district_id=district_id)
    return Dashboard(filters=filters, cards=cards, burn=burn, cadence=cadence, alerts=alerts)
