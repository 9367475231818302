"""Two simultaneous payments cannot together exceed a lab's budget (PostgreSQL: real row locks)."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection

from laboratori import services
from laboratori.models import LabPayment
from tests.concurrency import simultaneously
from tests.laboratori.factories import LaboratorioFactory, lab_ledger_lines

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks (SELECT … FOR UPDATE)"),
]


def test_two_simultaneous_payments_cannot_overspend_the_lab_budget(udp_cremonese):
    lab_ledger_lines()
    lab = LaboratorioFactory(budget=Decimal("10000.00"))

    def pay():
        services.payment_create(
            lab=lab,
            date=dt.date(2016, 10, 1),
            amount=Decimal("6000.00"),
            funding_source="cariplo",
            description="Anticipo",
            user=udp_cremonese,
        )

    outcomes = simultaneously(pay, slow=(services, "paid_total"))
    assert outcomes.count("paid") == 1, outcomes
    assert any("restano 4.000,00 €" in o for o in outcomes), outcomes
    assert LabPayment.objects.filter(lab=lab).count() == 1
