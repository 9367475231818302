"""Reach without double counting, per district and year, and the small-cell rule, against hand-counted fixtures."""

from decimal import Decimal

import pytest
from django.template import Context, Template

from governance.monitoring.reach import (
    SMALL_CELL,
    WITHHELD,
    PeopleCost,
    PeopleCount,
    Withheld,
    people_cell,
    reach_rows,
    withhold_complements,
)
from governance.monitoring.tables import decode, encode
from tests.governance.monitoring.factories import reach_world

pytestmark = pytest.mark.django_db

# Columns for a programme-wide role: the districts by name, then the programme.
CASALASCO, CREMASCO, CREMONESE, TOTAL = range(4)


def cells(reach, source, measure):
    row = next(r for r in reach.rows if r.source.startswith(source) and r.measure == measure)
    return row, [None if c is None else int(c) for c in row.cells]


def test_pacts_count_each_household_once_and_its_members(direzione):
    reach_world()
    reach = reach_rows(user=direzione, year=2)
    assert reach.areas == ["Casalasco", "Cremasco", "Cremonese", "Totale programma"]
    row, households = cells(reach, "Patti", "Nuclei familiari")
    assert row.deduplicated and row.method == "deduplicato"
    assert households == [0, 0, 2, 2]  # household A has two pacts: counted once; C signed in year 3
    _, people = cells(reach, "Patti", "Persone")
    assert people == [0, 0, 5, 5]  # A: 1 + 2, B: 2


def test_the_triennium_adds_the_later_years(direzione):
    reach_world()
    _, households = cells(reach_rows(user=direzione, year=None), "Patti", "Nuclei familiari")
    assert households == [0, 1, 2, 3]


def test_training_participants_are_people_counted_once(direzione):
    reach_world()
    row, people = cells(reach_rows(user=direzione, year=2), "Wel(l)FARE", "Persone")
    assert row.deduplicated
    assert people == [0, 0, 2, 2]  # Anna Rossi (two sessions, two labs, two spellings) and Bruno Bianchi
    assert not any(r.source.startswith("Wel(l)FARE") and r.measure == "Nuclei familiari" for r in reach_rows(
        user=direzione, year=2).rows)  # fmt: skip


def test_head_counts_are_summed_and_labelled_not_deduplicated(direzione):
    reach_world()
    reach = reach_rows(user=direzione, year=2)
    row, people = cells(reach, "Laboratori", "Persone")
    assert row.method == "non deduplicato"
    assert people == [0, 0, 40, 40]  # lab 1: its highest meeting (30), lab 2: 10
    _, households = cells(reach, "Laboratori", "Nuclei familiari")
    assert households == [0, 0, 8, 8]
    row, people = cells(reach, "Civic", "Persone")
    assert row.method == "non deduplicato" and people == [0, 0, 15, 15]
    _, households = cells(reach, "Civic", "Nuclei familiari")
    assert households == [0, 0, 4, 4]
    _, total = cells(reach, "Somma", "Persone")
    assert total == [0, 0, 5 + 40 + 15 + 2, 62]


def test_a_district_office_sees_its_district_only(udp_cremonese):
    reach_world()
    reach = reach_rows(user=udp_cremonese, year=None)
    assert reach.areas == ["Cremonese", "Totale (suoi ambiti)"]
    _, households = cells(reach, "Patti", "Nuclei familiari")
    assert households == [2, 2]  # the Cremasco household is not theirs


def test_small_cells_read_less_than_three_without_the_identity_permission():
    assert people_cell(PeopleCount(2), can_see_identity=False) == SMALL_CELL
    assert people_cell(PeopleCount(0), can_see_identity=False) == SMALL_CELL
    assert people_cell(PeopleCount(3), can_see_identity=False) == 3
    assert people_cell(PeopleCount(1), can_see_identity=True) == 1
    assert people_cell(2, can_see_identity=False) == 2  # not a count of people: a target total, a lab count
    rendered = Template(
        "{% load monitoring %}{{ a|people_cell:False }}|{{ b|people_cell:True }}|{{ c|people_cell:False }}"
    )
    assert rendered.render(Context({"a": 1, "b": 1, "c": 7})) == "&lt; 3|1|7"


def test_report_page_hides_small_cells_from_the_direzione_but_not_from_the_district_office(
    client, direzione, udp_cremonese
):
    reach_world()
    client.force_login(direzione)
    html = client.get("/governance/reports/monitoring/?year=2").content.decode()
    reach_table = html.split('id="t-reach-2"')[1].split("</table>")[0]
    assert "&lt; 3" in reach_table  # household counts of 2 in the Cremonese
    assert '<td class="num">2</td>' not in reach_table
    client.force_login(udp_cremonese)
    html = client.get("/governance/reports/monitoring/?year=2").content.decode()
    reach_table = html.split('id="t-reach-2"')[1].split("</table>")[0]
    assert "&lt; 3" not in reach_table
    assert '<td class="num">2</td>' in reach_table


def test_a_single_hidden_cell_in_a_group_takes_its_smallest_neighbour_with_it():
    # Casalasco 1, Cremasco 5, Cremonese 10, total 16: "< 3" alone would give 16 - 5 - 10 = 1 back.
    cells = {"cas": PeopleCount(1), "crm": PeopleCount(5), "cre": PeopleCount(10), "tot": PeopleCount(16)}
    protected = withhold_complements(cells, [["cas", "crm", "cre", "tot"]])
    assert isinstance(protected["crm"], Withheld) and protected["crm"] == 5
    assert [type(protected[k]) for k in ("cas", "cre", "tot")] == [PeopleCount] * 3
    # Two hidden already (or none): nothing more is withheld.
    two = {"a": PeopleCount(1), "b": PeopleCount(2), "c": PeopleCount(9), "t": PeopleCount(12)}
    assert not any(isinstance(v, Withheld) for v in withhold_complements(two, [["a", "b", "c", "t"]]).values())
    # Withholding in one group can open another: the cell shared by both groups spreads the rule.
    chained = {"a": PeopleCount(1), "b": PeopleCount(4), "c": PeopleCount(6), "d": PeopleCount(8)}
    protected = withhold_complements(chained, [["a", "b"], ["b", "c", "d"]])
    assert [k for k, v in protected.items() if isinstance(v, Withheld)] == ["b", "c"]


def test_no_row_or_column_of_the_reach_table_hides_a_single_cell(direzione):
    reach_world()
    for year in (2, None):
        reach = reach_rows(user=direzione, year=year)
        shown = [[people_cell(c, can_see_identity=False) for c in row.cells] for row in reach.rows]
        for row in shown:
            assert sum(isinstance(c, str) for c in row if c is not None) != 1, row
        for _measure in ("Nuclei familiari", "Persone"):
            same = [shown[i] for i, row in enumerate(reach.rows) if row.measure == _measure]
            for column in zip(*same, strict=True):
                assert sum(isinstance(c, str) for c in column if c is not None) != 1, column
    # Hand-checked: the 2 training participants of the Cremonese hide the 5 people of the pacts beside them (the
    # smallest other source of that column), which the Somma row would otherwise give back.
    reach = reach_rows(user=direzione, year=2)
    row, people = cells(reach, "Patti", "Persone")
    assert people == [0, 0, 5, 5] and isinstance(row.cells[CREMONESE], Withheld)
    assert people_cell(row.cells[CREMONESE], can_see_identity=False) == WITHHELD
    assert people_cell(row.cells[CREMONESE], can_see_identity=True) == 5


def test_a_cost_per_person_is_shown_only_where_its_count_is():
    hidden = PeopleCost(Decimal("750.00"), PeopleCount(2))  # 1.500 € ÷ 750 € = the 2 participants
    assert people_cell(hidden, can_see_identity=False) == WITHHELD
    assert people_cell(hidden, can_see_identity=True) == Decimal("750.00")
    assert people_cell(PeopleCost(Decimal("150.00"), PeopleCount(10)), can_see_identity=False) == Decimal("150.00")
    assert people_cell(PeopleCost(Decimal("150.00"), Withheld(10)), can_see_identity=False) == WITHHELD
    for value in (hidden, Withheld(7), PeopleCount(1)):  # the frozen report keeps what hides a cell
        back = decode(encode(value))
        assert type(back) is type(value) and back == value
    assert type(decode(encode(hidden)).count) is PeopleCount
