from django.db import migrations


def seed(apps, schema_editor):
    from fundraising.legal import seed_legal_bases

    seed_legal_bases(apps.get_model("fundraising", "LegalBasis"))


class Migration(migrations.Migration):
    dependencies = [("fundraising", "0001_fundraising")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
