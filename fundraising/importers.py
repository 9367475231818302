"""Import of gifts from a bank statement (CSV or XLSX: date, amount, payer, reference) on governance's pipeline.

Two steps, all or nothing: the staff upload the file and see every row with the donor it matches (same fiscal code
in the reference, else the same name as the payer) before anything is saved; confirming imports every row or, with
one bad row, none. A row already recorded (same date, amount and reference) is refused, so a statement imported
twice adds nothing. Unmatched payers become anonymous gifts with the payer in the notes, to be assigned later.
"""

from __future__ import annotations

import re

from governance.exports import csv_bytes
from governance.imports import Importer, ImportFailed, Row, RowError, run_import

from . import services
from .enums import PaymentMethod
from .models import Designation, Donation, Donor

__all__ = ["BANK_HEADER", "ImportFailed", "RowError", "bank_template_csv", "import_bank_statement"]

BANK_HEADER = ["data", "importo", "ordinante", "riferimento"]
BANK_EXAMPLE = [["03/10/2016", "250,00", "ROSSI MARIA", "Donazione Wel(l)Fare Legami RSSMRA85T10A562S"]]
FISCAL_CODE = re.compile(r"\b([A-Z]{6}\d{2}[A-Z]\d{2}[A-Z]\d{3}[A-Z]|\d{11})\b")


def _name_key(text: str) -> str:
    return " ".join(sorted(re.sub(r"[^A-Z ]", " ", text.upper()).split()))


class BankStatementImporter(Importer):
    columns = BANK_HEADER
    fields = {"data": "date", "importo": "amount", "riferimento": "reference"}
    key_description = "stessa data, importo e riferimento"

    def __init__(self, *, user, designation: Designation, preview: bool):
        super().__init__(user=user)
        self.designation = designation
        self.preview = preview
        self.saved: list[Donation] = []

    def prepare(self):
        donors = Donor.objects.active().filter(anonymised_at__isnull=True)
        self.by_code = {d.fiscal_code: d for d in donors if d.fiscal_code}
        self.by_name: dict[str, Donor | None] = {}
        for donor in donors:
            key = _name_key(donor.display_name)
            self.by_name[key] = None if key in self.by_name else donor  # an ambiguous name matches nobody
        self.existing = set(
            Donation.objects.exclude(reference="").values_list("date", "amount", "reference").order_by()
        )

    def match(self, payer: str, reference: str) -> Donor | None:
        for code in FISCAL_CODE.findall(f"{reference} {payer}".upper()):
            if code in self.by_code:
                return self.by_code[code]
        return self.by_name.get(_name_key(payer))

    def build(self, row: Row) -> Donation:
        payer, reference = row.text("ordinante"), row.text("riferimento")
        if not payer:
            row.error("manca l'ordinante.", "ordinante")
        donation = Donation(
            donor=self.match(payer, reference),
            date=row.date("data"),
            amount=row.amount("importo"),
            payment_method=PaymentMethod.BANK_TRANSFER,
            designation=self.designation,
            reference=reference,
            notes=f"Importata dall'estratto conto. Ordinante: {payer}",
        )
        if reference and (donation.date, donation.amount, reference) in self.existing:
            row.error("donazione già registrata (stessa data, importo e riferimento).", "riferimento")
        return donation

    def key(self, donation: Donation):
        return (donation.date, donation.amount, donation.reference) if donation.reference else None

    def save(self, donations: list[Donation]) -> None:
        if self.preview:
            self.saved = donations
            return
        for donation in donations:
            self.saved.append(services.donation_save(donation=donation, user=self.user))


def import_bank_statement(*, upload, designation: Designation, user, preview: bool) -> list[Donation]:
    """Check (preview: nothing saved) or import every row of a bank statement; ImportFailed lists the bad rows."""
    services.require_staff(user)
    importer = BankStatementImporter(user=user, designation=designation, preview=preview)
    run_import(importer, upload=upload)
    return importer.saved


def bank_template_csv() -> bytes:
    return csv_bytes(header=BANK_HEADER, rows=BANK_EXAMPLE)
