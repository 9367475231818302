"""The programme's roles as Django groups, with the model permissions the admin needs."""

from django.contrib.auth.models import Group, Permission

from .enums import Role

# Django model permissions per group (used by the admin; the app's own views use governance.permissions).
GROUP_PERMISSIONS = {
    Role.DIREZIONE: [
        "governance.view_organisation",
        "governance.view_governancebody",
        "governance.view_bodymember",
        "governance.view_meeting",
        "governance.add_meeting",
        "governance.change_meeting",
        "governance.view_decision",
        "governance.add_decision",
        "governance.change_decision",
        "governance.view_attendance",
        "governance.add_attendance",
        "governance.change_attendance",
    ],
    Role.UFFICIO_DI_PIANO: [
        "governance.view_identity",
        "governance.view_organisation",
        "governance.view_governancebody",
        "governance.view_meeting",
        "governance.add_meeting",
        "governance.change_meeting",
        "governance.view_decision",
        "governance.add_decision",
        "governance.change_decision",
    ],
    Role.COORDINATORE: ["governance.view_identity", "governance.view_organisation", "governance.view_meeting"],
    Role.FUNDRAISING: ["governance.view_organisation"],
    Role.AMMINISTRAZIONE: ["governance.view_organisation"],
    Role.PARTNER: ["governance.view_organisation"],
}


# Budget (issue 3): plans and lines are managed by Staff Amministrazione; partners enter expenses on their lines.
GROUP_PERMISSIONS[Role.DIREZIONE] += [
    "governance.view_budgetplan",
    "governance.view_budgetline",
    "governance.view_expense",
]
GROUP_PERMISSIONS[Role.UFFICIO_DI_PIANO] += ["governance.view_budgetplan", "governance.view_budgetline"]
GROUP_PERMISSIONS[Role.AMMINISTRAZIONE] += [
    f"governance.{verb}_{model}" for model in ("budgetplan", "budgetline") for verb in ("view", "add", "change")
] + ["governance.view_expense", "governance.change_expense", "governance.view_expenseattachment"]
GROUP_PERMISSIONS[Role.PARTNER] += [
    "governance.view_budgetline",
    "governance.view_expense",
    "governance.add_expense",
    "governance.change_expense",
    "governance.add_expenseattachment",
]


def register_role_permissions(role: str, codenames: list[str]) -> None:
    """An app adds permissions (`"app_label.codename"`) to a role, from its `AppConfig.ready()`; idempotent."""
    wanted = GROUP_PERMISSIONS.setdefault(Role(role), [])
    wanted += [codename for codename in codenames if codename not in wanted]


def ensure_roles() -> dict[str, Group]:
    """Create the role groups and give them their permissions (idempotent)."""
    groups = {}
    for role, codenames in GROUP_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role.value)
        wanted = []
        for dotted in codenames:
            app_label, codename = dotted.split(".")
            wanted.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
        group.permissions.add(*wanted)
        groups[role] = group
    return groups
