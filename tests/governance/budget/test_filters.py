"""The budget lists filter through django-filter (governance/budget/filters.py), within the user's scope."""

import pytest
from django.urls import reverse

from governance.budget.enums import ExpenseStatus
from governance.models import Organisation
from tests.governance.budget.factories import BudgetLineFactory, ExpenseFactory, active_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def expenses():
    arcobaleno = BudgetLineFactory(partner=Organisation.objects.get(name="Consorzio Arcobaleno"))
    cremona = BudgetLineFactory(partner=Organisation.objects.get(tax_code="00297960197"))
    return {
        "draft": ExpenseFactory(line=arcobaleno, payee="Tipografia Rossi"),
        "submitted": ExpenseFactory(line=arcobaleno, payee="Noleggi Bianchi", status=ExpenseStatus.SUBMITTED),
        "other_partner": ExpenseFactory(line=cremona, payee="Studio Verdi"),
    }


def payees(response):
    return {e.payee for e in response.context["page"]}


def test_expense_list_filters_by_status_and_search(client_for, amministrazione, expenses):
    client = client_for(amministrazione)
    url = reverse("governance:expense_list")
    assert payees(client.get(url)) == {"Tipografia Rossi", "Noleggi Bianchi", "Studio Verdi"}
    assert payees(client.get(url, {"status": "submitted"})) == {"Noleggi Bianchi"}
    assert payees(client.get(url, {"q": "verdi"})) == {"Studio Verdi"}
    ordered = [e.payee for e in client.get(url, {"order": "payee"}).context["page"]]
    assert ordered == sorted(ordered)


def test_partner_choices_and_rows_stay_in_the_referents_scope(client_for, referente, expenses):
    response = client_for(referente).get(reverse("governance:expense_list"))
    assert payees(response) == {"Tipografia Rossi", "Noleggi Bianchi"}
    partners = [str(o) for o in response.context["filter"].filters["partner"].queryset]
    assert partners == [str(Organisation.objects.get(name="Consorzio Arcobaleno"))]
    # Asking for another partner's expenses by filter shows nothing (the choice is refused, the scope applies).
    other = Organisation.objects.get(tax_code="00297960197")
    response = client_for(referente).get(reverse("governance:expense_list"), {"partner": other.pk})
    assert "Studio Verdi" not in payees(response)


def test_plan_lines_filter_by_partner(client_for, amministrazione, expenses):
    cremona = Organisation.objects.get(tax_code="00297960197")
    response = client_for(amministrazione).get(active_plan().get_absolute_url(), {"partner": cremona.pk})
    assert {line.partner for line in response.context["page"]} == {cremona}
