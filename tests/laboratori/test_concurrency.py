"""Two simultaneous payments cannot together exceed a lab's budget (PostgreSQL: real row locks)."""

import datetime as dt
import threading
import time
from decimal import Decimal
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from laboratori import services
from laboratori.models import LabPayment
from tests.laboratori.factories import LaboratorioFactory, lab_ledger_lines

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks (SELECT … FOR UPDATE)"),
]


def test_two_simultaneous_payments_cannot_overspend_the_lab_budget(udp_cremonese):
    lab_ledger_lines()
    lab = LaboratorioFactory(budget=Decimal("10000.00"))
    real_paid = services.paid_total

    def slow_paid(locked):
        result = real_paid(locked)
        time.sleep(0.5)  # both requests would read "0 paid" here if the lab row were not locked
        return result

    barrier = threading.Barrier(2)
    outcomes = []

    def pay():
        try:
            barrier.wait()
            services.payment_create(
                lab=lab,
                date=dt.date(2016, 10, 1),
                amount=Decimal("6000.00"),
                funding_source="cariplo",
                description="Anticipo",
                user=udp_cremonese,
            )
            outcomes.append("paid")
        except ValidationError as error:
            outcomes.append(error.messages[0])
        finally:
            connections.close_all()

    with mock.patch.object(services, "paid_total", side_effect=slow_paid):
        threads = [threading.Thread(target=pay) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert outcomes.count("paid") == 1, outcomes
    assert any("restano 4.000,00 €" in o for o in outcomes), outcomes
    assert LabPayment.objects.filter(lab=lab).count() == 1
