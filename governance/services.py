"""Writes of the governance app: atomic, checked, recorded in the audit trail (django-simple-history)."""

from __future__ import annotations

from django.db import transaction

from .models import Meeting


class ConcurrentEditError(Exception):
    """The record changed since the user opened the form."""

    message = (
        "Nel frattempo un'altra persona ha modificato questo incontro. "
        "Ricaricare la pagina per vedere la versione aggiornata prima di salvare di nuovo."
    )


@transaction.atomic
def meeting_save(*, meeting_form, attendance_formset, decision_formset, user, expected_version: int | None) -> Meeting:
    """Create or update a meeting with its attendance and decisions in one transaction.

    `expected_version` is the version the user saw (None on creation); a newer version in the database means a
    concurrent edit, and nothing is saved.
    """
    meeting = meeting_form.instance
    if meeting.pk:
        current = Meeting.objects.select_for_update().only("version").get(pk=meeting.pk)
        if expected_version is None or current.version != expected_version:
            raise ConcurrentEditError(ConcurrentEditError.message)
        meeting.version = current.version + 1
    else:
        meeting.created_by = user
    meeting = meeting_form.save()
    attendance_formset.instance = meeting
    attendance_formset.save()
    decision_formset.instance = meeting
    decision_formset.save()
    return meeting


@transaction.atomic
def meeting_attachment_add(*, form, meeting, user):
    """Store an uploaded document (already checked by the upload validator) on a meeting."""
    attachment = form.save(commit=False)
    attachment.meeting = meeting
    attachment.uploaded_by = user
    attachment.save()
    return attachment
