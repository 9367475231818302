"""Decisions have their own page and are marked done from the list, by who may manage the body's meetings."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from governance.enums import DecisionStatus
from governance.models import Decision, GovernanceBody
from governance.services import decision_complete
from tests.factories import DecisionFactory, MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def decision():
    meeting = MeetingFactory(body=GovernanceBody.objects.get(code="coord_cremonese"))
    return DecisionFactory(meeting=meeting, text="Avviare il tavolo con le scuole", status=DecisionStatus.OPEN)


def test_a_decision_has_its_own_page_with_its_history(client_for, coordinatore, decision):
    page = client_for(coordinatore).get(decision.get_absolute_url()).content.decode()
    assert "Avviare il tavolo con le scuole" in page and "Storico delle modifiche" in page
    assert reverse("governance:decision_complete", args=[decision.pk]) not in page  # may not manage it


@pytest.mark.parametrize("role", ["direzione", "udp_cremonese"])
def test_who_manages_the_bodys_meetings_completes_a_decision_from_the_list(request, client_for, decision, role):
    user = request.getfixturevalue(role)
    client = client_for(user)
    url = reverse("governance:decision_complete", args=[decision.pk])
    assert url in client.get(reverse("governance:decision_list")).content.decode()
    response = client.post(url, follow=True)
    assert "Decisione segnata come completata." in response.content.decode()
    decision.refresh_from_db()
    assert decision.status == DecisionStatus.DONE
    record = decision.history.latest("history_date")
    assert record.history_user == user and record.history_change_reason == "Segnata come completata"


def test_a_decision_out_of_scope_answers_404_and_one_not_managed_403(client_for, udp_cremasco, coordinatore, decision):
    url = reverse("governance:decision_complete", args=[decision.pk])
    assert client_for(udp_cremasco).post(url).status_code == 404
    assert client_for(udp_cremasco).get(decision.get_absolute_url()).status_code == 404
    assert client_for(coordinatore).post(url).status_code == 403
    assert Decision.objects.get(pk=decision.pk).status == DecisionStatus.OPEN


def test_completing_is_post_only(client_for, direzione, decision):
    assert client_for(direzione).get(reverse("governance:decision_complete", args=[decision.pk])).status_code == 405


def test_decision_complete_service_checks_the_role(coordinatore, decision):
    with pytest.raises(PermissionDenied):
        decision_complete(decision=decision, user=coordinatore)
    assert Decision.objects.get(pk=decision.pk).status == DecisionStatus.OPEN


def test_only_an_open_decision_is_completed(direzione, decision):
    decision_complete(decision=decision, user=direzione)
    with pytest.raises(ValidationError, match="già «Completata»"):
        decision_complete(decision=decision, user=direzione)


def test_decision_list_query_count_does_not_grow(client_for, udp_cremonese, decision, django_assert_max_num_queries):
    client = client_for(udp_cremonese)
    with django_assert_max_num_queries(40) as one:
        client.get(reverse("governance:decision_list"))
    for _ in range(5):
        DecisionFactory(meeting=decision.meeting, status=DecisionStatus.OPEN)
    with django_assert_max_num_queries(len(one.captured_queries)):
        client.get(reverse("governance:decision_list"))
