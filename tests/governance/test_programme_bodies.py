"""The programme's bodies as the seed describes them (issue 8, item 9)."""

import datetime as dt

import pytest
from django.db.models import Q
from django.urls import reverse

from governance.models import BodyMember, GovernanceBody, Organisation
from tests.factories import AttendanceFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def body(code):
    return GovernanceBody.objects.get(code=code)


def test_tavolo_seats_the_legal_representatives_of_partners_and_members():
    """Seed 1498-1504: partners AND members; Sol.Co. is both and sits once."""
    tavolo = body("tavolo")
    seated = set(tavolo.members.filter(active=True).values_list("organisation__name", flat=True))
    expected = set(Organisation.objects.filter(Q(is_partner=True) | Q(is_member=True)).values_list("name", flat=True))
    assert seated == expected
    assert len(expected) == 13 + 68 - 1


def test_tavolo_quorum_counts_the_members_too():
    tavolo = body("tavolo")
    meeting = MeetingFactory(body=tavolo, date=dt.date(2017, 3, 1))
    partners = tavolo.members.filter(organisation__is_partner=True)
    for seat in partners:
        AttendanceFactory(meeting=meeting, member=seat, status="present")
    quorum = meeting.quorum()
    assert quorum["seats"] == 80 and quorum["required"] == 41
    assert quorum["counted"] == 13 and quorum["reached"] is False


def test_district_coordination_seats_partners_and_members_active_in_the_district():
    coord = body("coord_cremasco")
    organisations = Organisation.objects.filter(body_seats__body=coord)
    assert organisations.filter(is_member=True, is_partner=False).exists()
    assert organisations.filter(is_partner=True).exists()
    assert not organisations.exclude(district__code="cremasco").exists()


def test_action_groups_at_district_and_provincial_level():
    names = set(GovernanceBody.objects.filter(code__startswith="gdl_").values_list("name", flat=True))
    assert "Gruppo di Azione Locale – Azione 1 – provinciale" in names
    assert "Gruppo di Azione Locale – Azione 1 – Cremasco" in names
    cremasco_group = body("gdl_1_cremasco")
    assert cremasco_group.district.code == "cremasco" and cremasco_group.action.code == "1"
    assert cremasco_group.meetings_per_year == 52 and cremasco_group.quorum_rule == "none"


def test_cabina_shows_its_2016_composition_and_role():
    cabina = body("cabina")
    active = cabina.members.filter(active=True)
    assert active.count() == 13
    assert set(active.values_list("organisation__is_partner", flat=True)) == {True}
    assert BodyMember.objects.filter(body=cabina, active=False, name__startswith="Responsabile Ufficio").count() == 3
    assert "mainstreaming" in cabina.functions and "non è il luogo delle decisioni" in cabina.functions
    assert "Dal 2016" in cabina.composition


def test_quorum_rule_is_labelled_as_the_applications_and_editable(client_for, direzione, coordinatore):
    cabina = body("cabina")
    page = client_for(direzione).get(cabina.get_absolute_url()).content.decode()
    assert "Regola dell&#x27;applicazione" in page or "Regola dell'applicazione" in page
    response = client_for(direzione).post(reverse("governance:body_quorum", args=[cabina.pk]), {"quorum_rule": "none"})
    assert response.status_code == 302
    cabina.refresh_from_db()
    assert cabina.quorum_rule == "none"
    record = cabina.history.latest()
    assert record.history_user == direzione and record.history_change_reason == "Regola del quorum modificata"


def test_quorum_rule_refuses_bad_input_and_other_roles(client_for, direzione, coordinatore):
    cabina = body("cabina")
    url = reverse("governance:body_quorum", args=[cabina.pk])
    client_for(direzione).post(url, {"quorum_rule": "unanimity"})
    cabina.refresh_from_db()
    assert cabina.quorum_rule == "majority"
    assert client_for(coordinatore).post(url, {"quorum_rule": "none"}).status_code in (403, 404)
    cabina.refresh_from_db()
    assert cabina.quorum_rule == "majority"
