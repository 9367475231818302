"""Cost per result against hand-counted fixtures: district budgets are their partners' lines, provincial partners'
lines are apart and never spread, planned = plan / target, actual = approved actuals / results."""

from decimal import Decimal

import pytest

from governance.models import BudgetLine
from governance.monitoring.costs import PROGRAMME, PROVINCIAL, cost_per_result
from tests.governance.monitoring.factories import district_partner, line, provincial_partner, reach_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def costs_world():
    """Action 1, year 2: Cremonese lead partner plans 10,000 (2,000 approved), Cremasco 6,000 (nothing spent), a
    provincial partner 4,000 (1,000 approved). Action 2A, year 2: Cremonese 60,000 (5,000 approved).
    Results in year 2 (reach_world): 3 pacts and 2 labs in the Cremonese, none elsewhere."""
    assert not BudgetLine.objects.exists()  # the reference data carry no lines: these are all of them
    line(action="1", partner=district_partner("cremonese"), planned="10000.00", approved="2000.00")
    line(action="1", partner=district_partner("cremasco"), planned="6000.00")
    line(action="1", partner=provincial_partner(), planned="4000.00", approved="1000.00")
    line(action="2A", partner=district_partner("cremonese"), planned="60000.00", approved="5000.00")
    line(action="1", partner=district_partner("cremonese"), year=3, planned="7000.00")
    return reach_world()


def rows_of(rows, key):
    return {r.area: r for r in rows if r.kind.key == key}


def test_cost_per_pact_per_district_with_provincial_lines_apart(direzione, costs_world):
    pacts = rows_of(cost_per_result(user=direzione, year=2), "pact")
    assert list(pacts) == ["Casalasco", "Cremasco", "Cremonese", PROVINCIAL, PROGRAMME]
    cremonese = pacts["Cremonese"]
    assert (cremonese.planned_budget, cremonese.actual_budget, cremonese.results) == (
        Decimal("10000.00"),
        Decimal("2000.00"),
        3,
    )
    assert cremonese.target is None and cremonese.planned_cost is None  # no district target for pacts
    assert cremonese.actual_cost == Decimal("666.67")
    assert pacts["Cremasco"].planned_budget == Decimal("6000.00") and pacts["Cremasco"].actual_cost is None
    provincial = pacts[PROVINCIAL]
    assert (provincial.planned_budget, provincial.actual_budget) == (Decimal("4000.00"), Decimal("1000.00"))
    assert provincial.results is None and provincial.actual_cost is None  # never spread over the districts
    programme = pacts[PROGRAMME]
    assert programme.planned_budget == Decimal("20000.00")  # 10,000 + 6,000 + 4,000
    assert programme.target == Decimal("134")  # revised target of year 2
    assert programme.planned_cost == Decimal("149.25")  # 20,000 / 134
    assert programme.actual_cost == Decimal("1000.00")  # (2,000 + 1,000) / 3


def test_cost_per_lab_against_the_district_target(direzione, costs_world):
    labs = rows_of(cost_per_result(user=direzione, year=2), "lab")
    cremonese = labs["Cremonese"]
    assert cremonese.target == Decimal("6")  # revised June 2016: 6 labs in the Cremonese in year 2
    assert cremonese.planned_cost == Decimal("10000.00")  # 60,000 / 6
    assert cremonese.results == 2 and cremonese.actual_cost == Decimal("2500.00")  # 5,000 / 2


def test_the_triennium_adds_every_year_of_the_plan(direzione, costs_world):
    pacts = rows_of(cost_per_result(user=direzione, year=None), "pact")
    assert pacts["Cremonese"].planned_budget == Decimal("17000.00")
    assert pacts[PROGRAMME].target == Decimal("284")
    assert pacts["Cremasco"].results == 1  # household C's pact, signed in year 3


def test_a_district_office_gets_its_district_and_no_provincial_row(udp_cremonese, costs_world):
    pacts = rows_of(cost_per_result(user=udp_cremonese, year=2), "pact")
    assert list(pacts) == ["Cremonese", "Totale (suoi ambiti)"]
    assert pacts["Totale (suoi ambiti)"].planned_budget == Decimal("10000.00")
    assert pacts["Totale (suoi ambiti)"].target is None  # the programme's target is not theirs


def test_the_dashboard_can_ask_for_one_district(direzione, costs_world):
    rows = cost_per_result(user=direzione, year=2, district_id=costs_world["cremonese"].pk)
    assert {r.area for r in rows} == {"Cremonese"}
    assert len(rows) == 5  # one per kind of result
