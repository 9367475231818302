"""Indicators of Action 3 (registered in the results framework), the timetable and the demo data."""

import datetime as dt
import io
from decimal import Decimal

import pytest

from civic_center import reports
from civic_center.demo import seed_civic_center_demo
from civic_center.enums import Audience, HostKind, TimeBand
from civic_center.models import CivicCenter
from governance.indicators import computed_indicator, registered_codes
from tests.civic_center.factories import (
    ActivityFactory,
    ActivitySlotFactory,
    AgreementFactory,
    PayingDemandFactory,
    active_center,
    district,
)

pytestmark = pytest.mark.django_db

A3_CODES = {"A3_CC_ATTIVATI", "A3_PROGETTI", "A3_ACCORDI", "A3_ISTITUTI", "A3_PLESSI", "A3_ALUNNI", "A3_NUCLEI",
            "A3_ORGANIZZAZIONI"}  # fmt: skip


def test_every_action_3_indicator_is_registered():
    assert registered_codes() >= A3_CODES


def test_centers_activated_per_year_and_district(direzione, udp_cremasco):
    crema = district("cremasco")
    for day in (dt.date(2015, 9, 1), dt.date(2015, 10, 1), dt.date(2016, 9, 1)):
        active_center(district=crema, activated_on=day)
    active_center(activated_on=dt.date(2016, 10, 1))  # Cremonese, year 2
    active_center(status="planned", activated_on=None)  # not activated: never counted
    count = computed_indicator("A3_CC_ATTIVATI").compute
    assert count(user=direzione, year=1, district_id=crema.pk) == 2
    assert count(user=direzione, year=2, district_id=None) == 2
    assert count(user=direzione, year=None, district_id=None) == 4
    assert count(user=udp_cremasco, year=2, district_id=None) == 1  # scoped to the user
    link = computed_indicator("A3_CC_ATTIVATI").link(year=1, district_id=crema.pk)
    assert link.startswith("/civic-center/?") and f"district={crema.pk}" in link


def test_activity_indicators_count_pupils_households_organisations_and_fees(direzione, fundraising, nobody):
    center = active_center(host_kind=HostKind.COMPREHENSIVE_INSTITUTE)
    promoter = ActivityFactory(civic_center=center, audience=Audience.PUPILS, enrolments=12, households=9).promoter
    ActivityFactory(civic_center=center, promoter=promoter, audience=Audience.ADULTS, enrolments=8, households=3)
    PayingDemandFactory(activity=center.activities.first(), fees_collected=Decimal("150.50"))
    PayingDemandFactory(activity=center.activities.first(), fees_collected=Decimal("49.50"))
    AgreementFactory(civic_center=center)
    kw = {"year": 2, "district_id": None}
    assert reports.pupils(user=direzione, **kw) == 12
    assert reports.households(user=direzione, **kw) == 12
    assert reports.organisations(user=direzione, **kw) == 1
    assert reports.shared_projects(user=direzione, **kw) == 2
    assert reports.agreements_signed(user=direzione, **kw) == 1
    assert reports.comprehensive_institutes(user=direzione, **kw) == 1
    assert reports.fees_collected(user=direzione, **kw) == Decimal("200.00")
    assert reports.pupils(user=fundraising, **kw) == 12  # aggregates for programme-wide roles
    assert reports.pupils(user=nobody, **kw) == 0
    assert reports.pupils(user=direzione, year=1, district_id=None) == 0


def test_timetable_places_each_slot_in_its_weekday_and_band():
    center = active_center()
    evening = ActivitySlotFactory(activity=ActivityFactory(civic_center=center, title="Yoga"), weekday=3,
                                  start=dt.time(19), end=dt.time(20))  # fmt: skip
    afternoon = ActivitySlotFactory(activity=ActivityFactory(civic_center=center), weekday=1)
    grid = reports.timetable(center)
    cells = {(c.weekday, c.band): c.slots for row in grid["rows"] for c in row.cells}
    assert cells[(3, TimeBand.EVENING)] == [evening]
    assert cells[(1, TimeBand.AFTERNOON)] == [afternoon]
    assert len(grid["days"]) == 5  # the weekend appears only when something happens then


def test_demo_follows_the_plan_of_activations():
    seed_civic_center_demo(stdout=io.StringIO())
    seed_civic_center_demo(stdout=io.StringIO())  # idempotent
    assert CivicCenter.objects.count() == 12
    per = {
        (code, year): CivicCenter.objects.filter(district__code=code, activation_year__number=year).count()
        for code in ("cremasco", "cremonese", "casalasco")
        for year in (1, 2, 3)
    }
    assert per[("cremasco", 1)] == 4
    assert per[("cremasco", 2)] == per[("cremonese", 2)] == per[("cremasco", 3)] == per[("cremonese", 3)] == 2
    assert sum(v for (code, _), v in per.items() if code == "casalasco") == 0


def test_dashboard_panel_counts_match_the_data(client_for, direzione, udp_cremasco, fundraising, nobody):
    crema = district("cremasco")
    active_center(district=crema, activated_on=dt.date(2015, 9, 1))
    active_center(district=crema, activated_on=dt.date(2015, 10, 1))
    active_center(activated_on=dt.date(2016, 10, 1))
    ActivitySlotFactory(activity=ActivityFactory(civic_center=CivicCenter.objects.first()), start=dt.time(18, 30),
                        end=dt.time(20))  # fmt: skip
    page = client_for(direzione).get("/cruscotto/azioni/").content.decode()  # the apps' panels page
    assert "Incroci di Comunità: civic center attivati" in page
    from civic_center.dashboard import panel_context

    class Request:
        user = direzione

    data = panel_context(request=Request, reference=None)
    rows = {r.district: r.by_year for r in data["activated"]["rows"]}
    assert rows["Cremasco"] == [2, 0, 0] and rows["Cremonese"] == [0, 1, 0] and rows["Casalasco"] == [0, 0, 0]
    assert dict(data["bands"])[TimeBand.EVENING.label] == 1
    Request.user = udp_cremasco
    assert [r.district for r in panel_context(request=Request, reference=None)["activated"]["rows"]] == ["Cremasco"]
    assert "civic center attivati" in client_for(fundraising).get("/cruscotto/azioni/").content.decode()
    assert "civic center attivati" not in client_for(nobody).get("/cruscotto/azioni/").content.decode()
