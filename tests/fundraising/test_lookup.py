"""Choosing a donor or a designation in a usable way: donors come from a small server endpoint (never a select of
every donor), designations to labs, company pacts and civic centers are grouped by district."""

import json
import re

import pytest
from django.urls import reverse

from fundraising.forms import DonationForm
from fundraising.models import Donation
from tests.fundraising.factories import DonorFactory
from tests.laboratori.factories import LaboratorioFactory

pytestmark = pytest.mark.django_db


def test_lookup_suggests_at_most_fifteen_active_donors_by_name(client_for, fundraising):
    for _ in range(20):
        DonorFactory(last_name="Bertoletti")
    merged_into = DonorFactory(last_name="Altro")
    DonorFactory(last_name="Bertolettissimo", merged_into=merged_into)
    client = client_for(fundraising)
    data = json.loads(client.get(reverse("fundraising:donor_lookup"), {"q": "bertol"}).content)
    assert len(data["results"]) == 15
    assert all(re.fullmatch(r"Bertoletti Maria \(D\d{5}\)", r["label"]) for r in data["results"])
    assert json.loads(client.get(reverse("fundraising:donor_lookup"), {"q": "b"}).content) == {"results": []}


def test_lookup_query_count_does_not_grow(client_for, fundraising, django_assert_max_num_queries):
    DonorFactory(last_name="Galli")
    client = client_for(fundraising)
    with django_assert_max_num_queries(20) as few:
        client.get(reverse("fundraising:donor_lookup"), {"q": "gal"})
    for _ in range(40):
        DonorFactory(last_name="Galli")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("fundraising:donor_lookup"), {"q": "gal"})


def test_donation_form_renders_a_combobox_not_every_donor(client_for, fundraising):
    donors = [DonorFactory(last_name=f"Cognome{n}") for n in range(5)]
    html = client_for(fundraising).get(reverse("fundraising:donation_create")).content.decode()
    assert 'data-donor-lookup="/fundraising/donors/lookup/"' in html
    assert not any(d.last_name in html for d in donors)


def test_donor_is_read_from_the_chosen_suggestion_or_its_code(fundraising):
    donor = DonorFactory(first_name="Paolo", last_name="Galli")
    base = {"date": "2016-10-03", "gift_kind": "money", "amount": "10", "payment_method": "bank_transfer",
            "designation_key": "unrestricted"}  # fmt: skip
    for typed in (f"Galli Paolo ({donor.code})", donor.code, donor.code.lower()):
        form = DonationForm(data={**base, "donor": typed})
        assert form.is_valid(), form.errors
        assert form.cleaned_data["donor"] == donor
    assert DonationForm(data={**base, "donor": ""}).is_valid()  # anonymous gift
    form = DonationForm(data={**base, "donor": "Galli Paolo"})
    assert not form.is_valid() and "Donatore non trovato" in str(form.errors["donor"])
    form = DonationForm(data={**base, "donor": "D99999"})
    assert not form.is_valid()


def test_editing_a_gift_shows_its_donor_by_name(fundraising):
    donor = DonorFactory(first_name="Paolo", last_name="Galli")
    form = DonationForm(initial={"donor": donor.pk})
    assert f'value="Galli Paolo ({donor.code})"' in str(form["donor"])


def test_gift_designated_to_a_lab_from_the_grouped_select(client_for, fundraising):
    lab = LaboratorioFactory(name="Laboratorio di Ombriano")
    donor = DonorFactory()
    client = client_for(fundraising)
    html = client.get(reverse("fundraising:donation_create")).content.decode()
    assert '<optgroup label="Laboratori – Cremonese">' in html and "Laboratorio di Ombriano" in html
    client.post(
        reverse("fundraising:donation_create"),
        {"donor": donor.code, "date": "2016-10-03", "gift_kind": "money", "amount": "75.00",
         "payment_method": "bank_transfer", "designation_key": f"lab:{lab.pk}"},
    )  # fmt: skip
    assert Donation.objects.get().designation.lab == lab


@pytest.mark.parametrize("query", ["D²³", "d⁴⁵", "D" + "9" * 30])
def test_lookup_of_a_code_that_is_no_number_finds_nothing(client_for, fundraising, query):
    DonorFactory(last_name="Galli")
    response = client_for(fundraising).get(reverse("fundraising:donor_lookup"), {"q": query})
    assert response.status_code == 200
    assert json.loads(response.content) == {"results": []}


@pytest.mark.parametrize("url", ["fundraising:donor_list", "fundraising:donation_list", "fundraising:receipt_list"])
def test_list_searches_take_digits_that_are_no_number_as_text(client_for, fundraising, url):
    assert client_for(fundraising).get(reverse(url), {"q": "²³"}).status_code == 200


def test_a_donor_typed_as_digits_that_are_no_number_is_refused_and_shown_back(fundraising):
    form = DonationForm(data={"donor": "²³"})
    assert not form.is_valid() and "Donatore non trovato" in str(form.errors["donor"])
    assert 'value="²³"' in str(form["donor"])
