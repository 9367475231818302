"""The admin of Actions 3 and 4 is for system administrators: it opens, never deletes, and programme roles have no
admin permission on these models."""

import pytest
from django.contrib import admin
from django.urls import reverse

from civic_center import models as civic
from wellfare_lab import models as lab

pytestmark = pytest.mark.django_db
MODELS = [civic.CivicCenter, civic.Activity, civic.Agreement, civic.PayingDemand, lab.TrainingLab, lab.Session,
          lab.Participant, lab.Attendance, lab.ManifestoVersion]  # fmt: skip


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_system_administrator_opens_the_admin_and_cannot_delete(client, superuser, model, rf):
    assert model in admin.site._registry
    client.force_login(superuser)
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    assert client.get(url).status_code == 200
    request = rf.get(url)
    request.user = superuser
    assert admin.site._registry[model].has_delete_permission(request) is False


def test_service_owned_fields_are_read_only_in_the_admin():
    assert {"status", "activated_on", "activation_year"} <= set(admin.site._registry[civic.CivicCenter].readonly_fields)
    assert "number" in admin.site._registry[lab.ManifestoVersion].readonly_fields


def test_programme_roles_have_no_admin_permission(direzione, udp_cremonese, coordinatore):
    for user in (direzione, udp_cremonese, coordinatore):
        assert not user.is_staff
        for model in MODELS:
            assert not user.has_perm(f"{model._meta.app_label}.change_{model._meta.model_name}")
