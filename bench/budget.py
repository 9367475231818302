"""Budget benchmark: the planned-vs-actual report (HTML and PDF) over 1,000,000 expenses and 2,000 lines.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/wf_bench python -m bench.budget [--lines 2000]
        [--expenses 1000000] [--runs 5] [--reuse]

Targets (issue 3): HTML < 1 s, PDF < 3 s, a query count that does not depend on the number of expenses.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import time

from .setup import django_setup


def timed(client, url: str, runs: int) -> tuple[float, float, int, int]:
    """(median s, max s, queries, bytes) of `runs` GETs of `url` after one warm-up."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        times.append(time.perf_counter() - start)
        assert response.status_code == 200, response.status_code
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return statistics.median(times), max(times), len(queries), len(response.content)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lines", type=int, default=2_000)
    parser.add_argument("--expenses", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--reuse", action="store_true", help="keep the data of a previous run if present")
    args = parser.parse_args()
    django_setup()

    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from governance.enums import Role
    from governance.models import BudgetLine, BudgetLineActuals, Expense, UserProfile
    from governance.roles import ensure_roles

    from .generate import generate_budget, vacuum_analyze

    call_command("migrate", verbosity=0)
    call_command("seed_wellfare", stdout=io.StringIO())
    if not (args.reuse and Expense.objects.count() == args.expenses):
        with connection.cursor() as cursor:
            cursor.execute(
                "TRUNCATE governance_budgetlineactuals, governance_expenseattachment, governance_expense CASCADE"
            )
            cursor.execute("DELETE FROM governance_budgetline")
        start = time.perf_counter()
        counts = generate_budget(lines=args.lines, expenses=args.expenses)
        print(
            f"Generated {counts['lines']} lines, {counts['expenses']} expenses in {time.perf_counter() - start:.1f} s"
        )
        vacuum_analyze(Expense, BudgetLine, BudgetLineActuals)
    user, _ = get_user_model().objects.get_or_create(username="bench.amministrazione")
    user.groups.set([ensure_roles()[Role.AMMINISTRAZIONE]])
    UserProfile.objects.get_or_create(user=user)
    client = Client()
    client.force_login(user)

    print(
        f"\n{Expense.objects.count():,} expenses over {BudgetLine.objects.filter(plan__is_active=True).count():,} "
        f"lines of the active plan; {args.runs} runs after a warm-up\n"
    )
    print(f"{'page':<28}{'median':>10}{'max':>10}{'queries':>10}{'bytes':>12}")
    for label, url, target in (
        ("report HTML", "/governance/reports/budget/", 1.0),
        ("report PDF", "/governance/reports/budget/?format=pdf", 3.0),
        ("report XLSX", "/governance/reports/budget/?format=xlsx", None),
        ("report CSV", "/governance/reports/budget/?format=csv", None),
        ("report HTML, year 2", "/governance/reports/budget/?year=2", 1.0),
        ("expense list", "/governance/budget/expenses/", 1.0),
    ):
        median, worst, queries, size = timed(client, url, args.runs)
        verdict = "" if target is None else ("  OK" if median < target else f"  OVER {target:.0f} s")
        print(f"{label:<28}{median:>9.3f}s{worst:>9.3f}s{queries:>10}{size:>12,}{verdict}")

    from governance.budget.reports import line_figures

    lines = BudgetLine.objects.filter(plan__is_active=True)
    start = time.perf_counter()
    line_figures(lines)
    print(f"\nline_figures (one query, {lines.count():,} lines): {time.perf_counter() - start:.3f} s")
    query = lines.values("pk", "planned_amount", "actuals__approved", "actuals__submitted")
    print("EXPLAIN ANALYZE (shape of the report's query):\n" + query.explain(analyze=True))
    print(f"\nload average during the run: {os.getloadavg()}")


if __name__ == "__main__":
    main()
