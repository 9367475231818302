"""The admin is for system administrators only: programme roles lose the admin's model permissions of earlier
versions (custom permissions such as the identity permission stay) and their users stop being staff.

Each app removes its own models' permissions (so governance names no action app); `seed_wellfare` then sets every
role's permissions exactly (`governance.roles.ensure_roles`).
"""

from django.db import migrations

ROLE_GROUPS = [
    "Direzione di progetto",
    "Ufficio di Piano",
    "Coordinatore",
    "Staff Fundraising",
    "Staff Amministrazione",
    "Partner",
]
SYSTEM_ADMIN_GROUP = "Amministratore di sistema"
KEEP = {"view_identity"}
APP_LABELS = ["governance", "auth", "admin", "contenttypes", "sessions"]


def strip_admin_permissions(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    User = apps.get_model("auth", "User")
    stale = Permission.objects.filter(content_type__app_label__in=APP_LABELS).exclude(codename__in=KEEP)
    for group in Group.objects.filter(name__in=ROLE_GROUPS):
        group.permissions.remove(*stale.filter(group=group))
    (
        User.objects.filter(is_staff=True, is_superuser=False, groups__name__in=ROLE_GROUPS)
        .exclude(groups__name=SYSTEM_ADMIN_GROUP)
        .update(is_staff=False)
    )


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("governance", "0005_convocations"),
    ]

    operations = [migrations.RunPython(strip_admin_permissions, migrations.RunPython.noop)]
