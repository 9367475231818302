"""Action 3 screens: what each role sees, bad input answered in Italian, query counts that do not grow."""

import datetime as dt

import pytest
from django.urls import reverse

from civic_center.models import Activity, ActivitySlot, Agreement
from tests.civic_center.factories import (
    ActivityFactory,
    ActivitySlotFactory,
    AgreementFactory,
    PayingDemandFactory,
    active_center,
)
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def activity_post(center, promoter, **overrides):
    data = {
        "title": "Teatro per adulti",
        "promoter": promoter.pk,
        "category": "culture",
        "audience": "adults",
        "start_on": "2016-10-03",
        "fee": "20",
        "fee_period": "month",
        "capacity": "20",
        "enrolments": "12",
        "households": "8",
        "free_places": "0",
        "orari-TOTAL_FORMS": "1",
        "orari-INITIAL_FORMS": "0",
        "orari-MIN_NUM_FORMS": "1",
        "orari-MAX_NUM_FORMS": "1000",
        "orari-0-weekday": "3",
        "orari-0-start": "19:00",
        "orari-0-end": "21:00",
    }
    data.update(overrides)
    return data


def test_coordinator_adds_an_evening_activity_and_finds_it_in_the_timetable(client_for, coordinatore):
    center = active_center()
    promoter = OrganisationFactory()
    client = client_for(coordinatore)
    response = client.post(reverse("civic_center:activity_create", args=[center.pk]), activity_post(center, promoter))
    activity = Activity.objects.get(title="Teatro per adulti")
    assert response.status_code == 302 and response["Location"] == activity.get_absolute_url()
    page = client.get(reverse("civic_center:center_timetable", args=[center.pk])).content.decode()
    evening_row = page.split("Sera (18–22)")[1].split("</tr>")[0]
    assert "Teatro per adulti" in evening_row and "19:00–21:00" in evening_row


@pytest.mark.parametrize(
    ("overrides", "message"),
    [({"orari-0-start": "21:00", "orari-0-end": "20:00"}, "L&#x27;orario di fine deve seguire quello di inizio."),
     ({"orari-0-start": "22:00", "orari-0-end": "23:30"}, "Le attività si svolgono tra le 07:00 e le 23:00."),
     ({"enrolments": "25"}, "Gli iscritti non possono superare i posti disponibili."),
     ({"fee": "-3"}, "L&#x27;importo non può essere negativo."),
     ({"free_places": "2"}, "Indicare chi finanzia i posti gratuiti.")],
)  # fmt: skip
def test_bad_activity_input_is_explained_and_nothing_saved(client_for, coordinatore, overrides, message):
    center = active_center()
    response = client_for(coordinatore).post(
        reverse("civic_center:activity_create", args=[center.pk]), activity_post(center, OrganisationFactory(),
                                                                                   **overrides)
    )  # fmt: skip
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Activity.objects.exists() and not ActivitySlot.objects.exists()


def test_agreement_ending_before_it_starts_is_explained(client_for, udp_cremonese):
    center = active_center()
    response = client_for(udp_cremonese).post(
        reverse("civic_center:agreement_create", args=[center.pk]),
        {"title": "Uso aule", "promoter": OrganisationFactory().pk, "signed_on": "2016-09-01",
         "start_on": "2016-09-01", "end_on": "2016-08-01", "royalties": "0"},
    )  # fmt: skip
    assert response.status_code == 200
    assert "La fine dell&#x27;accordo non può precedere l&#x27;inizio." in response.content.decode()
    assert not Agreement.objects.exists()


def test_paying_demand_is_shown_out_of_the_project_budget(client_for, direzione):
    activity = ActivityFactory(civic_center=active_center())
    PayingDemandFactory(activity=activity, fees_collected="1200.00")
    for url in (
        activity.civic_center.get_absolute_url(),
        activity.get_absolute_url(),
        reverse("civic_center:demand_list"),
    ):
        page = client_for(direzione).get(url).content.decode()
        assert "non fa parte del bilancio del progetto" in page
        assert "1.200,00 €" in page


def test_paying_demand_over_capacity_is_refused_with_a_message(client_for, coordinatore):
    activity = ActivityFactory(civic_center=active_center(), capacity=10)
    response = client_for(coordinatore).post(
        reverse("civic_center:demand_create", args=[activity.pk]),
        {"period_start": "2016-10-01", "period_end": "2016-12-31", "enrolments": "11", "fees_collected": "100"},
        follow=True,
    )
    assert "non possono superare i posti disponibili" in response.content.decode()
    assert not activity.paying_demand.exists()


def test_direzione_reads_but_does_not_see_write_buttons(client_for, direzione):
    center = active_center()
    page = client_for(direzione).get(center.get_absolute_url()).content.decode()
    assert center.name in page and "Nuova attività" not in page and "Cambia stato" not in page


def test_lists_filter_search_and_sort(client_for, direzione):
    active_center(name="Centro Alfa")
    active_center(name="Centro Beta", activated_on=dt.date(2015, 9, 1))
    client = client_for(direzione)
    page = client.get(reverse("civic_center:center_list"), {"q": "Beta"}).content.decode()
    assert "Centro Beta" in page and "Centro Alfa" not in page
    year1 = client.get(reverse("civic_center:center_list"), {"activation_year": 1}).content.decode()
    assert "Centro Beta" in year1 and "Centro Alfa" not in year1
    ordered = client.get(reverse("civic_center:center_list"), {"ordering": "-name"}).content.decode()
    assert ordered.index("Centro Beta") < ordered.index("Centro Alfa")


def _rows(n):
    for _ in range(n):
        center = active_center()
        agreement = AgreementFactory(civic_center=center)
        activity = ActivityFactory(civic_center=center, agreement=agreement)
        ActivitySlotFactory(activity=activity)
        ActivitySlotFactory(activity=activity, weekday=4, start=dt.time(19), end=dt.time(20))
        PayingDemandFactory(activity=activity)


@pytest.mark.parametrize(
    "name",
    [
        "civic_center:center_list",
        "civic_center:activity_list",
        "civic_center:agreement_list",
        "civic_center:demand_list",
    ],
)
def test_list_queries_do_not_grow_with_rows(client_for, udp_cremonese, django_assert_max_num_queries, name):
    client = client_for(udp_cremonese)
    url = reverse(name)
    _rows(1)
    client.get(url)
    with django_assert_max_num_queries(20) as small:
        assert client.get(url).status_code == 200
    _rows(20)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(url).status_code == 200


def test_detail_and_timetable_queries_do_not_grow(client_for, udp_cremonese, django_assert_max_num_queries):
    center = active_center()
    client = client_for(udp_cremonese)
    urls = [center.get_absolute_url(), reverse("civic_center:center_timetable", args=[center.pk])]
    ActivitySlotFactory(activity=ActivityFactory(civic_center=center))
    counts = []
    for url in urls:
        client.get(url)
        with django_assert_max_num_queries(30) as small:
            client.get(url)
        counts.append(len(small.captured_queries))
    for _ in range(10):
        activity = ActivityFactory(civic_center=center)
        ActivitySlotFactory(activity=activity)
        PayingDemandFactory(activity=activity)
        AgreementFactory(civic_center=center)
    for url, count in zip(urls, counts, strict=True):
        with django_assert_max_num_queries(count):
            client.get(url)
