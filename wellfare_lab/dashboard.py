"""The Wel(l)FARE LAB panel of governance's dashboard registry (aggregates only, never names)."""

from __future__ import annotations

from governance.enums import Role
from governance.scoping import Scope, user_scope

from . import reports

AGGREGATE_READERS = frozenset({Role.DIREZIONE, Role.UFFICIO_DI_PIANO, Role.COORDINATORE, Role.FUNDRAISING,
                               Role.AMMINISTRAZIONE})  # fmt: skip


def panel_visible(scope: Scope) -> bool:
    return scope.is_superuser or bool(scope.roles & AGGREGATE_READERS) and not scope.is_empty


def panel_context(*, request, reference) -> dict:
    scope = user_scope(request.user)
    return {
        **reports.panel_rows(request.user),
        "can_open": scope.has_role(Role.DIREZIONE, Role.UFFICIO_DI_PIANO, Role.COORDINATORE),
    }
