"""Import of plan lines and expenses from XLSX or CSV (Italian Excel dialect), on the one pipeline.

`governance.imports` reads the file, checks the header and every row with the models' own validators, and saves
all rows or none; here are only the columns, how a row becomes a `BudgetLine` or an `Expense`, and the service
that writes them (with history and the running totals).
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError

from ..exports import Sheet, csv_bytes, xlsx_bytes
from ..imports import ALLOWED_IMPORT_EXTENSIONS, Importer, ImportFailed, Row, RowError, run_import
from ..models import Action, BudgetLine, BudgetPlan, Expense, Organisation, ProjectYear
from . import permissions, services
from .enums import CostCategory, DocumentKind, ExpenseOrigin, ExpenseStatus, FundingSource

__all__ = ["ALLOWED_IMPORT_EXTENSIONS", "ImportFailed", "RowError", "import_expenses", "import_lines"]

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

# What each column holds (shown on the import page next to the template): (meaning, required).
COLUMN_HELP = {
    "azione": ("Codice dell'azione: 1, 2A, 2B, 3, 4, 5 o GA", True),
    "cf_partner": ("Codice fiscale del partner responsabile della riga", True),
    "anno": ("Anno di progetto: 1, 2 o 3", True),
    "categoria": ("Categoria di costo, codice o denominazione (ad es. contributions o «Personale»)", True),
    "fonte": ("Fonte di finanziamento, codice o denominazione (cariplo, cofinancing, donations, other)", True),
    "descrizione": ("Descrizione libera", False),
    "importo_previsto": ("Importo previsto in euro, ad es. 12.500,00", True),
    "data": ("Data della spesa (gg/mm/aaaa), dentro un anno di progetto", True),
    "fornitore": ("Fornitore o beneficiario", True),
    "tipo_documento": ("Tipo di documento: invoice (fattura), receipt (ricevuta), payslip (cedolino), other", False),
    "numero_documento": ("Numero del documento di spesa", False),
    "data_documento": ("Data del documento (gg/mm/aaaa)", False),
    "imponibile": ("Imponibile in euro, ad es. 1.000,00", True),
    "iva": ("IVA in euro (vuota: 0,00)", False),
    "cup": ("Codice Unico di Progetto, se previsto", False),
    "cig": ("Codice Identificativo Gara, se previsto", False),
    "data_pagamento": ("Data di pagamento (gg/mm/aaaa), se già pagata", False),
}
EXPENSE_DESCRIPTION_HELP = ("Descrizione della spesa", True)


def template_columns(kind: str) -> list[dict]:
    """The columns of an import, in order, with their meaning, whether they are required and the example value."""
    example = TEMPLATE_EXAMPLES[kind][0]
    columns = []
    for name, value in zip(template_header(kind), example, strict=True):
        meaning, required = (
            EXPENSE_DESCRIPTION_HELP if (kind, name) == ("expenses", "descrizione") else COLUMN_HELP[name]
        )
        columns.append({"name": name, "meaning": meaning, "required": required, "example": value})
    return columns


class BudgetImporter(Importer):
    """Codes of the reference data, loaded once per import (no query per row)."""

    def prepare(self):
        self.actions = {a.code.upper(): a for a in Action.objects.all()}
        self.partners = {o.tax_code.upper(): o for o in Organisation.objects.exclude(tax_code=None)}
        self.years = {str(y.number): y for y in ProjectYear.objects.all()}

    def key_of(self, row: Row) -> tuple:
        """(action, partner, year, category, source) of the row, None where a cell is bad."""
        action = row.lookup("azione", self.actions, f"azione «{{}}» sconosciuta (codici: {', '.join(self.actions)}).")
        partner = row.lookup("cf_partner", self.partners, "partner con codice fiscale «{}» sconosciuto.")
        year = row.lookup("anno", self.years, "anno di progetto «{}» sconosciuto (1, 2 o 3).")
        category = row.choice("categoria", CostCategory)
        source = row.choice("fonte", FundingSource)
        return action, partner, year, category, source


# --- Plan lines ------------------------------------------------------------------------------------------------


class LineImporter(BudgetImporter):
    columns = LINE_HEADER
    fields = {
        "azione": "action",
        "cf_partner": "partner",
        "anno": "year",
        "categoria": "category",
        "fonte": "funding_source",
        "descrizione": "description",
        "importo_previsto": "planned_amount",
    }
    key_description = "stessa azione, partner, anno, categoria e fonte"

    def __init__(self, *, user, plan: BudgetPlan):
        super().__init__(user=user)
        self.plan = plan

    def build(self, row: Row) -> BudgetLine:
        action, partner, year, category, source = self.key_of(row)
        return BudgetLine(
            plan=self.plan,
            action=action,
            partner=partner,
            year=year,
            category=category or "",
            funding_source=source or "",
            description=row.text("descrizione"),
            planned_amount=row.amount("importo_previsto"),
        )

    def key(self, line: BudgetLine):
        return (line.action_id, line.partner_id, line.year_id, line.category, line.funding_source)

    def save(self, lines: list[BudgetLine]) -> None:
        services.budget_lines_import(lines=lines, user=self.user)


def import_lines(*, upload, plan: BudgetPlan, user) -> int:
    """Create the plan's lines from the file; nothing is saved if any row is bad (`ImportFailed`)."""
    if not permissions.can_manage_budget(user):
        raise PermissionDenied("Il suo ruolo non consente questa operazione.")
    return run_import(LineImporter(user=user, plan=plan), upload=upload)


# --- Expenses --------------------------------------------------------------------------------------------------


class ExpenseImporter(BudgetImporter):
    columns = EXPENSE_HEADER
    fields = {
        "data": "date",
        "descrizione": "description",
        "fornitore": "payee",
        "tipo_documento": "document_kind",
        "numero_documento": "document_number",
        "data_documento": "document_date",
        "imponibile": "net_amount",
        "iva": "vat_amount",
        "cup": "cup",
        "cig": "cig",
        "data_pagamento": "payment_date",
    }

    def prepare(self):
        super().prepare()
        plan = BudgetPlan.objects.active().first()
        self.lines = {
            (ln.action_id, ln.partner_id, ln.year_id, ln.category, ln.funding_source): ln
            for ln in (plan.lines.select_related("plan") if plan else [])
        }

    def build(self, row: Row) -> Expense | None:
        action, partner, year, category, source = self.key_of(row)
        line = None
        if all((action, partner, year, category, source)):
            line = self.lines.get((action.pk, partner.pk, year.pk, category, source))
            if line is None:
                row.error(
                    "nel piano attivo non c'è una riga di budget con questa azione, partner, anno, categoria e fonte."
                )
        net = row.amount("imponibile")
        vat = row.amount("iva", blank_is_zero=True)
        return Expense(
            line=line,
            date=row.date("data"),
            description=row.text("descrizione"),
            payee=row.text("fornitore"),
            document_kind=row.choice("tipo_documento", DocumentKind) if row.text("tipo_documento") else "other",
            document_number=row.text("numero_documento"),
            document_date=row.date("data_documento", required=False),
            net_amount=net,
            vat_amount=vat,
            gross_amount=(net + vat) if net is not None and vat is not None else None,
            cup=row.text("cup"),
            cig=row.text("cig"),
            payment_date=row.date("data_pagamento", required=False),
            status=ExpenseStatus.SUBMITTED,
            origin=ExpenseOrigin.IMPORT,
        )

    def exclude_from_validation(self, row: Row) -> list[str]:
        excluded = super().exclude_from_validation(row)
        if row.errors:  # a row already wrong in its line or amounts: the model's cross-field rules add nothing
            excluded += ["line", "gross_amount"]
        return excluded

    def validate(self, row: Row, expense: Expense) -> None:
        if expense.line_id is None or expense.net_amount is None or expense.vat_amount is None:
            # The model's clean() needs the line and both amounts; check the single fields only.
            exclude = {*self.exclude_from_validation(row), "line", "gross_amount"}
            try:
                expense.clean_fields(exclude=exclude)
            except ValidationError as error:
                self._report(row, error)
            return
        super().validate(row, expense)

    def save(self, expenses: list[Expense]) -> None:
        services.expenses_import(expenses=expenses, user=self.user)


def import_expenses(*, upload, user) -> int:
    """Create expenses (status "submitted", to be approved) on lines of the ACTIVE plan; all or nothing."""
    if not permissions.can_manage_budget(user):
        raise PermissionDenied("Il suo ruolo non consente questa operazione.")
    return run_import(ExpenseImporter(user=user), upload=upload)


# --- Templates -------------------------------------------------------------------------------------------------


def template_header(kind: str) -> list[str]:
    return LINE_HEADER if kind == "lines" else EXPENSE_HEADER


def template_csv(kind: str) -> bytes:
    return csv_bytes(header=template_header(kind), rows=TEMPLATE_EXAMPLES[kind])


def template_xlsx(kind: str) -> bytes:
    title = "Righe di budget" if kind == "lines" else "Spese"
    return xlsx_bytes(sheets=[Sheet(title, template_header(kind), TEMPLATE_EXAMPLES[kind])])
