"""The one import pipeline (governance/imports.py): every bad input gets an Italian message, nothing is saved.

Exercised through the plan-line and expense importers, the pipeline's first users, and through the import page
(no 500 on any file).
"""

import io
import zipfile
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from governance.budget.importers import EXPENSE_HEADER, LINE_HEADER, import_expenses, import_lines
from governance.imports import CellError, ImportFailed, RowError, parse_amount, parse_date, reading
from governance.models import BudgetLine, BudgetPlan, Expense
from tests.governance.budget.factories import BudgetLineFactory

pytestmark = pytest.mark.django_db

CREMONA_CF = "00297960197"
ARCOBALENO_CF = "01097960197"


def plan():
    return BudgetPlan.objects.get(is_active=True)


def upload(data: bytes, name="piano.csv"):
    return SimpleUploadedFile(name, data)


def csv_bytes(rows, delimiter=";", encoding="utf-8"):
    return ("\r\n".join(delimiter.join(r) for r in rows) + "\r\n").encode(encoding)


def line_row(amount="1.234,56", description="Budget personali"):
    return ["1", CREMONA_CF, "2", "contributions", "cariplo", description, amount]


def failure_of(data: bytes, name="piano.csv") -> list[RowError]:
    with pytest.raises(ImportFailed) as failure:
        import_lines(upload=upload(data, name), plan=plan(), user=amministrazione_user())
    assert not BudgetLine.objects.exists()
    return failure.value.errors


def amministrazione_user():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username="amministrazione")


# --- Amounts -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.234,56", "1234.56"),
        ("1234,56", "1234.56"),
        ("1234.56", "1234.56"),
        ("1.234", "1234.00"),
        ("12.345.678,90", "12345678.90"),
        (" 1 234,00 € ", "1234.00"),
        (1234.5, "1234.50"),
        (12, "12.00"),
        ("9.999.999.999,99", "9999999999.99"),
    ],
)
def test_amounts_are_read_in_italian_and_plain_format(text, expected):
    assert parse_amount(text) == Decimal(expected)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("sNaN", "non è un importo"),
        ("NaN", "non è un importo"),
        ("Infinity", "non è un importo"),
        ("-inf", "non è un importo"),
        ("1e30", "non è un importo"),
        ("1E3", "non è un importo"),
        (float("nan"), "non è un importo"),
        (float("inf"), "non è un importo"),
        ("99999999999999", "supera il massimo"),
        ("10000000000", "supera il massimo"),
        (1e30, "supera il massimo"),
        ("1,005", "due decimali"),
        ("dieci", "non è un importo"),
        ("", "manca l'importo"),
        (True, "non è un importo"),
    ],
)
def test_bad_amounts_are_refused_with_an_italian_message(text, message):
    with pytest.raises(CellError, match=message):
        parse_amount(text)


def test_dates_are_read_as_dd_mm_yyyy_and_refused_otherwise():
    assert str(parse_date("15/10/2016")) == "2016-10-15"
    assert str(parse_date("2016-10-15")) == "2016-10-15"
    with pytest.raises(CellError, match="non è una data"):
        parse_date("31/02/2016")


# --- The file ----------------------------------------------------------------------------------------------------


def test_a_comma_separated_csv_with_plain_decimals_imports(amministrazione):
    data = csv_bytes([LINE_HEADER, line_row(amount="1234.56")], delimiter=",")
    assert import_lines(upload=upload(data), plan=plan(), user=amministrazione) == 1
    assert BudgetLine.objects.get().planned_amount == Decimal("1234.56")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "vuoto"),
        (b"\r\n;;;\r\n", "vuoto"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "non è un CSV di testo"),
        (bytes(range(256)) * 4, "non è un CSV di testo"),
        ("azione;è".encode("utf-16"), "non è un CSV di testo"),
        (b"azione;cf_partner\x00;anno", "non è un CSV di testo"),
        (b"\x81\x8d\x8f\x90\x9d", "non è un CSV di testo"),  # undefined in Windows-1252: no guess
    ],
)
def test_unreadable_or_empty_files_get_a_clear_message(amministrazione, data, message):
    errors = failure_of(data)
    assert message in errors[0].message


def test_windows_1252_is_read_when_unambiguous(amministrazione):
    data = csv_bytes([LINE_HEADER, line_row(description="Città – più")], encoding="cp1252")
    assert import_lines(upload=upload(data), plan=plan(), user=amministrazione) == 1
    assert BudgetLine.objects.get().description == "Città – più"


def test_a_file_over_the_size_limit_is_refused_unread(amministrazione, monkeypatch):
    monkeypatch.setattr(reading, "MAX_IMPORT_BYTES", 100)
    errors = failure_of(csv_bytes([LINE_HEADER] + [line_row()] * 10))
    assert "supera il limite" in errors[0].message


def test_other_extensions_are_refused(amministrazione):
    assert "xlsx o .csv" in failure_of(b"x", name="piano.xls")[0].message


@pytest.mark.parametrize(
    "data",
    [
        b"PK\x03\x04 not really a zip",
        b"\x00" * 100,
        b"",
    ],
)
def test_a_broken_xlsx_is_refused(amministrazione, data):
    assert "XLSX" in failure_of(data, name="piano.xlsx")[0].message


def test_an_xlsx_that_unpacks_to_too_much_is_refused_unread(amministrazione, monkeypatch):
    monkeypatch.setattr(reading, "MAX_XLSX_UNPACKED_BYTES", 1000)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", "0" * 100_000)
    assert "decompresso" in failure_of(buffer.getvalue(), name="piano.xlsx")[0].message


def test_the_header_message_names_the_missing_and_renamed_columns(amministrazione):
    header = [*LINE_HEADER[:-1], "importo"]
    message = failure_of(csv_bytes([header, line_row()]))[0].message
    assert "mancano le colonne «importo_previsto»" in message
    assert "colonne non riconosciute «importo»" in message


def test_row_errors_name_the_row_and_the_column(amministrazione):
    data = csv_bytes(
        [LINE_HEADER, line_row(), line_row(amount="1e30"), ["1", CREMONA_CF, "7", "x", "cariplo", "", "5"]]
    )
    errors = failure_of(data)
    shown = [str(e) for e in errors]
    assert "Riga 3, colonna «importo_previsto»: «1e30» non è un importo (scrivere ad esempio 1.234,56)." in shown
    assert any(s.startswith("Riga 4, colonna «anno»: Anno di progetto «7» sconosciuto") for s in shown)
    assert any(s.startswith("Riga 4, colonna «categoria»:") for s in shown)


def test_text_longer_than_the_field_is_refused_not_cut(amministrazione):
    errors = failure_of(csv_bytes([LINE_HEADER, line_row(description="x" * 251)]))
    assert errors[0].column == "descrizione"
    assert "250" in errors[0].message


def test_a_131072_character_field_is_refused_without_a_crash(amministrazione):
    errors = failure_of(csv_bytes([LINE_HEADER, line_row(description="x" * 131_072)]))
    assert errors[0].line == 2
    assert "troppo lungo" in errors[0].message


def test_nul_bytes_and_control_characters_in_a_cell_are_refused(amministrazione):
    workbook = Workbook()
    workbook.active.append(LINE_HEADER)
    workbook.active.append(line_row(description="ok"))
    buffer = io.BytesIO()
    workbook.save(buffer)
    # openpyxl refuses to write control characters: put one into the sheet by hand.
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    patched = io.BytesIO()
    with zipfile.ZipFile(patched, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                assert b">ok<" in content
                content = content.replace(b">ok<", b">o&#x1;k<")
            target.writestr(item, content)
    errors = failure_of(patched.getvalue(), name="piano.xlsx")
    assert errors and all(e.line in (0, 2) for e in errors)


def test_extra_cells_beyond_the_header_are_refused(amministrazione):
    errors = failure_of(csv_bytes([LINE_HEADER, [*line_row(), "in più"]]))
    assert "più colonne" in errors[0].message


def test_rows_repeated_in_the_file_are_refused(amministrazione):
    errors = failure_of(csv_bytes([LINE_HEADER, line_row(), line_row()]))
    assert str(errors[0]).startswith("Riga 3: Riga ripetuta")


def test_a_row_already_in_the_plan_is_refused_by_the_model_constraint(amministrazione):
    import_lines(upload=upload(csv_bytes([LINE_HEADER, line_row()])), plan=plan(), user=amministrazione)
    with pytest.raises(ImportFailed) as failure:
        import_lines(upload=upload(csv_bytes([LINE_HEADER, line_row()])), plan=plan(), user=amministrazione)
    assert failure.value.errors[0].line == 2
    assert BudgetLine.objects.count() == 1


def test_only_the_administration_may_import(referente):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        import_lines(upload=upload(csv_bytes([LINE_HEADER, line_row()])), plan=plan(), user=referente)
    assert not BudgetLine.objects.exists()


# --- Expenses: the model's own rules ------------------------------------------------------------------------------


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


@pytest.mark.parametrize(
    ("overrides", "column", "message"),
    [
        ({"imponibile": "99999999999999"}, "imponibile", "supera il massimo"),
        ({"iva": "sNaN"}, "iva", "non è un importo"),
        ({"iva": "-1,00"}, "iva", "negativ"),
        ({"imponibile": "0"}, "imponibile", "maggiore di zero"),
        ({"cig": "X" * 11}, "cig", "10"),
        ({"fornitore": ""}, "fornitore", "non può essere vuoto"),
        ({"data_documento": "ieri"}, "data_documento", "non è una data"),
        ({"tipo_documento": "scontrino"}, "tipo_documento", "non è un valore ammesso"),
    ],
)
def test_expense_rows_are_checked_by_the_models_rules(amministrazione, overrides, column, message):
    BudgetLineFactory(funding_source="cariplo")
    data = csv_bytes([EXPENSE_HEADER, expense_row(**overrides)])
    with pytest.raises(ImportFailed) as failure:
        import_expenses(upload=upload(data, "spese.csv"), user=amministrazione)
    assert [(e.line, e.column) for e in failure.value.errors] == [(2, column)]
    assert message in failure.value.errors[0].message
    assert not Expense.objects.exists()


def test_gross_amount_over_the_maximum_is_refused(amministrazione):
    BudgetLineFactory(funding_source="cariplo")
    data = csv_bytes([EXPENSE_HEADER, expense_row(imponibile="9.999.999.999,99", iva="100,00")])
    with pytest.raises(ImportFailed):
        import_expenses(upload=upload(data, "spese.csv"), user=amministrazione)
    assert not Expense.objects.exists()


# --- Through the page: no 500, and the reports still render --------------------------------------------------------


BAD_FILES = [
    ("vuoto.csv", b""),
    ("junk.csv", bytes(range(256)) * 64),
    ("nul.csv", b"azione;cf_partner\x00\r\n1;2\r\n"),
    ("lungo.csv", csv_bytes([LINE_HEADER, line_row(description="x" * 131_072)])),
    ("snan.csv", csv_bytes([LINE_HEADER, line_row(amount="sNaN")])),
    ("infinito.csv", csv_bytes([LINE_HEADER, line_row(amount="Infinity")])),
    ("enorme.csv", csv_bytes([LINE_HEADER, line_row(amount="99999999999999")])),
    ("junk.xlsx", b"PK\x03\x04" + bytes(range(256)) * 16),
]


@pytest.mark.parametrize(("name", "data"), BAD_FILES, ids=[n for n, _ in BAD_FILES])
@pytest.mark.parametrize("kind", ["lines", "expenses"])
def test_the_import_page_answers_every_bad_file_with_a_message(client_for, amministrazione, name, data, kind):
    client = client_for(amministrazione)
    response = client.post(
        reverse("governance:budget_import", args=[kind]), {"file": upload(data, name), "plan": plan().pk}
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert "non è stato importato" in text or "Il file inviato è vuoto" in text
    assert not BudgetLine.objects.exists() and not Expense.objects.exists()
    for url in (reverse("governance:budget_report"), reverse("home"), reverse("governance:expense_list")):
        assert client.get(url).status_code == 200


def test_the_budget_report_renders_with_lines_at_the_maximum_amount(client_for, amministrazione):
    """Amounts at the field's maximum sum beyond 12 digits in the report: it must still render, in every format."""
    data = csv_bytes(
        [
            LINE_HEADER,
            line_row(amount="9.999.999.999,99"),
            ["1", CREMONA_CF, "3", "contributions", "cariplo", "", "9.999.999.999,99"],
        ]
    )
    assert import_lines(upload=upload(data), plan=plan(), user=amministrazione) == 2
    client = client_for(amministrazione)
    for fmt in ("html", "csv", "xlsx"):
        response = client.get(reverse("governance:budget_report"), {"format": fmt})
        assert response.status_code == 200, fmt
    assert client.get(reverse("home")).status_code == 200
