"""The "da approvare" queue of Staff Amministrazione: reads (the queue, its neighbours) and the bulk approval.

Every expense of a bulk approval goes through `services.expense_transition` on its own (its own transaction, its
own history entry): one that cannot be approved (no document, changed meanwhile, no longer submitted) is reported
with its reason and left exactly as it was, while the others are approved.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import DecimalField, Exists, ExpressionWrapper, F, OuterRef, Value
from django.db.models.functions import Coalesce

from ..audit import ConcurrentEditError
from ..models import Expense, ExpenseAttachment
from ..money import ZERO, format_eur
from . import services
from .enums import ExpenseStatus

AMOUNT = DecimalField(max_digits=14, decimal_places=2)
QUEUE_ORDER = ("date", "pk")


def approval_queue(user):
    """Submitted expenses the user may see, with their line's remaining budget and whether a document is attached.

    `remaining`: the line's planned amount minus what is already approved on it; `remaining_after`: what would be
    left once this expense is approved too (negative: the line would be overspent).
    """
    remaining = ExpressionWrapper(
        F("line__planned_amount") - Coalesce(F("line__actuals__approved"), Value(ZERO)), output_field=AMOUNT
    )
    return (
        Expense.objects.visible_to(user)
        .filter(status=ExpenseStatus.SUBMITTED)
        .select_related("line__action", "line__partner", "line__year", "line__actuals", "submitted_by")
        .annotate(
            remaining=remaining,
            remaining_after=ExpressionWrapper(remaining - F("gross_amount"), output_field=AMOUNT),
            has_document=Exists(ExpenseAttachment.objects.filter(expense=OuterRef("pk"))),
        )
    )


def queue_neighbours(*, user, expense: Expense) -> tuple[Expense | None, Expense | None]:
    """The previous and next expense of the queue in its default order (date, then number), for one-by-one review."""
    queue = Expense.objects.visible_to(user).filter(status=ExpenseStatus.SUBMITTED).only("pk", "date")
    earlier = queue.filter(date__lt=expense.date) | queue.filter(date=expense.date, pk__lt=expense.pk)
    later = queue.filter(date__gt=expense.date) | queue.filter(date=expense.date, pk__gt=expense.pk)
    return earlier.order_by("-date", "-pk").first(), later.order_by(*QUEUE_ORDER).first()


@dataclass
class ApprovalOutcome:
    expense: Expense
    approved: bool
    message: str = ""

    @property
    def name(self) -> str:
        e = self.expense
        return f"spesa del {e.date:%d/%m/%Y} di {e.payee} ({format_eur(e.gross_amount)})"


def expenses_approve(*, expenses: list[Expense], user, versions: dict[int, int] | None = None) -> list[ApprovalOutcome]:
    """Approve each expense through the service (each in its own transaction, each in history).

    `versions` maps an expense's pk to the version the user saw: an expense changed since is not approved.
    Returns one outcome per expense; a refusal leaves that expense untouched and does not stop the others.
    """
    versions = versions or {}
    outcomes = []
    for expense in expenses:
        try:
            approved = services.expense_transition(
                expense=expense, status=ExpenseStatus.APPROVED, user=user, expected_version=versions.get(expense.pk)
            )
        except ValidationError as error:
            outcomes.append(ApprovalOutcome(expense, False, " ".join(error.messages)))
        except ConcurrentEditError as error:
            outcomes.append(ApprovalOutcome(expense, False, error.message))
        except PermissionDenied:
            outcomes.append(ApprovalOutcome(expense, False, "Il suo ruolo non consente di approvarla."))
        else:
            outcomes.append(ApprovalOutcome(approved, True))
    return outcomes
