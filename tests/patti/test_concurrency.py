"""Two simultaneous disbursements cannot together exceed a pact's budget (PostgreSQL: real row locks)."""

import datetime as dt
import threading
import time
from decimal import Decimal
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from patti import services
from patti.models import Disbursement
from tests.patti.factories import ledger_lines, signed_patto

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks (SELECT … FOR UPDATE)"),
]


def test_two_simultaneous_disbursements_cannot_overspend(coordinatore):
    ledger_lines()
    patto = signed_patto(user=coordinatore)  # 1,200 € Cariplo
    real_sum = services.disbursed_by_source

    def slow_sum(p):
        result = real_sum(p)
        time.sleep(0.5)  # both requests would read "0 disbursed" here if the pact row were not locked
        return result

    barrier = threading.Barrier(2)
    outcomes = []

    def pay():
        try:
            barrier.wait()
            services.disbursement_create(
                patto=patto,
                date=dt.date(2016, 10, 1),
                amount=Decimal("700.00"),
                purpose="Canone",
                funding_source="cariplo",
                user=coordinatore,
            )
            outcomes.append("paid")
        except ValidationError as error:
            outcomes.append(error.messages[0])
        finally:
            connections.close_all()

    with mock.patch.object(services, "disbursed_by_source", side_effect=slow_sum):
        threads = [threading.Thread(target=pay) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert outcomes.count("paid") == 1, outcomes
    assert any("restano 500,00 €" in o for o in outcomes), outcomes
    assert Disbursement.objects.filter(patto=patto).count() == 1
