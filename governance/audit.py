"""The audited base model and the one version check (ARCHITECTURE.md, "Data rules").

    class Laboratorio(AuditedModel):
        name = models.CharField(...)

    # in a service, inside transaction.atomic:
    audited_save(lab, user=user, expected_version=form.cleaned_data["version"], reason="Modifica del piano")

Every subclass gets its own history table (django-simple-history, `inherit=True`), the author and time of creation
and of the last change, and a `version` that `audited_save` checks so that two people editing the same record never
silently overwrite each other: the second save is refused with `ConcurrentEditError` and nothing is written.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from simple_history.models import HistoricalRecords

CONCURRENT_EDIT_MESSAGE = (
    "Nel frattempo un'altra persona ha modificato questo dato. "
    "Ricaricare la pagina per vedere la versione aggiornata prima di salvare di nuovo."
)


class ConcurrentEditError(Exception):
    """The record changed since the user opened the form."""

    message = CONCURRENT_EDIT_MESSAGE

    def __init__(self, message: str = CONCURRENT_EDIT_MESSAGE):
        super().__init__(message)
        self.message = message


class AuditedModel(models.Model):
    """Abstract base of every domain record: version for lost-update checks, who and when, history."""

    version = models.PositiveIntegerField("versione", default=1, editable=False)
    created_at = models.DateTimeField("creato il", default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="creato da",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    updated_at = models.DateTimeField("modificato il", default=timezone.now, editable=False)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="modificato da",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True


def check_version(instance: models.Model, expected_version: int | None) -> int:
    """Lock the stored row and return the next version; refuse if it is not the version the user saw.

    Must run inside a transaction. Works on any model with a `version` field (AuditedModel or not).
    """
    current = type(instance)._default_manager.select_for_update().only("version").get(pk=instance.pk)
    if expected_version is None or current.version != expected_version:
        raise ConcurrentEditError()
    return current.version + 1


def audited_save(instance: models.Model, *, user, expected_version: int | None = None, reason: str = ""):
    """Save `instance` with its history entry attributed to `user` (and `reason`), checking the version.

    A new record (no pk) needs no `expected_version`; an existing one is saved only if `expected_version` is the
    stored version. Raises `ConcurrentEditError` otherwise; nothing is written.
    """
    with transaction.atomic():
        now = timezone.now()
        if instance.pk is None or instance._state.adding:
            if hasattr(instance, "created_by_id") and instance.created_by_id is None:
                instance.created_by = user
            if hasattr(instance, "created_at"):
                instance.created_at = now
        else:
            instance.version = check_version(instance, expected_version)
        if hasattr(instance, "updated_by_id"):
            instance.updated_by = user
        if hasattr(instance, "updated_at"):
            instance.updated_at = now
        instance._history_user = user
        if reason:
            instance._change_reason = reason
        instance.save()
    return instance
