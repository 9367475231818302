"""Writes of the results framework: targets and manual values, by the Direzione, audited and version-checked.

Every function checks the permission (PermissionDenied), validates with Italian messages (ValidationError: nothing
is saved) and saves through `audited_save`, which records the history entry with its author.
"""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from ..audit import audited_save
from ..indicators import computed_indicator
from ..models import District, Indicator, ManualValue, ProjectYear, Target
from .permissions import can_manage_results

DUPLICATE_TARGET = (
    "Esiste già un obiettivo di questa versione per lo stesso indicatore, anno e ambito: modificare quello."
)
COMPUTED_NO_MANUAL = "Questo indicatore è calcolato dai dati dell'applicazione: non si inseriscono valori a mano."


def _require_manager(user) -> None:
    if not can_manage_results(user):
        raise PermissionDenied("Solo la Direzione di progetto modifica obiettivi e valori rilevati.")


def _save_checked(instance, *, user, expected_version=None, reason=""):
    """Validate every field and constraint, then save; a duplicate that slips past validation (two people saving at
    once) is refused by the database and reported in the same words."""
    instance.full_clean()
    try:
        with transaction.atomic():
            return audited_save(instance, user=user, expected_version=expected_version, reason=reason)
    except IntegrityError as error:
        raise ValidationError(DUPLICATE_TARGET if isinstance(instance, Target) else str(error)) from error


def target_save(
    *,
    target: Target | None = None,
    indicator: Indicator,
    plan_version: str,
    project_year: ProjectYear | None,
    district: District | None,
    value: Decimal,
    value_max: Decimal | None = None,
    source: str,
    user,
    expected_version: int | None = None,
    reason: str = "",
) -> Target:
    """Create a target (target=None) or change one; refuses a duplicate, a negative value, a missing source."""
    _require_manager(user)
    target = target or Target()
    target.indicator = indicator
    target.plan_version = plan_version
    target.project_year = project_year
    target.district = district
    target.value = value
    target.value_max = value_max
    target.source = (source or "").strip()
    return _save_checked(target, user=user, expected_version=expected_version, reason=reason)


def manual_value_save(
    *,
    manual_value: ManualValue | None = None,
    indicator: Indicator,
    project_year: ProjectYear | None,
    district: District | None,
    value: Decimal,
    measured_on,
    source: str,
    document=None,
    notes: str = "",
    user,
    expected_version: int | None = None,
) -> ManualValue:
    """Record (or correct) a value measured by hand, with the document it comes from."""
    _require_manager(user)
    if computed_indicator(indicator.code) is not None:
        raise ValidationError(COMPUTED_NO_MANUAL)
    manual_value = manual_value or ManualValue()
    manual_value.indicator = indicator
    manual_value.project_year = project_year
    manual_value.district = district
    manual_value.value = value
    manual_value.measured_on = measured_on
    manual_value.source = (source or "").strip()
    manual_value.notes = notes or ""
    if document:
        manual_value.document = document
    return _save_checked(manual_value, user=user, expected_version=expected_version)
