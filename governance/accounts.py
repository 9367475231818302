"""Users and roles in one place: the system administrator sets a user's role, organisation and districts together.

Writes go through `account_save`, which checks the actor, changes the user, its role group and its profile in one
transaction, and records the change (who, when, what) in the profile's history: the user table itself has no
history, so the profile's history entry carries the whole change as its reason.
"""

from __future__ import annotations

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import Truncator

from .admin_site import is_system_admin
from .enums import DISTRICT_ROLES, SYSTEM_ADMIN_GROUP, Role
from .models import UserProfile
from .permissions import require

NO_ROLE = ""


def can_manage_accounts(user) -> bool:
    return is_system_admin(user)


def current_role(user) -> str:
    """The user's programme role (the first, if an older setup gave several), or NO_ROLE."""
    names = {group.name for group in user.groups.all()}
    return next((role.value for role in Role if role.value in names), NO_ROLE)


def describe(user) -> dict:
    """What `account_save` compares before and after, in words."""
    profile = getattr(user, "profile", None) if user.pk else None
    return {
        "Ruolo": Role(current_role(user)).label if user.pk and current_role(user) else "nessuno",
        "Organizzazione": str(profile.organisation) if profile and profile.organisation else "nessuna",
        "Ambiti": ", ".join(sorted(d.name for d in profile.districts.all())) if profile else "",
        "Attivo": "sì" if user.is_active else "no",
        "Amministratore di sistema": (
            "sì" if user.pk and user.groups.filter(name=SYSTEM_ADMIN_GROUP).exists() else "no"
        ),
    }


def _check(*, account, role: str, organisation, districts, system_admin: bool, actor) -> None:
    """The role's rules (the form shows them on its fields), and no change that would hand over or lock out an
    administrator: only a superuser changes a superuser (else their e-mail, then their password, could be taken),
    and nobody removes their own administration or deactivates themselves."""
    if role and role not in Role.values:
        raise ValidationError({"role": "Ruolo non previsto dal programma."})
    if role in DISTRICT_ROLES and not districts:
        raise ValidationError({"districts": "Per questo ruolo indicare almeno un ambito."})
    if role == Role.PARTNER and not organisation:
        raise ValidationError({"organisation": "Il referente di un partner va collegato alla sua organizzazione."})
    if account.pk and account.is_superuser and not actor.is_superuser:
        raise ValidationError("Solo un superutente può modificare un superutente.")
    if account.pk == actor.pk and (not account.is_active or not (system_admin or account.is_superuser)):
        raise ValidationError(
            "Non può togliersi l'amministrazione di sistema né disattivare il proprio utente: "
            "lo chieda a un altro amministratore."
        )


def account_save(*, account, role: str, organisation, districts, system_admin: bool, actor, before: dict):
    """Save the user with their role, organisation and districts; audited in the profile's history."""
    require(can_manage_accounts(actor))
    _check(
        account=account,
        role=role,
        organisation=organisation,
        districts=districts,
        system_admin=system_admin,
        actor=actor,
    )
    with transaction.atomic():
        creating = account.pk is None
        if creating:
            account.set_unusable_password()  # the user chooses it with "Password dimenticata?"
        account.is_staff = False  # programme roles are never staff; the admin checks the group, not this flag
        account.save()
        keep = [g for g in account.groups.all() if g.name not in Role.values and g.name != SYSTEM_ADMIN_GROUP]
        wanted = [*keep]
        if role:
            wanted.append(Group.objects.get_or_create(name=role)[0])
        if system_admin:
            wanted.append(Group.objects.get_or_create(name=SYSTEM_ADMIN_GROUP)[0])
        account.groups.set(wanted)
        profile, _ = UserProfile.objects.get_or_create(user=account)
        profile.organisation = organisation
        profile.districts.set(districts if role in DISTRICT_ROLES else [])
        account.__dict__.pop("_wellfare_scope", None)
        account.__dict__.pop("_wellfare_system_admin", None)
        after = describe(account)
        changes = [
            f"{key}: {before.get(key, 'nessuno')} → {new}" for key, new in after.items() if before.get(key) != new
        ]
        profile._history_user = actor
        # simple_history keeps the reason in 100 characters (PostgreSQL refuses more; SQLite would silently keep it).
        reason = ("Nuovo utente. " if creating else "") + "; ".join(changes)
        profile._change_reason = Truncator(reason).chars(100)
        profile.save()
    return account
