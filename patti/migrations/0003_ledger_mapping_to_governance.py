"""The mapping of disbursements to budget lines moves to governance's PaymentMapping (one for every action)."""

from django.db import migrations


def copy_to_payment_mapping(apps, schema_editor):
    LedgerMapping = apps.get_model("patti", "LedgerMapping")
    PaymentMapping = apps.get_model("governance", "PaymentMapping")
    Action = apps.get_model("governance", "Action")
    for row in LedgerMapping.objects.all():
        action = Action.objects.filter(code=row.action_code).first()
        if action is None:
            continue
        PaymentMapping.objects.update_or_create(
            action=action,
            district_id=row.district_id,
            funding_source="",
            defaults={"partner_id": row.partner_id, "category": row.category},
        )


class Migration(migrations.Migration):
    dependencies = [
        ("governance", "0004_payment_mapping"),
        ("patti", "0002_household_members"),
    ]

    operations = [
        migrations.RunPython(copy_to_payment_mapping, migrations.RunPython.noop),
        migrations.DeleteModel(name="HistoricalLedgerMapping"),
        migrations.DeleteModel(name="LedgerMapping"),
    ]
