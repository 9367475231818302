"""The benchmark at scale (issue 13, item 6): every app's data on PostgreSQL, then the pages that read it, timed.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/wf_scale python -m bench.scale [--scale 1] [--runs 5] [--reuse]

At `--scale 1`: 100,000 pacts with their households, disbursements and assessments; 1,000,000 expenses in the
ledger (the pacts' disbursements included); 500,000 donations from 100,000 donors; 10,000 community labs, company
pacts, civic centers and training labs, each with a few children. Generated in SQL (`bench/series.py`: INSERT …
SELECT over a series; the expenses with `bench/generate.py`'s COPY), running totals rebuilt, VACUUM ANALYZE. Then,
through Django's test client (median of `--runs` warm runs): the dashboard as `direzione` and as a district office
(`udp.cremasco`, whose dashboard adds the worklist), each next to the sum of its bare aggregate queries, the monitoring
report (HTML and PDF), and each app's list page next to Django admin's changelist of the same table (superuser
`admin`). Prints a markdown table with the targets: dashboard < 500 ms and ≤ 1.5 × its bare aggregates; monitoring
PDF < 5 s; each list faster than the admin.
"""

from __future__ import annotations

import argparse
import io
import logging
import os
import secrets
import time
from dataclasses import dataclass

DASHBOARD_MS = 500
DASHBOARD_USERS = ("direzione", "udp.cremasco")  # the programme, and a district office with its worklist panel
DASHBOARD_OVER_BARE = 1.5
MONITORING_PDF_MS = 5000
MONITORING = "/governance/reports/monitoring/?year=2"
# (label, list URL, user, admin changelist of the same table)
LISTS = [
    ("patti", "/patti/", "direzione", "/admin/patti/patto/"),
    ("laboratori", "/laboratori/", "direzione", "/admin/laboratori/laboratorio/"),
    ("imprese", "/imprese/", "direzione", "/admin/imprese/pattoimpresa/"),
    ("civic_center", "/civic-center/", "direzione", "/admin/civic_center/civiccenter/"),
    ("wellfare_lab", "/wellfare-lab/", "direzione", "/admin/wellfare_lab/traininglab/"),
    ("fundraising donazioni", "/fundraising/donations/", "fundraising", "/admin/fundraising/donation/"),
    ("fundraising donatori", "/fundraising/", "fundraising", "/admin/fundraising/donor/"),
    ("budget spese", "/governance/budget/expenses/", "direzione", "/admin/governance/expense/"),
]
GENERATED_TABLES = [
    "patti_household",
    "laboratori_laboratorio",
    "imprese_pattoimpresa",
    "civic_center_civiccenter",
    "wellfare_lab_traininglab",
    "fundraising_donation",
    "fundraising_donor",
    "governance_budgetlineactuals",
    "governance_expenseattachment",
    "governance_expense",
]


@dataclass(frozen=True)
class Sizes:
    pacts: int
    expenses: int
    donations: int
    records: int
    lines: int

    @classmethod
    def at(cls, scale: float) -> Sizes:
        return cls(
            pacts=max(20, round(100_000 * scale)),
            expenses=max(200, round(1_000_000 * scale)),
            donations=max(10, round(500_000 * scale)),
            records=max(4, round(10_000 * scale)),
            lines=max(20, min(2_000, round(2_000 * scale))),
        )

    @property
    def disbursements(self) -> int:
        """Two per signed pact: the pacts whose number modulo 20 is not 0 or 1 (bench/scale_patti.py)."""
        return 2 * sum(1 for g in range(1, self.pacts + 1) if g % 20 >= 2)


@dataclass
class Row:
    page: str
    user: str
    ms: float | None
    queries: int | None
    target: str = ""
    passed: bool | None = None
    status: int = 200

    def markdown(self) -> str:
        if self.ms is not None:
            ms = f"{self.ms:,.0f}"
        else:  # a page not landed yet (404) or one that failed: the run goes on
            ms = "non disponibile" if self.status == 404 else f"HTTP {self.status}"
        queries = "" if self.queries is None else str(self.queries)
        verdict = {True: "pass", False: "**fail**", None: ""}[self.passed]
        return f"| {self.page} | {self.user} | {ms} | {queries} | {self.target} | {verdict} |"


def clear() -> None:
    """Empty what a previous run generated (PostgreSQL: TRUNCATE … CASCADE takes the children with it)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {', '.join(GENERATED_TABLES)} RESTART IDENTITY CASCADE")
        cursor.execute("DELETE FROM governance_budgetline")


def generate_all(sizes: Sizes, *, out=print) -> dict[str, int]:
    """Every app's data at `sizes`, running totals rebuilt, statistics fresh. Returns the row counts."""
    from django.apps import apps
    from django.db import transaction

    from governance.budget.actuals import actuals_rebuild

    from .generate import generate_budget
    from .scale_apps import (
        generate_civic_centers,
        generate_company_pacts,
        generate_fundraising,
        generate_labs,
        generate_training_labs,
        reference,
    )
    from .scale_patti import generate_patti
    from .series import analyze

    counts: dict[str, int] = {}
    steps = [
        (
            "budget",
            lambda: generate_budget(lines=sizes.lines, expenses=sizes.expenses - sizes.disbursements, rebuild=False),
        ),
        ("patti", lambda: generate_patti(pacts=sizes.pacts)),
        ("laboratori", lambda: generate_labs(records=sizes.records, ref=reference())),
        ("imprese", lambda: generate_company_pacts(records=sizes.records, ref=reference())),
        ("civic_center", lambda: generate_civic_centers(records=sizes.records, ref=reference())),
        ("wellfare_lab", lambda: generate_training_labs(records=sizes.records, ref=reference())),
        ("fundraising", lambda: generate_fundraising(donations=sizes.donations, ref=reference())),
        ("running totals", lambda: actuals_rebuild() or {}),
    ]
    for name, step in steps:
        start = time.perf_counter()
        with transaction.atomic():
            counts.update(step())
        out(f"  {name:<16}{time.perf_counter() - start:8.1f} s")
    start = time.perf_counter()
    labels = ["governance", "patti", "laboratori", "imprese", "civic_center", "wellfare_lab", "fundraising"]
    analyze(*[m for label in labels for m in apps.get_app_config(label).get_models() if not m._meta.proxy])
    out(f"  {'VACUUM ANALYZE':<16}{time.perf_counter() - start:8.1f} s")
    return counts


def logged_in(username: str):
    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client(raise_request_exception=False)  # a page that fails is a row of the table, not the end of the run
    client.force_login(get_user_model().objects.get(username=username))
    return client


def measure(*, runs: int, verbose: bool = False, out=print) -> list[Row]:
    """Time every page of the table (the demo users `direzione`, `udp.cremasco`, `fundraising` and `admin` must
    exist)."""
    from .timing import time_page, time_statements

    clients = {name: logged_in(name) for name in ("direzione", *DASHBOARD_USERS, "fundraising", "admin")}
    rows = []
    for user in DASHBOARD_USERS:
        dashboard = time_page(clients[user], "/", runs)
        bare_ms, each = time_statements(dashboard.aggregates, runs)
        bound = DASHBOARD_OVER_BARE * bare_ms
        for ms, sql in each[:3] if verbose else []:
            out(f"dashboard ({user}) aggregate {ms:,.0f} ms: {sql[:300]}…")
        rows.append(
            Row(
                "dashboard /",
                user,
                dashboard.ms,
                dashboard.queries,
                f"< {DASHBOARD_MS} ms and ≤ {DASHBOARD_OVER_BARE} × bare ({bound:,.0f} ms)",
                dashboard.available and dashboard.ms < DASHBOARD_MS and dashboard.ms <= bound,
                dashboard.status,
            )
        )
        rows.append(Row("dashboard: its bare aggregates (SQL only)", user, bare_ms, len(dashboard.aggregates)))
    for label, url, target in (
        ("monitoring report HTML", MONITORING, None),
        ("monitoring report PDF", MONITORING + "&format=pdf", MONITORING_PDF_MS),
    ):
        timing = time_page(clients["direzione"], url, runs)
        passed = None if target is None or not timing.available else timing.ms < target
        target_text = f"< {target} ms" if target else ""
        rows.append(Row(label, "direzione", timing.ms, timing.queries, target_text, passed, timing.status))
    for label, url, user, admin_url in LISTS:
        page = time_page(clients[user], url, runs)
        admin = time_page(clients["admin"], admin_url, runs)
        both = page.available and admin.available
        rows.append(
            Row(
                f"{label} `{url}`",
                user,
                page.ms,
                page.queries,
                f"< admin ({admin.ms:,.0f} ms)" if admin.available else "< admin",
                (page.ms < admin.ms) if both else (False if admin.available else None),
                page.status,
            )
        )
        rows.append(Row(f"admin `{admin_url}`", "admin", admin.ms, admin.queries, status=admin.status))
    return rows


def table(rows: list[Row]) -> str:
    head = "| page | user | ms (median) | queries | target | pass/fail |\n|---|---|---:|---:|---|---|"
    return "\n".join([head, *(row.markdown() for row in rows)])


def prepare() -> None:
    """Schema, reference data and the demo users (their password is random: the benchmark logs in directly)."""
    from django.core.management import call_command

    from governance.demo import seed_demo_users

    call_command("migrate", verbosity=0)
    call_command("seed_wellfare", stdout=io.StringIO())
    seed_demo_users(stdout=io.StringIO(), password=secrets.token_urlsafe(16))


def already_there(sizes: Sizes) -> bool:
    from django.apps import apps

    from governance.models import Expense

    return (
        apps.get_model("patti", "Patto").objects.count() == sizes.pacts
        and Expense.objects.count() == sizes.expenses
        and apps.get_model("fundraising", "Donation").objects.count() == sizes.donations
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=1.0, help="1 = 100,000 pacts; 0.01 for a quick smoke run")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per page after one warm-up")
    parser.add_argument("--reuse", action="store_true", help="keep the data of a previous run of the same scale")
    args = parser.parse_args(argv)

    from .setup import django_setup

    django_setup()
    logging.getLogger("wellfare.requests").setLevel(logging.WARNING)  # one line per request would bury the table
    logging.getLogger("django.request").setLevel(logging.ERROR)  # a page not landed yet is reported in the table
    prepare()
    sizes = Sizes.at(args.scale)
    if args.reuse and already_there(sizes):
        print(f"Reusing the data of scale {args.scale}.")
    else:
        print(f"Generating scale {args.scale}: {sizes}")
        start = time.perf_counter()
        clear()
        counts = generate_all(sizes)
        print(
            f"Generated in {time.perf_counter() - start:.1f} s: " + ", ".join(f"{k} {v:,}" for k, v in counts.items())
        )
    print(f"\nMedian of {args.runs} warm runs per page, scale {args.scale}:\n")
    rows = measure(runs=args.runs, verbose=True)
    print()
    print(table(rows))
    print(f"\nload average: {os.getloadavg()}")


if __name__ == "__main__":
    main()
