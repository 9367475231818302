"""Two simultaneous disbursements cannot together exceed a pact's budget (PostgreSQL: real row locks)."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection

from patti import services
from patti.models import Disbursement
from tests.concurrency import simultaneously
from tests.patti.factories import ledger_lines, signed_patto

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks (SELECT … FOR UPDATE)"),
]


def test_two_simultaneous_disbursements_cannot_overspend(coordinatore):
    ledger_lines()
    patto = signed_patto(user=coordinatore)  # 1,200 € Cariplo

    def pay():
        services.disbursement_create(
            patto=patto,
            date=dt.date(2016, 10, 1),
            amount=Decimal("700.00"),
            purpose="Canone",
            funding_source="cariplo",
            user=coordinatore,
        )

    outcomes = simultaneously(pay, slow=(services, "disbursed_by_source"))
    assert outcomes.count("paid") == 1, outcomes
    assert any("restano 500,00 €" in o for o in outcomes), outcomes
    assert Disbursement.objects.filter(patto=patto).count() == 1
