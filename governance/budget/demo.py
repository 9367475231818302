"""Demo data of the budget (seed_wellfare --demo): an illustrative allocation of the revised plan, and expenses.

The allocation is synthetic (labelled "ripartizione illustrativa" in the UI through
`BudgetPlan.illustrative_allocation`) but its totals are the real ones, to the euro: € 3,014,748 in all,
€ 1,500,000 from Fondazione Cariplo and € 350,000 from donations (€ 50,764 raised in year 1 are spent in year 2,
so the donation lines are € 177,764 in year 2 and € 172,236 in year 3). Deterministic (fixed random seed).
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from simple_history.utils import bulk_create_with_history

from ..models import Action, BudgetLine, BudgetPlan, Expense, ExpenseAttachment, Organisation, ProjectYear
from .actuals import actuals_of_new
from .enums import AttachmentKind, DocumentKind, ExpenseOrigin, ExpenseStatus
from .enums import CostCategory as C
from .enums import FundingSource as F

DEMO_LABEL = "[DEMO]"

# Amount of each funding source in each project year (whole euros); the grand total is € 3,014,748. As the seed's plan
# reads (seed 1774-1777): Cariplo's share decreases year by year while the partners' own resources grow.
SOURCE_YEAR_TOTALS = {
    F.CARIPLO: {1: 550_000, 2: 500_000, 3: 450_000},  # € 1,500,000
    F.DONATIONS: {2: 50_764 + 127_000, 3: 172_236},  # € 350,000
    F.COFINANCING: {1: 330_000, 2: 377_374, 3: 417_374},  # € 1,124,748
    F.OTHER: {2: 20_000, 3: 20_000},  # € 40,000
}

# (action code, partner, cost category, weight, funding sources it draws on)
ALL = (F.CARIPLO, F.COFINANCING)
SLOTS = [
    ("1", "Azienda Sociale del Cremonese", C.CONTRIBUTIONS, 9, ALL),
    ("1", "Comunità Sociale Cremasca a.s.c.", C.CONTRIBUTIONS, 9, ALL),
    ("1", "Consorzio Casalasco dei Servizi Sociali", C.CONTRIBUTIONS, 5, ALL),
    ("1", "Consorzio Arcobaleno", C.PERSONNEL, 7, ALL),
    ("1", "Consorzio Sol.Co. Cremona", C.PERSONNEL, 7, ALL),
    ("2A", "Comune di Cremona", C.CONTRIBUTIONS, 6, (*ALL, F.DONATIONS)),
    ("2A", "Comune di Crema", C.CONTRIBUTIONS, 6, (*ALL, F.DONATIONS)),
    ("2A", "CISVOL Centro Servizi per il Volontariato Cremona", C.PERSONNEL, 4, ALL),
    ("2B", "Camera di Commercio di Cremona", C.SERVICES, 3, ALL),
    ("2B", "Confcooperative Cremona", C.CONTRIBUTIONS, 3, (*ALL, F.DONATIONS)),
    ("2B", "Legacoop Lombardia", C.CONTRIBUTIONS, 2, (*ALL, F.DONATIONS)),
    ("3", "Comune di Crema", C.PERSONNEL, 6, (*ALL, F.DONATIONS, F.OTHER)),
    ("3", "Consorzio Arcobaleno", C.GOODS, 3, (*ALL, F.DONATIONS)),
    ("3", "Comune di Cremona", C.PERSONNEL, 5, (*ALL, F.OTHER)),
    ("4", "Provincia di Cremona", C.TRAINING, 5, ALL),
    ("5", "Fondazione Comunitaria della Provincia di Cremona", C.COMMUNICATION, 5, ALL),
    ("GA", "Comune di Cremona", C.GENERAL, 4, (*ALL, F.OTHER)),
]


def split(total: int, weights: list[int]) -> list[int]:
    """Split `total` euros by `weights` (largest remainder): the parts add up to `total` exactly."""
    whole = sum(weights)
    raw = [total * w / whole for w in weights]
    parts = [int(r) for r in raw]
    for index in sorted(range(len(raw)), key=lambda i: raw[i] - parts[i], reverse=True)[: total - sum(parts)]:
        parts[index] += 1
    return parts


def allocation(plan: BudgetPlan) -> list[BudgetLine]:
    actions = {a.code: a for a in Action.objects.all()}
    partners = {o.name: o for o in Organisation.objects.filter(name__in={s[1] for s in SLOTS})}
    years = {y.number: y for y in ProjectYear.objects.all()}
    lines = []
    for source, by_year in SOURCE_YEAR_TOTALS.items():
        slots = [s for s in SLOTS if source in s[4]]
        for number, total in by_year.items():
            for (code, partner, category, _, _), amount in zip(slots, split(total, [s[3] for s in slots]), strict=True):
                lines.append(
                    BudgetLine(
                        plan=plan,
                        action=actions[code],
                        partner=partners[partner],
                        year=years[number],
                        category=category,
                        funding_source=source,
                        description=f"{DEMO_LABEL} {category.label} – {actions[code].name}",
                        planned_amount=Decimal(amount),
                    )
                )
    return lines


# Share of each year's planned amount spent (approved) in the demo, and the reference day of the demo.
SPENT_SHARE = {1: (0.85, 1.0), 2: (0.55, 0.9), 3: (0.1, 0.35)}
PAYEES = ["Cooperativa Il Seme", "Studio Rossi & Associati", "Tipografia Padana", "Soggetto attuatore", "Personale"]


def demo_expenses(lines: list[BudgetLine], users: dict) -> list[Expense]:
    rng = random.Random(2016)  # noqa: S311 - demo data, not security
    expenses = []
    for index, line in enumerate(lines):
        low, high = SPENT_SHARE[line.year.number]
        share = Decimal(str(round(rng.uniform(low, high), 3)))
        if index == 3:
            share = Decimal("1.08")  # one overspent line, flagged in the report
        spent = (line.planned_amount * share).quantize(Decimal("1"))
        parts = split(int(spent), [rng.randint(1, 5) for _ in range(rng.randint(2, 4))])
        span = (line.year.end - line.year.start).days
        for number, amount in enumerate(parts):
            if amount <= 0:
                continue
            day = line.year.start + dt.timedelta(days=rng.randint(0, span))
            status = ExpenseStatus.APPROVED
            if line.year.number == 3 and number == len(parts) - 1:
                status = ExpenseStatus.SUBMITTED
            net = (Decimal(amount) / Decimal("1.22")).quantize(Decimal("0.01"))
            vat = Decimal(amount) - net
            if line.category in (C.PERSONNEL, C.CONTRIBUTIONS):
                net, vat = Decimal(amount), Decimal("0.00")
            expenses.append(
                Expense(
                    line=line,
                    date=day,
                    description=f"{DEMO_LABEL} {line.get_category_display()} – quota {number + 1}",
                    payee=rng.choice(PAYEES),
                    document_kind=DocumentKind.PAYSLIP if line.category == C.PERSONNEL else DocumentKind.INVOICE,
                    document_number=f"D-{index:03d}-{number}",
                    document_date=day,
                    net_amount=net,
                    vat_amount=vat,
                    gross_amount=net + vat,
                    payment_date=day + dt.timedelta(days=30) if status == ExpenseStatus.APPROVED else None,
                    status=status,
                    origin=ExpenseOrigin.MANUAL,
                    created_by=users["referente"],
                    submitted_by=users["referente"],
                    submitted_at=dt.datetime.combine(day, dt.time(10), tzinfo=dt.UTC),
                    decided_by=users["amministrazione"] if status == ExpenseStatus.APPROVED else None,
                    decided_at=dt.datetime.combine(day, dt.time(16), tzinfo=dt.UTC)
                    if status == ExpenseStatus.APPROVED
                    else None,
                )
            )
    return expenses


DEMO_PDF = (  # a one-page blank PDF standing in for an invoice
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def demo_documents(submitted: list[Expense]) -> None:
    """A document on three submitted expenses out of four: the queue shows both cases (approvable, to ask for)."""
    attachments = []
    for index, expense in enumerate(submitted):
        if index % 4 == 3:
            continue
        attachment = ExpenseAttachment(expense=expense, kind=AttachmentKind.DOCUMENT)
        attachment.file.save(f"fattura-demo-{expense.pk}.pdf", ContentFile(DEMO_PDF), save=False)
        attachments.append(attachment)
    bulk_create_with_history(attachments, ExpenseAttachment, default_change_reason="Documenti dimostrativi")


def seed_demo_budget(*, stdout) -> None:
    """Add the illustrative allocation to the active plan (once) and demo expenses on it (after the demo users)."""
    users = {u.username: u for u in get_user_model().objects.filter(username__in=["referente", "amministrazione"])}
    plan = BudgetPlan.objects.active().first()
    if plan is None or plan.lines.exists():
        stdout.write("Budget dimostrativo già presente (o nessun piano attivo): nessuna modifica.")
        return
    plan.illustrative_allocation = True
    plan.save()
    bulk_create_with_history(allocation(plan), BudgetLine, default_change_reason="Ripartizione illustrativa")
    lines = list(plan.lines.select_related("year").order_by("pk"))
    expenses = demo_expenses(lines, users)
    bulk_create_with_history(expenses, Expense, default_change_reason="Spese dimostrative")
    actuals_of_new(expenses)
    demo_documents(list(Expense.objects.filter(status=ExpenseStatus.SUBMITTED, line__plan=plan).order_by("pk")))
    stdout.write(f"Budget dimostrativo: {len(lines)} righe (ripartizione illustrativa) e relative spese.")
