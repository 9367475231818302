"""Reads shared by the patti views, the PDF and the reports."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch, Sum, prefetch_related_objects

from governance.money import as_money

from .enums import FundingSource
from .models import Assessment, Disbursement, EquipeMember, Patto


def patto_list_queryset(user):
    return Patto.objects.visible_to(user).select_related("household", "district", "project_year")


def annotate_page(page, reference: dt.date):
    """Money and flags for the rows of one page only, so that counting the list stays a plain COUNT (one query)."""
    ids = [p.pk for p in page.object_list]
    rows = Patto.objects.filter(pk__in=ids).select_related("household", "district", "project_year")
    by_pk = {p.pk: p for p in rows.with_money().with_flags(reference)}
    page.object_list = [by_pk[pk] for pk in ids]
    return page


def patto_detail_queryset(user):
    return Patto.objects.visible_to(user).select_related(
        "household", "household__municipality", "district", "project_year", "promoter_organisation", "created_by"
    )


def patto_related(patto: Patto) -> Patto:
    """Load équipe, commitments, disbursements and assessments of one pact (a fixed number of queries)."""
    prefetch_related_objects(
        [patto],
        Prefetch("equipe", queryset=EquipeMember.objects.select_related("user", "organisation")),
        "commitments",
        Prefetch("disbursements", queryset=Disbursement.objects.select_related("implementing_body", "expense")),
        Prefetch("assessments", queryset=Assessment.objects.select_related("assessor").order_by("date", "pk")),
    )
    return patto


@dataclass
class BudgetRow:
    source: str
    label: str
    budget: Decimal
    disbursed: Decimal

    @property
    def remaining(self) -> Decimal:
        return self.budget - self.disbursed


def budget_balance(patto: Patto) -> list[BudgetRow]:
    """Budget, disbursed and remaining per funding source (sums in SQL)."""
    sums = dict(patto.disbursements.active().values_list("funding_source").annotate(total=Sum("amount")).order_by())
    rows = [
        BudgetRow(source, label, patto.budget_for(source), as_money(sums.get(source)))
        for source, label in FundingSource.choices
    ]
    rows.append(
        BudgetRow(
            "total",
            "Totale",
            sum((r.budget for r in rows), Decimal("0")),
            sum((r.disbursed for r in rows), Decimal("0")),
        )
    )
    return rows


def patto_flags(patto: Patto, reference: dt.date) -> dict:
    """The équipe's alerts for one pact, from the same SQL as the list (`with_flags`)."""
    row = Patto.objects.filter(pk=patto.pk).with_flags(reference).only("pk", "status").get()
    return {
        "needs_assessment": bool(row.needs_assessment),
        "declining": row.is_declining,
        "fallen_dimensions": row.fallen_dimensions or 0,
    }
