"""Cadence compliance: meetings held vs expected per project year, pro-rated, up to the reference date."""

import datetime as dt
from decimal import Decimal

import pytest

from governance.models import GovernanceBody, ProjectYear, reference_date_default
from governance.selectors import cadence_compliance
from tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db


def year(number):
    return ProjectYear.objects.get(number=number)


def test_expected_meetings_are_pro_rated_for_a_year_longer_than_twelve_months():
    cabina = GovernanceBody.objects.get(code="cabina")  # 6 a year
    # Year 1 runs 2015-05-08 … 2016-05-31: 390 days → 6 × 390 / 365 = 6.4
    assert cabina.expected_meetings(year(1), dt.date(2020, 1, 1)) == Decimal("6.4")
    # Year 3 runs 2017-06-01 … 2018-05-07: 341 days → 5.6
    assert cabina.expected_meetings(year(3), dt.date(2020, 1, 1)) == Decimal("5.6")


def test_expected_meetings_of_the_current_year_stop_at_the_reference_date():
    direzione = GovernanceBody.objects.get(code="direzione")  # 12 a year
    # 2016-06-01 … 2016-11-30 = 183 days → 12 × 183 / 365 = 6.0
    assert direzione.expected_meetings(year(2), dt.date(2016, 11, 30)) == Decimal("6.0")
    assert direzione.expected_meetings(year(3), dt.date(2016, 11, 30)) is None  # not begun


def test_body_with_too_few_meetings_is_behind_schedule_and_with_enough_is_not():
    tavolo = GovernanceBody.objects.get(code="tavolo")  # 2 a year
    reference = dt.date(2017, 5, 31)
    MeetingFactory(body=tavolo, date=dt.date(2016, 9, 1))
    row = next(
        r for r in cadence_compliance(bodies=GovernanceBody.objects.all(), reference=reference) if r.body == tavolo
    )
    year_2 = row.cells[1]
    assert (year_2.held, year_2.expected) == (1, Decimal("2.0"))
    assert year_2.behind and row.behind
    MeetingFactory(body=tavolo, date=dt.date(2017, 3, 1))
    row = next(
        r for r in cadence_compliance(bodies=GovernanceBody.objects.all(), reference=reference) if r.body == tavolo
    )
    assert not row.cells[1].behind


def test_meetings_are_counted_in_their_own_project_year():
    cabina = GovernanceBody.objects.get(code="cabina")
    MeetingFactory(body=cabina, date=dt.date(2016, 5, 31))  # last day of year 1
    MeetingFactory(body=cabina, date=dt.date(2016, 6, 1))  # first day of year 2
    row = cadence_compliance(bodies=GovernanceBody.objects.filter(pk=cabina.pk), reference=dt.date(2018, 5, 7))[0]
    assert [c.held for c in row.cells] == [1, 1, 0]


def test_reference_date_is_today_capped_at_the_end_of_the_last_project_year():
    assert reference_date_default() == dt.date(2018, 5, 7)


def test_cadence_query_count_does_not_grow_with_meetings(django_assert_max_num_queries):
    bodies = GovernanceBody.objects.all()
    for day in range(1, 29):
        MeetingFactory(body=GovernanceBody.objects.get(code="cabina"), date=dt.date(2017, 2, day))
    with django_assert_max_num_queries(2):
        rows = cadence_compliance(bodies=bodies, reference=dt.date(2018, 5, 7))
    assert len(rows) == bodies.count()


def test_bodies_page_shows_held_and_expected_and_flags_behind(client_for, direzione):
    MeetingFactory(body=GovernanceBody.objects.get(code="tavolo"), date=dt.date(2016, 9, 1))
    html = client_for(direzione).get("/governance/bodies/").content.decode()
    assert "Tavolo della Governance" in html
    assert "1 / 2,0" in html  # Italian decimal comma
    assert "In ritardo" in html


def test_the_user_can_change_the_reference_date(client_for, direzione):
    client = client_for(direzione)
    response = client.post("/governance/reference-date/", {"reference": "2016-11-30", "next": "/governance/bodies/"})
    assert response.status_code == 302
    html = client.get("/governance/bodies/").content.decode()
    assert "30/11/2016" in html
    assert "non iniziato" in html  # year 3 had not begun


def test_an_invalid_reference_date_is_refused_with_an_italian_message(client_for, direzione):
    client = client_for(direzione)
    response = client.post("/governance/reference-date/", {"reference": "31/02/2017"}, follow=True)
    assert "Data di riferimento non valida" in response.content.decode()
