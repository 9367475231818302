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
Both raise `django.core.exceptions.ValidationError` with an Italian message on bad input; call them inside the
caller's transaction so that the payment and its ledger entry are saved together or not at all.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from ..models import Action, BudgetLine, BudgetPlan, Expense, ExpenseAttachment, PaymentMapping, ProjectYear
from ..services import ConcurrentEditError
from . import permissions
from .actuals import actuals_of_new
from .enums import CostCategory, DocumentKind, ExpenseOrigin, ExpenseStatus, FundingSource

CONCURRENT_EXPENSE_MESSAGE = (
    "Nel frattempo un'altra persona ha modificato questa spesa. "
    "Ricaricare la pagina per vedere la versione aggiornata prima di salvare di nuovo."
)


def _forbidden():
    return PermissionDenied("Il suo ruolo non consente questa operazione.")


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
    expense._history_user = user
    expense._change_reason = "Pagamento registrato da un'azione del programma"
    expense.save()
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
    locked.transition_to(ExpenseStatus.REVERSED, user=user, reason=reason)
    expense.refresh_from_db()


# --- Expenses entered by partners and the administration -------------------------------------------------------


@transaction.atomic
def expense_create(*, form, user) -> Expense:
    """Save a new draft expense from a valid ExpenseForm (the form has already run the model's rules)."""
    expense = form.save(commit=False)
    if not permissions.can_enter_expense_on(user, expense.line):
        raise _forbidden()
    expense.created_by = user
    expense.origin = ExpenseOrigin.MANUAL
    expense.status = ExpenseStatus.DRAFT
    expense._history_user = user
    expense.save()
    return expense


@transaction.atomic
def expense_update(*, form, user, expected_version: int | None) -> Expense:
    """Save changes to a draft expense; a newer version in the database means a concurrent edit: nothing saved."""
    expense = form.instance
    current = Expense.objects.select_for_update().only("version", "status", "line").get(pk=expense.pk)
    if not permissions.can_enter_expense_on(user, current.line):
        raise _forbidden()
    if expected_version is None or current.version != expected_version:
        raise ConcurrentEditError(CONCURRENT_EXPENSE_MESSAGE)
    if current.status != ExpenseStatus.DRAFT:
        raise ValidationError("Solo le spese in bozza possono essere modificate.")
    if not permissions.can_enter_expense_on(user, expense.line):
        raise _forbidden()
    expense.version = current.version + 1
    expense._history_user = user
    return form.save()


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
    if check is None or not check(user, locked):
        raise _forbidden()
    if expected_version is not None and locked.version != expected_version:
        raise ConcurrentEditError(CONCURRENT_EXPENSE_MESSAGE)
    locked.transition_to(status, user=user, reason=reason)
    return locked


@transaction.atomic
def expense_attachment_add(*, form, expense: Expense, user) -> ExpenseAttachment:
    """Store a document (already checked by governance.uploads.validate_document through the form)."""
    if not permissions.can_enter_expense_on(user, expense.line) or expense.status not in (
        ExpenseStatus.DRAFT,
        ExpenseStatus.SUBMITTED,
    ):
        raise _forbidden()
    attachment = form.save(commit=False)
    attachment.expense = expense
    attachment.uploaded_by = user
    attachment._history_user = user
    attachment.save()
    return attachment


# --- Plans ----------------------------------------------------------------------------------------------------


@transaction.atomic
def budget_plan_activate(*, plan: BudgetPlan, user) -> BudgetPlan:
    """Make `plan` the active one (the previous active plan is deactivated first; both changes in history)."""
    if not permissions.can_manage_budget(user):
        raise _forbidden()
    for other in BudgetPlan.objects.select_for_update().filter(is_active=True).exclude(pk=plan.pk):
        other.is_active = False
        other._history_user = user
        other.save()
    plan.is_active = True
    plan._history_user = user
    plan.save()
    return plan
