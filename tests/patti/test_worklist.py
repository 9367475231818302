"""The case staff's worklist ("Da fare"), its home panel, and the pact list's "Da fare" filter."""

import datetime as dt

import pytest
from django.urls import reverse

from governance.reference import SESSION_KEY
from patti.enums import Attention, PattoStatus
from patti.models import Patto
from patti.worklist import worklist
from tests.patti.factories import AssessmentFactory, HouseholdFactory, PattoFactory, district, signed_patto

pytestmark = pytest.mark.django_db

REFERENCE = dt.date(2017, 6, 1)


@pytest.fixture
def pacts(udp_cremonese):
    stale = signed_patto(status=PattoStatus.ATTIVO)
    declining = signed_patto(status=PattoStatus.ATTIVO)
    AssessmentFactory(patto=declining, date=dt.date(2017, 1, 10), dynamism=4, resilience=4, incisiveness=3)
    AssessmentFactory(patto=declining, date=dt.date(2017, 5, 10), dynamism=3, resilience=3, incisiveness=3)
    ending = signed_patto(status=PattoStatus.ATTIVO, on=dt.date(2017, 3, 1))
    ending.planned_end_on = dt.date(2017, 6, 20)
    ending.save()
    not_started = signed_patto(on=dt.date(2017, 5, 1))
    old_draft = PattoFactory(opened_on=dt.date(2017, 4, 1))
    PattoFactory(opened_on=dt.date(2017, 5, 20))  # a recent draft: nothing to do yet
    return {
        Attention.VALUTAZIONE: stale,
        Attention.IN_CALO: declining,
        Attention.IN_SCADENZA: ending,
        Attention.DA_AVVIARE: not_started,
        Attention.BOZZE_FERME: old_draft,
    }


def at_reference(client):
    session = client.session
    session[SESSION_KEY] = REFERENCE.isoformat()
    session.save()
    return client


def test_each_worklist_item_holds_the_pacts_that_ask_for_it(pacts):
    for kind, patto in pacts.items():
        found = set(Patto.objects.needing_attention(kind, REFERENCE))
        assert patto in found, kind
    assert set(Patto.objects.needing_attention(Attention.IN_CALO, REFERENCE)) == {pacts[Attention.IN_CALO]}
    assert set(Patto.objects.needing_attention(Attention.BOZZE_FERME, REFERENCE)) == {pacts[Attention.BOZZE_FERME]}
    assert set(Patto.objects.needing_attention(Attention.DA_AVVIARE, REFERENCE)) == {pacts[Attention.DA_AVVIARE]}
    assert set(Patto.objects.needing_attention(Attention.IN_SCADENZA, REFERENCE)) == {pacts[Attention.IN_SCADENZA]}


def test_worklist_counts_only_the_users_districts(pacts, udp_cremonese, udp_cremasco):
    counts = {item.kind: item.count for item in worklist(user=udp_cremonese, reference=REFERENCE)}
    assert counts[Attention.IN_CALO] == 1 and counts[Attention.BOZZE_FERME] == 1
    assert all(item.count == 0 for item in worklist(user=udp_cremasco, reference=REFERENCE))


def test_worklist_page_lists_the_pacts_and_links_every_figure_to_its_list(client_for, udp_cremonese, pacts):
    page = at_reference(client_for(udp_cremonese)).get(reverse("patti:worklist")).content.decode()
    for kind, patto in pacts.items():
        assert f"{reverse('patti:patto_list')}?attention={kind}" in page
        assert patto.get_absolute_url() in page


def test_worklist_is_for_case_staff_only(client_for, direzione, fundraising):
    for user in (direzione, fundraising):
        assert client_for(user).get(reverse("patti:worklist")).status_code == 403


def test_home_panel_links_each_figure_to_the_list_behind_it(client_for, udp_cremonese, direzione, pacts):
    client = at_reference(client_for(udp_cremonese))
    page = client.get(reverse("home")).content.decode()
    for kind in Attention.values:
        assert f'href="{reverse("patti:patto_list")}?attention={kind}"' in page
    assert reverse("patti:worklist") in page
    page = client_for(direzione).get(reverse("home")).content.decode()
    assert reverse("patti:worklist") not in page  # no worklist for the Direzione (the dashboard's alerts instead)


@pytest.mark.parametrize("kind", [Attention.VALUTAZIONE, Attention.IN_CALO])
def test_valutazione_scaduta_and_in_calo_filter_the_pact_list(client_for, udp_cremonese, pacts, kind):
    client = at_reference(client_for(udp_cremonese))
    page = client.get(reverse("patti:patto_list"), {"attention": kind}).content.decode()
    assert f"n. {pacts[kind].pk}<" in page
    assert f"n. {pacts[Attention.BOZZE_FERME].pk}<" not in page


def test_an_unknown_filter_value_is_refused_without_error(client_for, udp_cremonese):
    response = client_for(udp_cremonese).get(reverse("patti:patto_list"), {"attention": "' OR 1=1 --"})
    assert response.status_code == 200


def test_worklist_query_count_does_not_grow(client_for, udp_cremonese, pacts, django_assert_max_num_queries):
    client = at_reference(client_for(udp_cremonese))
    with django_assert_max_num_queries(40) as one:
        client.get(reverse("patti:worklist"))
    for _ in range(4):
        PattoFactory(opened_on=dt.date(2017, 1, 1), household=HouseholdFactory(district=district()))
        signed_patto(on=dt.date(2017, 5, 1))
    with django_assert_max_num_queries(len(one.captured_queries)):
        client.get(reverse("patti:worklist"))
