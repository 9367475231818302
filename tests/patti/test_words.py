"""The pact's words and numbers as Italian writes them (issue #8, item 5)."""

import datetime as dt
import io
import re
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from pypdf import PdfReader

from patti.forms import PattoForm
from patti.models import Disbursement
from tests.patti.factories import HouseholdFactory, PattoFactory

pytestmark = pytest.mark.django_db


def test_the_budget_ceiling_message_writes_both_amounts_the_italian_way():
    patto = PattoFactory.build(budget_cariplo=Decimal("1500.00"), budget_cofinancing=Decimal("1000.00"))
    with pytest.raises(ValidationError) as refused:
        patto.clean()
    message = " ".join(refused.value.messages)
    assert "non può superare 2.000,00 €" in message and "sommano 2.500,00 €" in message


def test_a_disbursement_reads_its_amount_the_italian_way():
    disbursement = Disbursement(date=dt.date(2017, 3, 1), amount=Decimal("1500"))
    assert str(disbursement) == "01/03/2017 · 1.500,00 €"


@pytest.mark.parametrize(
    ("adults", "minors", "text"),
    [(1, 1, "1 adulto, 1 minore"), (2, 0, "2 adulti, 0 minori"), (1, 3, "1 adulto, 3 minori")],
)
def test_household_composition_in_singular_and_plural(adults, minors, text):
    assert HouseholdFactory.build(adults=adults, minors=minors).composition == text


def test_pact_page_and_pdf_say_one_adult_one_minor(client_for, coordinatore):
    patto = PattoFactory(household=HouseholdFactory(adults=1, minors=1))
    client = client_for(coordinatore)
    assert "1 adulto, 1 minore" in client.get(patto.get_absolute_url()).content.decode()
    assert "1 adulti" not in client.get(patto.household.get_absolute_url()).content.decode()
    pdf = client.get(reverse("patti:patto_pdf", args=[patto.pk])).content
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "nucleo di 1 adulto, 1 minore" in text


def test_the_pact_forms_sections_are_numbered_in_order(client_for, coordinatore):
    html = client_for(coordinatore).get(reverse("patti:patto_create")).content.decode()
    legends = re.findall(r'<legend class="h4">(\d+)\. ([^<]+)</legend>', html)
    assert [int(number) for number, _ in legends] == list(range(1, len(legends) + 1))
    titles = [title for _, title in legends]
    assert titles[:4] == [
        "Beneficiario e promotore",
        "Obiettivi, fattori di protezione e azioni",
        "Équipe integrata",
        "Impegni del beneficiario",
    ]
    assert "Budget di welfare personale (massimo 2.000,00 €)" in titles


def test_every_field_of_the_pact_form_is_in_a_section(coordinatore):
    form = PattoForm(user=coordinatore)
    shown = {field.name for step in form.steps() for field in step.get("fields", [])}
    assert shown == set(form.fields) - {"version"}


def test_the_pact_forms_trail_ends_with_its_title(client_for, coordinatore):
    html = client_for(coordinatore).get(reverse("patti:patto_create")).content.decode()
    assert re.search(r'aria-current="page">Nuovo patto</li>\s*</ol>', html)
