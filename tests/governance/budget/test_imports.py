"""Imports of plan lines and expenses: Italian Excel CSV in every encoding, XLSX, all-or-nothing, every bad row."""

import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from governance.budget.enums import ExpenseOrigin, ExpenseStatus
from governance.budget.importers import EXPENSE_HEADER, LINE_HEADER, ImportFailed, import_expenses, import_lines
from governance.models import BudgetLine, BudgetPlan, Expense, Organisation
from tests.governance.budget.factories import BudgetLineFactory

pytestmark = pytest.mark.django_db

ARCOBALENO_CF = "01097960197"
CREMONA_CF = "00297960197"


def plan():
    return BudgetPlan.objects.get(is_active=True)


def csv_file(rows, *, encoding="utf-8", bom=False, name="piano.csv"):
    text = "\r\n".join(";".join(r) for r in rows) + "\r\n"
    data = text.encode(encoding)
    if bom:
        data = b"\xef\xbb\xbf" + data
    return SimpleUploadedFile(name, data, content_type="text/csv")


def xlsx_file(rows, name="piano.xlsx"):
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    output = io.BytesIO()
    workbook.save(output)
    return SimpleUploadedFile(name, output.getvalue())


LINES = [
    LINE_HEADER,
    ["1", CREMONA_CF, "2", "contributions", "cariplo", "Budget personali – è città", "1.234,56"],
    ["2A", ARCOBALENO_CF, "3", "Personale", "Cofinanziamento partner", "Operatori", "2000"],
]


@pytest.mark.parametrize(("encoding", "bom"), [("utf-8", False), ("utf-8", True), ("cp1252", False)])
def test_line_import_reads_italian_excel_csv_in_every_encoding(amministrazione, encoding, bom):
    count = import_lines(upload=csv_file(LINES, encoding=encoding, bom=bom), plan=plan(), user=amministrazione)
    assert count == 2
    first = BudgetLine.objects.get(action__code="1", partner__tax_code=CREMONA_CF)
    assert first.planned_amount == Decimal("1234.56")
    assert first.description == "Budget personali – è città"
    assert BudgetLine.objects.get(action__code="2A").category == "personnel"
    assert first.history.get().history_user == amministrazione


def test_line_import_reads_xlsx_with_real_numbers(amministrazione):
    rows = [LINE_HEADER, [1, CREMONA_CF, 2, "contributions", "cariplo", "Budget", 1234.5]]
    assert import_lines(upload=xlsx_file(rows), plan=plan(), user=amministrazione) == 1
    assert BudgetLine.objects.get().planned_amount == Decimal("1234.50")


def test_a_bad_row_imports_nothing_and_every_bad_row_is_reported(amministrazione):
    rows = [
        *LINES,
        ["9", CREMONA_CF, "2", "contributions", "cariplo", "", "10,00"],
        ["1", "99999999999", "2", "contributions", "cariplo", "", "10,00"],
        ["1", CREMONA_CF, "2", "goods", "cariplo", "", "0"],
        ["1", CREMONA_CF, "2", "goods", "cariplo", "", "-5,00"],
        ["1", CREMONA_CF, "2", "training", "cariplo", "", "1,005"],
        ["1", CREMONA_CF, "2", "contributions", "cariplo", "doppia", "10,00"],
    ]
    with pytest.raises(ImportFailed) as failure:
        import_lines(upload=csv_file(rows), plan=plan(), user=amministrazione)
    by_line = {e.line: e.message for e in failure.value.errors}
    assert sorted(by_line) == [4, 5, 6, 7, 8, 9]
    assert "Azione «9» sconosciuta" in by_line[4]
    assert "codice fiscale «99999999999» sconosciuto" in by_line[5]
    assert "maggiore di zero" in by_line[6] and "maggiore di zero" in by_line[7]
    assert "due decimali" in by_line[8]
    assert "riga 2" in by_line[9]
    assert not BudgetLine.objects.exists()


def test_a_wrong_header_is_refused(amministrazione):
    with pytest.raises(ImportFailed) as failure:
        import_lines(upload=csv_file([["azione", "partner"], ["1", "x"]]), plan=plan(), user=amministrazione)
    assert "Intestazione non valida" in failure.value.errors[0].message


def expense_row(**overrides):
    row = dict.fromkeys(EXPENSE_HEADER, "")
    row.update(
        azione="1",
        cf_partner=ARCOBALENO_CF,
        anno="2",
        categoria="contributions",
        fonte="cariplo",
        data="15/10/2016",
        descrizione="Erogazione",
        fornitore="Coop",
        tipo_documento="invoice",
        imponibile="1.000,00",
        iva="220,00",
    )
    row.update(overrides)
    return [row[h] for h in EXPENSE_HEADER]


def test_expense_import_posts_submitted_expenses_on_the_active_plan(amministrazione):
    line = BudgetLineFactory(funding_source="cariplo")
    rows = [EXPENSE_HEADER, expense_row(), expense_row(iva="", imponibile="50")]
    assert import_expenses(upload=csv_file(rows, name="spese.csv"), user=amministrazione) == 2
    expense = Expense.objects.get(net_amount=Decimal("1000.00"))
    assert (expense.line, expense.gross_amount, expense.status) == (line, Decimal("1220.00"), ExpenseStatus.SUBMITTED)
    assert expense.origin == ExpenseOrigin.IMPORT
    assert expense.history.get().history_user == amministrazione


def test_expense_import_refuses_dates_outside_project_years_and_lines_not_in_the_active_plan(amministrazione):
    BudgetLineFactory(funding_source="cariplo")
    rows = [EXPENSE_HEADER, expense_row(), expense_row(data="01/01/2019"), expense_row(fonte="donations")]
    with pytest.raises(ImportFailed) as failure:
        import_expenses(upload=csv_file(rows, name="spese.csv"), user=amministrazione)
    by_line = {e.line: e.message for e in failure.value.errors}
    assert sorted(by_line) == [3, 4]
    assert "nessun anno di progetto" in by_line[3]
    assert "piano attivo" in by_line[4]
    assert not Expense.objects.exists()


def test_import_page_lists_the_bad_rows_and_saves_nothing(client_for, amministrazione):
    client = client_for(amministrazione)
    bad = csv_file([*LINES, ["X", CREMONA_CF, "2", "goods", "cariplo", "", "1"]])
    response = client.post(reverse("governance:budget_import", args=["lines"]), {"file": bad, "plan": plan().pk})
    text = response.content.decode()
    assert "non è stato importato nulla" in text
    assert "Riga 4" in text
    assert not BudgetLine.objects.exists()
    response = client.post(
        reverse("governance:budget_import", args=["lines"]), {"file": csv_file(LINES), "plan": plan().pk}
    )
    assert response.status_code == 302
    assert BudgetLine.objects.count() == 2


@pytest.mark.parametrize("kind", ["lines", "expenses"])
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_downloadable_template_imports_back(client_for, amministrazione, kind, fmt):
    """Both templates (CSV and XLSX) carry the exact header and an example row that imports."""
    response = client_for(amministrazione).get(reverse("governance:budget_import_template", args=[kind, fmt]))
    assert response.status_code == 200
    BudgetLineFactory(partner=Organisation.objects.get(tax_code=CREMONA_CF), funding_source="cariplo")
    upload = SimpleUploadedFile(f"modello.{fmt}", response.content)
    expected = 1
    if kind == "lines":
        BudgetLine.objects.all().delete()
        assert import_lines(upload=upload, plan=plan(), user=amministrazione) == expected
    else:
        assert import_expenses(upload=upload, user=amministrazione) == expected


@pytest.mark.parametrize("kind", ["lines", "expenses"])
def test_import_page_offers_both_templates_and_lists_the_columns(client_for, amministrazione, kind):
    page = client_for(amministrazione).get(reverse("governance:budget_import", args=[kind])).content.decode()
    for fmt in ("csv", "xlsx"):
        assert reverse("governance:budget_import_template", args=[kind, fmt]) in page
    header = LINE_HEADER if kind == "lines" else EXPENSE_HEADER
    for column in header:
        assert f"<code>{column}</code>" in page
    assert "Codice fiscale del partner responsabile della riga" in page
    assert "00297960197" in page  # the example value


@pytest.mark.parametrize("kind", ["lines", "expenses"])
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_template_with_a_renamed_column_names_it_and_saves_nothing(client_for, amministrazione, kind, fmt):
    client = client_for(amministrazione)
    BudgetLineFactory(partner=Organisation.objects.get(tax_code=CREMONA_CF), funding_source="cariplo")
    lines_before, expenses_before = BudgetLine.objects.count(), Expense.objects.count()
    template = client.get(reverse("governance:budget_import_template", args=[kind, fmt])).content
    if fmt == "csv":
        text = template.decode("utf-8-sig").replace("cf_partner", "codice_fiscale", 1)
        upload = SimpleUploadedFile("modello.csv", text.encode("utf-8"))
    else:
        from openpyxl import load_workbook

        workbook = load_workbook(io.BytesIO(template))
        workbook.active.cell(1, 2).value = "codice_fiscale"
        output = io.BytesIO()
        workbook.save(output)
        upload = SimpleUploadedFile("modello.xlsx", output.getvalue())
    data = {"file": upload, **({"plan": plan().pk} if kind == "lines" else {})}
    response = client.post(reverse("governance:budget_import", args=[kind]), data)
    text = response.content.decode()
    assert response.status_code == 200
    assert "Il file non è stato importato" in text
    assert "mancano le colonne «cf_partner»" in text
    assert "colonne non riconosciute «codice_fiscale»" in text
    assert (BudgetLine.objects.count(), Expense.objects.count()) == (lines_before, expenses_before)
