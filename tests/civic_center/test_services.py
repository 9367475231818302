"""Rules of Action 3, through the services (as every screen uses them) and in the database."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from civic_center import services
from civic_center.enums import CenterStatus, TimeBand
from civic_center.models import Activity, ActivitySlot, Agreement, CivicCenter, PayingDemand
from governance.audit import ConcurrentEditError
from tests.civic_center.factories import (
    ActivityFactory,
    ActivitySlotFactory,
    AgreementFactory,
    CivicCenterFactory,
    active_center,
    district,
)
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def slot(weekday=2, start=(16, 30), end=(18, 0)):
    return {"weekday": weekday, "start": dt.time(*start), "end": dt.time(*end)}


def new_activity(center, **kwargs):
    values = {
        "civic_center": center,
        "title": "Coro",
        "promoter": OrganisationFactory(),
        "category": "music",
        "audience": "pupils",
        "start_on": dt.date(2016, 10, 1),
        "fee": Decimal("25"),
        "capacity": 20,
        "enrolments": 10,
    }
    values.update(kwargs)
    return Activity(**values)


@pytest.mark.parametrize(
    ("start", "band"),
    [((7, 30), TimeBand.SCHOOL_HOURS), ((15, 59), TimeBand.SCHOOL_HOURS), ((16, 0), TimeBand.AFTERNOON),
     ((17, 30), TimeBand.AFTERNOON), ((18, 0), TimeBand.EVENING), ((21, 0), TimeBand.EVENING)],
)  # fmt: skip
def test_slot_time_band_is_derived_from_its_start(start, band):
    assert ActivitySlot(weekday=1, start=dt.time(*start), end=dt.time(22, 30)).time_band == band


def test_coordinator_adds_an_activity_with_its_weekly_slots(coordinatore):
    center = active_center()
    activity = services.activity_save(
        activity=new_activity(center), slots=[slot(), slot(4, (18, 30), (20, 0))], user=coordinatore
    )
    assert [s.time_band for s in activity.slots.all()] == [TimeBand.AFTERNOON, TimeBand.EVENING]
    assert activity.history.first().history_user == coordinatore


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [((18, 0), (17, 0), "fine deve seguire"), ((6, 30), (8, 0), "tra le 07:00 e le 23:00"),
     ((22, 0), (23, 30), "tra le 07:00 e le 23:00"), ((18, 0), (18, 0), "fine deve seguire")],
)  # fmt: skip
def test_activity_slot_must_end_after_start_within_opening_hours(coordinatore, start, end, message):
    center = active_center()
    with pytest.raises(ValidationError) as error:
        services.activity_save(activity=new_activity(center), slots=[slot(3, start, end)], user=coordinatore)
    assert message in " ".join(error.value.messages)
    assert not Activity.objects.filter(civic_center=center).exists()


def test_activity_needs_at_least_one_slot(coordinatore):
    with pytest.raises(ValidationError, match="almeno un orario"):
        services.activity_save(activity=new_activity(active_center()), slots=[], user=coordinatore)


def test_activity_enrolments_cannot_exceed_capacity(coordinatore):
    with pytest.raises(ValidationError) as error:
        services.activity_save(
            activity=new_activity(active_center(), capacity=10, enrolments=11), slots=[slot()], user=coordinatore
        )
    assert "non possono superare i posti disponibili" in " ".join(error.value.messages)
    assert not Activity.objects.exists()


def test_activity_fee_cannot_be_negative(coordinatore):
    with pytest.raises(ValidationError) as error:
        services.activity_save(activity=new_activity(active_center(), fee=Decimal("-1")), slots=[slot()],
                               user=coordinatore)  # fmt: skip
    assert "negativ" in " ".join(error.value.messages)
    assert not Activity.objects.exists()


def test_free_places_need_who_funds_them(coordinatore):
    with pytest.raises(ValidationError, match="chi finanzia i posti gratuiti"):
        services.activity_save(activity=new_activity(active_center(), free_places=2), slots=[slot()],
                               user=coordinatore)  # fmt: skip


def test_activity_agreement_must_belong_to_the_same_center(coordinatore):
    other = AgreementFactory()
    with pytest.raises(ValidationError, match="altro civic center"):
        services.activity_save(activity=new_activity(active_center(), agreement=other), slots=[slot()],
                               user=coordinatore)  # fmt: skip


@pytest.mark.parametrize(
    ("field", "value"),
    [("enrolments", 21), ("fee", Decimal("-5")), ("free_places", 21)],
)
def test_database_refuses_activity_limits(field, value):
    activity = ActivityFactory(capacity=20)
    setattr(activity, field, value)
    with pytest.raises(IntegrityError), transaction.atomic():
        activity.save()


def test_database_refuses_slots_outside_opening_hours():
    activity = ActivityFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        ActivitySlot.objects.create(activity=activity, weekday=1, start=dt.time(22, 0), end=dt.time(23, 30))
    with pytest.raises(IntegrityError), transaction.atomic():
        ActivitySlot.objects.create(activity=activity, weekday=1, start=dt.time(19, 0), end=dt.time(18, 0))


def test_agreement_cannot_end_before_it_starts(coordinatore):
    center = active_center()
    agreement = Agreement(
        civic_center=center, title="Uso palestra", promoter=OrganisationFactory(), signed_on=dt.date(2016, 9, 1),
        start_on=dt.date(2016, 9, 1), end_on=dt.date(2016, 8, 31),
    )  # fmt: skip
    with pytest.raises(ValidationError, match="non può precedere l'inizio"):
        services.agreement_save(agreement=agreement, user=coordinatore)
    assert not Agreement.objects.exists()
    with pytest.raises(IntegrityError), transaction.atomic():
        agreement.save()


def test_paying_demand_is_recorded_and_cannot_exceed_capacity(coordinatore):
    activity = ActivityFactory(civic_center=active_center(), capacity=15)
    row = services.paying_demand_record(
        activity=activity, period_start=dt.date(2016, 10, 1), period_end=dt.date(2016, 12, 31), enrolments=12,
        fees_collected=Decimal("1080.00"), user=coordinatore,
    )  # fmt: skip
    assert row.fees_collected == Decimal("1080.00")
    with pytest.raises(ValidationError, match="non possono superare i posti disponibili"):
        services.paying_demand_record(
            activity=activity, period_start=dt.date(2017, 1, 1), period_end=dt.date(2017, 3, 31), enrolments=16,
            fees_collected=Decimal("100"), user=coordinatore,
        )  # fmt: skip
    with pytest.raises(ValidationError):
        services.paying_demand_record(
            activity=activity, period_start=dt.date(2017, 1, 1), period_end=dt.date(2017, 3, 31), enrolments=5,
            fees_collected=Decimal("-10"), user=coordinatore,
        )  # fmt: skip
    assert PayingDemand.objects.count() == 1


def test_paying_demand_never_reaches_the_budget_ledger(coordinatore):
    from governance.models import Expense

    before = Expense.objects.count()
    services.paying_demand_record(
        activity=ActivityFactory(civic_center=active_center()), period_start=dt.date(2016, 10, 1),
        period_end=dt.date(2016, 12, 31), enrolments=5, fees_collected=Decimal("500"), user=coordinatore,
    )  # fmt: skip
    assert Expense.objects.count() == before


def test_activation_records_the_date_and_project_year(coordinatore):
    center = CivicCenterFactory()
    center = services.center_transition(
        center=center, to_status=CenterStatus.ACTIVE, on_date=dt.date(2016, 9, 15), user=coordinatore
    )
    assert center.status == CenterStatus.ACTIVE
    assert center.activated_on == dt.date(2016, 9, 15)
    assert center.activation_year.number == 2


@pytest.mark.parametrize(
    ("start", "to"),
    [(CenterStatus.PLANNED, CenterStatus.SUSPENDED), (CenterStatus.CLOSED, CenterStatus.ACTIVE),
     (CenterStatus.ACTIVE, CenterStatus.PLANNED), (CenterStatus.SUSPENDED, CenterStatus.PLANNED)],
)  # fmt: skip
def test_forbidden_center_transitions_are_refused(coordinatore, start, to):
    center = CivicCenterFactory(
        status=start, activated_on=None if start == CenterStatus.PLANNED else dt.date(2016, 9, 1)
    )
    with pytest.raises(ValidationError, match="non può passare"):
        services.center_transition(center=center, to_status=to, user=coordinatore)
    center.refresh_from_db()
    assert center.status == start


def test_database_refuses_an_active_center_without_activation_date():
    with pytest.raises(IntegrityError), transaction.atomic():
        CivicCenterFactory(status=CenterStatus.ACTIVE, activated_on=None)


@pytest.mark.parametrize("who", ["direzione", "udp_cremasco", "fundraising", "nobody"])
def test_only_district_staff_write_their_civic_centers(request, who):
    user = request.getfixturevalue(who)
    center = active_center()
    with pytest.raises(PermissionDenied):
        services.center_transition(center=center, to_status=CenterStatus.SUSPENDED, user=user)
    with pytest.raises(PermissionDenied):
        services.activity_save(activity=new_activity(center), slots=[slot()], user=user)
    with pytest.raises(PermissionDenied):
        services.center_save(center=CivicCenterFactory.build(host_organisation=OrganisationFactory()), user=user)


def test_writer_cannot_move_a_center_into_another_district(udp_cremonese):
    center = active_center()
    center.district = district("cremasco")
    with pytest.raises(PermissionDenied):
        services.center_save(center=center, user=udp_cremonese, expected_version=center.version)


def test_stale_edit_of_a_center_is_refused(udp_cremonese):
    center = services.center_save(center=CivicCenterFactory.build(host_organisation=OrganisationFactory()),
                                  user=udp_cremonese)  # fmt: skip
    first = CivicCenter.objects.get(pk=center.pk)
    second = CivicCenter.objects.get(pk=center.pk)
    first.name = "Nome nuovo"
    services.center_save(center=first, user=udp_cremonese, expected_version=1)
    second.name = "Altro nome"
    with pytest.raises(ConcurrentEditError):
        services.center_save(center=second, user=udp_cremonese, expected_version=1)
    assert CivicCenter.objects.get(pk=center.pk).name == "Nome nuovo"


def test_visible_to_fails_closed(direzione, udp_cremonese, udp_cremasco, fundraising, referente, nobody):
    center = active_center()
    ActivitySlotFactory(activity=ActivityFactory(civic_center=center))
    assert list(CivicCenter.objects.visible_to(direzione)) == [center]
    assert list(CivicCenter.objects.visible_to(udp_cremonese)) == [center]
    for user in (udp_cremasco, fundraising, referente, nobody, None):
        assert not CivicCenter.objects.visible_to(user).exists()
        assert not Activity.objects.visible_to(user).exists()
        assert not ActivitySlot.objects.visible_to(user).exists()
