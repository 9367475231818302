"""Rules of Action 4 through the services and in the database."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from governance.models import District
from tests.wellfare_lab.factories import (
    ManifestoVersionFactory,
    ParticipantFactory,
    SessionFactory,
    TrainingLabFactory,
    provincial_lab,
)
from wellfare_lab import services
from wellfare_lab.enums import LabLevel, ManifestoStatus, SessionKind
from wellfare_lab.models import Attendance, ManifestoVersion, Participant, Session, TrainingLab

pytestmark = pytest.mark.django_db


def new_lab(level=LabLevel.DISTRICT, district="cremonese", **kwargs):
    return TrainingLab(
        title="Co-progettare", theme="co_design", level=level,
        district=District.objects.get(code=district) if district else None,
        start_on=dt.date(2016, 9, 1), **kwargs,
    )  # fmt: skip


def test_district_staff_write_the_labs_of_their_district(udp_cremonese, coordinatore):
    lab = services.lab_save(lab=new_lab(), user=udp_cremonese)
    assert lab.history.first().history_user == udp_cremonese
    services.lab_save(lab=new_lab(level=LabLevel.TERRITORIAL), user=coordinatore)


@pytest.mark.parametrize("who", ["direzione", "udp_cremasco", "fundraising", "nobody"])
def test_others_cannot_write_a_district_lab(request, who):
    with pytest.raises(PermissionDenied):
        services.lab_save(lab=new_lab(), user=request.getfixturevalue(who))
    assert not TrainingLab.objects.exists()


def test_only_the_direzione_writes_provincial_labs(direzione, udp_cremonese):
    services.lab_save(lab=new_lab(level=LabLevel.PROVINCIAL, district=None), user=direzione)
    with pytest.raises(PermissionDenied):
        services.lab_save(lab=new_lab(level=LabLevel.PROVINCIAL, district=None), user=udp_cremonese)


@pytest.mark.parametrize(("level", "district"), [(LabLevel.PROVINCIAL, "cremonese"), (LabLevel.DISTRICT, None),
                                                 (LabLevel.TERRITORIAL, None)])  # fmt: skip
def test_lab_has_a_district_unless_provincial(direzione, udp_cremonese, level, district):
    user = direzione if level == LabLevel.PROVINCIAL else udp_cremonese
    lab = new_lab(level=level, district=district)
    with pytest.raises((ValidationError, PermissionDenied)):
        services.lab_save(lab=lab, user=user)
    with pytest.raises(IntegrityError), transaction.atomic():
        lab.save()


def test_provincial_lab_with_a_district_is_explained(direzione):
    with pytest.raises(ValidationError, match="uno provinciale non ne ha"):
        services.lab_save(lab=new_lab(level=LabLevel.PROVINCIAL, district="cremonese"), user=direzione)


def test_lab_cannot_end_before_it_starts(udp_cremonese):
    with pytest.raises(ValidationError, match="non può precedere l'inizio"):
        services.lab_save(lab=new_lab(end_on=dt.date(2016, 8, 1)), user=udp_cremonese)


def test_session_falls_within_the_lab_and_lasts_sensible_hours(udp_cremonese):
    lab = TrainingLabFactory()
    with pytest.raises(ValidationError, match="fuori dal periodo"):
        services.session_save(session=Session(lab=lab, date=dt.date(2018, 1, 1), kind=SessionKind.TRAINING,
                                              hours=Decimal("3"), place="Cremona"), user=udp_cremonese)  # fmt: skip
    for hours in ("0", "13"):
        session = Session(lab=lab, date=dt.date(2016, 10, 1), kind=SessionKind.TRAINING, hours=Decimal(hours),
                          place="Cremona")  # fmt: skip
        with pytest.raises(ValidationError):
            services.session_save(session=session, user=udp_cremonese)
    assert not Session.objects.exists()
    with pytest.raises(IntegrityError), transaction.atomic():
        Session.objects.create(lab=lab, date=dt.date(2016, 10, 1), kind="training", hours=Decimal("0"), place="x")


def test_a_person_is_registered_once_per_lab(udp_cremonese):
    lab = TrainingLabFactory()
    services.participant_save(participant=Participant(lab=lab, full_name="Anna  Rossi", category="volunteer"),
                              user=udp_cremonese)  # fmt: skip
    with pytest.raises(ValidationError, match="già tra i partecipanti"):
        services.participant_save(participant=Participant(lab=lab, full_name="anna rossi", category="volunteer"),
                                  user=udp_cremonese)  # fmt: skip
    assert lab.participants.count() == 1


def test_attendance_is_recorded_for_the_participants_of_the_lab(udp_cremonese):
    session = SessionFactory()
    anna, bruno = ParticipantFactory(lab=session.lab), ParticipantFactory(lab=session.lab)
    services.attendance_set(session=session, participant_ids=[anna.pk, bruno.pk], user=udp_cremonese)
    assert set(session.attendances.values_list("participant_id", flat=True)) == {anna.pk, bruno.pk}
    services.attendance_set(session=session, participant_ids=[anna.pk], user=udp_cremonese)
    assert list(session.attendances.values_list("participant_id", flat=True)) == [anna.pk]


def test_attendance_of_a_person_who_is_not_a_participant_of_the_lab_is_refused(udp_cremonese):
    session = SessionFactory()
    member = ParticipantFactory(lab=session.lab)
    stranger = ParticipantFactory(lab=TrainingLabFactory(), full_name="Carla Estranea")
    with pytest.raises(ValidationError, match="Carla Estranea non è tra i partecipanti del laboratorio"):
        services.attendance_set(session=session, participant_ids=[member.pk, stranger.pk], user=udp_cremonese)
    assert not Attendance.objects.exists()
    with pytest.raises(ValidationError, match="non è un partecipante di questo laboratorio"):
        Attendance(session=session, participant=stranger).full_clean()


def test_attendance_of_a_district_lab_is_not_written_by_the_direzione(direzione):
    session = SessionFactory()
    with pytest.raises(PermissionDenied):
        services.attendance_set(session=session, participant_ids=[], user=direzione)


def test_manifesto_versions_are_numbered_and_need_text_or_document(direzione, udp_cremonese):
    session = SessionFactory(lab=provincial_lab())
    first = services.manifesto_save(version=ManifestoVersion(date=dt.date(2017, 3, 1), text="Bozza"),
                                    sessions=[session], user=direzione)  # fmt: skip
    second = services.manifesto_save(version=ManifestoVersion(date=dt.date(2017, 6, 1), text="Bozza 2"),
                                     user=direzione)  # fmt: skip
    assert (first.number, second.number) == (1, 2)
    assert list(first.sessions.all()) == [session]
    with pytest.raises(ValidationError, match="Inserire il testo del Manifesto o allegare il documento"):
        services.manifesto_save(version=ManifestoVersion(date=dt.date(2017, 6, 1)), user=direzione)
    with pytest.raises(PermissionDenied):
        services.manifesto_save(version=ManifestoVersion(date=dt.date(2017, 6, 1), text="x"), user=udp_cremonese)


def test_only_one_final_version_of_the_manifesto(direzione):
    ManifestoVersionFactory(status=ManifestoStatus.FINAL)
    with pytest.raises(ValidationError, match="già una versione definitiva"):
        services.manifesto_save(
            version=ManifestoVersion(status=ManifestoStatus.FINAL, date=dt.date(2018, 4, 1), text="Finale"),
            user=direzione,
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        ManifestoVersionFactory(status=ManifestoStatus.FINAL)


def test_visible_to_fails_closed(direzione, udp_cremonese, udp_cremasco, fundraising, referente, nobody):
    district_lab, province = TrainingLabFactory(), provincial_lab()
    ManifestoVersionFactory()
    assert ManifestoVersion.objects.visible_to(udp_cremasco).count() == 1
    assert set(TrainingLab.objects.visible_to(direzione)) == {district_lab, province}
    assert set(TrainingLab.objects.visible_to(udp_cremonese)) == {district_lab, province}
    assert set(TrainingLab.objects.visible_to(udp_cremasco)) == {province}
    for user in (fundraising, referente, nobody, None):
        assert not TrainingLab.objects.visible_to(user).exists()
        assert not ManifestoVersion.objects.visible_to(user).exists()


def test_database_refuses_attendance_of_a_participant_of_another_lab():
    session = SessionFactory()
    stranger = ParticipantFactory(lab=TrainingLabFactory())
    with pytest.raises(IntegrityError), transaction.atomic():
        Attendance.objects.create(session=session, participant=stranger)
    member = ParticipantFactory(lab=session.lab)
    attendance = Attendance.objects.create(session=session, participant=member)
    attendance.participant = stranger
    with pytest.raises(IntegrityError), transaction.atomic():
        attendance.save()


def test_lab_period_cannot_leave_its_sessions_outside(udp_cremonese):
    lab = TrainingLabFactory()
    SessionFactory(lab=lab, date=dt.date(2017, 5, 1))
    lab.end_on = dt.date(2017, 4, 1)
    with pytest.raises(ValidationError, match="fuori dal nuovo periodo"):
        services.lab_save(lab=lab, user=udp_cremonese, expected_version=lab.version)
    lab.refresh_from_db()
    assert lab.end_on == dt.date(2017, 5, 31)
