"""The screens of Action 2A as each role sees them: list, filters, forms, detail, bad input, query counts."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from governance.models import Organisation
from laboratori import services
from laboratori.models import LabMeeting, Laboratorio, LabPayment, PlannedAction, SelfAssessment
from tests.laboratori.factories import (
    FundraisingActivityFactory,
    LabMeetingFactory,
    LaboratorioFactory,
    SelfAssessmentFactory,
    district,
    lab_ledger_lines,
    year,
)

pytestmark = pytest.mark.django_db


def lab_post_data(**overrides):
    data = {
        "name": "Laboratorio Cambonino",
        "kind": "neighbourhood",
        "district": district().pk,
        "area": "Cremona – Cambonino",
        "implementing_body": Organisation.objects.get(name="Comune di Cremona").pk,
        "activation_year": year(2).pk,
        "activated_on": "2016-09-15",
        "generating_theme": "Anziani soli nel quartiere",
        "aims_at_bonds": "on",
        "practice_street_dinner": "on",
        "budget": "10000",
        "pers-TOTAL_FORMS": "1",
        "pers-INITIAL_FORMS": "0",
        "pers-0-role": "community_maker",
        "pers-0-name": "Giulia Bosio",
        "plan-TOTAL_FORMS": "1",
        "plan-INITIAL_FORMS": "0",
        "plan-0-title": "Cena di strada",
        "plan-0-owner": "Giulia",
        "plan-0-start_on": "2016-10-01",
        "plan-0-end_on": "2016-10-30",
        "plan-0-status": "planned",
    }
    data.update(overrides)
    return data


def test_coordinator_creates_a_lab_with_its_plan_and_people(client_for, coordinatore):
    client = client_for(coordinatore)
    response = client.post(reverse("laboratori:lab_create"), lab_post_data())
    lab = Laboratorio.objects.get()
    assert response.status_code == 302 and response["Location"] == lab.get_absolute_url()
    assert lab.plan.get().title == "Cena di strada" and lab.people.get().name == "Giulia Bosio"
    html = client.get(lab.get_absolute_url()).content.decode()
    assert "Cena di strada" in html and "Giulia Bosio" in html and "cena di strada" in html
    assert "Storico delle modifiche" in html


def test_lab_budget_over_the_ceiling_is_refused_in_italian_and_nothing_is_saved(client_for, coordinatore):
    response = client_for(coordinatore).post(reverse("laboratori:lab_create"), lab_post_data(budget="10500"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "non può superare 10.000,00 €" in html and "nulla è stato salvato" in html
    assert not Laboratorio.objects.exists() and not PlannedAction.objects.exists()


def test_year_1_budget_above_the_average_warns_and_saves(client_for, coordinatore):
    client = client_for(coordinatore)
    data = lab_post_data(budget="13000", activation_year=year(1).pk, activated_on="2015-09-15")
    response = client.post(reverse("laboratori:lab_create"), data, follow=True)
    assert Laboratorio.objects.get().budget == Decimal("13000.00")
    assert "valore medio previsto per i laboratori del primo anno" in response.content.decode()


def test_a_district_user_cannot_create_a_lab_in_another_district(client_for, udp_cremasco):
    response = client_for(udp_cremasco).post(reverse("laboratori:lab_create"), lab_post_data())
    assert "Scegli un&#x27;opzione valida" in response.content.decode()
    assert not Laboratorio.objects.exists()


def test_edit_with_a_stale_version_is_refused(client_for, coordinatore):
    lab = LaboratorioFactory()
    data = lab_post_data(version=lab.version, **{"pers-TOTAL_FORMS": "0", "plan-TOTAL_FORMS": "0"})
    services.lab_transition(lab=lab, to_status="active", user=coordinatore)  # someone else changes it meanwhile
    response = client_for(coordinatore).post(reverse("laboratori:lab_edit", args=[lab.pk]), data)
    assert "modificato questo dato" in response.content.decode()
    assert Laboratorio.objects.get(pk=lab.pk).name != "Laboratorio Cambonino"


def test_assessment_out_of_range_shows_an_italian_message(client_for, coordinatore):
    lab = LaboratorioFactory()
    client = client_for(coordinatore)
    url = reverse("laboratori:assessment_create", args=[lab.pk])
    response = client.post(url, {"date": "2016-12-01", "pr": "7", "re": "3", "ri": "3"}, follow=True)
    assert "Il punteggio deve essere da 1 a 5." in response.content.decode()
    assert not SelfAssessment.objects.exists()
    client.post(url, {"date": "2016-12-01", "pr": "2", "re": "3", "ri": "4"})
    client.post(url, {"date": "2017-03-01", "pr": "3", "re": "4", "ri": "4"})
    html = client.get(lab.get_absolute_url()).content.decode()
    assert "<svg" in html and "Andamento dell'autovalutazione del laboratorio" in html
    assert "<strong>24</strong>" in html and "<strong>48</strong>" in html


def test_meeting_with_negative_counts_is_refused(client_for, coordinatore):
    lab = LaboratorioFactory()
    response = client_for(coordinatore).post(
        reverse("laboratori:meeting_create", args=[lab.pk]),
        {
            "date": "2016-10-01",
            "kind": "assembly",
            "title": "Assemblea",
            "people": "-5",
            "households": "0",
            "informal_groups": "0",
            "profit_bodies": "0",
            "nonprofit_bodies": "0",
        },  # fmt: skip
    )
    assert "Il numero non può essere negativo." in response.content.decode()
    assert not LabMeeting.objects.exists()


def test_payment_over_the_budget_shows_the_remaining_amount(client_for, coordinatore):
    lab_ledger_lines()
    lab = LaboratorioFactory(budget=Decimal("3000.00"))
    client = client_for(coordinatore)
    url = reverse("laboratori:payment_create", args=[lab.pk])
    data = {"date": "2016-10-01", "amount": "3500", "funding_source": "cariplo", "description": "Anticipo"}
    html = client.post(url, data).content.decode()
    assert "restano 3.000,00 € su 3.000,00 €" in html
    assert not LabPayment.objects.exists()
    response = client.post(url, {**data, "amount": "2000"})
    assert response.status_code == 302 and LabPayment.objects.get().amount == Decimal("2000.00")


def test_fundraising_staff_records_an_activity_and_sees_its_totals(client_for, fundraising):
    lab = LaboratorioFactory()
    client = client_for(fundraising)
    response = client.post(
        reverse("laboratori:fundraising_create", args=[lab.pk]),
        {"title": "Cena solidale", "status": "done", "target_amount": "1500", "raised_amount": "1200"},
    )
    assert response.status_code == 302
    html = client.get(lab.get_absolute_url()).content.decode()
    assert "Cena solidale" in html and "1.200,00 €" in html
    assert "Nuovo pagamento" not in html and "Modifica</a>" not in html.split("raccolta-fondi")[0]


def test_list_filters_search_and_sorting(client_for, direzione):
    LaboratorioFactory(name="Alfa", kind="workplace")
    LaboratorioFactory(
        name="Beta", district=district("cremasco"), implementing_body=district("cremasco").lead_organisation
    )
    LaboratorioFactory(name="Gamma", activation_year=year(3), activated_on=dt.date(2017, 9, 1))
    client = client_for(direzione)
    url = reverse("laboratori:lab_list")

    def names(**params):
        page = client.get(url, params).context["page"]
        return [lab.name for lab in page]

    assert names(district=district("cremasco").pk) == ["Beta"]
    assert names(year=3) == ["Gamma"]
    assert names(kind="workplace") == ["Alfa"]
    assert names(q="gam") == ["Gamma"]
    assert names(status="starting", o="-name") == ["Gamma", "Beta", "Alfa"]
    assert names(territorial="true", o="name") == ["Beta", "Gamma"]


def test_csv_export_lists_the_filtered_labs(client_for, udp_cremonese):
    LaboratorioFactory(name="=Formula")
    response = client_for(udp_cremonese).get(reverse("laboratori:lab_list"), {"format": "csv"})
    text = response.content.decode("utf-8-sig")
    assert response["Content-Type"].startswith("text/csv")
    assert "'=Formula" in text and "10000,00" in text


def test_out_of_scope_lab_answers_404_and_writing_without_the_role_403(client_for, udp_cremasco, direzione):
    lab = LaboratorioFactory()
    assert client_for(udp_cremasco).get(lab.get_absolute_url()).status_code == 404
    assert client_for(direzione).get(reverse("laboratori:lab_edit", args=[lab.pk])).status_code == 403


def _make_rows(n):
    for i in range(n):
        lab = LaboratorioFactory(district=district(["cremonese", "cremasco"][i % 2]))
        SelfAssessmentFactory(lab=lab)
        LabMeetingFactory(lab=lab)
        FundraisingActivityFactory(lab=lab)


@pytest.mark.parametrize("name", ["laboratori:lab_list", "laboratori:restitution_list", "home"])
def test_list_queries_do_not_grow_with_rows(client_for, direzione, udp_cremonese, django_assert_max_num_queries, name):
    lab_ledger_lines()
    client = client_for(direzione)
    url = reverse(name)
    _make_rows(1)
    client.get(url)  # warm the session and the user's scope
    with django_assert_max_num_queries(70) as small:
        assert client.get(url).status_code == 200
    _make_rows(49)
    for lab in Laboratorio.objects.filter(district=district())[:10]:
        services.payment_create(lab=lab, date=dt.date(2016, 10, 1), amount=Decimal("100"), funding_source="cariplo",
                                description="x", user=udp_cremonese)  # fmt: skip
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(url).status_code == 200


def test_detail_queries_do_not_grow_with_meetings(client_for, coordinatore, django_assert_max_num_queries):
    lab_ledger_lines()
    lab = LaboratorioFactory()
    LabMeetingFactory(lab=lab)
    SelfAssessmentFactory(lab=lab)
    client = client_for(coordinatore)
    client.get(lab.get_absolute_url())
    with django_assert_max_num_queries(45) as small:
        client.get(lab.get_absolute_url())
    for day in range(2, 20):
        LabMeetingFactory(lab=lab, date=dt.date(2016, 10, day))
        SelfAssessmentFactory(lab=lab, date=dt.date(2016, 11, day))
        FundraisingActivityFactory(lab=lab)
        services.payment_create(lab=lab, date=dt.date(2016, 10, day), amount=Decimal("10"), funding_source="cariplo",
                                description="x", user=coordinatore)  # fmt: skip
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(lab.get_absolute_url())


def test_gifts_designated_to_the_lab_appear_as_totals_only(client_for, coordinatore, monkeypatch):
    from governance import gift_totals
    from laboratori import gifts

    lab = LaboratorioFactory()
    client = client_for(coordinatore)
    monkeypatch.setattr(gift_totals, "_PROVIDERS", [])
    assert "registro delle donazioni non ancora collegato" in client.get(lab.get_absolute_url()).content.decode()
    gifts.register_designated_gifts(lambda record: gifts.GiftTotals(count=3, amount=Decimal("450.00")))
    html = client.get(lab.get_absolute_url()).content.decode()
    assert "<strong>3</strong> per <strong>450,00 €</strong>" in html


def test_lab_history_shows_the_status_change_in_italian(client_for, coordinatore):
    lab = LaboratorioFactory(activated_on=None)
    services.lab_save(lab=lab, user=coordinatore, expected_version=lab.version)
    services.lab_transition(lab=lab, to_status="active", user=coordinatore, on_date=dt.date(2016, 9, 20))
    html = client_for(coordinatore).get(lab.get_absolute_url()).content.decode()
    assert "Stato: «In avvio» → «Attivo»" in html
