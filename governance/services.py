"""Writes of the governance app: atomic, checked, recorded in the audit trail (django-simple-history)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from .audit import ConcurrentEditError, check_version
from .models import Meeting
from .permissions import can_manage_meetings_of, require

__all__ = ["ConcurrentEditError", "decision_complete", "meeting_save", "meeting_attachment_add"]


@transaction.atomic
def meeting_save(*, meeting_form, attendance_formset, decision_formset, user, expected_version: int | None) -> Meeting:
    """Create or update a meeting with its attendance and decisions in one transaction.

    `expected_version` is the version the user saw (None on creation); a newer version in the database means a
    concurrent edit, and nothing is saved.
    """
    meeting = meeting_form.instance
    require(can_manage_meetings_of(user, meeting.body))
    if meeting.pk:
        stored = Meeting.objects.select_related("body").get(pk=meeting.pk)
        require(can_manage_meetings_of(user, stored.body))
        meeting.version = check_version(meeting, expected_version)
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
    require(can_manage_meetings_of(user, meeting.body))
    attachment = form.save(commit=False)
    attachment.meeting = meeting
    attachment.uploaded_by = user
    attachment.save()
    return attachment


@transaction.atomic
def decision_complete(*, decision, user):
    """Mark an open decision done (from the decision list), by who may manage its body's meetings; audited."""
    from .enums import DecisionStatus
    from .models import Decision

    locked = Decision.objects.select_for_update().select_related("meeting__body").get(pk=decision.pk)
    require(can_manage_meetings_of(user, locked.meeting.body))
    if locked.status != DecisionStatus.OPEN:
        raise ValidationError(
            f"La decisione è già «{locked.get_status_display()}»: solo una decisione aperta si completa."
        )
    locked.status = DecisionStatus.DONE
    locked._history_user = user
    locked._change_reason = "Segnata come completata"
    locked.save(update_fields=["status"])
    return locked
