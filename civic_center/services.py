"""Writes of Action 3: every change checks the role, validates the model's rules and records the history.

Keyword-only functions named `<entity>_<verb>`; each raises `PermissionDenied` (role) or `ValidationError` (an Italian
message, nothing saved). Paying demand never reaches the budget ledger: it is monitored, not spent.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from governance.audit import audited_save

from . import permissions
from .enums import CenterStatus
from .models import Activity, ActivitySlot, Agreement, CivicCenter, PayingDemand

NOT_ALLOWED = "Il suo ruolo non consente di modificare i civic center di questo ambito."


def _require_writer(user, district_id) -> None:
    if not permissions.can_write_in(user, district_id):
        raise PermissionDenied(NOT_ALLOWED)


@transaction.atomic
def center_save(*, center: CivicCenter, user, expected_version: int | None = None) -> CivicCenter:
    """Create or update a civic center of one of the user's districts."""
    if center.pk:
        stored = CivicCenter.objects.only("district_id").get(pk=center.pk)
        _require_writer(user, stored.district_id)
    _require_writer(user, center.district_id)
    center.full_clean()
    return audited_save(center, user=user, expected_version=expected_version)


@transaction.atomic
def center_transition(*, center: CivicCenter, to_status: str, user, on_date: dt.date | None = None) -> CivicCenter:
    """Move a civic center along CENTER_TRANSITIONS; activating it records the activation date (and project year)."""
    locked = CivicCenter.objects.select_for_update().get(pk=center.pk)
    _require_writer(user, locked.district_id)
    try:
        to_status = CenterStatus(to_status)
    except ValueError as error:
        raise ValidationError("Stato non valido.") from error
    current = CenterStatus(locked.status)
    if to_status not in locked.allowed_transitions():
        raise ValidationError(f"Un civic center «{current.label}» non può passare allo stato «{to_status.label}».")
    day = on_date or timezone.localdate()
    if to_status == CenterStatus.ACTIVE and locked.activated_on is None:
        locked.activated_on = day
    elif locked.activated_on and day < locked.activated_on:
        raise ValidationError("La data non può precedere l'attivazione del civic center.")
    locked.status = to_status
    return audited_save(locked, user=user, expected_version=locked.version, reason=f"Stato: {to_status.label}")


@transaction.atomic
def agreement_save(*, agreement: Agreement, user, expected_version: int | None = None) -> Agreement:
    """Create or update an agreement of a civic center the user writes."""
    _require_writer(user, agreement.civic_center.district_id)
    agreement.full_clean()
    return audited_save(agreement, user=user, expected_version=expected_version)


def _slot_rows(slots: Iterable[dict]) -> list[dict]:
    rows = [s for s in slots if s]
    if not rows:
        raise ValidationError("Indicare almeno un orario settimanale.")
    return rows


@transaction.atomic
def activity_save(
    *, activity: Activity, slots: Iterable[dict] | None, user, expected_version: int | None = None
) -> Activity:
    """Create or update an activity and, when `slots` is given, replace its weekly schedule.

    `slots` is a list of `{"weekday": 1-7, "start": time, "end": time}`; every row is checked against the model's
    rules (end after start, within 07:00-23:00) before anything is written.
    """
    _require_writer(user, activity.civic_center.district_id)
    activity.full_clean()
    new_slots = []
    if slots is not None:
        errors = []
        for index, row in enumerate(_slot_rows(slots), start=1):
            slot = ActivitySlot(weekday=row.get("weekday"), start=row.get("start"), end=row.get("end"))
            try:
                slot.full_clean(exclude=["activity"])
            except ValidationError as error:
                errors += [f"Orario {index}: {message}" for message in error.messages]
            new_slots.append(slot)
        if errors:
            raise ValidationError(errors)
    audited_save(activity, user=user, expected_version=expected_version)
    if slots is not None:
        for old in list(activity.slots.all()):
            old._history_user = user
            old.delete()
        for slot in new_slots:
            slot.activity = activity
            audited_save(slot, user=user)
    return activity


@transaction.atomic
def paying_demand_record(
    *, activity: Activity, period_start: dt.date, period_end: dt.date, enrolments: int, fees_collected, user,
    notes: str = "",
) -> PayingDemand:  # fmt: skip
    """Record the enrolments and fees an organiser collected in one period (monitored, not in the project budget)."""
    locked = Activity.objects.select_for_update().select_related("civic_center").get(pk=activity.pk)
    _require_writer(user, locked.civic_center.district_id)
    row = PayingDemand(
        activity=locked,
        period_start=period_start,
        period_end=period_end,
        enrolments=enrolments,
        fees_collected=fees_collected,
        notes=notes,
    )
    row.full_clean()
    if enrolments is not None and enrolments > locked.capacity:
        raise ValidationError(
            f"Gli iscritti ({enrolments}) non possono superare i posti disponibili dell'attività ({locked.capacity})."
        )
    return audited_save(row, user=user)
