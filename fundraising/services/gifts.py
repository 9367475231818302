"""Writes on gifts and pledges, and the designations they carry."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import transaction
from simple_history.utils import bulk_create_with_history

from governance.audit import audited_save
from governance.models import Action, District
from governance.money import ZERO, as_money, format_eur, money_sum, validate_money

from ..enums import DesignationKind, GiftKind
from ..models import (
    Designation,
    Donation,
    Donor,
    Event,
    Pledge,
    PledgeInstalment,
    Receipt,
    TransferAllocation,
)
from .common import _full_clean, require_staff

# --- Designations ---------------------------------------------------------------------------------------------


def _record_models() -> dict:
    """The action records a gift may be designated to: kind → (model, action code, label of the group)."""
    from civic_center.models import CivicCenter
    from imprese.models import PattoImpresa
    from laboratori.models import Laboratorio

    return {
        DesignationKind.LAB: (Laboratorio, "2A", "Laboratori"),
        DesignationKind.COMPANY_PACT: (PattoImpresa, "2B", "Patti con le imprese"),
        DesignationKind.CIVIC_CENTER: (CivicCenter, "3", "Civic center (posti gratuiti)"),
    }


def designation_for(key: str) -> Designation:
    """The designation behind a form value ("unrestricted", "subfund:<district>", "action:<action code>",
    "lab:<pk>", "company_pact:<pk>", "civic_center:<pk>")."""
    kind, _, code = key.partition(":")
    records = _record_models()
    try:
        if kind == DesignationKind.UNRESTRICTED:
            return Designation.objects.get_or_create(kind=kind)[0]
        if kind == DesignationKind.SUBFUND and code in SUBFUND_DISTRICTS:
            return Designation.objects.get_or_create(kind=kind, district=District.objects.get(code=code))[0]
        if kind == DesignationKind.ACTION:
            return Designation.objects.get_or_create(kind=kind, action=Action.objects.get(code=code))[0]
        if kind in records and code.isdecimal():  # not isdigit(): "²" is a digit that int() refuses
            model, action_code, _ = records[kind]
            record = model.objects.get(pk=int(code))
            return Designation.objects.get_or_create(
                kind=kind, **{kind: record}, defaults={"action": Action.objects.get(code=action_code)}
            )[0]
    except (District.DoesNotExist, Action.DoesNotExist, ObjectDoesNotExist):
        pass
    raise ValidationError("Destinazione non valida.")


SUBFUND_DISTRICTS = ("cremasco", "cremonese")  # seed 1748-1749: two sub-funds, for the Cremasco and Cremonese


def _record_label(kind: str, record) -> str:
    if kind == DesignationKind.COMPANY_PACT:
        return f"Patto con {record.company.name}"
    return record.name


def designation_choices() -> list[tuple]:
    """Every designation a gift may have: the fund, two sub-funds, one action, and one lab / company pact / civic
    center, these grouped by kind and district (an <optgroup> each) so that a long list stays usable."""
    choices = [("unrestricted", DesignationKind.UNRESTRICTED.label)]
    names = dict(District.objects.filter(code__in=SUBFUND_DISTRICTS).values_list("code", "name"))
    choices += [(f"subfund:{code}", f"Sotto-fondo {names[code]}") for code in SUBFUND_DISTRICTS if code in names]
    choices += [
        (f"action:{a.code}", f"Azione {a.code} – {a.name}") for a in Action.objects.exclude(code="GA").order_by("order")
    ]
    for kind, (model, _, group) in _record_models().items():
        records = model.objects.select_related("district", *(["company"] if kind == "company_pact" else []))
        by_district: dict[str, list] = {}
        for record in records.order_by("district__name", "pk"):
            by_district.setdefault(record.district.name, []).append(
                (f"{kind}:{record.pk}", _record_label(kind, record))
            )
        for district, options in by_district.items():
            choices.append((f"{group} – {district}", sorted(options, key=lambda option: option[1].lower())))
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
