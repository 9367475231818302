"""The civic-center panel of governance's dashboard registry: centers activated per district and year (the plan's
targets are shown by the results framework), weekly slots per time band and the paying demand (out of budget)."""

from __future__ import annotations

from governance.enums import Role
from governance.models import District
from governance.scoping import Scope, user_scope

from . import reports
from .models import CivicCenter, PayingDemand

AGGREGATE_READERS = frozenset({Role.DIREZIONE, Role.UFFICIO_DI_PIANO, Role.COORDINATORE, Role.FUNDRAISING,
                               Role.AMMINISTRAZIONE})  # fmt: skip


def panel_visible(scope: Scope) -> bool:
    """Programme-wide roles read the aggregates of every district; district staff those of their districts."""
    return scope.is_superuser or bool(scope.roles & AGGREGATE_READERS) and not scope.is_empty


def panel_context(*, request, reference) -> dict:
    scope = user_scope(request.user)
    user = request.user
    if scope.programme_wide:
        centers, demand = CivicCenter.objects.all(), PayingDemand.objects.all()
    else:
        centers, demand = CivicCenter.objects.visible_to(user), PayingDemand.objects.visible_to(user)
    return {
        "activated": reports.activated_per_district_and_year(centers, District.objects.visible_to(user)),
        "bands": reports.activities_per_band(centers),
        "demand": reports.paying_demand_totals(demand),
        "can_open": scope.has_role(Role.DIREZIONE, Role.UFFICIO_DI_PIANO, Role.COORDINATORE),
    }
