"""Indicators of Action 4 and the demo data."""

import datetime as dt
import io
from decimal import Decimal

import pytest

from governance.indicators import computed_indicator, registered_codes
from governance.models import District
from tests.wellfare_lab.factories import (
    AttendanceFactory,
    ManifestoVersionFactory,
    ParticipantFactory,
    SessionFactory,
    TrainingLabFactory,
    provincial_lab,
)
from wellfare_lab import reports
from wellfare_lab.demo import seed_wellfare_lab_demo
from wellfare_lab.enums import ManifestoStatus, ParticipantCategory, SessionKind
from wellfare_lab.models import Participant, Session, TrainingLab

pytestmark = pytest.mark.django_db

A4_CODES = {"A4_LAB_FORMATIVI", "A4_GIORNATE_SEMINARIO", "A4_PART_AMMINISTRATORI", "A4_PART_DIRIGENTI",
            "A4_PART_ASSISTENTI_SOCIALI", "A4_PART_OPERATORI_LAVORO", "A4_PART_COORDINATORI_COOP",
            "A4_PART_VOLONTARI", "A4_PART_ATTORI_ECONOMICI", "A4_MANIFESTO"}  # fmt: skip


def test_every_action_4_indicator_is_registered():
    assert registered_codes() >= A4_CODES


def test_a_participant_is_counted_once_across_sessions_and_labs(direzione):
    lab, other = TrainingLabFactory(), provincial_lab()
    anna = ParticipantFactory(lab=lab, full_name="Anna Rossi", category=ParticipantCategory.PUBLIC_ADMINISTRATOR)
    again = ParticipantFactory(lab=other, full_name="anna rossi ", category=ParticipantCategory.PUBLIC_ADMINISTRATOR)
    for _ in range(3):
        AttendanceFactory(session=SessionFactory(lab=lab), participant=anna)
    AttendanceFactory(session=SessionFactory(lab=other), participant=again)
    ParticipantFactory(lab=lab, category=ParticipantCategory.PUBLIC_ADMINISTRATOR)  # never attended: not counted
    compute = computed_indicator("A4_PART_AMMINISTRATORI").compute
    assert compute(user=direzione, year=None, district_id=None) == 1
    assert compute(user=direzione, year=2, district_id=None) == 1
    assert compute(user=direzione, year=1, district_id=None) == 0


def test_labs_seminar_days_hours_and_scope(direzione, udp_cremasco, fundraising):
    lab = TrainingLabFactory()
    SessionFactory(lab=lab, kind=SessionKind.SEMINAR_DAY, hours=Decimal("6"))
    SessionFactory(lab=lab, hours=Decimal("2.5"))
    cremonese = District.objects.get(code="cremonese").pk
    assert reports.labs_held(user=direzione, year=2, district_id=cremonese) == 1
    assert reports.labs_held(user=udp_cremasco, year=2, district_id=None) == 0  # not their district
    assert reports.labs_held(user=fundraising, year=2, district_id=None) == 1  # aggregates, programme-wide
    assert reports.seminar_days(user=direzione, year=2, district_id=None) == 1
    assert reports.training_hours(user=direzione, year=None, district_id=None) == Decimal("8.5")
    link = computed_indicator("A4_GIORNATE_SEMINARIO").link(year=2, district_id=None)
    assert link.startswith("/wellfare-lab/sessions/?") and "kind=seminar_day" in link


def test_manifesto_status_indicator(direzione):
    assert reports.manifesto_status(user=direzione) is None
    ManifestoVersionFactory(date=dt.date(2016, 12, 1))
    assert reports.manifesto_status(user=direzione) == 0
    ManifestoVersionFactory(status=ManifestoStatus.FINAL, date=dt.date(2018, 4, 1))
    assert reports.manifesto_status(user=direzione) == 1
    assert reports.manifesto_status(user=direzione, year=2) == 0


def test_demo_has_twelve_labs_six_seminar_days_and_150_people(direzione):
    seed_wellfare_lab_demo(stdout=io.StringIO())
    seed_wellfare_lab_demo(stdout=io.StringIO())  # idempotent
    assert TrainingLab.objects.count() == 12
    assert Session.objects.filter(kind=SessionKind.SEMINAR_DAY).count() == 6
    assert reports.distinct_participants(user=direzione) == 150
    assert Participant.objects.count() > 150  # some people took part in two labs
    for code, category in reports.PARTICIPANT_CODES.items():
        assert computed_indicator(code).compute(user=direzione, year=None, district_id=None) > 0, category
    assert reports.manifesto_status(user=direzione) == 1


def test_dashboard_panel_counts_match_the_data(client_for, direzione, udp_cremasco):
    from wellfare_lab.dashboard import panel_context

    lab = provincial_lab(start_on=dt.date(2016, 9, 1))
    SessionFactory(lab=lab, kind=SessionKind.SEMINAR_DAY, hours=Decimal("6"))
    AttendanceFactory(session=SessionFactory(lab=TrainingLabFactory()))

    class Request:
        user = direzione

    data = panel_context(request=Request, reference=None)
    year2 = next(y for y in data["per_year"] if y["year"] == 2)
    assert (year2["labs"], year2["provincial"], year2["seminars"]) == (2, 1, 1)
    assert data["people"] == 1 and data["hours"] == Decimal("9.0")
    Request.user = udp_cremasco  # the Cremonese lab is not theirs
    assert next(y for y in panel_context(request=Request, reference=None)["per_year"] if y["year"] == 2)["labs"] == 1
    assert "Wel(l)FARE LAB: laboratori formativi" in client_for(direzione).get("/cruscotto/azioni/").content.decode()
