"""The Action 2A panel of governance's dashboard registry: labs activated per district and project year, with the
participants, budget committed and paid. Targets are the results framework's; the panel shows actuals only."""

from __future__ import annotations

from decimal import Decimal

from governance.dashboard import Alert, AlertItem
from governance.enums import Role
from governance.models import District
from governance.scoping import user_scope

from . import permissions, reports
from .enums import LabStatus
from .models import Laboratorio

AGGREGATE_READERS = frozenset({Role.DIREZIONE, Role.UFFICIO_DI_PIANO, Role.COORDINATORE, Role.FUNDRAISING,
                               Role.AMMINISTRAZIONE})  # fmt: skip


def panel_visible(user) -> bool:
    """Programme-wide roles read every district's aggregates, district staff those of their districts."""
    scope = user_scope(user)
    return scope.is_superuser or bool(scope.roles & AGGREGATE_READERS) and not scope.is_empty


def panel_context(*, request, reference) -> dict:
    user = request.user
    scope = user_scope(user)
    if scope.programme_wide:
        labs, districts = Laboratorio.objects.all(), District.objects.all()
    else:
        labs, districts = Laboratorio.objects.visible_to(user), District.objects.visible_to(user)
    years, rows, totals = reports.activated_by_district_and_year(labs=labs, districts=districts)
    return {
        "years": years,
        "rows": rows,
        "totals": totals,
        "total": sum(totals.values()),
        "budget": sum((r.budget for r in rows), Decimal("0.00")),
        "paid": sum((r.paid for r in rows), Decimal("0.00")),
        "can_open": permissions.can_read_labs(user),
    }


ALERT_ITEMS = 5


def lab_alerts(*, user, reference, year, district_id) -> list:
    """The dashboard's alert (governance.dashboard.register_alert): labs under way (not closed) whose operational plan
    (piano operativo) has no action yet. Two queries at most: the count, then the first few labs."""
    labs = Laboratorio.objects.all() if user_scope(user).programme_wide else Laboratorio.objects.visible_to(user)
    if district_id is not None:
        labs = labs.filter(district_id=district_id)
    missing = labs.exclude(status=LabStatus.CLOSED).filter(plan__isnull=True).select_related("district")
    count = missing.count()  # always counted, so the page's queries do not depend on how many labs lack a plan
    first = list(missing.order_by("activation_year_number", "name")[:ALERT_ITEMS]) if count else []
    items = tuple(
        AlertItem(label=lab.name, url=lab.get_absolute_url(), note=lab.district.name) for lab in first[:ALERT_ITEMS]
    )
    text = f"{count} {'laboratorio' if count == 1 else 'laboratori'} in corso senza piano operativo"
    return [Alert(key="labs-no-plan", text=text, count=count, items=items)]
