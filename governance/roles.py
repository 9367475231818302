"""The programme's roles as Django groups, with their custom permissions only; and the system administrators' group.

Programme roles carry NO Django model permission (add/change/delete/view of a model) and are never staff: what a role
may do is decided by the apps' `permissions.py` predicates, checked by the services (ARCHITECTURE.md, "Access
control"). The Django admin is for system administrators (`governance.admin_site`). Apps add the custom permissions
their roles need (`register_role_permissions`, from `AppConfig.ready()`).
"""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q

from .enums import SYSTEM_ADMIN_GROUP, Role

# Custom permissions per role (never a model's add/change/delete/view permission, but see the apps' registrations).
GROUP_PERMISSIONS: dict[Role, list[str]] = {
    Role.DIREZIONE: [],
    Role.UFFICIO_DI_PIANO: ["governance.view_identity"],
    Role.COORDINATORE: ["governance.view_identity"],
    Role.FUNDRAISING: [],
    Role.AMMINISTRAZIONE: [],
    Role.PARTNER: [],
}

# What system administrators edit in the admin besides reading every model: users, roles and reference data.
SYSTEM_ADMIN_EDITS = [
    "auth.user",
    "auth.group",
    "governance.district",
    "governance.municipality",
    "governance.organisation",
    "governance.action",
    "governance.projectyear",
    "governance.governancebody",
    "governance.bodymember",
    "governance.userprofile",
    "governance.budgetplan",
    "governance.budgetline",
    "governance.paymentmapping",
]


def register_role_permissions(role: str, codenames: list[str]) -> None:
    """An app adds custom permissions (`"app_label.codename"`) to a role, from its `AppConfig.ready()`; idempotent."""
    wanted = GROUP_PERMISSIONS.setdefault(Role(role), [])
    wanted += [codename for codename in codenames if codename not in wanted]


def _permissions(dotted_names) -> list[Permission]:
    query = Q(pk__in=[])
    for dotted in dotted_names:
        app_label, codename = dotted.split(".")
        query |= Q(content_type__app_label=app_label, codename=codename)
    return list(Permission.objects.filter(query))


def ensure_roles() -> dict[str, Group]:
    """Create the role groups with exactly their permissions (idempotent: permissions granted earlier and no longer
    wanted, such as the admin's model permissions of older versions, are removed) and the system administrators'
    group."""
    groups = {}
    for role, codenames in GROUP_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role.value)
        wanted = _permissions(codenames)
        if len(wanted) != len(set(codenames)):
            missing = set(codenames) - {f"{p.content_type.app_label}.{p.codename}" for p in wanted}
            raise Permission.DoesNotExist(f"Permessi inesistenti: {sorted(missing)}")
        group.permissions.set(wanted)
        groups[role] = group
    admins, _ = Group.objects.get_or_create(name=SYSTEM_ADMIN_GROUP)
    edits = [
        f"{model.split('.')[0]}.{verb}_{model.split('.')[1]}"
        for model in SYSTEM_ADMIN_EDITS
        for verb in ("add", "change")
    ]
    admins.permissions.set([*Permission.objects.filter(codename__startswith="view_"), *_permissions(edits)])
    return groups
