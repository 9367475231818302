"""Who may read and write Action 4 records (ARCHITECTURE.md, "Who may do what").

Reading: the Direzione (everything) and the district staff — Ufficio di Piano and Coordinatore — for the training
labs of their districts and the provincial ones, and the Manifesto. Everyone else sees nothing (empty lists, 404).
Writing: the district staff write the territorial and district labs of their districts; the Direzione writes the
provincial labs and the Manifesto. Participants' names are personal data: only the writers of the lab and the
Direzione see them; the other readers see counts per category.
"""

from __future__ import annotations

from django.db.models import Q

from governance.enums import Role
from governance.scoping import user_scope

from .enums import LabLevel

WRITER_ROLES = frozenset({Role.UFFICIO_DI_PIANO, Role.COORDINATORE})


def is_direzione(user) -> bool:
    return Role.DIREZIONE in user_scope(user).roles


def reads_all(user) -> bool:
    return user_scope(user).is_superuser or is_direzione(user)


def writable_district_ids(user) -> frozenset[int]:
    scope = user_scope(user)
    if scope.roles & WRITER_ROLES and scope.district_scoped:
        return scope.district_ids
    return frozenset()


def can_read(user) -> bool:
    return reads_all(user) or bool(writable_district_ids(user))


def lab_q(user, prefix: str = "") -> Q | None:
    """None: every lab. District staff: their districts' labs and the provincial ones. Others: nothing."""
    if reads_all(user):
        return None
    ids = writable_district_ids(user)
    if not ids:
        return Q(pk__in=[])
    return Q(**{f"{prefix}district__in": ids}) | Q(**{f"{prefix}district__isnull": True})


def can_write_level(user, level: str, district_id: int | None) -> bool:
    """Provincial labs: the Direzione. Territorial and district labs: the district staff of that district."""
    if level == LabLevel.PROVINCIAL:
        return is_direzione(user)
    return district_id is not None and district_id in writable_district_ids(user)


def can_write_lab(user, lab) -> bool:
    return can_write_level(user, lab.level, lab.district_id)


def can_create(user) -> bool:
    return is_direzione(user) or bool(writable_district_ids(user))


def sees_names(user, lab) -> bool:
    """Participants' names: the writers of the lab and the Direzione."""
    return is_direzione(user) or can_write_lab(user, lab)


def can_write_manifesto(user) -> bool:
    return is_direzione(user)
