"""Writes of the fundraising app: atomic, checked (Staff Fundraising only), recorded in the audit trail.

Locks: a pledge payment locks its pledge (payments never exceed the promise), a receipt locks its gift and the
year's counter row (one valid receipt per gift, numbers gap-free and unique), a transfer locks its designation
(never more than the restricted balance). A transfer is not an expense: nothing is posted to the budget here.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from governance.audit import audited_save
from governance.models import Action, District, Organisation
from governance.money import ZERO, as_money, format_eur, money_sum, validate_money

from . import permissions
from .enums import ContactChannel, DesignationKind, GiftKind, PaymentMethod
from .models import (
    NO_BENEFIT_WORDING,
    PERSONAL_FIELDS,
    ConsentRecord,
    Designation,
    Donation,
    Donor,
    DonorMerge,
    DonorRelationship,
    Event,
    LegalBasis,
    Pledge,
    PledgeInstalment,
    Receipt,
    ReceiptCounter,
    Transfer,
    TransferAllocation,
)


def require_staff(user) -> None:
    if not permissions.is_fundraising_staff(user):
        raise PermissionDenied("Solo lo Staff Fundraising può modificare i dati della raccolta fondi.")


def _full_clean(instance, *, exclude=None) -> None:
    instance.full_clean(exclude=exclude, validate_unique=False)


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


# --- Campaigns, events, legal bases ---------------------------------------------------------------------------


@transaction.atomic
def record_save(*, instance, user, expected_version: int | None = None):
    """Create or update a campaign, an event or a legal basis (validated, versioned, audited)."""
    require_staff(user)
    _full_clean(instance)
    return audited_save(instance, user=user, expected_version=expected_version)


# --- Designations ---------------------------------------------------------------------------------------------


def designation_for(key: str) -> Designation:
    """The designation behind a form value ("unrestricted", "subfund:<district>", "action:<action code>")."""
    kind, _, code = key.partition(":")
    try:
        if kind == DesignationKind.UNRESTRICTED:
            return Designation.objects.get_or_create(kind=kind)[0]
        if kind == DesignationKind.SUBFUND and code in SUBFUND_DISTRICTS:
            return Designation.objects.get_or_create(kind=kind, district=District.objects.get(code=code))[0]
        if kind == DesignationKind.ACTION:
            return Designation.objects.get_or_create(kind=kind, action=Action.objects.get(code=code))[0]
    except (District.DoesNotExist, Action.DoesNotExist):
        pass
    raise ValidationError("Destinazione non valida.")


SUBFUND_DISTRICTS = ("cremasco", "cremonese")  # seed 1748-1749: two sub-funds, for the Cremasco and Cremonese


def designation_choices() -> list[tuple[str, str]]:
    """Every designation a gift may have (today: fund, two sub-funds, one action)."""
    choices = [("unrestricted", DesignationKind.UNRESTRICTED.label)]
    names = dict(District.objects.filter(code__in=SUBFUND_DISTRICTS).values_list("code", "name"))
    choices += [(f"subfund:{code}", f"Sotto-fondo {names[code]}") for code in SUBFUND_DISTRICTS if code in names]
    choices += [
        (f"action:{a.code}", f"Azione {a.code} – {a.name}") for a in Action.objects.exclude(code="GA").order_by("order")
    ]
    return choices


# --- Gifts and pledges ----------------------------------------------------------------------------------------


def _check_pledge_payment(donation: Donation) -> None:
    """Lock the pledge; its payments (this one included) never exceed the promised amount."""
    pledge = Pledge.objects.select_for_update().get(pk=donation.pledge_id)
    if donation.donor_id != pledge.donor_id:
        raise ValidationError({"pledge": "Il pagamento di un impegno va registrato a nome del donatore dell'impegno."})
    if donation.designation_id != pledge.designation_id:
        raise ValidationError({"pledge": "Il pagamento di un impegno ha la stessa destinazione dell'impegno."})
    if donation.gift_kind != GiftKind.MONEY:
        raise ValidationError({"pledge": "Un impegno si paga in denaro."})
    others = pledge.payments.exclude(pk=donation.pk).aggregate(total=money_sum("amount"))["total"]
    outstanding = pledge.amount - as_money(others)
    if donation.amount > outstanding:
        raise ValidationError(
            {
                "amount": f"Il pagamento di {format_eur(donation.amount)} supera il residuo dell'impegno: "
                f"restano {format_eur(outstanding)} su {format_eur(pledge.amount)}."
            }
        )


@transaction.atomic
def donation_save(*, donation: Donation, user, expected_version: int | None = None) -> Donation:
    """Record (or correct) a gift. A gift with a valid receipt or already drawn on by a transfer is not changed."""
    require_staff(user)
    if donation.event_id and not donation.campaign_id:
        donation.campaign_id = Event.objects.filter(pk=donation.event_id).values_list("campaign", flat=True).first()
    _full_clean(donation)
    if donation.pk:
        if Receipt.objects.filter(donation=donation, voided_at__isnull=True).exists():
            raise ValidationError("La donazione ha una ricevuta valida: annullare prima la ricevuta per correggerla.")
        if TransferAllocation.objects.filter(donation=donation).exists():
            raise ValidationError("La donazione è già stata trasferita (in tutto o in parte): non si modifica più.")
    if donation.donor_id and Donor.objects.filter(pk=donation.donor_id).exclude(merged_into=None).exists():
        raise ValidationError({"donor": "Il donatore è stato unito a un altro: registrare il dono sul donatore unito."})
    if donation.pledge_id:
        _check_pledge_payment(donation)
    return audited_save(donation, user=user, expected_version=expected_version)


@transaction.atomic
def pledge_save(
    *, pledge: Pledge, instalments: list[tuple[dt.date, Decimal]], user, expected_version: int | None = None
) -> Pledge:
    """Create or update a pledge and its instalment schedule (the instalments add up to the promised amount)."""
    require_staff(user)
    _full_clean(pledge)
    if instalments:
        for _, amount in instalments:
            validate_money(amount, label="L'importo della rata")
        total = sum((Decimal(a) for _, a in instalments), ZERO)
        if total != pledge.amount:
            raise ValidationError(
                f"Le rate sommano {format_eur(total)}: devono essere pari all'importo promesso "
                f"({format_eur(pledge.amount)})."
            )
    if pledge.pk:
        paid = as_money(pledge.payments.aggregate(total=money_sum("amount"))["total"])
        if pledge.amount < paid:
            raise ValidationError(f"L'impegno non può scendere sotto quanto già versato ({format_eur(paid)}).")
    pledge = audited_save(pledge, user=user, expected_version=expected_version)
    for instalment in pledge.instalments.all():
        instalment._history_user = user
        instalment.delete()
    bulk_create_with_history(
        [PledgeInstalment(pledge=pledge, due_date=day, amount=amount) for day, amount in sorted(instalments)],
        PledgeInstalment,
        default_user=user,
    )
    return pledge


def pledge_payment_create(
    *, pledge: Pledge, date: dt.date, amount: Decimal, payment_method: str, user, reference: str = ""
) -> Donation:
    """A payment of a pledge: a gift of the pledge's donor, with its designation and campaign."""
    donation = Donation(
        donor_id=pledge.donor_id,
        date=date,
        amount=amount,
        gift_kind=GiftKind.MONEY,
        payment_method=payment_method,
        designation_id=pledge.designation_id,
        campaign_id=pledge.campaign_id,
        pledge=pledge,
        reference=reference,
    )
    return donation_save(donation=donation, user=user)


# --- Receipts -------------------------------------------------------------------------------------------------


def _wording_for(
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
    basis, wording, benefit = _wording_for(donation, donor, legal_basis)
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


# --- Transfers ------------------------------------------------------------------------------------------------


def available_balance(designation: Designation) -> Decimal:
    row = Designation.objects.filter(pk=designation.pk).with_balances().values("available").get()
    return as_money(row["available"])


def _check_destination(designation: Designation, holder: Organisation, action: Action) -> None:
    if designation.kind == DesignationKind.ACTION and designation.action_id != action.pk:
        raise ValidationError(
            {
                "action": f"Le donazioni vincolate all'Azione {designation.action.code} si trasferiscono solo a "
                "quell'azione."
            }
        )
    if designation.kind == DesignationKind.SUBFUND and holder.district_id != designation.district_id:
        raise ValidationError(
            {"holder": f"Il {designation} si trasferisce solo a titolari del territorio {designation.district.name}."}
        )


@transaction.atomic
def transfer_create(
    *,
    designation: Designation,
    holder: Organisation,
    action: Action,
    amount: Decimal,
    date: dt.date,
    user,
    donations: list[Donation] | None = None,
    notes: str = "",
) -> Transfer:
    """Make money of one designation available to an action's holder, drawing on its gifts (the chosen ones, else the
    oldest not yet transferred). Never beyond the available balance; never to another designation. Not an expense."""
    require_staff(user)
    validate_money(amount)
    designation = (
        Designation.objects.select_for_update(of=("self",)).select_related("action", "district").get(pk=designation.pk)
    )
    _check_destination(designation, holder, action)
    available = available_balance(designation)
    if amount > available:
        raise ValidationError(
            {
                "amount": f"Il trasferimento di {format_eur(amount)} supera il saldo disponibile di «{designation}»: "
                f"disponibili {format_eur(available)}."
            }
        )
    gifts = Donation.objects.filter(designation=designation, gift_kind=GiftKind.MONEY).annotate(
        allocated=money_sum("allocations__amount")
    )
    if donations:
        wrong = [d for d in donations if d.designation_id != designation.pk or d.gift_kind != GiftKind.MONEY]
        if wrong:
            raise ValidationError(
                {
                    "donations": f"La donazione n. {wrong[0].pk} non ha la destinazione «{designation}»: "
                    "non si trasferisce qui."
                }
            )
        gifts = gifts.filter(pk__in=[d.pk for d in donations])
    plan, remaining = [], amount
    for gift in gifts.order_by("date", "pk"):
        free = gift.amount - as_money(gift.allocated)
        if free <= 0 or remaining <= 0:
            continue
        share = min(free, remaining)
        plan.append((gift, share))
        remaining -= share
    if remaining > 0:
        raise ValidationError(
            {"donations": f"Le donazioni scelte coprono solo {format_eur(amount - remaining)} del trasferimento."}
        )
    transfer = audited_save(
        Transfer(designation=designation, holder=holder, action=action, amount=amount, date=date, notes=notes),
        user=user,
    )
    for gift, share in plan:
        TransferAllocation.objects.create(transfer=transfer, donation=gift, amount=share)
    return transfer
