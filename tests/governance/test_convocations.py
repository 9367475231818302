"""Convocations by e-mail with a calendar invite, updates and cancellations of the same invite, minutes out."""

import datetime as dt
import smtplib

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail.backends.base import BaseEmailBackend
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from governance.convocations import meeting_cancel, meeting_convene, meeting_send_minutes
from governance.models import BodyMember, Dispatch, GovernanceBody, Meeting
from tests.factories import MeetingAttachmentFactory, MeetingFactory

BEFORE = timezone.make_aware(dt.datetime(2017, 2, 1, 9, 0))  # "now" for meetings of the programme's years


class RefusingBackend(BaseEmailBackend):
    def send_messages(self, messages):
        raise smtplib.SMTPRecipientsRefused({"x@example.invalid": (550, b"no")})


@pytest.fixture
def cremasco_meeting(db, udp_cremasco):
    body = GovernanceBody.objects.get(code="coord_cremasco")
    BodyMember.objects.filter(body=body).delete()
    BodyMember.objects.create(body=body, name="Anna Ferrari", email="anna.ferrari@example.invalid")
    BodyMember.objects.create(body=body, name="Bruno Galli", user=udp_cremasco)  # the user's address
    BodyMember.objects.create(body=body, name="Carla Riva")  # no address: to be called
    BodyMember.objects.create(body=body, name="Dario Sala", email="dario@example.invalid", active=False)
    return MeetingFactory(
        body=body, date=dt.date(2017, 2, 15), start_time=dt.time(17, 30), place="Crema, sala Ricevimenti",
        agenda="1. Avvio dei laboratori\n2. Varie",
    )  # fmt: skip


def invite(message) -> Calendar:
    (part,) = [a for a in message.attachments if a[0].endswith(".ics")]
    return Calendar.from_ical(part[1])


def event(message):
    return next(c for c in invite(message).walk() if c.name == "VEVENT")


def test_convocation_reaches_every_active_member_with_an_address(cremasco_meeting, udp_cremasco, media_root):
    MeetingAttachmentFactory(meeting=cremasco_meeting)
    dispatch = meeting_convene(meeting=cremasco_meeting, user=udp_cremasco, now=BEFORE)
    (message,) = mail.outbox
    assert sorted(message.bcc) == ["anna.ferrari@example.invalid", udp_cremasco.email]
    assert "Convocazione" in message.subject and "15/02/2017" in message.subject
    assert "mercoledì 15 febbraio 2017, ore 17:30" in message.body
    assert "Avvio dei laboratori" in message.body
    assert message.alternatives[0][1] == "text/html"
    assert any(not a[0].endswith(".ics") for a in message.attachments)  # the meeting's document
    calendar = invite(message)
    assert calendar["METHOD"] == "REQUEST"
    vevent = event(message)
    assert vevent["UID"] == f"{cremasco_meeting.ical_uid}@wellfare-legami"
    assert vevent["SEQUENCE"] == 0
    assert vevent.decoded("DTSTART") == timezone.make_aware(dt.datetime(2017, 2, 15, 17, 30))
    assert str(vevent["LOCATION"]) == "Crema, sala Ricevimenti"
    assert dispatch.status == "sent" and dispatch.kind == "convocation"
    assert dispatch.without_address == ["Carla Riva"]
    assert dispatch.history.first().history_user == udp_cremasco


def test_a_changed_date_sends_an_update_of_the_same_invite(cremasco_meeting, udp_cremasco):
    meeting_convene(meeting=cremasco_meeting, user=udp_cremasco, now=BEFORE)
    cremasco_meeting.date = dt.date(2017, 2, 22)
    cremasco_meeting.save()
    dispatch = meeting_convene(meeting=cremasco_meeting, user=udp_cremasco, now=BEFORE)
    first, second = mail.outbox
    assert dispatch.kind == "update"
    assert "Aggiornamento" in second.subject
    assert event(second)["UID"] == event(first)["UID"]
    assert event(second)["SEQUENCE"] == 1
    assert event(second).decoded("DTSTART").date() == dt.date(2017, 2, 22)


def test_a_cancelled_meeting_sends_a_cancellation_of_the_invite(cremasco_meeting, udp_cremasco):
    meeting_convene(meeting=cremasco_meeting, user=udp_cremasco, now=BEFORE)
    meeting_cancel(meeting=cremasco_meeting, user=udp_cremasco, reason="Sala non disponibile", now=BEFORE)
    cancellation = mail.outbox[-1]
    assert invite(cancellation)["METHOD"] == "CANCEL"
    assert event(cancellation)["STATUS"] == "CANCELLED"
    assert event(cancellation)["SEQUENCE"] == 1
    assert "Sala non disponibile" in cancellation.body
    assert Meeting.objects.get(pk=cremasco_meeting.pk).is_cancelled
    with pytest.raises(ValidationError, match="annullato"):
        meeting_convene(meeting=cremasco_meeting, user=udp_cremasco, now=BEFORE)


def test_cancelling_needs_a_reason_and_saves_nothing_without(cremasco_meeting, udp_cremasco):
    with pytest.raises(ValidationError, match="motivo"):
        meeting_cancel(meeting=cremasco_meeting, user=udp_cremasco, reason="  ", now=BEFORE)
    assert not Meeting.objects.get(pk=cremasco_meeting.pk).is_cancelled


def test_a_past_meeting_is_not_convened(cremasco_meeting, udp_cremasco):
    with pytest.raises(ValidationError, match="già passata"):
        meeting_convene(meeting=cremasco_meeting, user=udp_cremasco)  # now: 2026, after the programme
    assert not mail.outbox
    assert not Dispatch.objects.exists()


def test_only_the_bodys_secretary_convenes(cremasco_meeting, udp_cremonese, coordinatore, direzione):
    for user in (udp_cremonese, coordinatore):
        with pytest.raises(PermissionDenied):
            meeting_convene(meeting=cremasco_meeting, user=user, now=BEFORE)
    assert not mail.outbox
    meeting_convene(meeting=cremasco_meeting, user=direzione, now=BEFORE)  # the Direzione manages every body
    assert len(mail.outbox) == 1


def test_a_refusing_mail_server_is_recorded_and_nothing_is_marked_sent(cremasco_meeting, udp_cremasco, settings):
    settings.EMAIL_BACKEND = f"{__name__}.RefusingBackend"
    dispatch = meeting_convene(meeting=cremasco_meeting, user=udp_cremasco, now=BEFORE)
    assert dispatch.status == "failed"
    assert "SMTPRecipientsRefused" in dispatch.error
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    retry = meeting_convene(meeting=cremasco_meeting, user=udp_cremasco, now=BEFORE)
    assert retry.status == "sent"
    assert retry.kind == "convocation"  # the failed sending did not count as a convocation
    assert event(mail.outbox[0])["SEQUENCE"] == 0


def test_invalid_member_addresses_are_listed_to_be_called(cremasco_meeting, udp_cremasco):
    BodyMember.objects.filter(name="Anna Ferrari").update(email="anna.ferrari@")
    dispatch = meeting_convene(meeting=cremasco_meeting, user=udp_cremasco, now=BEFORE)
    assert dispatch.recipients == [udp_cremasco.email]
    assert "Anna Ferrari (indirizzo non valido: anna.ferrari@)" in dispatch.without_address


def test_minutes_are_sent_only_once_approved(cremasco_meeting, udp_cremasco):
    with pytest.raises(ValidationError, match="non è ancora approvato"):
        meeting_send_minutes(meeting=cremasco_meeting, user=udp_cremasco)
    cremasco_meeting.minutes = "Si avviano due laboratori."
    cremasco_meeting.minutes_approved_on = dt.date(2017, 3, 15)
    cremasco_meeting.save()
    dispatch = meeting_send_minutes(meeting=cremasco_meeting, user=udp_cremasco)
    (message,) = mail.outbox
    assert dispatch.kind == "minutes"
    (pdf,) = [a for a in message.attachments if a[0].endswith(".pdf")]
    assert pdf[1].startswith(b"%PDF")


def test_convene_view_answers_404_out_of_scope_and_reports_in_italian(client, cremasco_meeting, udp_cremonese):
    client.force_login(udp_cremonese)
    assert client.post(reverse("governance:meeting_convene", args=[cremasco_meeting.pk])).status_code == 404


def test_convene_view_refuses_a_past_meeting_with_a_message(client, cremasco_meeting, udp_cremasco):
    client.force_login(udp_cremasco)
    response = client.post(reverse("governance:meeting_convene", args=[cremasco_meeting.pk]), follow=True)
    assert "Si convocano solo gli incontri futuri" in response.content.decode()
    assert not mail.outbox


def test_meeting_page_lists_members_without_address_for_the_secretary(client, cremasco_meeting, udp_cremasco):
    client.force_login(udp_cremasco)
    page = client.get(cremasco_meeting.get_absolute_url()).content.decode()
    assert "Da avvisare per telefono" in page and "Carla Riva" in page
