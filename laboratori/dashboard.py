"""The Action 2A panel of governance's dashboard registry: labs activated per district and project year, with the
participants, budget committed and paid. Targets are the results framework's; the panel shows actuals only."""

from __future__ import annotations

from decimal import Decimal

from governance.enums import Role
from governance.models import District
from governance.scoping import user_scope

from . import permissions, reports
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
