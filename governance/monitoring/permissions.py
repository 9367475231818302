"""Who reads and who writes the monitoring report (ARCHITECTURE.md, "Who may do what").

Reading the live report: the Direzione and Staff Amministrazione (the whole programme) and the Ufficio di Piano (its
districts' figures only: every table is computed within the user's scope). The report as sent (the frozen PDF,
XLSX and figures) is programme-wide: the Direzione and Staff Amministrazione read it. Writing the narrative and
submitting: the Direzione (the custom permission `governance.manage_monitoring_report`, given to its group through
governance.roles) and system administrators.
"""

from __future__ import annotations

from ..enums import Role
from ..scoping import user_scope

MANAGE_PERMISSION = "governance.manage_monitoring_report"


def can_read_monitoring(user) -> bool:
    scope = user_scope(user)
    return scope.has_role(Role.DIREZIONE, Role.AMMINISTRAZIONE) or (
        Role.UFFICIO_DI_PIANO in scope.roles and scope.district_scoped
    )


def can_read_sent(user) -> bool:
    """The frozen, programme-wide version as sent to the Cabina di Regia and Fondazione Cariplo."""
    return user_scope(user).has_role(Role.DIREZIONE, Role.AMMINISTRAZIONE)


def can_manage_monitoring(user) -> bool:
    scope = user_scope(user)
    return scope.is_superuser or (Role.DIREZIONE in scope.roles and user.has_perm(MANAGE_PERMISSION))
