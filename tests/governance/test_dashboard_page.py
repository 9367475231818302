"""The Direzione's dashboard (`/`, issue 13): cards against the targets, budget burn, cadence, alerts, filters.

Every figure is checked against fixtures counted by hand; the district filter and the district users' scope are
checked with another district's data beside; hostile filters fall back to the default with an Italian message.
"""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from governance.models import BudgetLine, BudgetLineActuals, BudgetPlan, District, Organisation, ProjectYear
from patti.enums import PattoStatus
from tests.factories import DecisionFactory, MeetingFactory
from tests.fundraising.factories import DonationFactory, designation
from tests.laboratori.factories import LaboratorioFactory
from tests.laboratori.factories import year as project_year
from tests.patti.factories import ledger_line, signed_patto

pytestmark = pytest.mark.django_db


def district(code):
    return District.objects.get(code=code)


def card(response, code):
    return next(c for c in response.context["dashboard"].cards if c.code == code)


def cells(response, code, measure=0):
    """{period label: (actual, target)} of one measure of a card."""
    found = card(response, code).measures[measure].cells
    return {c.period_label: (c.actual, c.target.value if c.target else None) for c in found}


@pytest.fixture
def pacts():
    """Cremonese: 3 pacts signed in year 2 (one of them later active), 1 in year 3; Cremasco: 1 in year 3."""
    for _ in range(2):
        signed_patto(district=district("cremonese"), on=dt.date(2016, 9, 15))
    signed_patto(district=district("cremonese"), on=dt.date(2016, 10, 1), status=PattoStatus.ATTIVO)
    signed_patto(district=district("cremonese"), on=dt.date(2017, 7, 1))
    signed_patto(district=district("cremasco"), on=dt.date(2017, 8, 1))


def test_pact_card_counts_year_and_triennium_against_the_revised_targets(client_for, direzione, pacts):
    response = client_for(direzione).get("/?year=2")
    assert cells(response, "1") == {"Anno 2": (3, Decimal("134")), "Triennio": (5, Decimal("284"))}
    html = response.content.decode()
    assert 'href="/patti/?signed=true&amp;project_year=2"' in html  # the number opens the list it counts


def test_district_filter_narrows_every_card(client_for, direzione, pacts):
    cremasco = district("cremasco")
    response = client_for(direzione).get(f"/?year=3&district={cremasco.pk}")
    assert cells(response, "1")["Anno 3"][0] == 1
    assert cells(response, "1")["Triennio"][0] == 1
    assert f"district={cremasco.pk}" in card(response, "1").measures[0].cells[0].link


def test_district_user_sees_only_their_district_and_cannot_ask_for_another(client_for, udp_cremasco, pacts):
    client = client_for(udp_cremasco)
    response = client.get("/?year=3")
    assert response.context["filters"].district == district("cremasco")
    assert cells(response, "1")["Triennio"][0] == 1  # the four Cremonese pacts are not counted
    other = client.get(f"/?year=3&district={district('cremonese').pk}")
    assert other.status_code == 200
    assert other.context["filters"].district == district("cremasco")
    assert cells(other, "1")["Triennio"][0] == 1
    assert "non valido o non consultabile" in other.content.decode()


@pytest.mark.parametrize(
    "query", ["year=abc", "year=99", "year=2'--", "year=", "district=abc", "district=999999", "district=1%00"]
)
def test_hostile_filters_fall_back_to_the_default_with_a_message(client_for, direzione, query):
    response = client_for(direzione).get(f"/?{query}")
    assert response.status_code == 200
    filters = response.context["filters"]
    assert filters.year is not None  # the year of the reference date
    assert filters.district is None
    if query != "year=":
        assert "non valido" in response.content.decode()


def test_default_year_is_the_one_of_the_reference_date(client_for, direzione):
    client = client_for(direzione)
    client.post("/governance/reference-date/", {"reference": "01/03/2017", "next": "/"})
    assert client.get("/").context["filters"].year.number == 2


def test_lab_card_and_the_alert_for_labs_without_an_operational_plan(client_for, direzione):
    for _ in range(2):
        LaboratorioFactory(district=district("cremonese"))
    LaboratorioFactory(district=district("cremasco"), activation_year=project_year(3), activated_on=dt.date(2017, 9, 1))
    response = client_for(direzione).get("/?year=2")
    assert cells(response, "2A")["Anno 2"] == (2, Decimal("14"))
    assert cells(response, "2A")["Triennio"][0] == 3
    alerts = {a.key: a for a in response.context["dashboard"].alerts}
    assert alerts["labs-no-plan"].count == 3
    assert "3 laboratori in corso senza piano operativo" in response.content.decode()


def test_fundraising_card_and_restricted_gifts_not_yet_transferred(client_for, direzione, fundraising):
    DonationFactory(amount=Decimal("100.00"), date=dt.date(2016, 10, 3))
    DonationFactory(amount=Decimal("250.00"), date=dt.date(2017, 1, 10))
    DonationFactory(amount=Decimal("80.00"), date=dt.date(2017, 7, 1), designation=designation("subfund:cremasco"))
    response = client_for(direzione).get("/?year=2")
    assert cells(response, "5") == {
        "Anno 2": (Decimal("350.00"), Decimal("127000.00")),
        "Triennio": (Decimal("430.00"), Decimal("350000.00")),
    }
    alerts = {a.key: a for a in response.context["dashboard"].alerts}
    assert alerts["restricted-gifts"].count == 1
    assert "80,00 € ricevuti e non ancora trasferiti" in response.content.decode()


@pytest.fixture
def budget():
    """Action 1, year 2: Cremonese lead partner planned 100.000, approved 120.000 (overspent), submitted 5.000;
    the Province (a provincial partner, no district) planned 40.000, approved 10.000."""
    line = ledger_line(district_code="cremonese", year=2, amount="100000.00")
    BudgetLineActuals.objects.create(line=line, approved=Decimal("120000.00"), submitted=Decimal("5000.00"))
    province = Organisation.objects.get(name="Provincia di Cremona")
    provincial = BudgetLine.objects.create(
        plan=BudgetPlan.objects.get(is_active=True),
        action=line.action,
        partner=province,
        year=ProjectYear.objects.get(number=2),
        category=line.category,
        funding_source=line.funding_source,
        planned_amount=Decimal("40000.00"),
    )
    BudgetLineActuals.objects.create(line=provincial, approved=Decimal("10000.00"))
    return line


def burn_of(response, code="1"):
    return next(a for a in response.context["dashboard"].burn.actions if a.code == code)


def test_budget_burn_by_action_from_the_running_totals(client_for, direzione, budget):
    response = client_for(direzione).get("/?year=2")
    action = burn_of(response)
    assert (action.year.planned, action.year.actual, action.year.pending) == (
        Decimal("140000.00"),
        Decimal("130000.00"),
        Decimal("5000.00"),
    )
    areas = {a.label: a.figures.planned for a in response.context["dashboard"].burn.areas}
    assert areas == {"Cremonese": Decimal("100000.00"), "Partner provinciali (senza ambito)": Decimal("40000.00")}
    overspent = {a.key: a for a in response.context["dashboard"].alerts}["budget-overspent"]
    assert overspent.count == 1 and overspent.severity == "danger"


def test_a_district_gets_its_partners_lines_and_provincial_lines_stay_apart(client_for, direzione, budget):
    response = client_for(direzione).get(f"/?year=2&district={district('cremonese').pk}")
    assert burn_of(response).year.planned == Decimal("100000.00")  # the Province's 40.000 is not spread


def test_large_unspent_share_is_flagged_only_late_in_the_year(client_for, direzione, budget):
    client = client_for(direzione)
    client.post("/governance/reference-date/", {"reference": "01/10/2016", "next": "/"})  # a third of year 2
    assert "budget-unspent" not in {a.key for a in client.get("/?year=2").context["dashboard"].alerts}
    client.post("/governance/reference-date/", {"reference": "01/05/2017", "next": "/"})  # 11 months in
    unspent = {a.key: a for a in client.get("/?year=2").context["dashboard"].alerts}["budget-unspent"]
    assert unspent.count == 1  # the Province's line: 10.000 of 40.000; the Cremonese one is overspent
    assert "Provincia di Cremona" in unspent.items[0].label


def test_cadence_per_body_and_overdue_decisions(client_for, direzione):
    client = client_for(direzione)
    client.post("/governance/reference-date/", {"reference": "31/05/2017", "next": "/"})
    meeting = MeetingFactory(body=meeting_body("cabina"), date=dt.date(2016, 9, 1))
    DecisionFactory(meeting=meeting, due_date=dt.date(2016, 12, 1), text="Approvare il vademecum")
    response = client.get("/?year=2")
    lines = {line.body.code: line for line in response.context["dashboard"].cadence}
    assert lines["cabina"].cell.held == 1 and lines["cabina"].status == "in ritardo"  # 1 of 6
    alerts = {a.key: a for a in response.context["dashboard"].alerts}
    assert alerts["decisions"].count == 1
    assert alerts["decisions"].text == "1 decisione scaduta e ancora aperta"
    assert "Approvare il vademecum" in alerts["decisions"].items[0].label
    assert alerts["cadence"].count == sum(line.status == "in ritardo" for line in lines.values())


def meeting_body(code):
    from governance.models import GovernanceBody

    return GovernanceBody.objects.get(code=code)


def test_charts_are_accessible_svg_with_values_as_text(client_for, direzione, pacts, budget):
    html = client_for(direzione).get("/?year=2").content.decode()
    assert html.count('role="img"') >= 7  # a progress bar per card cell, the budget chart
    assert "<desc" in html and "<title" in html
    assert "3 su 134: 2 %" in html  # the progress bar says its figures in words
    assert "120.000,00 €" in html  # the budget chart writes its values


def test_action_panels_moved_off_the_dashboard(client_for, direzione):
    client = client_for(direzione)
    assert "Patti con le imprese: fasi per anno" not in client.get("/").content.decode()
    assert "Patti con le imprese: fasi per anno" in client.get("/cruscotto/azioni/").content.decode()
    assert 'href="/cruscotto/azioni/?year=' in client.get("/").content.decode()  # with the selected year


def _data(size):
    for i in range(size):
        code = "cremonese" if i % 2 else "cremasco"
        signed_patto(district=district(code), on=dt.date(2016, 9, 15))
        LaboratorioFactory(district=district(code))
        DonationFactory(designation=designation(f"subfund:{code}"))
        meeting = MeetingFactory(body=meeting_body("cabina"), date=dt.date(2016, 7, 1) + dt.timedelta(days=i))
        DecisionFactory(meeting=meeting, due_date=dt.date(2016, 8, 1))
    for year in (1, 2, 3):
        line = ledger_line(year=year, amount=str(1000 * size))
        BudgetLineActuals.objects.update_or_create(line=line, defaults={"approved": Decimal(2000 * size)})


@pytest.mark.parametrize("user", ["direzione", "udp_cremasco"])  # the programme; a district office with its worklist
@pytest.mark.parametrize("query", ["", "?year=2", "?year=2&district=__cremasco__"])
def test_dashboard_queries_do_not_grow_with_the_data(request, client_for, user, query):
    client = client_for(request.getfixturevalue(user))
    url = "/" + query.replace("__cremasco__", str(district("cremasco").pk))
    counts = []
    for size in (1, 11):  # 1 record of each kind, then 12
        _data(size)
        client.get(url)  # warm the session
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        assert len(response.context["dashboard"].alerts) >= 3
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 40, counts


def test_cost_per_result_and_reach_are_the_monitoring_reports_rows(client_for, direzione, pacts, budget):
    from governance.monitoring.costs import cost_per_result

    client = client_for(direzione)
    home = client.get("/?year=2").content.decode()
    assert 'href="/cruscotto/azioni/?year=2"' in home  # the dashboard links them for the selected year
    response = client.get("/cruscotto/azioni/?year=2")
    figures = response.context["figures"]
    expected = cost_per_result(user=direzione, year=2)
    shown = [(r.kind.key, r.area, r.planned_cost, r.actual_cost) for r in figures.costs]
    assert shown == [(r.kind.key, r.area, r.planned_cost, r.actual_cost) for r in expected]
    cremonese = next(r for r in figures.costs if r.kind.key == "pact" and r.area == "Cremonese")
    assert (cremonese.results, cremonese.actual_cost) == (3, Decimal("40000.00"))  # 120.000 approved ÷ 3 pacts
    html = response.content.decode()
    assert "Partecipante alla formazione" in html  # cost per training participant too
    assert 'id="dash-reach"' in html and "non deduplicato" in html
    assert "&lt; 3" in html  # the Direzione has no identity permission: small cells read "< 3"


def test_district_filter_narrows_the_costs_to_that_district(client_for, direzione, pacts, budget):
    cremonese = district("cremonese")
    response = client_for(direzione).get(f"/cruscotto/azioni/?year=2&district={cremonese.pk}")
    assert {r.area for r in response.context["figures"].costs} == {"Cremonese"}


def test_link_to_the_monitoring_report_only_for_its_readers(client_for, direzione, referente):
    link = 'href="/governance/reports/monitoring/?year=2"'
    assert link in client_for(direzione).get("/?year=2").content.decode()
    response = client_for(referente).get("/?year=2")
    assert link not in response.content.decode()
    detail = client_for(referente).get("/cruscotto/azioni/?year=2")
    assert detail.status_code == 200 and detail.context.get("figures") is None
