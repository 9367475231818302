"""Transfers of the fund to the actions' holders: never beyond the balance, never elsewhere."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from governance.audit import audited_save
from governance.models import Action, Organisation
from governance.money import as_money, format_eur, money_sum, validate_money

from ..enums import DesignationKind, GiftKind
from ..models import (
    Designation,
    Donation,
    Transfer,
    TransferAllocation,
)
from .common import require_staff

# --- Transfers ------------------------------------------------------------------------------------------------


def available_balance(designation: Designation) -> Decimal:
    row = Designation.objects.filter(pk=designation.pk).with_balances().values("available").get()
    return as_money(row["available"])


def record_holders(designation: Designation):
    """Who may receive the gifts designated to a lab, company pact or civic center: the partners of its district
    and, for a lab or a civic center, its own implementing body or host."""
    record = designation.record
    own = getattr(record, "implementing_body_id", None) or getattr(record, "host_organisation_id", None)
    return Organisation.objects.filter(Q(is_partner=True, district=record.district_id) | Q(pk=own))


def _check_destination(designation: Designation, holder: Organisation, action: Action) -> None:
    if designation.kind == DesignationKind.ACTION and designation.action_id != action.pk:
        raise ValidationError(
            {
                "action": f"Le donazioni vincolate all'Azione {designation.action.code} si trasferiscono solo a "
                "quell'azione."
            }
        )
    if designation.record is not None and designation.action_id != action.pk:
        raise ValidationError(
            {
                "action": f"Le donazioni per «{designation}» si trasferiscono solo all'Azione "
                f"{designation.action.code}, per quel solo destinatario."
            }
        )
    if designation.record is not None and not record_holders(designation).filter(pk=holder.pk).exists():
        raise ValidationError(
            {
                "holder": f"Le donazioni per «{designation}» si trasferiscono solo al suo soggetto attuatore o "
                "a un partner del suo ambito."
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
        Designation.objects.select_for_update(of=("self",))
        .select_related("action", "district", "lab", "company_pact__company", "civic_center")
        .get(pk=designation.pk)
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
