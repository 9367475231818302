"""Organisations written in the application by the roles that need them (ARCHITECTURE.md, role table).

- Staff Amministrazione: every organisation (administrative data: tax code, seat, legal representative).
- Ufficio di Piano: the organisations of its district(s): host schools, promoters, companies, associations.
- Staff Fundraising: the donors' organisations, i.e. organisations that are neither partners nor network members.
- System administrators: every organisation (also in the admin).

The programme's roster (partner, lead partner, network member) comes from the partnership agreement and the seed:
no form of the application changes it. Tax codes are checked by the model field's validator (check digit).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from .admin_site import is_system_admin
from .enums import Role
from .permissions import require
from .scoping import user_scope


def can_create_organisations(user) -> bool:
    scope = user_scope(user)
    if is_system_admin(user) or scope.roles & {Role.AMMINISTRAZIONE, Role.FUNDRAISING}:
        return True
    return Role.UFFICIO_DI_PIANO in scope.roles and scope.district_scoped


def can_edit_organisation(user, organisation) -> bool:
    scope = user_scope(user)
    if is_system_admin(user) or Role.AMMINISTRAZIONE in scope.roles:
        return True
    if Role.UFFICIO_DI_PIANO in scope.roles and organisation.district_id in scope.district_ids:
        return True
    if Role.FUNDRAISING in scope.roles:
        return not (organisation.is_partner or organisation.is_member)
    return False


def district_choices_for(user):
    """The districts an organisation may be placed in by this user (Ufficio di Piano: its own, never provincial)."""
    from .models import District

    scope = user_scope(user)
    if is_system_admin(user) or scope.roles & {Role.AMMINISTRAZIONE, Role.FUNDRAISING}:
        return District.objects.all(), False
    return District.objects.filter(pk__in=scope.district_ids), True


def organisation_save(*, organisation, user, reason: str = ""):
    """Create or change an organisation, checked and recorded in its history.

    A change is checked against the organisation as stored and as changed (an Ufficio di Piano may neither edit
    another district's organisation nor move one out of its own); a district-bound user places it in its districts.
    """
    if organisation.pk:
        stored = type(organisation).objects.get(pk=organisation.pk)
        require(can_edit_organisation(user, stored) and can_edit_organisation(user, organisation))
    else:
        require(can_create_organisations(user))
    districts, required = district_choices_for(user)
    if required and not districts.filter(pk=organisation.district_id).exists():
        raise ValidationError({"district": "Un Ufficio di Piano registra le organizzazioni del proprio ambito."})
    with transaction.atomic():
        organisation.full_clean()
        organisation._history_user = user
        organisation._change_reason = reason or ("Creazione" if organisation.pk is None else "Modifica")
        organisation.save()
    return organisation
