"""Audit trail on governance records, and query counts of the pages that do not grow with the data."""

import datetime as dt

import pytest
from simple_history.utils import bulk_create_with_history

from governance.models import Decision, GovernanceBody, Meeting
from tests.factories import DecisionFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def test_bulk_created_meetings_have_history():
    body = GovernanceBody.objects.get(code="cabina")
    meetings = bulk_create_with_history([Meeting(body=body, date=dt.date(2017, 1, d)) for d in (1, 2, 3)], Meeting)
    assert Meeting.history.filter(id__in=[m.pk for m in meetings], history_type="+").count() == 3


def test_meeting_edit_is_in_the_history_with_who_and_what(client_for, direzione):
    from tests.governance.test_meetings import meeting_post

    body = GovernanceBody.objects.get(code="cabina")
    meeting = MeetingFactory(body=body, date=dt.date(2017, 3, 15), place="Cremona")
    data = meeting_post(body, attendance=[], version=meeting.version)
    data["place"] = "Crema"
    assert client_for(direzione).post(f"/governance/meetings/{meeting.pk}/edit/", data).status_code == 302
    latest = meeting.history.first()
    assert latest.history_user == direzione
    assert latest.place == "Crema"
    html = client_for(direzione).get(meeting.get_absolute_url()).content.decode()
    assert "Luogo: «Cremona» → «Crema»" in html


def _make_meetings(n):
    body = GovernanceBody.objects.get(code="cabina")
    for i in range(n):
        meeting = MeetingFactory(body=body, date=dt.date(2016, 7, 1) + dt.timedelta(days=i))
        DecisionFactory(meeting=meeting, due_date=dt.date(2017, 1, 1))


@pytest.mark.parametrize("rows", [1, 50])
@pytest.mark.parametrize(
    "url", ["/", "/governance/meetings/", "/governance/decisions/", "/governance/bodies/", "/governance/organisations/"]
)
def test_pages_issue_a_bounded_number_of_queries(client_for, direzione, django_assert_max_num_queries, rows, url):
    _make_meetings(rows)
    client = client_for(direzione)
    client.get(url)  # warm the session
    # The dashboard: cards, budget burn, cadence and alerts within its budget of 40 (issue 13), whatever the rows.
    with django_assert_max_num_queries(40 if url == "/" else 16):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("rows", [1, 50])
def test_detail_pages_issue_a_bounded_number_of_queries(client_for, direzione, django_assert_max_num_queries, rows):
    _make_meetings(rows)
    meeting = Meeting.objects.first()
    for i in range(rows):
        DecisionFactory(meeting=meeting, text=f"Decisione {i}")
    client = client_for(direzione)
    for url in (meeting.get_absolute_url(), meeting.body.get_absolute_url()):
        client.get(url)
        with django_assert_max_num_queries(22):
            assert client.get(url).status_code == 200
    assert Decision.objects.count() >= rows
