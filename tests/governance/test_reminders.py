"""The daily digest: each person gets one e-mail a day of what is theirs; never a beneficiary's identity."""

import datetime as dt
import email
import socket
import threading
from email import policy

import pytest
from aiosmtpd.controller import Controller
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone
from icalendar import Calendar

from governance.convocations import meeting_convene
from governance.models import BodyMember, DigestSent, GovernanceBody, ReminderPreference
from governance.reminders import send_digests, working_days_before
from tests.factories import DecisionFactory, MeetingFactory
from tests.patti.factories import signed_patto

TODAY = dt.date(2017, 3, 1)  # a Wednesday


@pytest.fixture
def overdue_decision(db, udp_cremasco):
    meeting = MeetingFactory(body=GovernanceBody.objects.get(code="coord_cremasco"), date=dt.date(2017, 1, 10))
    return DecisionFactory(meeting=meeting, owner_user=udp_cremasco, due_date=dt.date(2017, 2, 1), text="Bozza")


def digests_to(address):
    return [m for m in mail.outbox if m.to == [address]]


def test_send_reminders_twice_in_a_day_sends_one_digest(overdue_decision, udp_cremasco):
    call_command("send_reminders", "--date", TODAY.isoformat(), stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("send_reminders", "--date", TODAY.isoformat(), stdout=open("/dev/null", "w"))  # noqa: SIM115
    (digest,) = digests_to(udp_cremasco.email)
    assert "Decisioni scadute" in digest.body and "Bozza" in digest.body
    assert DigestSent.objects.filter(address=udp_cremasco.email, sent_on=TODAY).count() == 1


def test_a_decision_falling_due_within_seven_days_is_reminded_and_later_ones_are_not(udp_cremasco):
    meeting = MeetingFactory(body=GovernanceBody.objects.get(code="coord_cremasco"), date=dt.date(2017, 1, 10))
    DecisionFactory(meeting=meeting, owner_user=udp_cremasco, due_date=TODAY + dt.timedelta(days=7), text="Vicina")
    DecisionFactory(meeting=meeting, owner_user=udp_cremasco, due_date=TODAY + dt.timedelta(days=8), text="Lontana")
    send_digests(today=TODAY)
    (digest,) = digests_to(udp_cremasco.email)
    assert "Vicina" in digest.body and "Lontana" not in digest.body


def test_a_member_owner_is_reminded_at_the_members_address(db):
    body = GovernanceBody.objects.get(code="tavolo")
    member = BodyMember.objects.create(body=body, name="Elena Bassi", email="elena.bassi@example.invalid")
    DecisionFactory(meeting=MeetingFactory(body=body), owner_member=member, due_date=dt.date(2017, 2, 1))
    send_digests(today=TODAY)
    assert len(digests_to("elena.bassi@example.invalid")) == 1


def test_digest_preferences_weekly_and_off(overdue_decision, udp_cremasco):
    preference = ReminderPreference.objects.create(user=udp_cremasco, frequency="weekly")
    send_digests(today=TODAY)  # a Wednesday
    assert not digests_to(udp_cremasco.email)
    send_digests(today=dt.date(2017, 3, 6))  # a Monday
    assert len(digests_to(udp_cremasco.email)) == 1
    preference.frequency = "off"
    preference.save()
    send_digests(today=dt.date(2017, 3, 13))
    assert len(digests_to(udp_cremasco.email)) == 1


def test_case_staff_get_pacts_due_with_codes_never_names(coordinatore, udp_cremonese, udp_cremasco):
    today = dt.date(2017, 4, 3)  # more than six months after the start, with no assessment
    patto = signed_patto(user=coordinatore, status="attivo", on=dt.date(2016, 9, 15))
    patto.planned_end_on = today + dt.timedelta(days=20)
    patto.save()
    send_digests(today=today)
    (digest,) = digests_to(coordinatore.email)
    household = patto.household
    assert household.code in digest.body
    assert "Valutazioni dei patti da fare" in digest.body and "Patti in scadenza" in digest.body
    for identity in (household.last_name, household.first_name, household.tax_code):
        if identity:
            assert identity not in digest.body
            assert identity not in digest.alternatives[0][0]
    assert len(digests_to(udp_cremonese.email)) == 1
    for other in digests_to(udp_cremasco.email):  # another district's pacts are not theirs
        assert household.code not in other.body


def test_working_days_skip_weekends():
    assert working_days_before(dt.date(2017, 3, 6), 5) == dt.date(2017, 2, 27)


def test_send_reminders_refuses_a_malformed_date(db):
    with pytest.raises(CommandError, match="Data non valida"):
        call_command("send_reminders", "--date", "31/02/2017")


def test_profile_page_sets_the_digest_frequency(client, udp_cremasco):
    client.force_login(udp_cremasco)
    assert client.get("/governance/profile/").status_code == 200
    response = client.post("/governance/profile/", {"frequency": "weekly"}, follow=True)
    assert "una volta alla settimana" in response.content.decode()
    assert ReminderPreference.objects.get(user=udp_cremasco).frequency == "weekly"
    response = client.post("/governance/profile/", {"frequency": "hourly"})
    assert response.status_code == 200
    assert ReminderPreference.objects.get(user=udp_cremasco).frequency == "weekly"


class Inbox:
    def __init__(self):
        self.messages = []
        self.received = threading.Event()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's hook name)
        self.messages.append((envelope.rcpt_tos, envelope.content))
        self.received.set()
        return "250 OK"


def test_a_real_smtp_server_receives_the_convocation_and_a_calendar_accepts_the_invite(settings, udp_cremasco):
    inbox = Inbox()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = port
        settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
        settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
        body = GovernanceBody.objects.get(code="coord_cremasco")
        BodyMember.objects.create(body=body, name="Anna Ferrari", email="anna.ferrari@example.invalid")
        meeting = MeetingFactory(body=body, date=dt.date(2017, 2, 15), start_time=dt.time(17, 30), place="Crema")
        dispatch = meeting_convene(
            meeting=meeting, user=udp_cremasco, now=timezone.make_aware(dt.datetime(2017, 2, 1, 9))
        )
        assert inbox.received.wait(10)
    finally:
        controller.stop()
    assert dispatch.status == "sent"
    ((recipients, raw),) = inbox.messages
    assert "anna.ferrari@example.invalid" in recipients
    message = email.message_from_bytes(raw, policy=policy.default)
    assert "Convocazione" in message["Subject"]
    assert "Bcc" not in message  # members do not see each other's addresses
    text = message.get_body(preferencelist=("plain",)).get_content()
    assert "mercoledì 15 febbraio 2017, ore 17:30" in text
    (calendar_part,) = [p for p in message.walk() if p.get_content_type() == "text/calendar"]
    calendar = Calendar.from_ical(calendar_part.get_payload(decode=True))
    vevent = next(c for c in calendar.walk() if c.name == "VEVENT")
    assert calendar["METHOD"] == "REQUEST"
    assert vevent.decoded("DTSTART") == timezone.make_aware(dt.datetime(2017, 2, 15, 17, 30))
    assert str(vevent["UID"]).startswith(str(meeting.ical_uid))
