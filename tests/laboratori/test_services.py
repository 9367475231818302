"""The rules of Action 2A, called through the services directly (the screens call the same functions)."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from governance.audit import ConcurrentEditError
from governance.models import Organisation
from laboratori import services
from laboratori.enums import LAB_TRANSITIONS, LabStatus
from laboratori.models import (
    FundraisingActivity,
    LabMeeting,
    Laboratorio,
    RestitutionEvent,
    SelfAssessment,
)
from tests.laboratori.factories import (
    FundraisingActivityFactory,
    LabMeetingFactory,
    LaboratorioFactory,
    district,
    year,
)

pytestmark = pytest.mark.django_db


def new_lab(**kwargs) -> Laboratorio:
    values = {
        "name": "Laboratorio Cambonino",
        "kind": "neighbourhood",
        "district": district(),
        "area": "Cremona – Cambonino",
        "activation_year": year(2),
        "implementing_body": Organisation.objects.get(name="Comune di Cremona"),
        "generating_theme": "Anziani soli",
        "budget": Decimal("10000.00"),
    }
    return Laboratorio(**{**values, **kwargs})


# --- The lab and its budget ceiling ----------------------------------------------------------------------------


def test_lab_save_records_author_version_and_activation_year_number(udp_cremonese):
    lab = services.lab_save(lab=new_lab(), user=udp_cremonese)
    lab.refresh_from_db()
    assert lab.activation_year_number == 2
    assert lab.created_by == udp_cremonese and lab.version == 1
    assert lab.history.first().history_user == udp_cremonese


def test_lab_budget_cannot_exceed_ceiling_from_year_2(udp_cremonese):
    with pytest.raises(ValidationError) as error:
        services.lab_save(lab=new_lab(budget=Decimal("10000.01")), user=udp_cremonese)
    assert "non può superare 10.000,00 €" in str(error.value)
    assert not Laboratorio.objects.exists()


def test_lab_budget_ceiling_is_held_by_the_database(udp_cremonese):
    lab = LaboratorioFactory(activation_year=year(3))
    with pytest.raises(IntegrityError), transaction.atomic():
        Laboratorio.objects.filter(pk=lab.pk).update(budget=Decimal("10500.00"))


def test_lab_budget_ceiling_follows_the_activation_year_number(udp_cremonese):
    lab = LaboratorioFactory(activation_year=year(1), activated_on=dt.date(2015, 9, 1), budget=Decimal("13000.00"))
    with pytest.raises(IntegrityError), transaction.atomic():
        lab.activation_year = year(2)
        lab.save()  # the stored year number moves with the activation year, so the constraint bites


def test_year_1_lab_above_the_average_is_saved_with_a_warning(udp_cremonese):
    lab = services.lab_save(lab=new_lab(activation_year=year(1), budget=Decimal("13500.00")), user=udp_cremonese)
    assert Laboratorio.objects.get(pk=lab.pk).budget == Decimal("13500.00")
    assert "12.000,00 €" in lab.budget_warning()
    assert new_lab(activation_year=year(1), budget=Decimal("12000.00")).budget_warning() is None


def test_implementing_body_must_be_a_municipality_or_municipal_agency(udp_cremonese):
    company = Organisation.objects.create(name="Acciaieria Padana S.p.A.", kind="company")
    with pytest.raises(ValidationError) as error:
        services.lab_save(lab=new_lab(implementing_body=company), user=udp_cremonese)
    assert "Comune" in error.value.message_dict["implementing_body"][0]
    assert not Laboratorio.objects.exists()


def test_activation_date_must_fall_in_the_activation_year(udp_cremonese):
    with pytest.raises(ValidationError) as error:
        services.lab_save(lab=new_lab(activated_on=dt.date(2015, 9, 1)), user=udp_cremonese)
    assert "non cade" in error.value.message_dict["activated_on"][0]


@pytest.mark.parametrize("who", ["direzione", "fundraising", "amministrazione", "referente", "udp_cremasco"])
def test_only_the_district_staff_write_a_lab(request, who):
    user = request.getfixturevalue(who)
    with pytest.raises(PermissionDenied):
        services.lab_save(lab=new_lab(), user=user)
    assert not Laboratorio.objects.exists()


def test_coordinatore_writes_the_labs_of_the_district(coordinatore):
    assert services.lab_save(lab=new_lab(), user=coordinatore).pk


def test_stale_version_is_refused(udp_cremonese, coordinatore):
    lab = services.lab_save(lab=new_lab(), user=udp_cremonese)
    first = Laboratorio.objects.get(pk=lab.pk)
    second = Laboratorio.objects.get(pk=lab.pk)
    first.name = "Primo"
    services.lab_save(lab=first, user=udp_cremonese, expected_version=1)
    second.name = "Secondo"
    with pytest.raises(ConcurrentEditError):
        services.lab_save(lab=second, user=coordinatore, expected_version=1)
    assert Laboratorio.objects.get(pk=lab.pk).name == "Primo"


# --- Status ---------------------------------------------------------------------------------------------------

ALL_MOVES = [(a, b) for a in LabStatus for b in LabStatus if a != b]


def _lab_in(status, user):
    lab = LaboratorioFactory(activated_on=None)
    path = {
        LabStatus.STARTING: [],
        LabStatus.ACTIVE: [LabStatus.ACTIVE],
        LabStatus.AUTONOMOUS: [LabStatus.ACTIVE, LabStatus.AUTONOMOUS],
        LabStatus.CLOSED: [LabStatus.CLOSED],
    }[status]
    for step in path:
        lab = services.lab_transition(lab=lab, to_status=step, user=user, on_date=dt.date(2016, 10, 1))
    return lab


@pytest.mark.parametrize(("current", "target"), ALL_MOVES, ids=[f"{a}-{b}" for a, b in ALL_MOVES])
def test_status_moves_follow_the_transition_table(udp_cremonese, current, target):
    lab = _lab_in(current, udp_cremonese)
    if target in LAB_TRANSITIONS[current]:
        lab = services.lab_transition(lab=lab, to_status=target, user=udp_cremonese, on_date=dt.date(2016, 11, 1))
        assert Laboratorio.objects.get(pk=lab.pk).status == target
    else:
        with pytest.raises(ValidationError) as error:
            services.lab_transition(lab=lab, to_status=target, user=udp_cremonese, on_date=dt.date(2016, 11, 1))
        assert "non può passare" in str(error.value)
        assert Laboratorio.objects.get(pk=lab.pk).status == current


def test_activation_sets_the_date_and_closing_records_its_day(udp_cremonese):
    lab = LaboratorioFactory(activated_on=None)
    lab = services.lab_transition(lab=lab, to_status="active", user=udp_cremonese, on_date=dt.date(2016, 9, 20))
    assert lab.activated_on == dt.date(2016, 9, 20)
    with pytest.raises(ValidationError):
        services.lab_transition(lab=lab, to_status="closed", user=udp_cremonese, on_date=dt.date(2016, 9, 1))
    lab = services.lab_transition(lab=lab, to_status="closed", user=udp_cremonese, on_date=dt.date(2017, 9, 1))
    assert lab.closed_on == dt.date(2017, 9, 1)
    assert lab.history.first().history_change_reason == "Stato: Concluso"


def test_activation_outside_the_activation_year_is_refused(udp_cremonese):
    lab = LaboratorioFactory(activated_on=None)
    with pytest.raises(ValidationError):
        services.lab_transition(lab=lab, to_status="active", user=udp_cremonese, on_date=dt.date(2018, 1, 1))


def test_direzione_cannot_change_a_lab_status(direzione):
    lab = LaboratorioFactory()
    with pytest.raises(PermissionDenied):
        services.lab_transition(lab=lab, to_status="active", user=direzione)


# --- Self-assessment ------------------------------------------------------------------------------------------


def test_assessment_product_is_pr_times_re_times_ri(coordinatore):
    lab = LaboratorioFactory()
    assessment = services.assessment_create(lab=lab, date=dt.date(2016, 12, 1), pr=2, re=3, ri=4, user=coordinatore)
    assert assessment.product == 24
    assert SelfAssessment.objects.with_product().get().product_value == 24


@pytest.mark.parametrize("bad", [0, 6, -1, "3"])
def test_assessment_score_outside_1_to_5_is_refused(coordinatore, bad):
    lab = LaboratorioFactory()
    with pytest.raises(ValidationError) as error:
        services.assessment_create(lab=lab, date=dt.date(2016, 12, 1), pr=bad, re=3, ri=3, user=coordinatore)
    assert "da 1 a 5" in error.value.message_dict["pr"][0]
    assert not SelfAssessment.objects.exists()


def test_assessment_scores_are_held_by_the_database():
    lab = LaboratorioFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        SelfAssessment.objects.create(lab=lab, date=dt.date(2016, 12, 1), pr=6, re=1, ri=1)


def test_closed_lab_takes_no_new_assessment(udp_cremonese):
    lab = _lab_in(LabStatus.CLOSED, udp_cremonese)
    with pytest.raises(ValidationError):
        services.assessment_create(lab=lab, date=dt.date(2016, 12, 1), pr=2, re=2, ri=2, user=udp_cremonese)


# --- Meetings -------------------------------------------------------------------------------------------------


def test_meeting_with_negative_participants_is_refused(coordinatore):
    lab = LaboratorioFactory()
    meeting = LabMeeting(lab=lab, date=dt.date(2016, 10, 1), kind="assembly", title="Assemblea", people=-3)
    with pytest.raises(ValidationError) as error:
        services.meeting_save(meeting=meeting, user=coordinatore)
    assert "negativ" in str(error.value) or "maggiore o uguale a 0" in str(error.value)
    assert not LabMeeting.objects.exists()


def test_meeting_counts_are_held_by_the_database():
    meeting = LabMeetingFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        LabMeeting.objects.filter(pk=meeting.pk).update(households=-1)


def test_meeting_records_named_organisations(coordinatore):
    lab = LaboratorioFactory()
    caritas = Organisation.objects.filter(district__code="cremonese").first()
    meeting = LabMeeting(lab=lab, date=dt.date(2016, 10, 1), kind="public_event", title="Festa", people=120)
    services.meeting_save(meeting=meeting, user=coordinatore, organisations=[caritas])
    assert list(LabMeeting.objects.get().organisations.all()) == [caritas]


def test_meeting_of_another_district_is_forbidden(udp_cremasco):
    lab = LaboratorioFactory()
    with pytest.raises(PermissionDenied):
        services.meeting_save(meeting=LabMeeting(lab=lab, date=dt.date(2016, 10, 1), kind="assembly", title="x"),
                              user=udp_cremasco)  # fmt: skip


# --- Fundraising and restitution -------------------------------------------------------------------------------


def test_only_the_fundraising_staff_records_fundraising_activities(fundraising, udp_cremonese):
    lab = LaboratorioFactory()
    activity = FundraisingActivity(lab=lab, title="Lotteria", target_amount=Decimal("2000"), raised_amount=Decimal(0))
    with pytest.raises(PermissionDenied):
        services.fundraising_save(activity=activity, user=udp_cremonese)
    services.fundraising_save(activity=activity, user=fundraising)
    assert FundraisingActivity.objects.get().created_by == fundraising


def test_fundraising_amounts_cannot_be_negative(fundraising):
    activity = FundraisingActivityFactory.build(lab=LaboratorioFactory(), raised_amount=Decimal("-1"))
    with pytest.raises(ValidationError):
        services.fundraising_save(activity=activity, user=fundraising)
    assert not FundraisingActivity.objects.exists()


def test_one_restitution_event_per_project_year(udp_cremonese):
    first = RestitutionEvent(project_year=year(2), date=dt.date(2017, 5, 20), place="Cremona", title="Festa")
    services.restitution_save(event=first, user=udp_cremonese)
    second = RestitutionEvent(project_year=year(2), date=dt.date(2017, 5, 21), place="Crema", title="Altra")
    with pytest.raises(ValidationError):
        services.restitution_save(event=second, user=udp_cremonese)
    assert RestitutionEvent.objects.count() == 1


def test_restitution_date_must_fall_in_its_year(udp_cremonese):
    event = RestitutionEvent(project_year=year(2), date=dt.date(2018, 1, 1), place="Cremona", title="Festa")
    with pytest.raises(ValidationError):
        services.restitution_save(event=event, user=udp_cremonese)


def test_restitution_keeps_the_labs_a_district_user_cannot_see(udp_cremonese, udp_cremasco):
    ours = LaboratorioFactory()
    theirs = LaboratorioFactory(district=district("cremasco"), implementing_body=district("cremasco").lead_organisation)
    event = RestitutionEvent(project_year=year(2), date=dt.date(2017, 5, 20), place="Cremona", title="Festa")
    services.restitution_save(event=event, user=udp_cremasco, labs=[theirs])
    services.restitution_save(event=event, user=udp_cremonese, labs=[ours], expected_version=event.version)
    assert set(event.labs.all()) == {ours, theirs}


def test_direzione_does_not_write_the_restitution_event(direzione):
    event = RestitutionEvent(project_year=year(2), date=dt.date(2017, 5, 20), place="Cremona", title="Festa")
    with pytest.raises(PermissionDenied):
        services.restitution_save(event=event, user=direzione)


# --- Scope ----------------------------------------------------------------------------------------------------


def test_labs_are_visible_by_district_and_fail_closed(
    direzione, fundraising, udp_cremonese, udp_cremasco, coordinatore, amministrazione, referente, nobody
):
    cremonese = LaboratorioFactory()
    cremasco = LaboratorioFactory(
        district=district("cremasco"), implementing_body=district("cremasco").lead_organisation
    )
    assert set(Laboratorio.objects.visible_to(direzione)) == {cremonese, cremasco}
    assert set(Laboratorio.objects.visible_to(fundraising)) == {cremonese, cremasco}
    assert set(Laboratorio.objects.visible_to(udp_cremonese)) == {cremonese}
    assert set(Laboratorio.objects.visible_to(coordinatore)) == {cremonese}
    assert set(Laboratorio.objects.visible_to(udp_cremasco)) == {cremasco}
    for user in (amministrazione, referente, nobody):
        assert not Laboratorio.objects.visible_to(user).exists()
    RestitutionEvent.objects.create(project_year=year(2), date=dt.date(2017, 5, 20), place="Cremona", title="Festa")
    assert RestitutionEvent.objects.visible_to(direzione).count() == 1
    assert RestitutionEvent.objects.visible_to(udp_cremasco).count() == 1
    for user in (amministrazione, referente, nobody):
        assert not RestitutionEvent.objects.visible_to(user).exists()
