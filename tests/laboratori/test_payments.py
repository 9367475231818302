"""Payments of a lab's budget to its implementing body: through the budget ledger, within the budget."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from governance.budget.enums import ExpenseStatus
from governance.models import Expense
from laboratori import services
from laboratori.models import (
    Laboratorio,
    LabPayment,
)
from tests.laboratori.factories import (
    LaboratorioFactory,
    district,
    lab_ledger_lines,
    year,
)

pytestmark = pytest.mark.django_db


# --- Payments -------------------------------------------------------------------------------------------------


def pay(lab, user, amount="1000.00", day=dt.date(2016, 10, 1), source="cariplo"):
    return services.payment_create(
        lab=lab, date=day, amount=Decimal(amount), funding_source=source, description="Anticipo", user=user
    )


def test_payment_posts_an_approved_expense_on_the_action_2a_line(udp_cremonese):
    lab_ledger_lines()
    lab = LaboratorioFactory()
    payment = pay(lab, udp_cremonese, "4000.00")
    expense = payment.expense
    assert expense.status == ExpenseStatus.APPROVED
    assert expense.line.action.code == "2A" and expense.line.year.number == 2
    assert expense.line.partner == district().lead_organisation
    assert expense.gross_amount == Decimal("4000.00")
    assert expense.payee == "Comune di Cremona"


def test_payments_cannot_exceed_the_lab_budget(udp_cremonese):
    lab_ledger_lines()
    lab = LaboratorioFactory(budget=Decimal("5000.00"))
    pay(lab, udp_cremonese, "4000.00")
    expenses = Expense.objects.count()
    with pytest.raises(ValidationError) as error:
        pay(lab, udp_cremonese, "1000.01")
    assert "restano 1.000,00 € su 5.000,00 €" in error.value.message_dict["amount"][0]
    assert LabPayment.objects.count() == 1 and Expense.objects.count() == expenses


def test_a_year_1_balance_may_be_paid_in_year_2(udp_cremonese):
    lab_ledger_lines()
    lab = LaboratorioFactory(activation_year=year(1), activated_on=dt.date(2015, 9, 1), budget=Decimal("12000.00"))
    payment = pay(lab, udp_cremonese, "4800.00", day=dt.date(2016, 7, 15), source="cofinancing")
    assert payment.expense.line.year.number == 2


def test_payment_before_the_activation_year_is_refused(udp_cremonese):
    lab_ledger_lines()
    lab = LaboratorioFactory(activation_year=year(3), activated_on=dt.date(2017, 9, 1))
    with pytest.raises(ValidationError):
        pay(lab, udp_cremonese, day=dt.date(2016, 10, 1))


def test_payment_without_a_budget_line_saves_nothing(udp_cremonese):
    lab = LaboratorioFactory()
    with pytest.raises(ValidationError) as error:
        pay(lab, udp_cremonese)
    assert "Nessuna voce del piano di budget" in str(error.value)
    assert not LabPayment.objects.exists()


@pytest.mark.parametrize("amount", ["0", "-10", "10.001"])
def test_payment_amount_must_be_positive_euros_and_cents(udp_cremonese, amount):
    lab_ledger_lines()
    with pytest.raises(ValidationError):
        pay(LaboratorioFactory(), udp_cremonese, amount)
    assert not LabPayment.objects.exists()


def test_lab_budget_cannot_drop_below_what_was_paid(udp_cremonese):
    lab_ledger_lines()
    lab = LaboratorioFactory()
    pay(lab, udp_cremonese, "6000.00")
    lab = Laboratorio.objects.get(pk=lab.pk)
    lab.budget = Decimal("5000.00")
    with pytest.raises(ValidationError) as error:
        services.lab_save(lab=lab, user=udp_cremonese, expected_version=lab.version)
    assert "già pagato (6.000,00 €)" in error.value.message_dict["budget"][0]


def test_cancelling_a_payment_reverses_its_expense_and_frees_the_budget(udp_cremonese):
    lab_ledger_lines()
    lab = LaboratorioFactory(budget=Decimal("5000.00"))
    payment = pay(lab, udp_cremonese, "5000.00")
    with pytest.raises(ValidationError):
        services.payment_cancel(payment=payment, user=udp_cremonese, reason="  ")
    services.payment_cancel(payment=payment, user=udp_cremonese, reason="Importo errato")
    payment.refresh_from_db()
    assert payment.is_cancelled and payment.expense.status == ExpenseStatus.REVERSED
    with pytest.raises(ValidationError):
        services.payment_cancel(payment=payment, user=udp_cremonese, reason="Di nuovo")
    assert pay(lab, udp_cremonese, "5000.00").pk  # the budget is free again


def test_fundraising_staff_cannot_pay(fundraising):
    lab_ledger_lines()
    with pytest.raises(PermissionDenied):
        pay(LaboratorioFactory(), fundraising)
