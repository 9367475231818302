"""Reusable bulk data generator for PostgreSQL: COPY rows straight into a model's table.

`copy_rows(model, columns, rows)` streams any iterable of tuples with COPY (hundreds of thousands of rows per
second); `generate_budget(...)` uses it to build budget lines and expenses. The synthetic rows skip the audit trail
on purpose (they are benchmark data, not records anyone changed); never run this on a real database.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import random
from collections.abc import Iterable
from decimal import Decimal

from django.db import connection, transaction

CHUNK = 100_000


def copy_rows(model, columns: list[str], rows: Iterable[tuple]) -> int:
    """COPY `rows` (tuples in the order of `columns`; None → NULL) into `model`'s table; returns the count."""
    table = model._meta.db_table
    sql = f"COPY {table} ({', '.join(columns)}) FROM STDIN WITH (FORMAT csv, NULL '\\N')"
    total = 0
    iterator = iter(rows)
    if connection.vendor != "postgresql":  # the SQLite smoke test: plain INSERTs, same rows
        insert = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join(['%s'] * len(columns))})"  # noqa: S608
        with connection.cursor() as cursor:
            while chunk := list(itertools.islice(iterator, CHUNK)):
                cursor.executemany(insert, chunk)
                total += len(chunk)
        return total
    with connection.cursor() as cursor:
        while chunk := list(itertools.islice(iterator, CHUNK)):
            buffer = io.StringIO()
            writer = csv.writer(buffer)
            writer.writerows(tuple("\\N" if v is None else v for v in row) for row in chunk)
            buffer.seek(0)
            cursor.cursor.copy_expert(sql, buffer)
            total += len(chunk)
    return total


# Share of expenses by status (the report reads approved and submitted).
STATUSES = [("approved", 70), ("submitted", 15), ("draft", 10), ("rejected", 5)]


@transaction.atomic
def generate_budget(*, lines: int, expenses: int, seed: int = 42, rebuild: bool = True) -> dict:
    """`lines` budget lines on the active plan (plus a tenth on the original one) and `expenses` over them; with
    `rebuild=False` the caller rebuilds the running totals after loading more expenses."""
    from governance.budget.actuals import actuals_rebuild
    from governance.budget.enums import CostCategory, FundingSource
    from governance.models import Action, BudgetLine, BudgetPlan, Expense, Organisation, ProjectYear

    rng = random.Random(seed)  # noqa: S311 - synthetic data
    active = BudgetPlan.objects.get(is_active=True)
    original = BudgetPlan.objects.exclude(pk=active.pk).first()
    keys = list(
        itertools.product(
            Action.objects.values_list("pk", flat=True),
            Organisation.objects.filter(is_partner=True).values_list("pk", flat=True),
            ProjectYear.objects.values_list("pk", flat=True),
            CostCategory.values,
            FundingSource.values,
        )
    )
    if len(keys) < lines:
        raise ValueError(f"At most {len(keys)} distinct lines per plan.")
    years = {y.pk: y for y in ProjectYear.objects.all()}

    def line_rows(plan, count):
        for action, partner, year, category, source in rng.sample(keys, count):
            amount = Decimal(rng.randint(1_000, 200_000))
            yield (plan.pk, action, partner, year, category, source, "[BENCH] riga sintetica", amount)

    columns = ["plan_id", "action_id", "partner_id", "year_id", "category", "funding_source", "description"]
    copy_rows(BudgetLine, [*columns, "planned_amount"], line_rows(active, lines))
    if original:
        copy_rows(BudgetLine, [*columns, "planned_amount"], line_rows(original, max(1, lines // 10)))
    line_years = list(BudgetLine.objects.filter(plan=active).values_list("pk", "year_id"))
    weights = [w for _, w in STATUSES]
    now = dt.datetime.now(dt.UTC).isoformat()

    def expense_rows():
        for i in range(expenses):
            line_id, year_id = line_years[i % len(line_years)]
            year = years[year_id]
            day = year.start + dt.timedelta(days=rng.randrange((year.end - year.start).days + 1))
            status = rng.choices(STATUSES, weights)[0][0]
            # Whole euros whose VAT is whole too: net + VAT = gross holds exactly in SQLite's floating point as well.
            net = Decimal(50 * rng.randint(1, 100))
            vat = net * 22 / 100
            yield (
                line_id,
                day,
                "[BENCH] spesa sintetica",
                "Fornitore sintetico",
                "invoice",
                f"B-{i}",
                net,
                vat,
                net + vat,
                "",
                "",
                status,
                "motivo" if status == "rejected" else "",
                "manual",
                now,
                now,
                1,
            )

    copy_rows(
        Expense,
        [
            "line_id",
            "date",
            "description",
            "payee",
            "document_kind",
            "document_number",
            "net_amount",
            "vat_amount",
            "gross_amount",
            "cup",
            "cig",
            "status",
            "status_reason",
            "origin",
            "created_at",
            "updated_at",
            "version",
        ],
        expense_rows(),
    )
    if rebuild:
        actuals_rebuild()  # the running totals per line, from the ledger just loaded
    return {"lines": BudgetLine.objects.filter(plan=active).count(), "expenses": Expense.objects.count()}


def vacuum_analyze(*models) -> None:
    """Fresh statistics and visibility map (index-only scans) after a bulk load; outside a transaction."""
    with connection.cursor() as cursor:
        for model in models:
            cursor.execute(f"VACUUM ANALYZE {model._meta.db_table}")
