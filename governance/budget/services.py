"""Writes of the budget: atomic, checked, recorded in the audit trail (django-simple-history).

Interface for the action apps: a payment they make (a pact disbursement, a lab or
company-pact budget paid to an implementing body) is posted into the one expense ledger, on the right budget line,
without being typed twice::

    from governance.budget.enums import CostCategory, FundingSource
    from governance.budget.services import payment_post, expense_reverse_payment

    with transaction.atomic():
        record = Model.objects.select_for_update().get(pk=pk)   # lock the capped record, check its ceiling
        expense = payment_post(action_code="2A", district=record.district, date=day, amount=Decimal("500.00"),
                               funding_source=FundingSource.CARIPLO, description="Saldo del budget",
                               payee="Comune di Crema", user=request.user, document_number="2A-12")
    ...
    expense_reverse_payment(expense=expense, user=request.user, reason="Pagamento annullato")

- `payment_post` finds the line through the `PaymentMapping` (action, district, funding source → partner and cost
  category; default: the district's lead organisation, "contributions"), checks that the date falls in a project
  year, and raises ValidationError in Italian when the active plan has no such line. `budget_line_for` is the
  lower-level lookup by partner and category.

- `expense_record_payment` posts the payment as an APPROVED expense (origin "payment"), so it counts as actual at
  once; creation is recorded in history with the user.
- `expense_reverse_payment` does not delete: it moves the expense to status "reversed" (Annullata) with the reason,
  so it stops counting as actual (actual = approved only) while the ledger and the history keep the trace.
  Only expenses posted by `expense_record_payment` can be reversed this way.
- Payments need no supporting document: an expense entered by hand is submitted, and an imported one approved,
  only with a document attached (`Expense.missing_document_for`, checked by `Expense.transition_to`).
Both raise `django.core.exceptions.ValidationError` with an Italian message on bad input; call them inside the
caller's transaction so that the payment and its ledger entry are saved together or not at all.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from ..audit import audited_save, check_version
from ..models import Action, BudgetLine, BudgetPlan, Expense, ExpenseAttachment, PaymentMapping, ProjectYear
from ..permissions import require
from . import permissions
from .actuals import actuals_move, actuals_of_new
from .enums import CostCategory, DocumentKind, ExpenseOrigin, ExpenseStatus, FundingSource

# --- The interface for the action apps ------------------------------------------------------------------------


def budget_line_for(
    *, action_code: str, partner, project_year, category: str, funding_source: str
) -> BudgetLine | None:
    """The line of the ACTIVE plan for this action/partner/year/category/source, or None.

    `partner` is an Organisation (or its pk), `project_year` a ProjectYear (or its pk); `category` a
    `CostCategory` value (e.g. "contributions"), `funding_source` a `FundingSource` value (e.g. "cariplo").
    """
    return (
        BudgetLine.objects.of_active_plan()
        .filter(
            action__code=action_code,
            partner=partner,
            year=project_year,
            category=CostCategory(category),
            funding_source=FundingSource(funding_source),
        )
        .select_related("plan", "action", "partner", "year")
        .first()
    )


@transaction.atomic
def expense_record_payment(
    *,
    line: BudgetLine,
    date: dt.date,
    amount: Decimal,
    description: str,
    payee: str,
    user,
    document_kind: str = "other",
    document_number: str = "",
) -> Expense:
    """Post a payment made by an action app (e.g. a pact disbursement) as an APPROVED expense on `line`.

    Recorded in history with `user`. Validates amount > 0 with at most 2 decimals, a date inside a project year
    and a line of the active plan; raises django.core.exceptions.ValidationError with an Italian message otherwise.
    """
    if isinstance(amount, float) or not isinstance(amount, Decimal | int):
        raise ValidationError("L'importo deve essere un numero decimale esatto (Decimal), non un numero in virgola.")
    amount = Decimal(amount)
    now = timezone.now()
    expense = Expense(
        line=line,
        date=date,
        description=description,
        payee=payee,
        document_kind=DocumentKind(document_kind),
        document_number=document_number,
        net_amount=amount,
        vat_amount=Decimal("0.00"),
        gross_amount=amount,
        status=ExpenseStatus.APPROVED,
        origin=ExpenseOrigin.PAYMENT,
        created_by=user,
        submitted_by=user,
        submitted_at=now,
        decided_by=user,
        decided_at=now,
    )
    expense.full_clean()
    audited_save(expense, user=user, reason="Pagamento registrato da un'azione del programma")
    actuals_of_new([expense])
    return expense


def payment_line_for(*, action_code: str, district, project_year, funding_source: str) -> BudgetLine:
    """The line of the active plan that receives a payment of this action, district, year and funding source.

    The partner and category come from the `PaymentMapping` (default: the district's lead organisation and
    "contributions"). Raises ValidationError with an Italian message naming what is missing.
    """
    action = Action.objects.filter(code=action_code).first()
    if action is None:
        raise ValidationError(f"L'azione {action_code} non esiste.")
    partner, category = PaymentMapping.objects.resolve(action=action, district=district, funding_source=funding_source)
    line = (
        budget_line_for(
            action_code=action_code,
            partner=partner,
            project_year=project_year,
            category=category,
            funding_source=funding_source,
        )
        if partner is not None
        else None
    )
    if line is None:
        source = FundingSource(funding_source).label
        raise ValidationError(
            f"Nessuna voce del piano di budget attivo per l'azione {action_code} "
            f"«{CostCategory(category).label.lower()}» di {partner or 'un titolare non indicato'}, {project_year} "
            f"e fonte «{source}»: il pagamento non è stato registrato. Chiedere allo Staff Amministrazione di "
            "aggiungere la voce o di correggere l'abbinamento."
        )
    return line


@transaction.atomic
def payment_post(
    *,
    action_code: str,
    district,
    date: dt.date,
    amount: Decimal,
    funding_source: str,
    description: str,
    payee: str,
    user,
    document_number: str = "",
) -> Expense:
    """Post a payment of an action app into the ledger, on the line the payment mapping gives (see module doc).

    The caller locks its own capped record and checks its own ceiling first, in the same transaction.
    """
    year = ProjectYear.objects.containing(date).first()
    if year is None:
        raise ValidationError({"date": "La data del pagamento non cade in nessun anno di progetto."})
    line = payment_line_for(
        action_code=action_code, district=district, project_year=year, funding_source=funding_source
    )
    return expense_record_payment(
        line=line,
        date=date,
        amount=amount,
        description=description,
        payee=payee,
        user=user,
        document_kind="other",
        document_number=document_number,
    )


@transaction.atomic
def expense_reverse_payment(*, expense: Expense, user, reason: str) -> None:
    """Reverse an expense posted by expense_record_payment (e.g. a cancelled disbursement).

    The expense is not deleted: it becomes "Annullata" (status "reversed") with the reason and stops counting as
    actual; history records who and when. Raises ValidationError if it was not a payment or is not approved.
    """
    locked = Expense.objects.select_for_update().get(pk=expense.pk)
    if locked.origin != ExpenseOrigin.PAYMENT:
        raise ValidationError("Solo i pagamenti registrati da un'azione del programma possono essere annullati così.")
    _transition(locked, ExpenseStatus.REVERSED, user=user, reason=reason)
    expense.refresh_from_db()


def _transition(expense: Expense, status: str, *, user, reason: str = "") -> None:
    """Move the (locked) expense through its state machine and its amount between the line's running totals."""
    previous = expense.status
    expense.transition_to(status, user=user, reason=reason)
    actuals_move(line_id=expense.line_id, amount=expense.gross_amount, old=previous, new=expense.status)


# --- Expenses entered by partners and the administration -------------------------------------------------------


@transaction.atomic
def expense_create(*, form, user) -> Expense:
    """Save a new draft expense from a valid ExpenseForm (the form has already run the model's rules)."""
    expense = form.instance  # filled by the valid form; ExpenseForm has no many-to-many field
    require(permissions.can_enter_expense_on(user, expense.line))
    expense.origin = ExpenseOrigin.MANUAL
    expense.status = ExpenseStatus.DRAFT
    return audited_save(expense, user=user)


@transaction.atomic
def expense_update(*, form, user, expected_version: int | None) -> Expense:
    """Save changes to a draft expense; a newer version in the database means a concurrent edit: nothing saved."""
    expense = form.instance
    current = Expense.objects.select_for_update().only("status", "line").get(pk=expense.pk)
    require(permissions.can_enter_expense_on(user, current.line))
    if not current.is_editable:
        raise ValidationError("Solo le spese in bozza possono essere modificate.")
    require(permissions.can_enter_expense_on(user, expense.line))  # the line it is moved to, too
    return audited_save(expense, user=user, expected_version=expected_version)


TRANSITION_PERMISSION = {
    ExpenseStatus.SUBMITTED: lambda user, expense: permissions.can_enter_expense_on(user, expense.line),
    ExpenseStatus.DRAFT: lambda user, expense: permissions.can_enter_expense_on(user, expense.line),
    ExpenseStatus.APPROVED: lambda user, expense: permissions.can_approve_expenses(user),
    ExpenseStatus.REJECTED: lambda user, expense: permissions.can_approve_expenses(user),
}


def can_transition(user, expense: Expense, status: str) -> bool:
    """Whether the state machine and the user's role allow moving `expense` to `status` (for buttons)."""
    status = ExpenseStatus(status)
    allowed = TRANSITION_PERMISSION.get(status)
    return (
        allowed is not None and status in Expense.TRANSITIONS[ExpenseStatus(expense.status)] and allowed(user, expense)
    )


@transaction.atomic
def expense_transition(
    *, expense: Expense, status: str, user, reason: str = "", expected_version: int | None = None
) -> Expense:
    """Submit, approve, reject or reopen an expense: lock, check role and transition, save, record history.

    Approving and rejecting are for Staff Amministrazione (PermissionDenied otherwise); reversal goes through
    `expense_reverse_payment` only.
    """
    status = ExpenseStatus(status)
    locked = Expense.objects.select_for_update().select_related("line__plan").get(pk=expense.pk)
    check = TRANSITION_PERMISSION.get(status)
    require(check is not None and check(user, locked))
    if expected_version is not None:
        check_version(locked, expected_version)  # a stale page is refused before the state machine speaks
    _transition(locked, status, user=user, reason=reason)
    return locked


@transaction.atomic
def expense_attachment_add(*, form, expense: Expense, user) -> ExpenseAttachment:
    """Store a document (already checked by governance.uploads.validate_document through the form)."""
    expense = Expense.objects.select_for_update().select_related("line").get(pk=expense.pk)
    require(permissions.can_attach_to(user, expense))
    attachment = form.save(commit=False)
    attachment.expense = expense
    attachment.uploaded_by = user
    attachment._history_user = user
    attachment.save()
    return attachment


# --- Imports (rows already checked by governance.imports with the models' own validators) -------------------


@transaction.atomic
def budget_lines_import(*, lines: list[BudgetLine], user) -> list[BudgetLine]:
    """Create the imported plan lines, each in history with `user`."""
    require(permissions.can_manage_budget(user))
    return bulk_create_with_history(
        lines, BudgetLine, default_user=user, default_change_reason="Importazione del piano"
    )


@transaction.atomic
def expenses_import(*, expenses: list[Expense], user) -> list[Expense]:
    """Create the imported expenses as submitted (to be approved), in history and in the lines' running totals."""
    require(permissions.can_manage_budget(user))
    now = timezone.now()
    for expense in expenses:
        expense.status, expense.origin = ExpenseStatus.SUBMITTED, ExpenseOrigin.IMPORT
        expense.created_by = expense.submitted_by = user
        expense.submitted_at = now
    created = bulk_create_with_history(
        expenses, Expense, default_user=user, default_change_reason="Importazione delle spese"
    )
    actuals_of_new(expenses)
    return created


# --- Plans ----------------------------------------------------------------------------------------------------


@transaction.atomic
def budget_plan_activate(*, plan: BudgetPlan, user) -> BudgetPlan:
    """Make `plan` the active one (the previous active plan is deactivated first; both changes in history)."""
    require(permissions.can_manage_budget(user))
    for other in BudgetPlan.objects.select_for_update().filter(is_active=True).exclude(pk=plan.pk):
        other.is_active = False
        other._history_user = user
        other.save()
    plan.is_active = True
    plan._history_user = user
    plan.save()
    return plan


@transaction.atomic
def budget_plan_save(*, form, user, reason: str = "") -> BudgetPlan:
    """Create or update a plan version from a valid BudgetPlanForm (activation only through budget_plan_activate)."""
    require(permissions.can_manage_budget(user))
    plan = form.instance
    if plan.pk:
        plan.is_active = BudgetPlan.objects.select_for_update().values_list("is_active", flat=True).get(pk=plan.pk)
    else:
        plan.is_active = False
    plan._history_user = user
    plan._change_reason = reason
    return form.save()


@transaction.atomic
def budget_line_save(*, form, user, reason: str = "") -> BudgetLine:
    """Create or update a plan line from a valid BudgetLineForm.

    A line that already has expenses keeps its key (plan, action, partner, year, category, source): its expenses
    are counted on it (`BudgetLine.key_is_frozen`); only the planned amount and the description change.
    """
    require(permissions.can_manage_budget(user))
    line = form.instance
    if line.pk:
        BudgetLine.objects.select_for_update().filter(pk=line.pk).exists()  # lock, then check under the lock
    line.full_clean()  # BudgetLine.clean: a line with expenses keeps its key
    line._history_user = user
    line._change_reason = reason
    return form.save()
