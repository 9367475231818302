"""Writes of the laboratori app: keyword-only, atomic, permission-checked, validated with Italian messages, and
recorded in the audit trail through `governance.audit.audited_save`.

Payments of a lab's budget go to the budget ledger through governance's `payment_post` (Action 2A, the lab's
district and the funding source give the line), after locking the lab so that two simultaneous payments cannot
together exceed its budget.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from governance.audit import audited_save
from governance.budget.services import expense_reverse_payment, payment_post
from governance.models import ProjectYear
from governance.money import as_money, format_eur, money_sum, validate_money

from . import permissions
from .enums import LAB_TRANSITIONS, LabFundingSource, LabStatus
from .models import (
    SCORE_NAMES,
    FundraisingActivity,
    LabMeeting,
    Laboratorio,
    LabPayment,
    RestitutionEvent,
    SelfAssessment,
)

ACTION_CODE = "2A"  # Action 2/A in the programme's plan (governance reference data)


def _forbidden() -> PermissionDenied:
    return PermissionDenied("Il suo ruolo non consente questa operazione.")


def _require_lab_writer(user, district_id) -> None:
    if not permissions.can_write_lab(user, district_id):
        raise _forbidden()


def _save_formsets(formsets, *, parent, user) -> None:
    """Save inline formsets of audited children with their author (deletions are recorded in history too)."""
    for formset in formsets:
        formset.instance = parent
        for obj in formset.save(commit=False):
            if obj.pk is None:
                obj.created_by = user
            obj.updated_by = user
            obj.updated_at = timezone.now()
            obj._history_user = user
            obj.save()
        for obj in formset.deleted_objects:
            obj._history_user = user
            obj.delete()


def paid_total(lab: Laboratorio) -> Decimal:
    """What has been paid of the lab's budget (payments not cancelled), summed in SQL."""
    return as_money(lab.payments.active().aggregate(total=money_sum("amount"))["total"])


# --- The lab --------------------------------------------------------------------------------------------------


@transaction.atomic
def lab_save(*, lab: Laboratorio, user, expected_version: int | None = None, formsets=()) -> Laboratorio:
    """Create or update a lab (with its people and operational plan); concurrent edits are refused.

    The budget ceiling (€ 10,000 from year 2) is checked by the model and held by a CheckConstraint; a budget may not
    fall below what has already been paid.
    """
    _require_lab_writer(user, lab.district_id)
    if lab.pk:
        stored = Laboratorio.objects.select_for_update().only("district").get(pk=lab.pk)
        _require_lab_writer(user, stored.district_id)
        already = paid_total(lab)
        if lab.budget is not None and lab.budget < already:
            raise ValidationError(
                {"budget": f"Il budget non può essere inferiore a quanto già pagato ({format_eur(already)})."}
            )
    lab.full_clean(exclude=["activation_year_number"])  # derived from activation_year in save()
    audited_save(lab, user=user, expected_version=expected_version)
    _save_formsets(formsets, parent=lab, user=user)
    return lab


@transaction.atomic
def lab_transition(*, lab: Laboratorio, to_status: str, user, on_date: dt.date | None = None) -> Laboratorio:
    """Move the lab along its life (LAB_TRANSITIONS): the one place that checks, saves and logs it."""
    locked = Laboratorio.objects.select_for_update().select_related("activation_year").get(pk=lab.pk)
    _require_lab_writer(user, locked.district_id)
    try:
        to_status = LabStatus(to_status)
    except ValueError as unknown:
        raise ValidationError("Stato sconosciuto.") from unknown
    current = LabStatus(locked.status)
    if to_status not in LAB_TRANSITIONS[current]:
        raise ValidationError(f"Un laboratorio «{current.label}» non può passare allo stato «{to_status.label}».")
    day = on_date or timezone.localdate()
    if to_status == LabStatus.ACTIVE and locked.activated_on is None:
        year = locked.activation_year
        if not (year.start <= day <= year.end):
            raise ValidationError(
                f"La data di attivazione deve cadere nell'{year}, l'anno di attivazione del laboratorio."
            )
        locked.activated_on = day
    if to_status == LabStatus.CLOSED:
        if locked.activated_on and day < locked.activated_on:
            raise ValidationError("La conclusione non può precedere l'attivazione del laboratorio.")
        locked.closed_on = day
    locked.status = to_status
    audited_save(locked, user=user, expected_version=locked.version, reason=f"Stato: {to_status.label}")
    return locked


# --- Self-assessment, meetings --------------------------------------------------------------------------------


@transaction.atomic
def assessment_create(
    *, lab: Laboratorio, date: dt.date, pr: int, re: int, ri: int, user, notes: str = ""
) -> SelfAssessment:
    """Record a self-assessment LAB = f(PR × RE × RI); each score from 1 to 5."""
    _require_lab_writer(user, lab.district_id)
    if lab.is_closed:
        raise ValidationError("Un laboratorio concluso non riceve nuove autovalutazioni.")
    assessment = SelfAssessment(lab=lab, date=date, pr=pr, re=re, ri=ri, notes=notes)
    errors = {}
    for name in SCORE_NAMES:
        value = getattr(assessment, name)
        if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 5:
            errors[name] = f"Il punteggio {name.upper()} deve essere un numero intero da 1 a 5."
    if errors:
        raise ValidationError(errors)
    assessment.full_clean()
    return audited_save(assessment, user=user)


@transaction.atomic
def meeting_save(*, meeting: LabMeeting, user, organisations=None, expected_version: int | None = None) -> LabMeeting:
    """Create or update a meeting of a lab with its participants (no negative counts)."""
    _require_lab_writer(user, meeting.lab.district_id)
    meeting.full_clean()
    audited_save(meeting, user=user, expected_version=expected_version)
    if organisations is not None:
        meeting.organisations.set(organisations)
    return meeting


# --- Budget: payments to the implementing body ------------------------------------------------------------------


@transaction.atomic
def payment_create(
    *, lab: Laboratorio, date: dt.date, amount: Decimal, funding_source: str, description: str, user
) -> LabPayment:
    """Pay part of the lab's budget to its implementing body and post it to the ledger (Action 2A).

    The lab row is locked so that two simultaneous payments cannot together exceed the budget. Payments may fall in a
    later project year than the activation (year-1 balances were paid in year 2, seed 2253-2255).
    """
    _require_lab_writer(user, lab.district_id)
    validate_money(amount, label="L'importo")
    amount = as_money(amount)
    if funding_source not in LabFundingSource.values:
        raise ValidationError({"funding_source": "Fonte di finanziamento non valida."})
    if not (description or "").strip():
        raise ValidationError({"description": "Indicare la causale del pagamento."})
    locked = (
        Laboratorio.objects.select_for_update()
        .select_related("district", "implementing_body", "activation_year")
        .get(pk=lab.pk)
    )
    if date > timezone.localdate():
        raise ValidationError({"date": "Il pagamento non può avere una data futura."})
    if date < locked.activation_year.start:
        raise ValidationError({"date": "Il pagamento non può precedere l'anno di attivazione del laboratorio."})
    if ProjectYear.objects.containing(date).first() is None:
        raise ValidationError({"date": "La data del pagamento non cade in nessun anno di progetto."})
    already = paid_total(locked)
    if already + amount > locked.budget:
        raise ValidationError(
            {
                "amount": f"L'importo supera il budget residuo del laboratorio: restano "
                f"{format_eur(locked.budget - already)} su {format_eur(locked.budget)}."
            }
        )
    expense = payment_post(
        action_code=ACTION_CODE,
        district=locked.district,
        date=date,
        amount=amount,
        funding_source=funding_source,
        description=f"Laboratorio di Comunità «{locked.name}»: {description.strip()}",
        payee=str(locked.implementing_body),
        user=user,
        document_number=f"LAB-{locked.pk}",
    )
    payment = LabPayment(
        lab=locked,
        date=date,
        amount=amount,
        funding_source=funding_source,
        description=description.strip(),
        expense=expense,
    )
    return audited_save(payment, user=user)


@transaction.atomic
def payment_cancel(*, payment: LabPayment, user, reason: str) -> LabPayment:
    """Cancel a payment and reverse its expense in the ledger (the trace stays in both)."""
    lab = Laboratorio.objects.select_for_update().only("pk", "district").get(pk=payment.lab_id)
    _require_lab_writer(user, lab.district_id)
    locked = LabPayment.objects.select_for_update().select_related("expense").get(pk=payment.pk)
    if locked.is_cancelled:
        raise ValidationError("Il pagamento è già stato annullato.")
    if not (reason or "").strip():
        raise ValidationError("Indicare il motivo dell'annullamento.")
    expense_reverse_payment(expense=locked.expense, user=user, reason=f"Pagamento annullato: {reason.strip()}")
    locked.cancelled_at = timezone.now()
    locked.cancelled_by = user
    locked.cancel_reason = reason.strip()
    return audited_save(locked, user=user, expected_version=locked.version, reason="Pagamento annullato")


# --- Fundraising and the restitution event ------------------------------------------------------------------------


@transaction.atomic
def fundraising_save(
    *, activity: FundraisingActivity, user, expected_version: int | None = None
) -> FundraisingActivity:
    """Record a fundraising activity agreed with a lab (Staff Fundraising only), with its target and raised amount."""
    if not permissions.can_write_fundraising(user):
        raise _forbidden()
    validate_money(activity.target_amount, label="L'obiettivo di raccolta", allow_zero=True)
    validate_money(activity.raised_amount, label="L'importo raccolto", allow_zero=True)
    activity.full_clean()
    return audited_save(activity, user=user, expected_version=expected_version)


@transaction.atomic
def restitution_save(
    *, event: RestitutionEvent, user, labs=None, expected_version: int | None = None
) -> RestitutionEvent:
    """Create or update the annual restitution event; the labs the user cannot see keep their place in it."""
    if not permissions.can_write_restitution(user):
        raise _forbidden()
    event.full_clean()
    audited_save(event, user=user, expected_version=expected_version)
    if labs is not None:
        visible = Laboratorio.objects.visible_to(user)
        hidden = list(event.labs.exclude(pk__in=visible.values("pk")).values_list("pk", flat=True))
        chosen = list(visible.filter(pk__in=[lab.pk for lab in labs]).values_list("pk", flat=True))
        event.labs.set(hidden + chosen)
    return event
