"""The admin of Action 2A is for system administrators: every model is there, nothing is deleted, the fields a
service owns are read-only."""

import pytest
from django.contrib import admin
from django.urls import reverse

from laboratori.models import FundraisingActivity, LabMeeting, Laboratorio, LabPayment, RestitutionEvent, SelfAssessment
from tests.laboratori.factories import LaboratorioFactory

pytestmark = pytest.mark.django_db


def test_every_lab_model_is_in_the_admin_without_delete(rf, superuser):
    request = rf.get("/")
    request.user = superuser
    for model in (Laboratorio, SelfAssessment, LabMeeting, LabPayment, FundraisingActivity, RestitutionEvent):
        model_admin = admin.site._registry[model]
        assert not model_admin.has_delete_permission(request), model


def test_status_and_payments_are_read_only_in_the_admin(client, superuser):
    lab = LaboratorioFactory()
    client.force_login(superuser)
    html = client.get(reverse("admin:laboratori_laboratorio_change", args=[lab.pk])).content.decode()
    assert 'name="status"' not in html and 'name="name"' in html
    request_admin = admin.site._registry[LabPayment]
    assert "amount" in request_admin.get_readonly_fields(None)
    assert not request_admin.has_add_permission(None)


def test_programme_roles_have_no_admin_access_to_labs(client, udp_cremonese):
    client.force_login(udp_cremonese)
    response = client.get(reverse("admin:laboratori_laboratorio_changelist"))
    assert response.status_code == 302  # not staff: back to the admin login
