"""The demo allocation follows the seed's plan: € 3,014,748 in all, Cariplo's share decreasing year by year."""

from decimal import Decimal

from django.db.models import Q, Sum

from governance.budget.enums import FundingSource
from governance.models import BudgetLine


def test_the_demo_plan_keeps_the_totals_and_cariplo_share_decreases_year_by_year(demo_budget):
    lines = BudgetLine.objects.filter(plan__is_active=True)
    assert lines.aggregate(total=Sum("planned_amount"))["total"] == Decimal("3014748.00")
    cariplo = lines.filter(funding_source=FundingSource.CARIPLO)
    assert cariplo.aggregate(total=Sum("planned_amount"))["total"] == Decimal("1500000.00")
    shares = []
    for number in (1, 2, 3):
        year = lines.aggregate(
            all=Sum("planned_amount", filter=Q(year__number=number)),
            cariplo=Sum("planned_amount", filter=Q(year__number=number, funding_source=FundingSource.CARIPLO)),
        )
        shares.append(year["cariplo"] / year["all"])
    assert shares[0] > shares[1] > shares[2], shares
