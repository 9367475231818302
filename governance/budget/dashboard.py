"""The budget panel of the programme dashboard (registered in `GovernanceConfig.ready()`)."""

from ..dashboard import Panel
from .permissions import can_approve_expenses, can_read_budget
from .reports import budget_report


def budget_panel_context(*, request, reference) -> dict:
    report = budget_report(user=request.user, filters={})
    return {"report": report, "can_approve": can_approve_expenses(request.user)}


BUDGET_PANEL = Panel(
    key="budget",
    title="Budget: previsto e consuntivo del piano attivo",
    template="governance/budget/_dashboard_panel.html",
    context=budget_panel_context,
    visible=can_read_budget,
    order=20,
)
