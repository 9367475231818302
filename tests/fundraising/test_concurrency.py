"""Receipt numbers and transfers under simultaneous requests (PostgreSQL: real row locks)."""

import datetime as dt
import threading
import time
from decimal import Decimal
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from fundraising import services
from fundraising.legal import seed_legal_bases
from fundraising.models import Receipt, Transfer
from fundraising.services import receipts as receipt_services
from fundraising.services import transfers as transfer_services
from governance.models import Action, District
from tests.fundraising.factories import DonationFactory, designation

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks (SELECT … FOR UPDATE)"),
]

THREADS = 6


def run_together(target, count):
    barrier = threading.Barrier(count)
    outcomes = []

    def work(index):
        try:
            barrier.wait()
            outcomes.append(target(index))
        except ValidationError as error:
            outcomes.append(error.messages[0])
        finally:
            connections.close_all()

    threads = [threading.Thread(target=work, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def test_simultaneous_receipts_get_gap_free_unique_numbers(fundraising):
    seed_legal_bases()  # a transactional test starts from a flushed database
    gifts = [DonationFactory(date=dt.date(2017, 3, 1)) for _ in range(THREADS)]
    real_next = receipt_services._next_number

    def slow_next(year):
        number = real_next(year)
        time.sleep(0.2)  # without the counter's row lock, the others would read the same last number here
        return number

    with mock.patch.object(receipt_services, "_next_number", side_effect=slow_next):
        outcomes = run_together(
            lambda i: services.receipt_issue(donation=gifts[i], user=fundraising, issued_on=dt.date(2017, 3, 2)).number,
            THREADS,
        )
    assert sorted(outcomes) == list(range(1, THREADS + 1)), outcomes
    assert sorted(Receipt.objects.filter(year=2017).values_list("number", flat=True)) == list(range(1, THREADS + 1))


def test_two_receipts_for_one_gift_at_the_same_time_give_one(fundraising):
    seed_legal_bases()
    gift = DonationFactory(date=dt.date(2017, 3, 1))
    outcomes = run_together(
        lambda i: services.receipt_issue(donation=gift, user=fundraising, issued_on=dt.date(2017, 3, 2)).number, 2
    )
    assert Receipt.objects.filter(donation=gift).count() == 1
    assert any("non se ne emette una seconda" in str(o) for o in outcomes), outcomes


def test_two_simultaneous_transfers_cannot_overdraw_a_subfund(fundraising):
    cremasco = designation("subfund:cremasco")
    DonationFactory(designation=cremasco, amount=Decimal("1000.00"))
    holder = District.objects.get(code="cremasco").lead_organisation
    action = Action.objects.get(code="1")
    real_balance = transfer_services.available_balance

    def slow_balance(d):
        value = real_balance(d)
        time.sleep(0.3)
        return value

    with mock.patch.object(transfer_services, "available_balance", side_effect=slow_balance):
        outcomes = run_together(
            lambda i: services.transfer_create(
                designation=cremasco, holder=holder, action=action, amount=Decimal("700.00"),
                date=dt.date(2016, 11, 1), user=fundraising,
            ).pk,
            2,
        )  # fmt: skip
    assert Transfer.objects.count() == 1, outcomes
    assert any("disponibili 300,00 €" in str(o) for o in outcomes), outcomes
