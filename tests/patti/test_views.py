"""The screens of Action 1 as each role sees them: lists, filters, forms, detail, PDF, query counts."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from patti.enums import PattoStatus
from patti.models import Disbursement, Household, Patto
from tests.patti.factories import (
    AssessmentFactory,
    BusinessIdeaFactory,
    EmpowermentPathFactory,
    HostOrganisationFactory,
    PattoFactory,
    PlacementFactory,
    district,
    ledger_lines,
    signed_patto,
    tax_code,
    writer_of,
)

pytestmark = pytest.mark.django_db


def test_coordinator_records_a_household_and_a_pact_in_steps(client_for, coordinatore):
    client = client_for(coordinatore)
    response = client.post(
        reverse("patti:household_create"),
        {
            "district": district().pk,
            "first_name": "Anna",
            "last_name": "Verdi",
            "tax_code": tax_code("VRDNNA85C45D150"),
            "birth_date": "1985-03-05",
            "sex": "F",
            "adults": 1,
            "minors": 2,
            "citizenship": "italian",
            "employment_status": "unemployed",
            "vulnerable_family": "on",
            "target_group": "care_loads",
            "reached_through": "social_services",
            "mem-TOTAL_FORMS": "1",
            "mem-INITIAL_FORMS": "0",
            "mem-0-relationship": "child",
            "mem-0-first_name": "Luca",
            "mem-0-birth_date": "2010-04-01",
        },
    )
    household = Household.objects.get(last_name="Verdi")
    assert household.members.get().first_name == "Luca"
    assert "Luca" in client.get(household.get_absolute_url()).content.decode()
    assert response.status_code == 302 and response["Location"] == household.get_absolute_url()
    data = {
        "household": household.pk,
        "kind": "inclusione",
        "promoter_type": "social_services",
        "objectives": "Sostenere le responsabilità genitoriali.",
        "budget_cariplo": "1500.00",
        "budget_cofinancing": "500.00",
        "opened_on": "2016-10-01",
        "eq-TOTAL_FORMS": "1",
        "eq-INITIAL_FORMS": "0",
        "eq-0-user": coordinatore.pk,
        "eq-0-role": "Coordinatore",
        "eq-0-is_coordinator": "on",
        "imp-TOTAL_FORMS": "1",
        "imp-INITIAL_FORMS": "0",
        "imp-0-kind": "community",
        "imp-0-description": "Volontariato",
        "imp-0-status": "planned",
        "imp-0-hours": "20",
        "imp-0-place": "Laboratorio di comunità",
    }
    response = client.post(reverse("patti:patto_create"), data)
    patto = Patto.objects.get(household=household)
    assert response.status_code == 302
    assert patto.district == household.district and patto.created_by == coordinatore
    assert patto.equipe.get().is_coordinator and patto.commitments.get().hours == 20
    response = client.post(
        reverse("patti:patto_transition", args=[patto.pk]), {"to_status": "sottoscritto", "on_date": "2016-10-10"}
    )
    patto.refresh_from_db()
    assert patto.status == PattoStatus.SOTTOSCRITTO and patto.signed_on == dt.date(2016, 10, 10)


def test_pact_form_shows_the_budget_ceiling_message(client_for, coordinatore):
    patto = PattoFactory()
    response = client_for(coordinatore).post(
        reverse("patti:patto_edit", args=[patto.pk]),
        {
            "version": patto.version,
            "household": patto.household.pk,
            "kind": "inclusione",
            "promoter_type": "social_services",
            "budget_cariplo": "1800.00",
            "budget_cofinancing": "300.00",
            "opened_on": "2016-09-01",
            "eq-TOTAL_FORMS": "0",
            "eq-INITIAL_FORMS": "0",
            "imp-TOTAL_FORMS": "0",
            "imp-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    assert "non può superare 2.000,00 €" in response.content.decode()
    patto.refresh_from_db()
    assert patto.budget_cariplo == Decimal("1200.00")


def test_stale_edit_is_refused(client_for, coordinatore):
    patto = PattoFactory()
    data = {
        "version": patto.version,
        "household": patto.household.pk,
        "kind": "autonomia",
        "promoter_type": "social_services",
        "budget_cariplo": "1000.00",
        "budget_cofinancing": "0",
        "opened_on": "2016-09-01",
        "eq-TOTAL_FORMS": "0",
        "eq-INITIAL_FORMS": "0",
        "imp-TOTAL_FORMS": "0",
        "imp-INITIAL_FORMS": "0",
    }
    client = client_for(coordinatore)
    assert client.post(reverse("patti:patto_edit", args=[patto.pk]), data).status_code == 302
    response = client.post(reverse("patti:patto_edit", args=[patto.pk]), {**data, "kind": "inclusione"})
    assert "Nel frattempo un&#x27;altra persona ha modificato" in response.content.decode()
    patto.refresh_from_db()
    assert patto.kind == "autonomia"


def test_disbursement_over_the_remaining_budget_shows_the_error(client_for, coordinatore):
    ledger_lines()
    patto = signed_patto(user=coordinatore)
    response = client_for(coordinatore).post(
        reverse("patti:disbursement_create", args=[patto.pk]),
        {"date": "2016-10-01", "amount": "1.300,00", "funding_source": "cariplo", "purpose": "Affitto"},
    )
    assert response.status_code == 200
    assert "supera il budget residuo" in response.content.decode()
    assert not Disbursement.objects.exists()


def test_direzione_reads_but_cannot_write_pacts(client_for, direzione):
    patto = PattoFactory()
    client = client_for(direzione)
    assert client.get(patto.get_absolute_url()).status_code == 200
    assert client.get(reverse("patti:patto_edit", args=[patto.pk])).status_code == 403
    assert (
        client.post(reverse("patti:patto_transition", args=[patto.pk]), {"to_status": "sottoscritto"}).status_code
        == 403
    )


def test_other_districts_pacts_answer_404(client_for, udp_cremasco, fundraising):
    patto = PattoFactory()
    assert client_for(udp_cremasco).get(patto.get_absolute_url()).status_code == 404
    assert client_for(fundraising).get(patto.get_absolute_url()).status_code == 404


def test_list_filters_by_status_and_searches_by_code(client_for, udp_cremonese):
    signed = signed_patto()
    draft = PattoFactory()
    client = client_for(udp_cremonese)
    page = client.get(reverse("patti:patto_list"), {"status": "sottoscritto"}).content.decode()
    assert f"n. {signed.pk}<" in page and f"n. {draft.pk}<" not in page
    page = client.get(reverse("patti:patto_list"), {"q": draft.household.code[-4:]}).content.decode()
    assert f"n. {draft.pk}<" in page and f"n. {signed.pk}<" not in page


def test_detail_draws_the_assessment_trend_and_flags(client_for, udp_cremonese):
    patto = signed_patto(status=PattoStatus.ATTIVO)
    AssessmentFactory(patto=patto, date=dt.date(2016, 11, 1), dynamism=4, resilience=4)
    AssessmentFactory(patto=patto, date=dt.date(2017, 2, 1), dynamism=2, resilience=2)
    page = client_for(udp_cremonese).get(patto.get_absolute_url()).content.decode()
    assert "<polyline" in page and "Andamento delle valutazioni" in page
    assert "scesa su 2 dimensioni" in page


def _make_rows(n):
    for i in range(n):
        patto = signed_patto(status=PattoStatus.ATTIVO) if i % 2 else PattoFactory()
        AssessmentFactory(patto=patto)
        PlacementFactory(patto=patto)
        EmpowermentPathFactory().patti.add(patto)
        BusinessIdeaFactory().patti.add(patto)
    HostOrganisationFactory()


LISTS = [
    "patti:patto_list",
    "patti:household_list",
    "patti:path_list",
    "patti:host_list",
    "patti:placement_list",
    "patti:call_list",
    "patti:idea_list",
]


@pytest.mark.parametrize("name", LISTS)
def test_list_queries_do_not_grow_with_rows(client_for, udp_cremonese, django_assert_max_num_queries, name):
    client = client_for(udp_cremonese)
    url = reverse(name)
    _make_rows(1)
    client.get(url)  # warm the session and the user's scope
    with django_assert_max_num_queries(20) as small:
        assert client.get(url).status_code == 200
    _make_rows(49)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(url).status_code == 200


def test_detail_queries_do_not_grow_with_disbursements(client_for, coordinatore, django_assert_max_num_queries):
    ledger_lines()
    patto = signed_patto(status=PattoStatus.ATTIVO)
    client = client_for(coordinatore)
    from patti import services

    services.disbursement_create(
        patto=patto,
        date=dt.date(2016, 10, 1),
        amount=Decimal("10"),
        purpose="x",
        funding_source="cariplo",
        user=writer_of(patto.district),
    )
    AssessmentFactory(patto=patto)
    client.get(patto.get_absolute_url())
    with django_assert_max_num_queries(40) as small:
        client.get(patto.get_absolute_url())
    for day in range(2, 20):
        services.disbursement_create(
            patto=patto,
            date=dt.date(2016, 10, day),
            amount=Decimal("10"),
            purpose="x",
            funding_source="cariplo",
            user=writer_of(patto.district),
        )
        AssessmentFactory(patto=patto, date=dt.date(2016, 12, day))
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(patto.get_absolute_url())
