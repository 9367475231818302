"""Receipts: the wording by legal basis, the gap-free yearly number, voiding."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from governance.audit import audited_save
from governance.money import format_eur

from ..enums import PaymentMethod
from ..models import (
    NO_BENEFIT_WORDING,
    Donation,
    Donor,
    LegalBasis,
    Receipt,
    ReceiptCounter,
)
from .common import require_staff

# --- Receipts -------------------------------------------------------------------------------------------------


def wording_for(
    donation: Donation, donor: Donor, legal_basis: LegalBasis | None
) -> tuple[LegalBasis | None, str, bool]:
    """(legal basis, wording, tax benefit) of a gift's receipt."""
    if donation.is_money and donation.payment_method == PaymentMethod.CASH:
        if legal_basis is not None:
            raise ValidationError(
                "Una donazione in contanti non dà benefici fiscali: la ricevuta non può riportare una dicitura di "
                "detraibilità o deducibilità."
            )
        return None, NO_BENEFIT_WORDING, False
    if legal_basis is None:
        matches = list(LegalBasis.objects.valid_for(day=donation.date, applies=donor.applies)[:2])
        if len(matches) != 1:
            raise ValidationError(
                f"Nessuna base giuridica valida al {donation.date:%d/%m/%Y} per "
                f"{'le persone fisiche' if donor.is_person else 'enti e imprese'}: aggiornare l'elenco delle basi "
                "giuridiche."
                if not matches
                else "Più basi giuridiche valide per la stessa data: correggere le date di validità."
            )
        legal_basis = matches[0]
    elif not LegalBasis.objects.valid_for(day=donation.date, applies=donor.applies).filter(pk=legal_basis.pk).exists():
        raise ValidationError("La base giuridica scelta non vale per la data del dono o per questo tipo di donatore.")
    wording = legal_basis.wording
    if not donation.is_money:
        wording += (
            f"\nDono in natura: {donation.in_kind_description.strip()}. Valore dichiarato dal donatore: "
            f"{format_eur(donation.amount)}."
        )
    return legal_basis, wording, True


def _next_number(year: int) -> int:
    """Lock the year's counter row (created on the first receipt of the year) and take the next number."""
    counter, _ = ReceiptCounter.objects.select_for_update().get_or_create(year=year)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return counter.last_number


@transaction.atomic
def receipt_issue(
    *, donation: Donation, user, issued_on: dt.date | None = None, legal_basis: LegalBasis | None = None
) -> Receipt:
    """Issue the receipt of one gift (or pledge payment): the next number of the issue year, the legal wording of
    the gift's date and donor kind (cash: no tax benefit; in kind: the goods and their stated value)."""
    require_staff(user)
    donation = Donation.objects.select_for_update(of=("self",)).select_related("donor").get(pk=donation.pk)
    donor = donation.donor
    if donor is None:
        raise ValidationError("Una donazione anonima non ha una ricevuta nominativa.")
    if donor.anonymised_at:
        raise ValidationError("Il donatore è stato anonimizzato: non si emettono nuove ricevute.")
    existing = Receipt.objects.filter(donation=donation, voided_at__isnull=True).first()
    if existing is not None:
        raise ValidationError(
            f"La donazione ha già la ricevuta n. {existing.number}/{existing.year}: non se ne emette una seconda."
        )
    issued_on = issued_on or timezone.localdate()
    if issued_on < donation.date:
        raise ValidationError("La ricevuta non può precedere la data del dono.")
    basis, wording, benefit = wording_for(donation, donor, legal_basis)
    address = ", ".join(p for p in [donor.address, f"{donor.postcode} {donor.town}".strip()] if p)
    receipt = Receipt(
        donation=donation,
        year=issued_on.year,
        number=_next_number(issued_on.year),
        issued_on=issued_on,
        donor_name=donor.display_name,
        donor_fiscal_code=donor.fiscal_code,
        donor_address=address,
        legal_basis=basis,
        wording=wording,
        tax_benefit=benefit,
    )
    return audited_save(receipt, user=user)


@transaction.atomic
def receipt_void(*, receipt: Receipt, reason: str, user) -> Receipt:
    """Void a receipt with a reason; it keeps its number and stays in the register."""
    require_staff(user)
    if not reason.strip():
        raise ValidationError("Indicare il motivo dell'annullamento.")
    receipt = Receipt.objects.select_for_update().get(pk=receipt.pk)
    if receipt.voided_at:
        raise ValidationError("La ricevuta è già annullata.")
    receipt.voided_at = timezone.now()
    receipt.void_reason = reason.strip()
    return audited_save(
        receipt, user=user, expected_version=receipt.version, reason=f"Annullata: {receipt.void_reason}"
    )
