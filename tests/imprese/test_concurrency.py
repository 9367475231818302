"""Two simultaneous payments cannot together exceed a company pact's share (PostgreSQL: real row locks)."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection

from imprese import services
from imprese.enums import PactStage
from imprese.models import PactPayment
from tests.concurrency import simultaneously
from tests.imprese.factories import ledger_lines_2b, pact_at, writer

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks (SELECT … FOR UPDATE)"),
]


def test_two_simultaneous_payments_cannot_overspend_a_company_pact(transactional_db):  # reloads the reference data
    ledger_lines_2b()
    pact = pact_at(PactStage.ACTIVE)  # 3,500 € Cariplo
    user = writer()

    def pay():
        services.payment_create(
            pact=pact,
            date=dt.date(2016, 11, 1),
            amount=Decimal("2000.00"),
            funding_source="cariplo",
            purpose="Acconto",
            user=user,
        )

    outcomes = simultaneously(pay, slow=(services, "paid_by_source"))
    assert outcomes.count("paid") == 1, outcomes
    assert any("restano 1.500,00 €" in o for o in outcomes), outcomes
    assert PactPayment.objects.count() == 1
