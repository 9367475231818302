"""The ledger's writes: the service interface for the action apps, the expense state machine, concurrency."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from governance.budget.enums import CostCategory, ExpenseOrigin, ExpenseStatus, FundingSource
from governance.budget.services import (
    budget_line_for,
    budget_plan_activate,
    expense_record_payment,
    expense_reverse_payment,
    expense_transition,
)
from governance.models import BudgetPlan, Expense, Organisation, ProjectYear
from governance.services import ConcurrentEditError
from tests.governance.budget.factories import BudgetLineFactory, ExpenseFactory, original_plan

pytestmark = pytest.mark.django_db

ARCOBALENO = "Consorzio Arcobaleno"


def arcobaleno():
    return Organisation.objects.get(name=ARCOBALENO)


def year(number):
    return ProjectYear.objects.get(number=number)


def pay(line, user, **overrides):
    kwargs = {
        "line": line,
        "date": dt.date(2016, 11, 2),
        "amount": Decimal("500.00"),
        "description": "Erogazione patto P-001",
        "payee": "Soggetto attuatore",
        "user": user,
    }
    return expense_record_payment(**{**kwargs, **overrides})


# --- Plans ---------------------------------------------------------------------------------------------------


def test_seeded_plans_have_the_real_totals_and_the_revised_one_is_active():
    active = BudgetPlan.objects.get(is_active=True)
    assert active.declared_total == Decimal("3014748.00")
    assert active.date == dt.date(2016, 6, 1)
    assert original_plan().declared_total == Decimal("3375535.00")
    assert not original_plan().is_active


def test_only_one_plan_can_be_active_in_the_database():
    plan = original_plan()
    plan.is_active = True
    with pytest.raises(IntegrityError), transaction.atomic():
        plan.save()


def test_activating_a_plan_deactivates_the_other(amministrazione):
    budget_plan_activate(plan=original_plan(), user=amministrazione)
    assert list(BudgetPlan.objects.filter(is_active=True).values_list("code", flat=True)) == ["originale-2015"]


def test_only_administration_activates_a_plan(direzione):
    with pytest.raises(PermissionDenied):
        budget_plan_activate(plan=original_plan(), user=direzione)


# --- budget_line_for -----------------------------------------------------------------------------------------


def test_budget_line_for_finds_the_line_of_the_active_plan():
    line = BudgetLineFactory(funding_source=FundingSource.CARIPLO)
    BudgetLineFactory(plan=original_plan(), funding_source=FundingSource.CARIPLO)
    found = budget_line_for(
        action_code="1",
        partner=arcobaleno(),
        project_year=year(2),
        category=CostCategory.CONTRIBUTIONS,
        funding_source="cariplo",
    )
    assert found == line


def test_budget_line_for_returns_none_when_only_a_non_active_plan_has_it():
    BudgetLineFactory(plan=original_plan(), funding_source=FundingSource.CARIPLO)
    assert (
        budget_line_for(
            action_code="1",
            partner=arcobaleno(),
            project_year=year(2),
            category="contributions",
            funding_source="cariplo",
        )
        is None
    )


# --- expense_record_payment ----------------------------------------------------------------------------------


def test_payment_is_an_approved_expense_recorded_in_history(coordinatore):
    line = BudgetLineFactory()
    expense = pay(line, coordinatore)
    assert expense.status == ExpenseStatus.APPROVED
    assert expense.origin == ExpenseOrigin.PAYMENT
    assert expense.gross_amount == Decimal("500.00")
    record = expense.history.get()
    assert record.history_user == coordinatore
    assert record.history_type == "+"


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        (Decimal("0"), "maggiore di zero"),
        (Decimal("-5.00"), "maggiore di zero"),
        (Decimal("1.005"), "due decimali"),
        (1.5, "Decimal"),
    ],
)
def test_payment_refuses_bad_amounts(coordinatore, amount, message):
    line = BudgetLineFactory()
    with pytest.raises(ValidationError) as error:
        pay(line, coordinatore, amount=amount)
    assert message in str(error.value)
    assert not Expense.objects.exists()


def test_payment_refuses_a_date_outside_every_project_year(coordinatore):
    line = BudgetLineFactory()
    with pytest.raises(ValidationError, match="nessun anno di progetto"):
        pay(line, coordinatore, date=dt.date(2019, 1, 1))
    assert not Expense.objects.exists()


def test_payment_refuses_a_line_of_a_non_active_plan(coordinatore):
    line = BudgetLineFactory(plan=original_plan())
    with pytest.raises(ValidationError, match="piano non attivo"):
        pay(line, coordinatore)
    assert not Expense.objects.exists()


def test_reversed_payment_stops_counting_and_keeps_its_trace(coordinatore):
    expense = pay(BudgetLineFactory(), coordinatore)
    expense_reverse_payment(expense=expense, user=coordinatore, reason="Erogazione annullata")
    expense.refresh_from_db()
    assert expense.status == ExpenseStatus.REVERSED
    assert expense.status_reason == "Erogazione annullata"
    assert not Expense.objects.filter(status=ExpenseStatus.APPROVED).exists()
    assert expense.history.count() == 2


def test_reversal_needs_a_reason_and_a_payment(coordinatore, amministrazione):
    expense = pay(BudgetLineFactory(), coordinatore)
    with pytest.raises(ValidationError, match="motivazione"):
        expense_reverse_payment(expense=expense, user=coordinatore, reason=" ")
    manual = ExpenseFactory(status=ExpenseStatus.APPROVED)
    with pytest.raises(ValidationError, match="Solo i pagamenti"):
        expense_reverse_payment(expense=manual, user=amministrazione, reason="errore")


def test_a_reversed_payment_cannot_be_reversed_twice(coordinatore):
    expense = pay(BudgetLineFactory(), coordinatore)
    expense_reverse_payment(expense=expense, user=coordinatore, reason="annullata")
    with pytest.raises(ValidationError, match="non può passare"):
        expense_reverse_payment(expense=expense, user=coordinatore, reason="di nuovo")


# --- The state machine ---------------------------------------------------------------------------------------


def test_referent_submits_and_administration_approves(referente, amministrazione, media_root):
    expense = ExpenseFactory(document=True)
    expense = expense_transition(expense=expense, status="submitted", user=referente)
    assert (expense.status, expense.submitted_by) == (ExpenseStatus.SUBMITTED, referente)
    expense = expense_transition(expense=expense, status="approved", user=amministrazione)
    assert (expense.status, expense.decided_by) == (ExpenseStatus.APPROVED, amministrazione)
    assert expense.decided_at is not None
    assert [h.status for h in expense.history.order_by("history_id")] == ["draft", "submitted", "approved"]


def test_rejection_needs_a_reason(amministrazione):
    expense = ExpenseFactory(status=ExpenseStatus.SUBMITTED)
    with pytest.raises(ValidationError, match="motivazione"):
        expense_transition(expense=expense, status="rejected", user=amministrazione)
    expense = expense_transition(expense=expense, status="rejected", user=amministrazione, reason="Manca la fattura")
    assert expense.status_reason == "Manca la fattura"


@pytest.mark.parametrize("role", ["referente", "direzione", "udp_cremasco"])
def test_only_administration_approves(request, role):
    user = request.getfixturevalue(role)
    expense = ExpenseFactory(status=ExpenseStatus.SUBMITTED)
    with pytest.raises(PermissionDenied):
        expense_transition(expense=expense, status="approved", user=user)
    expense.refresh_from_db()
    assert expense.status == ExpenseStatus.SUBMITTED


FORBIDDEN = [
    ("draft", "approved"),
    ("draft", "rejected"),
    ("draft", "draft"),
    ("submitted", "draft"),
    ("submitted", "submitted"),
    ("approved", "rejected"),
    ("approved", "submitted"),
    ("approved", "draft"),
    ("rejected", "approved"),
    ("rejected", "submitted"),
]


@pytest.mark.parametrize(("start", "target"), FORBIDDEN)
def test_forbidden_transitions(superuser, start, target):
    expense = ExpenseFactory(status=start, status_reason="motivo" if start == "rejected" else "")
    with pytest.raises(ValidationError, match="non può passare"):
        expense_transition(expense=expense, status=target, user=superuser, reason="motivo")


def test_reversal_is_not_reachable_through_the_generic_transition(superuser):
    expense = ExpenseFactory(status=ExpenseStatus.APPROVED)
    with pytest.raises(PermissionDenied):
        expense_transition(expense=expense, status="reversed", user=superuser, reason="x")


def test_a_partner_cannot_submit_another_organisations_expense(referente):
    other = BudgetLineFactory(partner=Organisation.objects.get(name="Comune di Crema"))
    expense = ExpenseFactory(line=other)
    with pytest.raises(PermissionDenied):
        expense_transition(expense=expense, status="submitted", user=referente)


def test_a_stale_version_is_refused(referente, amministrazione):
    expense = ExpenseFactory(status=ExpenseStatus.SUBMITTED)
    seen = expense.version
    expense_transition(expense=expense, status="rejected", user=amministrazione, reason="doppia")
    with pytest.raises(ConcurrentEditError):
        expense_transition(expense=expense, status="approved", user=amministrazione, expected_version=seen)


def test_database_refuses_non_positive_amounts_and_inconsistent_gross():
    line = BudgetLineFactory()
    for net, vat, gross in [("0", "0", "0"), ("-1", "0", "-1"), ("10", "-1", "9"), ("10", "2", "13")]:
        with pytest.raises(IntegrityError), transaction.atomic():
            ExpenseFactory(line=line, net_amount=Decimal(net), vat_amount=Decimal(vat), gross_amount=Decimal(gross))
    with pytest.raises(IntegrityError), transaction.atomic():
        BudgetLineFactory(planned_amount=Decimal("0"))


def test_running_totals_stay_equal_to_the_ledger(referente, amministrazione, coordinatore):
    from governance.budget.actuals import actuals_rebuild
    from governance.models import BudgetLineActuals

    line = BudgetLineFactory()
    drafts = [
        ExpenseFactory(line=line, net_amount=Decimal(n), vat_amount=Decimal("0"), document=True)
        for n in ("10", "20", "30")
    ]
    for expense in drafts:
        expense_transition(expense=expense, status="submitted", user=referente)
    expense_transition(expense=drafts[0], status="approved", user=amministrazione)
    expense_transition(expense=drafts[1], status="rejected", user=amministrazione, reason="no")
    payment = pay(line, coordinatore, amount=Decimal("5.00"))
    expense_reverse_payment(expense=payment, user=coordinatore, reason="annullata")
    pay(line, coordinatore, amount=Decimal("7.00"))
    totals = BudgetLineActuals.objects.get(line=line)
    assert (totals.approved, totals.submitted) == (Decimal("17.00"), Decimal("30.00"))
    actuals_rebuild()
    rebuilt = BudgetLineActuals.objects.get(line=line)
    assert (rebuilt.approved, rebuilt.submitted) == (totals.approved, totals.submitted)
