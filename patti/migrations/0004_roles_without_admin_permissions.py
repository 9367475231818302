"""Programme roles lose the admin's model permissions on Action 1's models (see governance 0006); the Direzione keeps
the identity access log permission."""

from django.db import migrations

ROLE_GROUPS = [
    "Direzione di progetto",
    "Ufficio di Piano",
    "Coordinatore",
    "Staff Fundraising",
    "Staff Amministrazione",
    "Partner",
]
KEEP = {"view_identityaccess"}


def strip_admin_permissions(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    stale = Permission.objects.filter(content_type__app_label="patti").exclude(codename__in=KEEP)
    for group in Group.objects.filter(name__in=ROLE_GROUPS):
        group.permissions.remove(*stale.filter(group=group))


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("patti", "0003_ledger_mapping_to_governance"),
    ]

    operations = [migrations.RunPython(strip_admin_permissions, migrations.RunPython.noop)]
