"""Writes on donors: record, consent, relationships, merge, erasure."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from governance.audit import audited_save

from ..enums import ContactChannel
from ..models import (
    PERSONAL_FIELDS,
    ConsentRecord,
    Donation,
    Donor,
    DonorMerge,
    DonorRelationship,
    Pledge,
    Receipt,
)
from .common import _full_clean, require_staff

# --- Donors ---------------------------------------------------------------------------------------------------


def _changed_personal_fields(donor: Donor) -> list[str]:
    if donor.pk is None:
        return []
    stored = Donor.objects.filter(pk=donor.pk).values(*PERSONAL_FIELDS).first() or {}
    return [
        str(Donor._meta.get_field(name).verbose_name)
        for name in PERSONAL_FIELDS
        if stored.get(name) != getattr(donor, name)
    ]


@transaction.atomic
def donor_save(*, donor: Donor, user, expected_version: int | None = None) -> Donor:
    """Create or update a donor; personal fields stay out of the history, which records only their names."""
    require_staff(user)
    if donor.anonymised_at or donor.merged_into_id:
        raise ValidationError("Un donatore anonimizzato o unito a un altro non si modifica più.")
    donor.normalise()
    _full_clean(donor, exclude=["merged_into"])
    changed = _changed_personal_fields(donor)
    reason = ("Dati anagrafici modificati: " + ", ".join(changed)) if changed else ""
    return audited_save(donor, user=user, expected_version=expected_version, reason=reason)


@transaction.atomic
def consent_record(*, donor: Donor, channel: str, granted: bool, date: dt.date, source: str, user) -> ConsentRecord:
    """Record a consent given or withdrawn on one channel: a new row, so the history per channel stays complete."""
    require_staff(user)
    if donor.anonymised_at:
        raise ValidationError("Il donatore è stato anonimizzato: non si registrano più consensi.")
    record = ConsentRecord(donor=donor, channel=ContactChannel(channel), granted=granted, date=date, source=source)
    _full_clean(record)
    return audited_save(record, user=user)


@transaction.atomic
def relationship_add(*, donor: Donor, related: Donor, kind: str, note: str = "", user) -> DonorRelationship:
    require_staff(user)
    if donor.pk == related.pk:
        raise ValidationError("Un donatore non può essere collegato a sé stesso.")
    if DonorRelationship.objects.filter(donor=donor, related=related, kind=kind).exists():
        raise ValidationError("Questo legame è già registrato.")
    relationship = DonorRelationship(donor=donor, related=related, kind=kind, note=note)
    _full_clean(relationship)
    return audited_save(relationship, user=user)


def _move(queryset, field: str, to: Donor, user, reason: str) -> list[int]:
    """Re-point every row of `queryset` to `to`, one save each so that the history records the move."""
    moved = []
    for row in queryset.select_for_update():
        setattr(row, field, to)
        row._history_user = user
        row._change_reason = reason
        if hasattr(row, "version"):
            row.version += 1
        row.save()
        moved.append(row.pk)
    return moved


@transaction.atomic
def donor_merge(*, survivor: Donor, merged: Donor, reason: str, user) -> DonorMerge:
    """Merge a duplicate into `survivor`: every gift (with its receipts), pledge, consent record, relationship and soft
    credit moves; the duplicate is kept, marked as merged, and the merge is recorded for review."""
    require_staff(user)
    if survivor.pk == merged.pk:
        raise ValidationError("Scegliere due donatori diversi.")
    if not reason.strip():
        raise ValidationError("Indicare il motivo dell'unione.")
    locked = {d.pk: d for d in Donor.objects.select_for_update().filter(pk__in=[survivor.pk, merged.pk])}
    survivor, merged = locked[survivor.pk], locked[merged.pk]
    if survivor.merged_into_id or merged.merged_into_id:
        raise ValidationError("Uno dei due donatori è già stato unito a un altro.")
    if survivor.anonymised_at or merged.anonymised_at:
        raise ValidationError("Un donatore anonimizzato non si unisce.")
    note = f"Unione del donatore {merged.code} in {survivor.code}"
    moved = {
        "donations": _move(Donation.objects.filter(donor=merged), "donor", survivor, user, note),
        "soft_credits": _move(Donation.objects.filter(soft_credit=merged), "soft_credit", survivor, user, note),
        "pledges": _move(Pledge.objects.filter(donor=merged), "donor", survivor, user, note),
        "consents": _move(ConsentRecord.objects.filter(donor=merged), "donor", survivor, user, note),
    }
    moved["receipts"] = list(Receipt.objects.filter(donation_id__in=moved["donations"]).values_list("pk", flat=True))
    relationships = []
    for rel in DonorRelationship.objects.select_for_update().filter(Q(donor=merged) | Q(related=merged)):
        other = rel.related_id if rel.donor_id == merged.pk else rel.donor_id
        duplicate = DonorRelationship.objects.filter(kind=rel.kind).filter(
            Q(donor=survivor, related_id=other) if rel.donor_id == merged.pk else Q(donor_id=other, related=survivor)
        )
        if other == survivor.pk or duplicate.exists():
            continue  # a link between the two duplicates, or one the survivor already has
        if rel.donor_id == merged.pk:
            rel.donor = survivor
        else:
            rel.related = survivor
        rel._history_user, rel._change_reason = user, note
        rel.save()
        relationships.append(rel.pk)
    moved["relationships"] = relationships
    merged.merged_into = survivor
    audited_save(merged, user=user, expected_version=merged.version, reason=f"{note}: {reason.strip()}")
    return DonorMerge.objects.create(survivor=survivor, merged=merged, performed_by=user, reason=reason, moved=moved)


@transaction.atomic
def donor_erase(*, donor: Donor, user, reason: str) -> Donor:
    """Right to erasure: blank the personal fields (kept out of the history, so no copy remains) and withdraw every
    consent; gifts, pledges and receipts stay for the period the tax rules require (the receipts keep the donor's
    data as issued, a legal record of the foundation)."""
    require_staff(user)
    if not reason.strip():
        raise ValidationError("Indicare il motivo della cancellazione (es. richiesta dell'interessato del …).")
    donor = Donor.objects.select_for_update().get(pk=donor.pk)
    if donor.anonymised_at:
        raise ValidationError("Il donatore è già stato anonimizzato.")
    today = timezone.localdate()
    for channel, record in donor.consent_state().items():
        if record is not None and record.granted:
            audited_save(
                ConsentRecord(donor=donor, channel=channel, granted=False, date=today, source="Cancellazione dei dati"),
                user=user,
            )
    for name in PERSONAL_FIELDS:
        setattr(donor, name, "")
    donor.notes = ""
    donor.contact_source = "Dati cancellati su richiesta"
    donor.anonymised_at = timezone.now()
    return audited_save(donor, user=user, expected_version=donor.version, reason=f"Anonimizzazione: {reason.strip()}")
