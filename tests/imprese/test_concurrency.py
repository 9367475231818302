"""Two simultaneous payments cannot together exceed a company pact's share (PostgreSQL: real row locks)."""

import datetime as dt
import threading
import time
from decimal import Decimal
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from imprese import services
from imprese.enums import PactStage
from imprese.models import PactPayment
from tests.imprese.factories import ledger_lines_2b, pact_at, writer

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks (SELECT … FOR UPDATE)"),
]


def test_two_simultaneous_payments_cannot_overspend_a_company_pact():
    ledger_lines_2b()
    pact = pact_at(PactStage.ACTIVE)  # 3,500 € Cariplo
    user = writer()
    real_sum = services.paid_by_source

    def slow_sum(p):
        result = real_sum(p)
        time.sleep(0.5)  # both requests would read "0 paid" here if the pact row were not locked
        return result

    barrier = threading.Barrier(2)
    outcomes = []

    def pay():
        try:
            barrier.wait()
            services.payment_create(
                pact=pact,
                date=dt.date(2016, 11, 1),
                amount=Decimal("2000.00"),
                funding_source="cariplo",
                purpose="Acconto",
                user=user,
            )
            outcomes.append("paid")
        except ValidationError as error:
            outcomes.append(error.messages[0])
        finally:
            connections.close_all()

    with mock.patch.object(services, "paid_by_source", side_effect=slow_sum):
        threads = [threading.Thread(target=pay) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert outcomes.count("paid") == 1, outcomes
    assert any("restano 1.500,00 €" in o for o in outcomes), outcomes
    assert PactPayment.objects.count() == 1
