"""Convocations of meetings by e-mail, with a calendar invite, and the approved minutes sent to the members.

The body's secretary — whoever may write that body's meetings (`permissions.can_manage_meetings_of`) — sends:
- the convocation of a future meeting (an Italian e-mail with date, time, place, agenda and the meeting's documents,
  and an `.ics` invite, METHOD:REQUEST, that Outlook and Thunderbird add to the calendar);
- once the meeting has been convened, an update of the same invite (same UID, higher SEQUENCE) after a change of
  date or place, or its cancellation (METHOD:CANCEL);
- the minutes (PDF) once they are approved.
Every sending is recorded as a `Dispatch` (audited); a sending the mail server refuses is recorded as failed, marks
nothing as sent, and can be retried. No beneficiary's data is ever part of a meeting's e-mail.
"""

from __future__ import annotations

import datetime as dt
import smtplib
import socket

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.validators import validate_email
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from icalendar import Calendar, Event, vCalAddress, vText

from . import permissions
from .enums import DispatchKind, DispatchStatus
from .models import Dispatch, Meeting
from .pdf import pdf_bytes

MEETING_DURATION = dt.timedelta(hours=2)  # the application records no end time: invites last two hours
MAIL_ERRORS = (smtplib.SMTPException, socket.timeout, OSError)
SUBJECTS = {
    DispatchKind.CONVOCATION: "Convocazione",
    DispatchKind.UPDATE: "Aggiornamento della convocazione",
    DispatchKind.CANCELLATION: "Annullamento",
    DispatchKind.MINUTES: "Verbale",
}


def meeting_recipients(meeting: Meeting) -> tuple[list[str], list[str]]:
    """(addresses, members without a valid address): the active members of the meeting's body."""
    addresses, missing = [], []
    for member in meeting.body.members.filter(active=True).select_related("user", "organisation"):
        address = member.address.strip()
        try:
            validate_email(address)
        except ValidationError:
            missing.append(str(member) + (f" (indirizzo non valido: {address})" if address else ""))
            continue
        if address.lower() not in {a.lower() for a in addresses}:
            addresses.append(address)
    return addresses, missing


def last_sent_convocation(meeting: Meeting) -> Dispatch | None:
    return (
        meeting.dispatches.filter(status=DispatchStatus.SENT, kind__in=[DispatchKind.CONVOCATION, DispatchKind.UPDATE])
        .order_by("-sent_at", "-pk")
        .first()
    )


def invite_ics(meeting: Meeting, *, method: str, sequence: int, attendees: list[str]) -> bytes:
    """The calendar invite (RFC 5545/5546) of a meeting: REQUEST to add or update it, CANCEL to remove it."""
    calendar = Calendar()
    calendar.add("prodid", "-//Wel(l)Fare Legami//Convocazioni//IT")
    calendar.add("version", "2.0")
    calendar.add("method", method)
    event = Event()
    event.add("uid", f"{meeting.ical_uid}@wellfare-legami")
    event.add("sequence", sequence)
    event.add("dtstamp", timezone.now())
    start = meeting.starts_at()
    event.add("dtstart", start)
    event.add("dtend", start + MEETING_DURATION)
    event.add("summary", f"{meeting.body.name}")
    event.add("description", meeting.agenda or "Ordine del giorno nella convocazione.")
    event.add("location", meeting.place or ("A distanza" if meeting.online else ""))
    event.add("status", "CANCELLED" if method == "CANCEL" else "CONFIRMED")
    organizer = vCalAddress(f"MAILTO:{_sender_address()}")
    organizer.params["cn"] = vText("Wel(l)Fare Legami")
    event.add("organizer", organizer)
    for address in attendees:
        attendee = vCalAddress(f"MAILTO:{address}")
        attendee.params["role"] = vText("REQ-PARTICIPANT")
        attendee.params["rsvp"] = vText("FALSE")
        event.add("attendee", attendee, encode=0)
    calendar.add_component(event)
    return calendar.to_ical()


def _sender_address() -> str:
    sender = settings.DEFAULT_FROM_EMAIL
    return sender.rsplit("<", 1)[-1].rstrip(">") if "<" in sender else sender


def _message(meeting: Meeting, *, kind: str, addresses: list[str], context: dict) -> EmailMultiAlternatives:
    context = {"meeting": meeting, "kind": kind, **context}
    subject = f"{SUBJECTS[kind]}: {meeting.body.name} – {meeting.date:%d/%m/%Y}"
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string("governance/mail/meeting.txt", context),
        to=[_sender_address()],
        bcc=addresses,  # members do not see each other's addresses
    )
    message.attach_alternative(render_to_string("governance/mail/meeting.html", context), "text/html")
    return message


def _require_secretary(user, meeting: Meeting) -> None:
    if not permissions.can_manage_meetings_of(user, meeting.body):
        raise PermissionDenied("Solo la segreteria dell'organismo può inviare le sue convocazioni.")


def _send(meeting: Meeting, *, kind: str, message: EmailMultiAlternatives, addresses, missing, user, sequence):
    """Send through the configured backend and record the outcome; a refusal is recorded, never marked sent."""
    if not addresses:
        raise ValidationError(
            "Nessun componente attivo dell'organismo ha un indirizzo e-mail valido: avvisarli per telefono "
            f"({', '.join(missing) or 'nessun componente'})."
        )
    try:
        get_connection(fail_silently=False, timeout=getattr(settings, "EMAIL_TIMEOUT", None) or 20).send_messages(
            [message]
        )
    except MAIL_ERRORS as error:
        dispatch = Dispatch(
            meeting=meeting,
            kind=kind,
            status=DispatchStatus.FAILED,
            sent_by=user,
            recipients=addresses,
            without_address=missing,
            ical_sequence=sequence,
            error=f"{type(error).__name__}: {error}"[:2000],
        )
        dispatch._history_user = user
        dispatch.save()
        return dispatch
    dispatch = Dispatch(
        meeting=meeting,
        kind=kind,
        status=DispatchStatus.SENT,
        sent_by=user,
        recipients=addresses,
        without_address=missing,
        ical_sequence=sequence,
    )
    dispatch._history_user = user
    dispatch.save()
    return dispatch


@transaction.atomic
def meeting_convene(*, meeting: Meeting, user, now: dt.datetime | None = None) -> Dispatch:
    """Send the convocation of a future meeting (future with respect to `now`, default the current time), or an
    update of it if it was already convened."""
    meeting = Meeting.objects.select_for_update().select_related("body").get(pk=meeting.pk)
    _require_secretary(user, meeting)
    if meeting.is_cancelled:
        raise ValidationError("L'incontro è stato annullato: non si può convocare.")
    if not meeting.is_future(now):
        raise ValidationError("Si convocano solo gli incontri futuri: la data di questo incontro è già passata.")
    previous = last_sent_convocation(meeting)
    kind = DispatchKind.UPDATE if previous is not None else DispatchKind.CONVOCATION
    sequence = meeting.ical_sequence + 1 if previous is not None else meeting.ical_sequence
    addresses, missing = meeting_recipients(meeting)
    message = _message(meeting, kind=kind, addresses=addresses, context={"missing": missing})
    for attachment in meeting.attachments.all():
        with attachment.file.open("rb") as handle:
            message.attach(attachment.file.name.rsplit("/", 1)[-1], handle.read())
    message.attach(
        "invito.ics",
        invite_ics(meeting, method="REQUEST", sequence=sequence, attendees=addresses),
        "text/calendar; method=REQUEST; charset=utf-8",
    )
    dispatch = _send(meeting, kind=kind, message=message, addresses=addresses, missing=missing, user=user,
                     sequence=sequence)  # fmt: skip
    if dispatch.status == DispatchStatus.SENT and sequence != meeting.ical_sequence:
        meeting.ical_sequence = sequence
        meeting._history_user = user
        meeting._change_reason = "Aggiornamento della convocazione inviato"
        meeting.save(update_fields=["ical_sequence"])
    return dispatch


@transaction.atomic
def meeting_cancel(*, meeting: Meeting, user, reason: str, now: dt.datetime | None = None) -> Dispatch | None:
    """Cancel a future meeting; members already convened receive the cancellation of the invite."""
    meeting = Meeting.objects.select_for_update().select_related("body").get(pk=meeting.pk)
    _require_secretary(user, meeting)
    if meeting.is_cancelled:
        # Retrying a cancellation that the mail server refused; once sent, there is nothing more to do.
        if meeting.dispatches.filter(kind=DispatchKind.CANCELLATION, status=DispatchStatus.SENT).exists():
            raise ValidationError("L'incontro è già stato annullato e l'annullamento è stato inviato.")
        reason = meeting.cancel_reason
    else:
        reason = (reason or "").strip()
        if not reason:
            raise ValidationError({"reason": "Indicare il motivo dell'annullamento."})
        if not meeting.is_future(now):
            raise ValidationError("Un incontro già svolto non si annulla.")
        meeting.cancelled_at = timezone.now()
        meeting.cancel_reason = reason[:250]
        meeting.ical_sequence += 1
        meeting._history_user = user
        meeting._change_reason = f"Incontro annullato: {reason[:200]}"
        meeting.save(update_fields=["cancelled_at", "cancel_reason", "ical_sequence"])
    if last_sent_convocation(meeting) is None:
        return None
    addresses, missing = meeting_recipients(meeting)
    message = _message(
        meeting, kind=DispatchKind.CANCELLATION, addresses=addresses, context={"missing": missing, "reason": reason}
    )
    message.attach(
        "annullamento.ics",
        invite_ics(meeting, method="CANCEL", sequence=meeting.ical_sequence, attendees=addresses),
        "text/calendar; method=CANCEL; charset=utf-8",
    )
    return _send(
        meeting,
        kind=DispatchKind.CANCELLATION,
        message=message,
        addresses=addresses,
        missing=missing,
        user=user,
        sequence=meeting.ical_sequence,
    )


@transaction.atomic
def meeting_send_minutes(*, meeting: Meeting, user) -> Dispatch:
    """Send the approved minutes (PDF) to the body's members."""
    meeting = Meeting.objects.select_for_update().select_related("body").get(pk=meeting.pk)
    _require_secretary(user, meeting)
    if meeting.minutes_approved_on is None:
        raise ValidationError("Il verbale non è ancora approvato: indicarne la data di approvazione prima di inviarlo.")
    addresses, missing = meeting_recipients(meeting)
    message = _message(meeting, kind=DispatchKind.MINUTES, addresses=addresses, context={"missing": missing})
    message.attach(
        f"verbale-{meeting.body.code}-{meeting.date:%Y-%m-%d}.pdf",
        pdf_bytes(template="governance/meeting_pdf.html", context={"meeting": meeting, "quorum": meeting.quorum()}),
        "application/pdf",
    )
    return _send(
        meeting,
        kind=DispatchKind.MINUTES,
        message=message,
        addresses=addresses,
        missing=missing,
        user=user,
        sequence=meeting.ical_sequence,
    )
