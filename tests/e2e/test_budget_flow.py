"""The budget in a real browser (issues 3 and 8): a partner referent submits an expense with its document, the
administration approves it and the report's actual changes; the administration approves several expenses at once
from the "da approvare" queue."""

import re

import pytest
from playwright.sync_api import expect

from governance.budget.enums import ExpenseStatus
from governance.models import Expense
from tests.factories import MINIMAL_PDF
from tests.governance.budget.factories import BudgetLineFactory, ExpenseFactory

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
    submit = referent.get_by_role("button", name="Presenta all'amministrazione")
    expect(submit).to_be_disabled()  # no document yet
    expect(referent.locator("main")).to_contain_text("senza un documento di spesa allegato")
    referent.get_by_label("File").set_input_files(
        files=[{"name": "fattura.pdf", "mimeType": "application/pdf", "buffer": MINIMAL_PDF}]
    )
    referent.get_by_role("button", name="Allega").click()
    expect(referent.get_by_role("alert")).to_contain_text("Documento allegato")
    submit.click()
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


@pytest.mark.e2e
def test_administration_approves_several_expenses_from_the_queue(open_page, login, assert_accessible, media_root):
    line = BudgetLineFactory()
    payees = ["Tipografia Padana", "Cooperativa Il Seme", "Studio Rossi"]
    for day, payee in enumerate(payees, start=1):
        ExpenseFactory(line=line, payee=payee, status=ExpenseStatus.SUBMITTED, date=f"2016-10-{day:02d}")
    ExpenseFactory(line=line, payee="Noleggi Bianchi", status=ExpenseStatus.SUBMITTED, document=False)

    page = login(open_page(), "amministrazione")
    page.get_by_role("link", name="Da approvare").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Spese da approvare")
    queue = page.get_by_test_id("approval-queue")
    expect(queue.get_by_role("row")).to_have_count(5)  # header + 4 expenses
    expect(queue).to_contain_text("Residuo della riga")
    expect(queue).to_contain_text("Manca")
    assert_accessible(page)

    for payee in ["Tipografia Padana", "Studio Rossi", "Noleggi Bianchi"]:
        row = queue.get_by_role("row", name=re.compile(payee))
        row.get_by_role("checkbox").check(force=True)  # Bootstrap Italia draws the box on the label
        expect(row.get_by_role("checkbox")).to_be_checked()
    page.get_by_role("button", name="Approva le spese selezionate").click()

    expect(page.locator(".alert-success")).to_contain_text("Approvate 2 spese")
    expect(page.locator(".alert-danger")).to_contain_text("Non approvata la spesa")
    expect(page.locator(".alert-danger")).to_contain_text("Noleggi Bianchi")
    queue = page.get_by_test_id("approval-queue")
    expect(queue.get_by_role("row")).to_have_count(3)  # the two left: Cooperativa Il Seme, Noleggi Bianchi
    expect(queue).to_contain_text("Cooperativa Il Seme")
    assert_accessible(page)
    approved = Expense.objects.filter(status=ExpenseStatus.APPROVED).values_list("payee", flat=True)
    assert sorted(approved) == ["Studio Rossi", "Tipografia Padana"]
