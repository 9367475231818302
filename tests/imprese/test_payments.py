"""Payments of a company pact's budget: through the budget ledger, within each source's share, reversible."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from governance.budget.enums import ExpenseStatus
from governance.models import Expense
from imprese import services
from imprese.enums import PactStage
from imprese.models import PactPayment
from tests.imprese.factories import (
    ledger_lines_2b,
    pact_at,
    writer,
)
from tests.imprese.test_services import _pact_in

pytestmark = pytest.mark.django_db


# --- Payments --------------------------------------------------------------------------------------------------


def _pay(pact, amount="1000.00", source="cariplo", day=dt.date(2016, 11, 1), user=None):
    return services.payment_create(
        pact=pact, date=day, amount=Decimal(amount), funding_source=source, purpose="Acconto", user=user or writer()
    )


def test_payment_is_posted_to_the_ledger_on_the_action_2b_line():
    lines = ledger_lines_2b()
    pact = pact_at(PactStage.SIGNED)
    payment = _pay(pact, "1200.00", "donations")
    expense = payment.expense
    assert expense.status == ExpenseStatus.APPROVED and expense.gross_amount == Decimal("1200.00")
    assert expense.line in lines and expense.line.action.code == "2B" and expense.line.funding_source == "donations"
    assert expense.payee == str(pact.company)
    assert payment.history.get().history_user == writer()


def test_payments_cannot_exceed_the_share_of_their_source():
    ledger_lines_2b()
    pact = pact_at(PactStage.ACTIVE)
    _pay(pact, "3000.00")
    expenses = Expense.objects.count()
    with pytest.raises(ValidationError) as error:
        _pay(pact, "500.01")
    assert "restano 500,00 € su 3.500,00 €" in str(error.value)
    assert PactPayment.objects.count() == 1 and Expense.objects.count() == expenses
    _pay(pact, "500.00")  # exactly the rest is fine
    _pay(pact, "3500.00", "donations")  # the other half has its own ceiling


@pytest.mark.parametrize("stage", [PactStage.CONTACT, PactStage.ELABORATION, PactStage.CLOSED, PactStage.ABANDONED])
def test_payments_only_on_a_signed_or_active_company_pact(stage):
    ledger_lines_2b()
    pact = _pact_in(stage)
    with pytest.raises(ValidationError) as error:
        _pay(pact, day=dt.date(2018, 1, 10))
    assert "solo su un patto sottoscritto o attivo" in str(error.value)
    assert not PactPayment.objects.exists()


def test_payment_cannot_precede_the_signature():
    ledger_lines_2b()
    pact = pact_at(PactStage.SIGNED)  # signed 01/10/2016
    with pytest.raises(ValidationError) as error:
        _pay(pact, day=dt.date(2016, 9, 30))
    assert "precedere la sottoscrizione" in str(error.value)


@pytest.mark.parametrize("amount", ["0", "-10", "10.001"])
def test_payment_amount_must_be_positive_euros(amount):
    ledger_lines_2b()
    pact = pact_at(PactStage.SIGNED)
    with pytest.raises(ValidationError):
        _pay(pact, amount)
    assert not PactPayment.objects.exists()


def test_payment_without_a_budget_line_is_refused_and_nothing_saved():
    pact = pact_at(PactStage.SIGNED)
    expenses = Expense.objects.count()
    with pytest.raises(ValidationError) as error:
        _pay(pact)
    assert "Nessuna voce del piano di budget attivo per l'azione 2B" in str(error.value)
    assert not PactPayment.objects.exists() and Expense.objects.count() == expenses


def test_payment_cancel_reverses_the_expense_and_frees_the_budget():
    ledger_lines_2b()
    pact = pact_at(PactStage.ACTIVE)
    payment = _pay(pact, "3500.00")
    services.payment_cancel(payment=payment, user=writer(), reason="Importo errato")
    payment.refresh_from_db()
    assert payment.is_cancelled and payment.cancel_reason == "Importo errato"
    assert payment.expense.status == ExpenseStatus.REVERSED
    _pay(pact, "3500.00")  # the share is free again
    with pytest.raises(ValidationError):
        services.payment_cancel(payment=payment, user=writer(), reason="Di nuovo")


def test_payment_cancel_needs_a_reason_and_an_open_pact():
    ledger_lines_2b()
    pact = pact_at(PactStage.ACTIVE)
    payment = _pay(pact)
    with pytest.raises(ValidationError):
        services.payment_cancel(payment=payment, user=writer(), reason=" ")
    services.pact_transition(pact=pact, to_stage=PactStage.CLOSED, user=writer(), on_date=dt.date(2017, 9, 1))
    with pytest.raises(ValidationError) as error:
        services.payment_cancel(payment=payment, user=writer(), reason="Tardi")
    assert "concluso o abbandonato" in str(error.value)
    assert not PactPayment.objects.get(pk=payment.pk).is_cancelled


def test_payment_by_another_district_is_forbidden(udp_cremasco):
    ledger_lines_2b()
    pact = pact_at(PactStage.SIGNED)
    with pytest.raises(PermissionDenied):
        _pay(pact, user=udp_cremasco)
