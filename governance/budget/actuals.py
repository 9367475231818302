"""Running totals per budget line (approved, submitted), kept in step with the expense ledger.

The services of `governance.budget.services` that change an expense call these functions (a status change calls
`actuals_move`, payments and imports `actuals_of_new`); both run in the caller's transaction and lock nothing but
the totals row they change (an UPDATE … SET approved = approved + x, atomic in the database, so concurrent
approvals never lose an amount). `actuals_rebuild` recomputes the totals from the ledger in SQL (after bulk
loads, or to verify).
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from django.db.models import F, Q

from ..models import BudgetLineActuals, Expense
from .enums import ExpenseStatus

BUCKETS = {ExpenseStatus.APPROVED: "approved", ExpenseStatus.SUBMITTED: "submitted"}


def actuals_add(amounts: dict[int, dict[str, Decimal]]) -> None:
    """Add `{line_id: {"approved": x, "submitted": y}}` (amounts may be negative) to the running totals."""
    for line_id, delta in amounts.items():
        changes = {bucket: F(bucket) + value for bucket, value in delta.items() if value}
        if not changes:
            continue
        BudgetLineActuals.objects.get_or_create(line_id=line_id)
        BudgetLineActuals.objects.filter(line_id=line_id).update(**changes)


def actuals_move(*, line_id: int, amount: Decimal, old: str | None, new: str) -> None:
    """An expense of `amount` on `line_id` moved from status `old` (None: new expense) to `new`."""
    delta: dict[str, Decimal] = defaultdict(Decimal)
    if old in BUCKETS:
        delta[BUCKETS[old]] -= amount
    if new in BUCKETS:
        delta[BUCKETS[new]] += amount
    actuals_add({line_id: delta})


def actuals_of_new(expenses) -> None:
    """Count newly created expenses (any status) in the totals: one UPDATE per line touched."""
    delta: dict[int, dict[str, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    for expense in expenses:
        if expense.status in BUCKETS:
            delta[expense.line_id][BUCKETS[expense.status]] += expense.gross_amount
    actuals_add(delta)


def actuals_rebuild(lines=None) -> None:
    """Recompute the totals of `lines` (a BudgetLine queryset; default: all) from the ledger, in SQL."""
    from ..models import BudgetLine
    from ..money import money_sum

    lines = BudgetLine.objects.all() if lines is None else lines
    BudgetLineActuals.objects.filter(line__in=lines.values("pk")).delete()
    sums = (
        Expense.objects.filter(line__in=lines.values("pk"), status__in=list(BUCKETS))
        .order_by()
        .values("line_id")
        .annotate(
            approved=money_sum("gross_amount", filter=Q(status=ExpenseStatus.APPROVED)),
            submitted=money_sum("gross_amount", filter=Q(status=ExpenseStatus.SUBMITTED)),
        )
    )
    BudgetLineActuals.objects.bulk_create(
        [BudgetLineActuals(line_id=s["line_id"], approved=s["approved"], submitted=s["submitted"]) for s in sums],
        batch_size=2000,
    )
