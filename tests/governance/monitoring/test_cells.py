"""The grid computations (`compute_cells` of the indicators, the reach providers' `count_many` or indicators) give,
for every year and district at once, exactly what the cell-by-cell computations give, for every kind of reader."""

import pytest

from governance.indicators import ComputedCells, computed_indicator, registered_codes
from governance.models import District
from governance.monitoring.reach import reach_providers
from tests.governance.monitoring.factories import IN_YEAR_3, reach_world
from tests.patti.factories import HouseholdFactory, signed_patto

pytestmark = pytest.mark.django_db

YEARS = [1, 2, 3, None, 99]  # 99: no such project year


@pytest.fixture
def world():
    world = reach_world()
    signed_patto(household=HouseholdFactory(district=world["cremasco"], adults=3, minors=1), on=IN_YEAR_3)
    return world


def _grid_indicators():
    indicators = [computed_indicator(code) for code in sorted(registered_codes())]
    return [indicator for indicator in indicators if indicator.compute_cells is not None]


@pytest.mark.parametrize("reader", ["direzione", "udp_cremonese", "amministrazione", "fundraising"])
def test_every_grid_equals_the_cells_one_by_one(request, reader, world):
    user = request.getfixturevalue(reader)
    areas = [*District.objects.values_list("pk", flat=True), None]
    indicators = _grid_indicators()
    assert {"A1_PATTI", "A1_BENEFICIARI", "A2A_PERSONE", "A3_NUCLEI", "A4_PART_VOLONTARI"} <= {
        i.code for i in indicators
    }
    for indicator in indicators:
        grid = indicator.compute_grid(user=user, years=YEARS, district_ids=areas)
        assert set(grid) == {(year, area) for year in YEARS for area in areas}
        for (year, area), value in grid.items():
            assert value == indicator.compute(user=user, year=year, district_id=area), (indicator.code, year, area)
    cells = ComputedCells(user=user, years=YEARS, district_ids=areas)
    providers = reach_providers()
    assert {"patti", "laboratori", "civic_center", "wellfare_lab"} <= {
        p.key for p in providers if p.count_many or p.indicators
    }
    for provider in providers:
        for (year, area), counts in provider.counts(cells=cells, years=YEARS, district_ids=areas).items():
            assert counts == provider.count(user=user, year=year, district_id=area), (provider.key, year, area)


def test_the_grid_counts_what_the_fixtures_hold(direzione, world):
    cremonese, cremasco = world["cremonese"].pk, world["cremasco"].pk
    people = computed_indicator("A1_BENEFICIARI").compute_grid(
        user=direzione, years=[2, 3, None], district_ids=[cremonese, cremasco, None]
    )
    assert people[(2, cremonese)] == 5  # household A (1 + 2) with two pacts counted once, B (2)
    assert people[(3, cremasco)] == 7  # C (1 + 2) and the new household (3 + 1)
    assert people[(None, None)] == 12
    labs = computed_indicator("A2A_PERSONE").compute_grid(user=direzione, years=[2], district_ids=[cremonese, None])
    assert labs == {(2, cremonese): 40, (2, None): 40}  # lab 1's highest meeting (30) + lab 2's (10)


def test_computed_cells_ask_each_grid_once(direzione, world, django_assert_num_queries):
    cremonese = world["cremonese"].pk
    cells = ComputedCells(user=direzione, years=[2, None], district_ids=[cremonese, None])
    pacts = computed_indicator("A1_PATTI")
    assert cells.value(pacts, 2, cremonese) == 3
    with django_assert_num_queries(0):
        assert [cells.value(pacts, y, d) for y in (2, None) for d in (cremonese, None)] == [3, 3, 3, 5]
    assert cells.value(pacts, 3, None) == 2  # outside the grid: computed on its own
