"""Writes of Action 4: each checks the role, validates the model's rules and records the history.

`PermissionDenied` for a role that may not write, `ValidationError` with an Italian message otherwise; nothing is
saved when a rule fails.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max

from governance.audit import audited_save

from . import permissions
from .models import Attendance, ManifestoVersion, Participant, Session, TrainingLab

LAB_NOT_ALLOWED = "Il suo ruolo non consente di modificare questo laboratorio formativo."


def _require_lab_writer(user, lab: TrainingLab) -> None:
    if not permissions.can_write_lab(user, lab):
        raise PermissionDenied(LAB_NOT_ALLOWED)


@transaction.atomic
def lab_save(*, lab: TrainingLab, user, expected_version: int | None = None) -> TrainingLab:
    """Create or update a training lab: provincial ones by the Direzione, the others by their district's staff."""
    if lab.pk:
        _require_lab_writer(user, TrainingLab.objects.get(pk=lab.pk))
    _require_lab_writer(user, lab)
    lab.full_clean()
    if lab.pk and lab.start_on:
        outside = lab.sessions.filter(date__lt=lab.start_on)
        if lab.end_on:
            outside = outside | lab.sessions.filter(date__gt=lab.end_on)
        if outside.exists():
            raise ValidationError("Alcuni incontri già registrati cadono fuori dal nuovo periodo del laboratorio.")
    return audited_save(lab, user=user, expected_version=expected_version)


@transaction.atomic
def session_save(*, session: Session, user, expected_version: int | None = None) -> Session:
    _require_lab_writer(user, session.lab)
    session.full_clean()
    return audited_save(session, user=user, expected_version=expected_version)


@transaction.atomic
def participant_save(*, participant: Participant, user, expected_version: int | None = None) -> Participant:
    _require_lab_writer(user, participant.lab)
    participant.full_name = " ".join(participant.full_name.split())
    participant.full_clean()
    return audited_save(participant, user=user, expected_version=expected_version)


@transaction.atomic
def attendance_set(*, session: Session, participant_ids: Iterable[int], user) -> list[Attendance]:
    """Record who attended `session`: exactly the given participants, each of whom must be a participant of the lab.

    A person who is not a participant of the session's lab is refused with an Italian message, and nothing changes.
    """
    locked = Session.objects.select_for_update().select_related("lab").get(pk=session.pk)
    _require_lab_writer(user, locked.lab)
    wanted = set(participant_ids)
    participants = {p.pk: p for p in Participant.objects.filter(pk__in=wanted)}
    strangers = [participants[pk] for pk in wanted if pk in participants and participants[pk].lab_id != locked.lab_id]
    missing = wanted - set(participants)
    if strangers or missing:
        names = ", ".join(sorted(p.full_name for p in strangers)) or "una persona non registrata"
        raise ValidationError(
            f"Presenze non registrate: {names} non è tra i partecipanti del laboratorio «{locked.lab}»."
        )
    existing = {a.participant_id: a for a in locked.attendances.all()}
    for participant_id, attendance in existing.items():
        if participant_id not in wanted:
            attendance._history_user = user
            attendance.delete()
    created = []
    for participant_id in sorted(wanted - set(existing)):
        attendance = Attendance(session=locked, participant=participants[participant_id])
        attendance.full_clean()
        created.append(audited_save(attendance, user=user))
    return created


def _require_manifesto_writer(user) -> None:
    if not permissions.can_write_manifesto(user):
        raise PermissionDenied("Solo la Direzione di progetto scrive il Manifesto.")


@transaction.atomic
def manifesto_save(
    *, version: ManifestoVersion, sessions: Iterable[Session] | None = None, user, expected_version: int | None = None
) -> ManifestoVersion:
    """Create or update a version of the Manifesto (a new one takes the next number)."""
    _require_manifesto_writer(user)
    if version.pk is None:
        # Serialise numbering: lock the latest version row (if any) before reading the maximum.
        list(ManifestoVersion.objects.select_for_update().order_by("-number")[:1])
        version.number = (ManifestoVersion.objects.aggregate(m=Max("number"))["m"] or 0) + 1
    version.full_clean()
    audited_save(version, user=user, expected_version=expected_version)
    if sessions is not None:
        version.sessions.set(sessions)
    return version
