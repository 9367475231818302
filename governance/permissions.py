"""What a role may do, beyond what it may see (ARCHITECTURE.md, "Access control").

Reading is decided by `visible_to(user)` (out of scope answers 404); these predicates decide writing on a record
already in scope (not allowed answers 403).
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied

from .enums import Role
from .scoping import user_scope


def can_manage_meetings_of(user, body) -> bool:
    """Direzione: every body. Ufficio di Piano: the bodies of its own district."""
    scope = user_scope(user)
    if scope.has_role(Role.DIREZIONE):
        return True
    if Role.UFFICIO_DI_PIANO in scope.roles and body.district_id is not None:
        return body.district_id in scope.district_ids
    return False


def can_create_meetings(user) -> bool:
    scope = user_scope(user)
    return scope.has_role(Role.DIREZIONE) or (Role.UFFICIO_DI_PIANO in scope.roles and scope.district_scoped)


def require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied("Il suo ruolo non consente questa operazione.")
