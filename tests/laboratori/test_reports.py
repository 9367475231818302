"""Indicators of Action 2A (registered in the results framework) and the dashboard panel: numbers match the data."""

import datetime as dt
from decimal import Decimal

import pytest

from governance.indicators import computed_indicator
from governance.models import District
from laboratori import reports, services
from laboratori.models import Laboratorio, RestitutionEvent
from tests.laboratori.factories import LabMeetingFactory, LaboratorioFactory, district, lab_ledger_lines, year

pytestmark = pytest.mark.django_db

CODES = ["A2A_LAB_ATTIVATI", "A2A_LAB_LUOGHI_LAVORO", "A2A_AREE", "A2A_PERSONE", "A2A_NUCLEI",
         "A2A_GRUPPI_INFORMALI", "A2A_ENTI_PROFIT", "A2A_ENTI_NONPROFIT", "A2A_EVENTI_RESTITUZIONE"]  # fmt: skip


def cremasco_lab(**kwargs):
    return LaboratorioFactory(district=district("cremasco"), implementing_body=district("cremasco").lead_organisation,
                              **kwargs)  # fmt: skip


@pytest.fixture
def labs():
    a = LaboratorioFactory(area="Cremona – Po")
    b = LaboratorioFactory(area="Cremona – Po", kind="village")  # the same area: counted once
    c = LaboratorioFactory(kind="workplace", area="Zona industriale")
    d = cremasco_lab(activation_year=year(3), activated_on=dt.date(2017, 9, 1), area="Offanengo")
    LabMeetingFactory(lab=a, people=30, households=5)
    LabMeetingFactory(lab=a, people=80, households=12, date=dt.date(2016, 12, 1))  # the largest meeting counts
    LabMeetingFactory(lab=b, people=10, households=2)
    LabMeetingFactory(lab=d, people=50, households=4, date=dt.date(2017, 10, 1))
    return a, b, c, d


def compute(code, user, year=None, district_id=None):
    return computed_indicator(code).compute(user=user, year=year, district_id=district_id)


def test_every_action_2a_code_is_registered_with_a_link():
    for code in CODES:
        indicator = computed_indicator(code)
        assert indicator is not None, code
        assert indicator.link(year=2, district_id=None).startswith("/laboratori/")


def test_labs_activated_per_year_and_district(labs, direzione, udp_cremonese):
    assert compute("A2A_LAB_ATTIVATI", direzione) == 4
    assert compute("A2A_LAB_ATTIVATI", direzione, year=2) == 3
    assert compute("A2A_LAB_ATTIVATI", direzione, year=3, district_id=district("cremasco").pk) == 1
    assert compute("A2A_LAB_ATTIVATI", udp_cremonese) == 3  # scoped to the user
    assert compute("A2A_LAB_LUOGHI_LAVORO", direzione) == 1


def test_territorial_areas_are_counted_once(labs, direzione):
    assert compute("A2A_AREE", direzione) == 2  # Cremona – Po, Offanengo (the workplace lab is not an area)


def test_participants_take_each_labs_largest_meeting(labs, direzione, amministrazione):
    assert compute("A2A_PERSONE", direzione) == 80 + 10 + 50
    assert compute("A2A_NUCLEI", direzione) == 12 + 2 + 4
    assert compute("A2A_PERSONE", direzione, year=3) == 50
    assert compute("A2A_PERSONE", amministrazione) == 0  # fail closed


def test_link_filters_the_list_by_year_and_district():
    url = computed_indicator("A2A_LAB_ATTIVATI").link(year=2, district_id=7)
    assert url == "/laboratori/?year=2&district=7"


def test_restitution_events_counted_per_year(udp_cremonese, direzione, labs):
    event = RestitutionEvent(project_year=year(2), date=dt.date(2017, 5, 20), place="Cremona", title="Festa")
    services.restitution_save(event=event, user=udp_cremonese, labs=[labs[0]])
    assert compute("A2A_EVENTI_RESTITUZIONE", direzione, year=2) == 1
    assert compute("A2A_EVENTI_RESTITUZIONE", direzione, year=3) == 0
    assert compute("A2A_EVENTI_RESTITUZIONE", direzione, year=2, district_id=district("cremasco").pk) == 0


def test_budget_committed_and_paid(labs, direzione, udp_cremonese):
    lab_ledger_lines()
    services.payment_create(lab=labs[0], date=dt.date(2016, 10, 1), amount=Decimal("2500.00"),
                            funding_source="cariplo", description="x", user=udp_cremonese)  # fmt: skip
    assert reports.budget_committed(user=direzione, year=2, district_id=None) == Decimal("30000.00")
    assert reports.budget_paid(user=direzione, year=None, district_id=None) == Decimal("2500.00")
    assert reports.budget_paid(user=direzione, year=3, district_id=None) == Decimal("0.00")


def test_dashboard_panel_shows_labs_per_district_and_year(labs, client_for, direzione, udp_cremasco):
    html = client_for(direzione).get("/cruscotto/azioni/").content.decode()  # the apps' panels page
    assert "Laboratori di Comunità: attivati per ambito e anno" in html
    years, rows, totals = reports.activated_by_district_and_year(
        labs=Laboratorio.objects.all(), districts=District.objects.all()
    )
    by_name = {row.district.name: row for row in rows}
    assert by_name["Cremonese"].counts == [0, 3, 0] and by_name["Cremasco"].counts == [0, 0, 1]
    assert totals == {1: 0, 2: 3, 3: 1}
    cremasco_html = client_for(udp_cremasco).get("/cruscotto/azioni/").content.decode()
    assert "Cremonese</th>" not in cremasco_html.split("Laboratori di Comunità: attivati")[1]
