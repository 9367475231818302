"""The admin of company pacts is for system administrators: service-owned fields read-only, nothing deleted."""

import datetime as dt
from decimal import Decimal

import pytest

from imprese import services
from imprese.enums import PactStage
from tests.imprese.factories import ledger_lines_2b, pact_at, writer

pytestmark = pytest.mark.django_db


def test_system_administrator_reads_company_pacts_in_the_admin_without_deleting(client_for, superuser):
    ledger_lines_2b()
    pact = pact_at(PactStage.SIGNED)
    payment = services.payment_create(
        pact=pact, date=dt.date(2016, 11, 1), amount=Decimal("100"), funding_source="cariplo", purpose="x",
        user=writer(),
    )  # fmt: skip
    client = client_for(superuser)
    assert pact.company.name in client.get("/admin/imprese/pattoimpresa/").content.decode()
    change = client.get(f"/admin/imprese/pattoimpresa/{pact.pk}/change/")
    form = change.context["adminform"].form
    assert "stage" not in form.fields and "signed_on" not in form.fields  # owned by pact_transition
    assert "budget_cariplo" in form.fields
    assert client.get(f"/admin/imprese/pattoimpresa/{pact.pk}/delete/").status_code == 403
    assert client.get(f"/admin/imprese/pactpayment/{payment.pk}/change/").status_code == 200  # view only
    assert client.get("/admin/imprese/pactpayment/add/").status_code == 403


def test_programme_roles_have_no_admin_on_company_pacts(client_for, udp_cremonese):
    response = client_for(udp_cremonese).get("/admin/imprese/pattoimpresa/")
    assert response.status_code in (302, 403)
