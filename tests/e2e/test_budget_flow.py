"""The budget in a real browser (issue 3): a partner referent submits an expense, the administration approves it,
and the report's actual changes."""

import re

import pytest
from playwright.sync_api import expect

from governance.models import Expense
from tests.governance.budget.factories import BudgetLineFactory

REPORT = "/governance/reports/budget/"


@pytest.mark.e2e
def test_referent_submits_administration_approves_and_the_report_changes(open_page, login):
    line = BudgetLineFactory()  # Consorzio Arcobaleno, the demo referent's organisation, on the active plan

    referent = login(open_page(), "referente")
    referent.goto(f"/governance/budget/expenses/new/?line={line.pk}")
    expect(referent.get_by_role("heading", level=1)).to_have_text("Nuova spesa")
    referent.get_by_label("Data della spesa").fill("2016-11-10")
    referent.get_by_label("Descrizione").fill("Budget di welfare personale, prima erogazione")
    referent.get_by_label("Fornitore o beneficiario").fill("Cooperativa Il Seme")
    referent.get_by_label("Numero del documento").fill("FT-7")
    referent.get_by_label("Imponibile").fill("1.000,00")
    referent.get_by_label(re.compile(r"\bIVA\b")).fill("220,00")
    referent.get_by_role("button", name="Salva").click()
    expect(referent.get_by_role("alert")).to_contain_text("Spesa salvata in bozza")
    referent.get_by_role("button", name="Presenta all'amministrazione").click()
    expect(referent.get_by_test_id("expense-status")).to_have_text("Presentata")

    admin = login(open_page(), "amministrazione")
    admin.goto(REPORT)
    summary = admin.locator("main")
    expect(summary).to_contain_text("consuntivo approvato 0,00 €")
    expect(summary).to_contain_text("presentato da approvare 1.220,00 €")
    admin.goto(Expense.objects.get().get_absolute_url())
    admin.get_by_role("button", name="Approva").click()
    expect(admin.get_by_test_id("expense-status")).to_have_text("Approvata")

    admin.goto(REPORT)
    expect(summary).to_contain_text("consuntivo approvato 1.220,00 €")
    expect(summary).to_contain_text("presentato da approvare 0,00 €")
    expect(
        admin.get_by_role("table", name="Per partner").get_by_role("row", name=re.compile("Consorzio Arcobaleno"))
    ).to_contain_text("1.220,00 €")
