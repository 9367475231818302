"""The benchmark at scale (`python -m bench.scale`, issue 13 item 6) cannot rot: at a tiny scale, on whatever database
the tests use, it generates every app's data within the models' rules, keeps the running totals equal to the ledger,
and times every page of its table."""

import pytest
from django.apps import apps
from django.db.models import Sum

from bench.scale import DASHBOARD_USERS, LISTS, Sizes, generate_all, measure, table
from governance.budget.enums import ExpenseStatus
from governance.models import BudgetLineActuals, Expense

pytestmark = pytest.mark.django_db

SAMPLED = [
    ("patti", "Household"),
    ("patti", "Patto"),
    ("patti", "Disbursement"),
    ("patti", "Assessment"),
    ("laboratori", "Laboratorio"),
    ("laboratori", "LabMeeting"),
    ("laboratori", "SelfAssessment"),
    ("imprese", "PattoImpresa"),
    ("civic_center", "CivicCenter"),
    ("civic_center", "Activity"),
    ("wellfare_lab", "TrainingLab"),
    ("wellfare_lab", "Session"),
    ("wellfare_lab", "Participant"),
    ("fundraising", "Donor"),
    ("fundraising", "Donation"),
]


@pytest.fixture
def generated():
    sizes = Sizes.at(0.0001)
    generate_all(sizes, out=lambda *_: None)
    return sizes


def test_generator_makes_the_sizes_asked_for(generated):
    assert apps.get_model("patti", "Patto").objects.count() == generated.pacts
    assert apps.get_model("patti", "Disbursement").objects.count() == generated.disbursements
    assert Expense.objects.count() == generated.expenses
    assert apps.get_model("fundraising", "Donation").objects.count() == generated.donations
    for app, model in [("laboratori", "Laboratorio"), ("imprese", "PattoImpresa"), ("civic_center", "CivicCenter")]:
        assert apps.get_model(app, model).objects.count() == generated.records


def test_generated_rows_pass_the_models_own_validation(generated):
    for app, name in SAMPLED:
        model = apps.get_model(app, name)
        rows = list(model.objects.order_by("pk")[:6])
        assert rows, f"{app}.{name}: nothing generated"
        for row in rows:
            row.full_clean()


def test_running_totals_equal_the_ledger(generated):
    approved = Expense.objects.filter(status=ExpenseStatus.APPROVED).aggregate(s=Sum("gross_amount"))["s"]
    assert BudgetLineActuals.objects.aggregate(s=Sum("approved"))["s"] == approved
    disbursed = apps.get_model("patti", "Disbursement").objects.aggregate(s=Sum("amount"))["s"]
    assert Expense.objects.filter(origin="payment").aggregate(s=Sum("gross_amount"))["s"] == disbursed


def test_assessment_summaries_equal_their_rebuild(generated):
    from patti.models import AssessmentSummary, summary_rebuild

    def stored():
        return sorted(AssessmentSummary.objects.values_list())

    generated_rows = stored()
    assert generated_rows, "the generator wrote no assessment summary"
    summary_rebuild()
    assert stored() == generated_rows


def test_every_page_of_the_table_is_timed(generated):
    rows = measure(runs=1)
    text = table(rows)
    assert text.startswith("| page | user | ms (median) | queries | target | pass/fail |")
    timed = {(row.page, row.user): row for row in rows}
    for user in DASHBOARD_USERS:
        assert timed["dashboard /", user].ms is not None and timed["dashboard /", user].queries
        assert timed["dashboard: its bare aggregates (SQL only)", user].queries
    for label, url, user, admin_url in LISTS:
        assert timed[f"{label} `{url}`", user].ms is not None, f"{url} did not answer 200"
        assert timed[f"admin `{admin_url}`", "admin"].ms is not None, f"{admin_url} did not answer 200"
        assert timed[f"{label} `{url}`", user].queries, f"{url}: no query counted"
