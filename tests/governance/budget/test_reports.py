"""The planned-vs-actual report: reconciliation, scope, the four formats agree, bounded queries, overspending."""

import csv
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from governance.budget.actuals import actuals_rebuild
from governance.budget.enums import ExpenseStatus, FundingSource
from governance.budget.reports import budget_report, plan_reconciliation
from governance.models import BudgetLine, BudgetPlan, Expense, Organisation
from tests.governance.budget.factories import BudgetLineFactory, ExpenseFactory

pytestmark = pytest.mark.django_db
REPORT = reverse("governance:budget_report")


def active():
    return BudgetPlan.objects.get(is_active=True)


def test_demo_allocation_matches_the_real_totals_to_the_cent(demo_budget):
    plan = active()
    sums = plan_reconciliation(plan)
    assert sums["total"] == Decimal("3014748.00")
    assert sums["total_difference"] == 0
    assert sums["cariplo"] == Decimal("1500000.00")
    assert sums["donations"] == Decimal("350000.00")
    assert plan.illustrative_allocation
    assert not BudgetLine.objects.filter(plan=plan, year__number=1, funding_source=FundingSource.DONATIONS).exists()


def test_report_for_the_active_plan_reconciles_to_3014748(demo_budget, client_for, amministrazione):
    response = client_for(amministrazione).get(REPORT)
    report = response.context["report"]
    assert report.total.planned == Decimal("3014748.00")
    assert report.reconciles
    for breakdown in report.breakdowns:
        assert breakdown.total.planned == Decimal("3014748.00")
    text = response.content.decode()
    assert "3.014.748,00 €" in text
    assert "ripartizione illustrativa" in text
    assert "<svg" in text


def test_actual_counts_approved_and_pending_counts_submitted(amministrazione):
    line = BudgetLineFactory(planned_amount=Decimal("1000.00"))
    for status, net in [("approved", "100.00"), ("submitted", "50.00"), ("draft", "7.00"), ("rejected", "9.00")]:
        ExpenseFactory(line=line, status=status, net_amount=Decimal(net), vat_amount=Decimal("0"), status_reason="x")
    report = budget_report(user=amministrazione, filters={})
    assert (report.total.actual, report.total.pending) == (Decimal("100.00"), Decimal("50.00"))
    assert report.total.variance == Decimal("900.00")
    assert report.total.spent_pct == Decimal("10.0")


def test_overspending_is_allowed_and_flagged_in_the_report_and_on_the_line(client_for, amministrazione):
    line = BudgetLineFactory(planned_amount=Decimal("100.00"))
    ExpenseFactory(line=line, status=ExpenseStatus.APPROVED, net_amount=Decimal("150.00"), vat_amount=Decimal("0"))
    client = client_for(amministrazione)
    report = client.get(REPORT).context["report"]
    assert [r["pk"] for r in report.overspent_lines] == [line.pk]
    assert "sforamento" in client.get(REPORT).content.decode()
    page = client.get(line.get_absolute_url()).content.decode()
    assert "sforamento" in page and "-50,00 €" in page


def test_partner_referent_sees_only_its_organisation_in_the_report(demo_budget, referente):
    report = budget_report(user=referente, filters={})
    partners = {label for row in report.breakdowns[1].rows for label in row.labels}
    assert partners == {"Consorzio Arcobaleno"}
    assert not report.complete_scope


def test_udp_sees_the_lines_of_its_district_partners(demo_budget, udp_cremasco):
    report = budget_report(user=udp_cremasco, filters={})
    partners = {row.labels[0] for row in report.breakdowns[1].rows}
    cremasco = {
        o.short_name or o.name
        for o in Organisation.objects.filter(district__code="cremasco", budget_lines__isnull=False).distinct()
    }
    assert partners == cremasco
    assert "Comune di Cremona" not in partners


def test_filters_narrow_the_report(demo_budget, amministrazione):
    report = budget_report(user=amministrazione, filters={"funding_source": FundingSource.CARIPLO})
    assert report.total.planned == Decimal("1500000.00")
    assert not report.complete_scope


def test_comparison_shows_both_plan_versions_by_action(demo_budget, amministrazione):
    BudgetLineFactory(plan=BudgetPlan.objects.get(code="originale-2015"), planned_amount=Decimal("5000.00"))
    comparison = budget_report(user=amministrazione, filters={}).comparison
    assert [p.code for p in comparison.plans] == ["originale-2015", "assestato-2016"]
    assert comparison.totals == [Decimal("5000.00"), Decimal("3014748.00")]


def _html_total(response):
    return response.context["report"].total


def test_pdf_xlsx_and_csv_show_the_same_figures_as_the_html(demo_budget, client_for, amministrazione):
    client = client_for(amministrazione)
    report = client.get(REPORT).context["report"]
    by_partner = report.breakdowns[1]

    workbook = load_workbook(io.BytesIO(client.get(REPORT, {"format": "xlsx"}).content))
    assert workbook.sheetnames == [
        "Per azione e anno",
        "Per partner",
        "Per fonte di finanziamento",
        "Per categoria di costo",
        "Confronto versioni del piano",
    ]
    sheet = workbook["Per partner"]
    assert sheet.freeze_panes == "A2"
    assert sheet.cell(2, 2).number_format.endswith('"€"')
    xlsx_rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    assert [r[0] for r in xlsx_rows[:-1]] == [row.labels[0] for row in by_partner.rows]
    assert [Decimal(str(r[1])) for r in xlsx_rows[:-1]] == [row.figures.planned for row in by_partner.rows]
    assert Decimal(str(xlsx_rows[-1][2])) == report.total.actual

    content = client.get(REPORT, {"format": "csv"}).content
    assert content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    assert rows[1] == [
        "Azione",
        "Anno",
        "Previsto",
        "Consuntivo approvato",
        "Presentato da approvare",
        "Scostamento",
        "% speso",
    ]
    totals = [r for r in rows if r and r[0] == "Totale"]
    assert totals[0][2] == "3014748,00"
    assert totals[0][3] == str(report.total.actual).replace(".", ",")

    pdf = client.get(REPORT, {"format": "pdf"})
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")


def test_pdf_html_contains_the_same_figures_and_the_charts(demo_budget, rf, amministrazione):
    from django.template.loader import render_to_string

    from governance.budget.charts import bar_chart

    report = budget_report(user=amministrazione, filters={})
    html = render_to_string(
        "governance/budget/report_pdf.html",
        {"report": report, "charts": [bar_chart(report.breakdowns[2])], "generated_at": None},
    )
    assert "<svg" in html
    assert "3.014.748,00 €" in html
    assert f"{report.total.actual:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".") in html


@pytest.mark.parametrize("count", [10, 1000])
def test_report_queries_do_not_grow_with_expenses(client_for, amministrazione, django_assert_max_num_queries, count):
    lines = [BudgetLineFactory(partner=org) for org in Organisation.objects.filter(is_partner=True)[:4]]
    Expense.objects.bulk_create(
        [
            Expense(
                line=lines[i % len(lines)],
                date="2016-10-01",
                description="x",
                payee="y",
                net_amount=Decimal("1.00"),
                vat_amount=Decimal("0.00"),
                gross_amount=Decimal("1.00"),
                status=ExpenseStatus.APPROVED,
            )
            for i in range(count)
        ]
    )
    actuals_rebuild()
    client = client_for(amministrazione)
    # The page's own queries plus the navigation's role checks (21 since issue 13's menu entries), at any size.
    with django_assert_max_num_queries(21):
        response = client.get(REPORT)
    assert response.context["report"].total.actual == Decimal(count)
    # The lists carry the filter bar: one query per choice list (year, action, district, partner), fixed.
    with django_assert_max_num_queries(24):
        client.get(reverse("governance:expense_list"))
    with django_assert_max_num_queries(24):
        client.get(active().get_absolute_url())
