"""Imports on governance's pipeline: gifts from a bank statement (date, amount, payer, reference) and a donor list.

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
from .enums import Acquisition, DonorKind, PaymentMethod, Segment
from .models import Designation, Donation, Donor

__all__ = [
    "BANK_HEADER",
    "DONOR_HEADER",
    "ImportFailed",
    "RowError",
    "bank_template_csv",
    "donor_template_csv",
    "import_bank_statement",
    "import_donor_list",
]

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


# --- Donor list ------------------------------------------------------------------------------------------------

DONOR_HEADER = [
    "tipo", "nome", "cognome", "denominazione", "codice_fiscale", "email", "telefono", "indirizzo", "cap", "comune",
    "segmento", "acquisizione", "fonte_contatto",
]  # fmt: skip
DONOR_EXAMPLE = [
    ["persona", "Maria", "Rossi", "", "RSSMRA85T10A562S", "maria.rossi@example.org", "", "Via Roma 1", "26100",
     "Cremona", "individual", "event", "Elenco donatori del primo anno"],
]  # fmt: skip


class DonorListImporter(Importer):
    """A donor list (the year-1 relational database, seed 2401-2408): new donors are created; a row with the fiscal
    code or e-mail of a donor already recorded is shown as that donor and not created again."""

    columns = DONOR_HEADER
    fields = {
        "tipo": "kind", "nome": "first_name", "cognome": "last_name", "denominazione": "organisation_name",
        "codice_fiscale": "fiscal_code", "email": "email", "telefono": "phone", "indirizzo": "address",
        "cap": "postcode", "comune": "town", "segmento": "segment", "acquisizione": "acquisition",
        "fonte_contatto": "contact_source",
    }  # fmt: skip
    key_description = "stesso codice fiscale o e-mail"

    def __init__(self, *, user, preview: bool):
        super().__init__(user=user)
        self.preview = preview
        self.created: list[Donor] = []
        self.matched: list[tuple[Donor, Donor]] = []  # (row as read, donor already recorded)

    def prepare(self):
        donors = list(Donor.objects.active().filter(anonymised_at__isnull=True))
        self.by_code = {d.fiscal_code: d for d in donors if d.fiscal_code}
        self.by_email = {d.email: d for d in donors if d.email}

    def build(self, row: Row) -> Donor:
        kind = row.text("tipo").lower()
        donor = Donor(
            kind={"persona": "person", "impresa": "company", "ente": "institution"}.get(kind)
            or row.choice("tipo", DonorKind),
            **{name: row.text(column) for column, name in self.fields.items() if name not in NOT_TEXT},
            segment=row.choice("segmento", Segment) if row.text("segmento") else Segment.INDIVIDUAL,
            acquisition=row.choice("acquisizione", Acquisition) if row.text("acquisizione") else Acquisition.OTHER,
        )
        donor.normalise()
        return donor

    def key(self, donor: Donor):
        return donor.fiscal_code or donor.email or None

    def save(self, donors: list[Donor]) -> None:
        for donor in donors:
            existing = self.by_code.get(donor.fiscal_code) or self.by_email.get(donor.email)
            if existing is not None:
                self.matched.append((donor, existing))
            elif self.preview:
                self.created.append(donor)
            else:
                self.created.append(services.donor_save(donor=donor, user=self.user))


NOT_TEXT = {"kind", "segment", "acquisition"}


def import_donor_list(*, upload, user, preview: bool) -> DonorListImporter:
    """Check (preview) or import a donor list; the importer tells which rows are new and which match a donor."""
    services.require_staff(user)
    importer = DonorListImporter(user=user, preview=preview)
    run_import(importer, upload=upload)
    return importer


def donor_template_csv() -> bytes:
    return csv_bytes(header=DONOR_HEADER, rows=DONOR_EXAMPLE)
