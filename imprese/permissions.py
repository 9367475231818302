"""Who may read and write company pacts (ARCHITECTURE.md, "Who may do what").

Reading: the Direzione (every district) and the Ufficio di Piano and Coordinatore of the pact's district. Writing:
the Ufficio di Piano and the Coordinatore, on the pacts of their districts. Everyone else — Staff Fundraising,
Staff Amministrazione, Partner, a user with no role — sees nothing: lists and details answer 404 (fail closed).
"""

from __future__ import annotations

from django.db.models import Q

from governance.enums import Role
from governance.scoping import user_scope

WRITER_ROLES = frozenset({Role.UFFICIO_DI_PIANO, Role.COORDINATORE})


def reads_all_districts(user) -> bool:
    scope = user_scope(user)
    return scope.is_superuser or Role.DIREZIONE in scope.roles


def writable_district_ids(user) -> frozenset[int]:
    scope = user_scope(user)
    if scope.roles & WRITER_ROLES and scope.district_scoped:
        return scope.district_ids
    return frozenset()


def readable_district_ids(user) -> frozenset[int] | None:
    """None: every district. Otherwise the districts whose company pacts the user reads (possibly none)."""
    if reads_all_districts(user):
        return None
    return writable_district_ids(user)


def district_q(user, field: str = "district") -> Q | None:
    """The filter on a district field; None means no restriction, an empty-pk Q means nothing."""
    ids = readable_district_ids(user)
    if ids is None:
        return None
    return Q(**{f"{field}__in": ids}) if ids else Q(pk__in=[])


def can_read_imprese(user) -> bool:
    return readable_district_ids(user) != frozenset()


def can_create(user) -> bool:
    return bool(writable_district_ids(user))


def can_write_in(user, district_id: int | None) -> bool:
    return district_id is not None and district_id in writable_district_ids(user)
