"""Action 4 screens: names only for the lab's writers and the Direzione, bad input in Italian, bounded queries."""

import pytest
from django.urls import reverse

from tests.wellfare_lab.factories import (
    AttendanceFactory,
    ManifestoVersionFactory,
    ParticipantFactory,
    SessionFactory,
    TrainingLabFactory,
    provincial_lab,
)
from wellfare_lab.models import Attendance, TrainingLab

pytestmark = pytest.mark.django_db


def test_participant_names_only_for_the_labs_writers_and_the_direzione(client_for, direzione, udp_cremonese,
                                                                       udp_cremasco):  # fmt: skip
    lab = provincial_lab()
    AttendanceFactory(session=SessionFactory(lab=lab), participant=ParticipantFactory(lab=lab, full_name="Ada Lodi"))
    for user, sees in ((direzione, True), (udp_cremonese, False), (udp_cremasco, False)):
        page = client_for(user).get(lab.get_absolute_url()).content.decode()
        assert ("Ada Lodi" in page) is sees
        assert "Assistente sociale: <strong>1</strong>" in page
    district_lab = TrainingLabFactory()
    ParticipantFactory(lab=district_lab, full_name="Bea Sacchi")
    assert "Bea Sacchi" in client_for(udp_cremonese).get(district_lab.get_absolute_url()).content.decode()
    session = SessionFactory(lab=lab)
    AttendanceFactory(session=session, participant=lab.participants.first())
    assert "Ada Lodi" not in client_for(udp_cremasco).get(session.get_absolute_url()).content.decode()


def test_attendance_form_refuses_a_person_outside_the_lab(client_for, coordinatore):
    session = SessionFactory()
    member = ParticipantFactory(lab=session.lab)
    stranger = ParticipantFactory(lab=TrainingLabFactory())
    response = client_for(coordinatore).post(
        reverse("wellfare_lab:attendance_save", args=[session.pk]),
        {"participants": [member.pk, stranger.pk]},
        follow=True,
    )
    assert "scegliere solo tra i partecipanti del laboratorio" in response.content.decode()
    assert not Attendance.objects.exists()
    client_for(coordinatore).post(
        reverse("wellfare_lab:attendance_save", args=[session.pk]), {"participants": [member.pk]}
    )
    assert list(Attendance.objects.values_list("participant_id", flat=True)) == [member.pk]


def test_district_staff_cannot_choose_the_provincial_level(client_for, udp_cremonese, direzione):
    page = client_for(udp_cremonese).get(reverse("wellfare_lab:lab_create")).content.decode()
    assert 'value="provincial"' not in page and 'value="district"' in page
    response = client_for(udp_cremonese).post(
        reverse("wellfare_lab:lab_create"),
        {"title": "Lab", "theme": "co_design", "level": "provincial", "start_on": "2016-09-01"},
    )
    assert response.status_code == 200 and not TrainingLab.objects.exists()
    page = client_for(direzione).get(reverse("wellfare_lab:lab_create")).content.decode()
    assert 'value="provincial"' in page and 'value="district"' not in page


def test_lab_without_district_is_explained(client_for, udp_cremonese):
    response = client_for(udp_cremonese).post(
        reverse("wellfare_lab:lab_create"),
        {"title": "Lab", "theme": "co_design", "level": "district", "start_on": "2016-09-01"},
    )
    assert "Un laboratorio territoriale o distrettuale ha un ambito" in response.content.decode()
    assert not TrainingLab.objects.exists()


def test_direzione_creates_a_provincial_lab(client_for, direzione):
    response = client_for(direzione).post(
        reverse("wellfare_lab:lab_create"),
        {"title": "Decisori", "theme": "decision_makers", "level": "provincial", "start_on": "2016-09-01"},
    )
    lab = TrainingLab.objects.get()
    assert response["Location"] == lab.get_absolute_url() and lab.district is None


def _rows(n):
    for _ in range(n):
        for lab in (TrainingLabFactory(), provincial_lab()):
            session = SessionFactory(lab=lab)
            AttendanceFactory(session=session)
            AttendanceFactory(session=session)
        ManifestoVersionFactory().sessions.add(session)


@pytest.mark.parametrize(
    "name", ["wellfare_lab:lab_list", "wellfare_lab:session_list", "wellfare_lab:manifesto_list", "home"]
)
def test_list_queries_do_not_grow_with_rows(client_for, direzione, django_assert_max_num_queries, name):
    client = client_for(direzione)
    url = reverse(name)
    _rows(1)
    client.get(url)
    with django_assert_max_num_queries(80) as small:
        assert client.get(url).status_code == 200
    _rows(15)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(url).status_code == 200


def test_lab_detail_queries_do_not_grow(client_for, udp_cremonese, django_assert_max_num_queries):
    lab = TrainingLabFactory()
    client = client_for(udp_cremonese)
    AttendanceFactory(session=SessionFactory(lab=lab))
    client.get(lab.get_absolute_url())
    with django_assert_max_num_queries(30) as small:
        client.get(lab.get_absolute_url())
    for _ in range(10):
        AttendanceFactory(session=SessionFactory(lab=lab))
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(lab.get_absolute_url())


def test_session_list_filters_by_kind_and_search(client_for, direzione):
    SessionFactory(kind="seminar_day", place="Crema, Sala Pietro da Cemmo")
    SessionFactory(place="Casalmaggiore")
    client = client_for(direzione)
    seminars = client.get(reverse("wellfare_lab:session_list"), {"kind": "seminar_day"}).content.decode()
    assert "Giornata seminariale" in seminars and "Casalmaggiore" not in seminars
    found = client.get(reverse("wellfare_lab:session_list"), {"q": "casalmagg"}).content.decode()
    assert "1 risultato" in found
