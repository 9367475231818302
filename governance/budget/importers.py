"""Import of plan lines and expenses from XLSX or CSV (Italian Excel dialect), all-or-nothing.

Every row is checked before anything is written; a file with any bad row imports nothing and reports every bad
row with its line number and reason (`ImportFailed.errors`). The good file is written in one transaction with
simple_history's `bulk_create_with_history`, so every created row is in the audit trail.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone
from openpyxl import Workbook, load_workbook
from openpyxl.utils.exceptions import InvalidFileException
from simple_history.utils import bulk_create_with_history

from ..models import Action, BudgetLine, BudgetPlan, Expense, Organisation, ProjectYear
from .actuals import actuals_of_new
from .enums import CostCategory, DocumentKind, ExpenseOrigin, ExpenseStatus, FundingSource

ALLOWED_IMPORT_EXTENSIONS = {"csv", "xlsx"}

LINE_HEADER = ["azione", "cf_partner", "anno", "categoria", "fonte", "descrizione", "importo_previsto"]
EXPENSE_HEADER = [
    "azione",
    "cf_partner",
    "anno",
    "categoria",
    "fonte",
    "data",
    "descrizione",
    "fornitore",
    "tipo_documento",
    "numero_documento",
    "data_documento",
    "imponibile",
    "iva",
    "cup",
    "cig",
    "data_pagamento",
]
TEMPLATE_EXAMPLES = {
    "lines": [["1", "00297960197", "2", "contributions", "cariplo", "Budget di welfare personale", "12500,00"]],
    "expenses": [
        [
            "1",
            "00297960197",
            "2",
            "contributions",
            "cariplo",
            "15/10/2016",
            "Erogazione budget personale",
            "Cooperativa Esempio",
            "invoice",
            "FT-12",
            "14/10/2016",
            "1000,00",
            "220,00",
            "",
            "",
            "30/10/2016",
        ]
    ],
}


@dataclass
class RowError:
    line: int
    message: str


class ImportFailed(Exception):
    def __init__(self, errors: list[RowError]):
        super().__init__(f"{len(errors)} errori")
        self.errors = errors


# --- Reading the file -----------------------------------------------------------------------------------------


def decode_csv(raw: bytes) -> str:
    """UTF-8 with or without BOM, or Windows-1252 as older Excel saves it."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252")


def read_rows(upload) -> list[tuple[int, list]]:
    """(line number in the file, cells) for every row, the header included (line 1)."""
    name = upload.name.lower()
    upload.seek(0)
    if name.endswith(".xlsx"):
        try:
            workbook = load_workbook(upload, read_only=True, data_only=True)
        except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError) as error:
            raise ImportFailed([RowError(0, "Il file non è un XLSX leggibile.")]) from error
        sheet = workbook.worksheets[0]
        rows = [(i, list(r)) for i, r in enumerate(sheet.iter_rows(values_only=True), start=1)]
        workbook.close()
    else:
        text = decode_csv(upload.read())
        rows = list(enumerate(csv.reader(io.StringIO(text), delimiter=";"), start=1))
    return [(n, cells) for n, cells in rows if any(c not in (None, "") for c in cells)]


def check_header(rows, expected: list[str]) -> None:
    if not rows:
        raise ImportFailed([RowError(1, "Il file è vuoto.")])
    number, cells = rows[0]
    found = [str(c or "").strip().lower() for c in cells][: len(expected)]
    if found != expected:
        raise ImportFailed(
            [
                RowError(
                    number,
                    "Intestazione non valida: attese le colonne «"
                    + ";".join(expected)
                    + "», trovate «"
                    + ";".join(found)
                    + "». Scaricare il modello.",
                )
            ]
        )


# --- Parsing cells --------------------------------------------------------------------------------------------

THOUSANDS = re.compile(r"^-?\d{1,3}(\.\d{3})+$")


def parse_amount(value, label: str, *, allow_zero: bool = False) -> Decimal:
    """ "1.234,56" / "1234,56" / 1234.56 (XLSX number) → Decimal; positive, at most two decimals."""
    if value is None or str(value).strip() == "":
        if allow_zero:
            return Decimal("0.00")
        raise ValueError(f"{label}: manca l'importo.")
    if isinstance(value, int | float):
        amount = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    else:
        text = str(value).strip().replace("€", "").replace(" ", "").replace("\u00a0", "")
        if "," in text:
            text = text.replace(".", "").replace(",", ".")
        elif THOUSANDS.match(text):
            text = text.replace(".", "")
        try:
            amount = Decimal(text)
        except InvalidOperation as error:
            raise ValueError(f"{label}: «{value}» non è un importo.") from error
    if amount != amount.quantize(Decimal("0.01")):
        raise ValueError(f"{label}: al massimo due decimali («{value}»).")
    if amount < 0 or (amount == 0 and not allow_zero):
        raise ValueError(f"{label}: l'importo deve essere maggiore di zero («{value}»).")
    return amount.quantize(Decimal("0.01"))


def parse_date(value, label: str, *, required: bool = True) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value or "").strip()
    if not text:
        if required:
            raise ValueError(f"{label}: manca la data.")
        return None
    for fmt in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d/%m/%y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"{label}: «{text}» non è una data (gg/mm/aaaa).")


def parse_choice(value, choices, label: str) -> str:
    text = str(value or "").strip()
    for code, name in choices.choices:
        if text.lower() in (code.lower(), name.lower()):
            return code
    raise ValueError(f"{label}: «{text}» sconosciuto (ammessi: {', '.join(choices.values)}).")


class Lookups:
    """Codes of the reference data, loaded once per import (no query per row)."""

    def __init__(self):
        self.actions = {a.code.upper(): a for a in Action.objects.all()}
        self.partners = {o.tax_code: o for o in Organisation.objects.exclude(tax_code=None)}
        self.years = {y.number: y for y in ProjectYear.objects.all()}

    def action(self, value):
        action = self.actions.get(str(value or "").strip().upper())
        if action is None:
            raise ValueError(f"azione «{value}» sconosciuta (codici: {', '.join(self.actions)}).")
        return action

    def partner(self, value):
        partner = self.partners.get(str(value or "").strip().upper())
        if partner is None:
            raise ValueError(f"partner con codice fiscale «{value}» sconosciuto.")
        return partner

    def year(self, value):
        try:
            year = self.years.get(int(str(value).strip()))
        except ValueError:
            year = None
        if year is None:
            raise ValueError(f"anno di progetto «{value}» sconosciuto (1, 2 o 3).")
        return year


def _cells(cells, header) -> dict:
    cells = list(cells) + [None] * (len(header) - len(cells))
    return dict(zip(header, cells, strict=False))


def _collect(rows, parse_row) -> tuple[list, list[RowError]]:
    objects, errors = [], []
    for number, cells in rows[1:]:
        problems = []
        try:
            obj = parse_row(cells, problems)
        except ValueError as error:
            problems.append(str(error))
            obj = None
        if problems:
            errors.append(RowError(number, "; ".join(problems)))
        else:
            objects.append((number, obj))
    return objects, errors


# --- Plan lines ------------------------------------------------------------------------------------------------


@transaction.atomic
def import_lines(*, upload, plan: BudgetPlan, user) -> int:
    """Create the plan's lines from the file; nothing is saved if any row is bad."""
    rows = read_rows(upload)
    check_header(rows, LINE_HEADER)
    look = Lookups()
    existing = set(plan.lines.values_list("action_id", "partner_id", "year_id", "category", "funding_source"))

    def parse_row(cells, problems):
        c = _cells(cells, LINE_HEADER)
        line = BudgetLine(
            plan=plan,
            action=look.action(c["azione"]),
            partner=look.partner(c["cf_partner"]),
            year=look.year(c["anno"]),
            category=parse_choice(c["categoria"], CostCategory, "categoria"),
            funding_source=parse_choice(c["fonte"], FundingSource, "fonte"),
            description=str(c["descrizione"] or "").strip()[:250],
            planned_amount=parse_amount(c["importo_previsto"], "importo previsto"),
        )
        key = (line.action_id, line.partner_id, line.year_id, line.category, line.funding_source)
        if key in existing:
            problems.append("questa riga (azione, partner, anno, categoria, fonte) esiste già nel piano.")
        return line, key

    parsed, errors = _collect(rows, parse_row)
    first: dict[tuple, int] = {}
    for number, (_line, key) in parsed:
        if key in first:
            errors.append(
                RowError(
                    number, f"riga ripetuta: stessa azione, partner, anno, categoria e fonte della riga {first[key]}."
                )
            )
        first.setdefault(key, number)
    if errors:
        raise ImportFailed(sorted(errors, key=lambda e: e.line))
    lines = [line for _, (line, _key) in parsed]
    bulk_create_with_history(lines, BudgetLine, default_user=user, default_change_reason="Importazione del piano")
    return len(lines)


# --- Expenses --------------------------------------------------------------------------------------------------


@transaction.atomic
def import_expenses(*, upload, user) -> int:
    """Create expenses (status "submitted", to be approved) on lines of the ACTIVE plan; all or nothing."""
    rows = read_rows(upload)
    check_header(rows, EXPENSE_HEADER)
    look = Lookups()
    plan = BudgetPlan.objects.active().first()
    lines = {
        (ln.action_id, ln.partner_id, ln.year_id, ln.category, ln.funding_source): ln
        for ln in (plan.lines.all() if plan else [])
    }
    years = list(ProjectYear.objects.all())
    now = timezone.now()

    def parse_row(cells, problems):
        c = _cells(cells, EXPENSE_HEADER)
        key = (
            look.action(c["azione"]).pk,
            look.partner(c["cf_partner"]).pk,
            look.year(c["anno"]).pk,
            parse_choice(c["categoria"], CostCategory, "categoria"),
            parse_choice(c["fonte"], FundingSource, "fonte"),
        )
        line = lines.get(key)
        if line is None:
            problems.append(
                "nel piano attivo non c'è una riga di budget con questa azione, partner, anno, categoria e fonte."
            )
        day = parse_date(c["data"], "data")
        if not any(y.start <= day <= y.end for y in years):
            problems.append(f"la data {day:%d/%m/%Y} non cade in nessun anno di progetto.")
        net = parse_amount(c["imponibile"], "imponibile")
        vat = parse_amount(c["iva"], "IVA", allow_zero=True)
        description, payee = str(c["descrizione"] or "").strip(), str(c["fornitore"] or "").strip()
        if not description or not payee:
            problems.append("descrizione e fornitore sono obbligatori.")
        expense = Expense(
            line=line,
            date=day,
            description=description[:250],
            payee=payee[:200],
            document_kind=parse_choice(c["tipo_documento"] or "other", DocumentKind, "tipo documento"),
            document_number=str(c["numero_documento"] or "").strip()[:50],
            document_date=parse_date(c["data_documento"], "data documento", required=False),
            net_amount=net,
            vat_amount=vat,
            gross_amount=net + vat,
            cup=str(c["cup"] or "").strip()[:15],
            cig=str(c["cig"] or "").strip()[:10],
            payment_date=parse_date(c["data_pagamento"], "data pagamento", required=False),
            status=ExpenseStatus.SUBMITTED,
            origin=ExpenseOrigin.IMPORT,
            created_by=user,
            submitted_by=user,
            submitted_at=now,
        )
        return expense

    parsed, errors = _collect(rows, parse_row)
    if errors:
        raise ImportFailed(errors)
    expenses = [e for _, e in parsed]
    bulk_create_with_history(expenses, Expense, default_user=user, default_change_reason="Importazione delle spese")
    actuals_of_new(expenses)
    return len(expenses)


# --- Templates -------------------------------------------------------------------------------------------------


def template_header(kind: str) -> list[str]:
    return LINE_HEADER if kind == "lines" else EXPENSE_HEADER


def template_csv(kind: str) -> bytes:
    output = io.StringIO()
    writer = csv.writer(output, delimiter=";", lineterminator="\r\n")
    writer.writerow(template_header(kind))
    writer.writerows(TEMPLATE_EXAMPLES[kind])
    return ("\ufeff" + output.getvalue()).encode("utf-8")


def template_xlsx(kind: str) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Righe di budget" if kind == "lines" else "Spese"
    sheet.append(template_header(kind))
    sheet.freeze_panes = "A2"
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()
