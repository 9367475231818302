"""Who may read and write Action 2A records (ARCHITECTURE.md, "Who may do what"; issue 10).

Reading: the Direzione (every district), the Staff Fundraising (every district: it agrees each lab's fundraising
activities, seed 2243-2244) and the district staff — Ufficio di Piano and Coordinatore — of their own districts.
Staff Amministrazione, Partner and users with no role see no lab (empty list, 404 on details): fail closed.
Writing: the Ufficio di Piano and the Coordinatore write the labs of their districts (plan, meetings, assessments,
payments); the Staff Fundraising writes the labs' fundraising activities only. The annual restitution event is
programme-wide: any district staff writes it, everyone who reads labs reads it.
"""

from __future__ import annotations

from django.db.models import Q

from governance.enums import Role
from governance.scoping import user_scope

WRITER_ROLES = frozenset({Role.UFFICIO_DI_PIANO, Role.COORDINATORE})
ALL_DISTRICT_READERS = frozenset({Role.DIREZIONE, Role.FUNDRAISING})


def readable_district_ids(user) -> frozenset[int] | None:
    """None: every district. Otherwise the districts whose labs the user reads (possibly none)."""
    scope = user_scope(user)
    if scope.is_superuser or scope.roles & ALL_DISTRICT_READERS:
        return None
    if scope.roles & WRITER_ROLES and scope.district_scoped:
        return scope.district_ids
    return frozenset()


def district_q(user, field: str = "district") -> Q | None:
    """The filter for records bound to a district; None means no restriction, an empty-pk Q means nothing."""
    ids = readable_district_ids(user)
    if ids is None:
        return None
    return Q(**{f"{field}__in": ids}) if ids else Q(pk__in=[])


def can_read_labs(user) -> bool:
    return readable_district_ids(user) != frozenset()


def writable_district_ids(user) -> frozenset[int]:
    scope = user_scope(user)
    if scope.roles & WRITER_ROLES and scope.district_scoped:
        return scope.district_ids
    return frozenset()


def can_write_lab(user, district_id: int | None) -> bool:
    """District staff write the labs of their districts (plan, meetings, assessments, payments)."""
    return district_id is not None and district_id in writable_district_ids(user)


def can_create_lab(user) -> bool:
    return bool(writable_district_ids(user))


def can_write_fundraising(user) -> bool:
    """Only the Staff Fundraising records the fundraising activities agreed with a lab."""
    return Role.FUNDRAISING in user_scope(user).roles


def can_write_restitution(user) -> bool:
    return bool(writable_district_ids(user))
