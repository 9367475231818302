"""Who may read and write Action 1 records (ARCHITECTURE.md, "Who may do what").

Reading: the Direzione (every district, never identities) and the district staff — Ufficio di Piano and
Coordinatore — of their own districts. Staff Fundraising, Staff Amministrazione and Partner see no pact, household or
placement (their lists are empty, details answer 404); they meet Action 1 only as aggregates in the dashboards.
Writing: the Ufficio di Piano and the Coordinatore, on the records of their districts; calls for business ideas are
programme-level and written by the Direzione. Identity: `Scope.sees_identity_in(district_id)`.
"""

from __future__ import annotations

from django.db.models import Q

from governance.enums import Role
from governance.scoping import user_scope

READER_ROLES = frozenset({Role.DIREZIONE, Role.UFFICIO_DI_PIANO, Role.COORDINATORE})
WRITER_ROLES = frozenset({Role.UFFICIO_DI_PIANO, Role.COORDINATORE})


def reads_all_districts(user) -> bool:
    scope = user_scope(user)
    return scope.is_superuser or Role.DIREZIONE in scope.roles


def readable_district_ids(user) -> frozenset[int] | None:
    """None: every district. Otherwise the districts whose Action 1 records the user reads (possibly none)."""
    scope = user_scope(user)
    if reads_all_districts(user):
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


def can_read_patti(user) -> bool:
    return readable_district_ids(user) != frozenset()


def writable_district_ids(user) -> frozenset[int]:
    scope = user_scope(user)
    if scope.roles & WRITER_ROLES and scope.district_scoped:
        return scope.district_ids
    return frozenset()


def can_write_in(user, district_id: int | None) -> bool:
    """District staff write the Action 1 records of their districts (provincial records: any district staff)."""
    ids = writable_district_ids(user)
    if district_id is None:
        return bool(ids)
    return district_id in ids


def can_create(user) -> bool:
    return bool(writable_district_ids(user))


def sees_identity(user, district_id: int | None) -> bool:
    return user_scope(user).sees_identity_in(district_id)


def can_manage_calls(user) -> bool:
    scope = user_scope(user)
    return Role.DIREZIONE in scope.roles


def can_read_access_log(user) -> bool:
    scope = user_scope(user)
    return Role.DIREZIONE in scope.roles


def can_edit_idea(user, idea) -> bool:
    """A business idea: the district staff of its district (provincial ideas: any district staff) or the Direzione."""
    return can_write_in(user, idea.district_id) or can_manage_calls(user)


def can_create_idea(user) -> bool:
    return can_create(user) or can_manage_calls(user)


def can_write_record(user, obj) -> bool:
    """Who may save one of the smaller records of Action 1 (new or existing), wherever it is saved from."""
    from .models import BusinessIdea, IdeaCall, Placement

    if isinstance(obj, IdeaCall):
        return can_manage_calls(user)
    if isinstance(obj, BusinessIdea):
        return can_edit_idea(user, obj)
    if isinstance(obj, Placement):
        return obj.patto_id is not None and can_write_in(user, obj.patto.district_id)
    return can_write_in(user, obj.district_id)  # empowerment paths, host organisations


def has_worklist(user) -> bool:
    """The "Da fare" worklist is for the case staff: the Ufficio di Piano and Coordinatore of a district."""
    return bool(writable_district_ids(user))
