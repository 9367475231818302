"""Who may read and write Action 3 records (ARCHITECTURE.md, "Who may do what").

Reading: the Direzione (every district) and the district staff — Ufficio di Piano and Coordinatore — of their own
districts. Staff Fundraising, Staff Amministrazione and Partner see no civic center (lists are empty, details answer
404); they meet Action 3 only as aggregates in the dashboard. Writing: the Ufficio di Piano and the Coordinatore, on
the civic centers of their districts (the Direzione reads and is refused writes with 403).
"""

from __future__ import annotations

from django.db.models import Q

from governance.enums import Role
from governance.scoping import user_scope

WRITER_ROLES = frozenset({Role.UFFICIO_DI_PIANO, Role.COORDINATORE})


def readable_district_ids(user) -> frozenset[int] | None:
    """None: every district. Otherwise the districts whose civic centers the user reads (possibly none)."""
    scope = user_scope(user)
    if scope.is_superuser or Role.DIREZIONE in scope.roles:
        return None
    return writable_district_ids(user)


def district_q(user, field: str = "district") -> Q | None:
    """The filter for records bound to a district; None means no restriction, an empty-pk Q means nothing."""
    ids = readable_district_ids(user)
    if ids is None:
        return None
    return Q(**{f"{field}__in": ids}) if ids else Q(pk__in=[])


def can_read(user) -> bool:
    return readable_district_ids(user) != frozenset()


def writable_district_ids(user) -> frozenset[int]:
    scope = user_scope(user)
    if scope.roles & WRITER_ROLES and scope.district_scoped:
        return scope.district_ids
    return frozenset()


def can_write_in(user, district_id: int | None) -> bool:
    return district_id is not None and district_id in writable_district_ids(user)


def can_create(user) -> bool:
    return bool(writable_district_ids(user))
