"""Concurrency on PostgreSQL: simultaneous approvals neither double-count nor lose an amount."""

import threading
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from governance.budget.enums import ExpenseStatus
from governance.budget.services import expense_transition
from governance.models import BudgetLineActuals, Expense
from tests.governance.budget.factories import BudgetLineFactory, ExpenseFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("row locks (select_for_update) are meaningful on PostgreSQL")


def run_together(*calls):
    barrier = threading.Barrier(len(calls))
    outcomes = []

    def worker(call):
        barrier.wait()
        try:
            call()
            outcomes.append("ok")
        except ValidationError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sorted(outcomes)


def test_the_same_expense_approved_twice_at_once_counts_once(amministrazione):
    expense = ExpenseFactory(status=ExpenseStatus.SUBMITTED, net_amount=Decimal("100.00"), vat_amount=Decimal("0"))

    def approve():
        expense_transition(expense=Expense.objects.get(pk=expense.pk), status="approved", user=amministrazione)

    assert run_together(approve, approve) == ["ok", "refused"]
    totals = BudgetLineActuals.objects.get(line=expense.line)
    assert (totals.approved, totals.submitted) == (Decimal("100.00"), Decimal("0.00"))
    assert expense.history.filter(status="approved").count() == 1


def test_simultaneous_approvals_on_one_line_lose_no_amount(amministrazione):
    line = BudgetLineFactory()
    expenses = [
        ExpenseFactory(line=line, status=ExpenseStatus.SUBMITTED, net_amount=Decimal(n), vat_amount=Decimal("0"))
        for n in ("10.00", "20.00", "30.00", "40.00")
    ]

    def approver(pk):
        return lambda: expense_transition(expense=Expense.objects.get(pk=pk), status="approved", user=amministrazione)

    assert run_together(*[approver(e.pk) for e in expenses]) == ["ok"] * 4
    totals = BudgetLineActuals.objects.get(line=line)
    assert (totals.approved, totals.submitted) == (Decimal("100.00"), Decimal("0.00"))
