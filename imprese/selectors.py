"""Reads shared by the imprese views: scoped querysets, one page's money, one pact's related records."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch, prefetch_related_objects

from governance.money import ZERO

from .enums import FundingSource
from .models import PactParty, PactPayment, PattoImpresa, QuestionnaireResult, QuestionnaireRound
from .services import paid_by_source


def pact_list_queryset(user):
    return PattoImpresa.objects.visible_to(user).select_related("company", "district")


def annotate_page(page):
    """The paid amount for the rows of one page only, so that counting the list stays one plain COUNT."""
    ids = [p.pk for p in page.object_list]
    paid = dict(PattoImpresa.objects.filter(pk__in=ids).with_paid().values_list("pk", "paid"))
    for pact in page.object_list:
        pact.paid = paid.get(pact.pk, ZERO)
    return page


def pact_detail_queryset(user):
    return PattoImpresa.objects.visible_to(user).select_related("company", "district", "created_by")


def pact_related(pact: PattoImpresa) -> PattoImpresa:
    """Parties, actions, trainings, indicators, questionnaires with results, packages, dissemination and payments of
    one pact, in a fixed number of queries."""
    prefetch_related_objects(
        [pact],
        Prefetch("parties", queryset=PactParty.objects.select_related("organisation")),
        "actions",
        "trainings",
        "indicators",
        Prefetch(
            "questionnaires",
            queryset=QuestionnaireRound.objects.prefetch_related(
                Prefetch("results", queryset=QuestionnaireResult.objects.select_related("indicator"))
            ),
        ),
        "packages",
        "disseminations",
        Prefetch("payments", queryset=PactPayment.objects.select_related("payee", "expense")),
    )
    return pact


@dataclass
class BudgetRow:
    source: str
    label: str
    budget: Decimal
    paid: Decimal

    @property
    def remaining(self) -> Decimal:
        return self.budget - self.paid


def budget_balance(pact: PattoImpresa) -> list[BudgetRow]:
    """Budget, paid and remaining per funding source, and the total (sums in SQL)."""
    paid = paid_by_source(pact)
    rows = [
        BudgetRow(source, label, pact.budget_for(source), paid.get(source, ZERO))
        for source, label in FundingSource.choices
    ]
    rows.append(BudgetRow("total", "Totale", sum((r.budget for r in rows), ZERO), sum((r.paid for r in rows), ZERO)))
    return rows
