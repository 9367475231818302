"""Staff Amministrazione manages plan versions and their lines in the application (no longer in the admin):
created and edited through the budget services, with the line's history on its page."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from governance.budget import services
from governance.budget.forms import BudgetLineForm, BudgetPlanForm
from governance.models import Action, BudgetLine, BudgetPlan, Organisation, ProjectYear
from tests.governance.budget.factories import BudgetLineFactory, ExpenseFactory, active_plan

pytestmark = pytest.mark.django_db


def plan_data(**overrides):
    data = {
        "code": "piano-2017",
        "name": "Piano rimodulato 2017",
        "date": "2017-03-01",
        "declared_total": "3.014.748,00",
        "declared_cariplo": "1.500.000,00",
        "notes": "",
    }
    return {**data, **overrides}


def line_data(**overrides):
    data = {
        "action": Action.objects.get(code="2A").pk,
        "partner": Organisation.objects.get(name="Consorzio Arcobaleno").pk,
        "year": ProjectYear.objects.get(number=1).pk,
        "category": "personnel",
        "funding_source": "cariplo",
        "description": "Operatori di comunità",
        "planned_amount": "12.500,00",
    }
    return {**data, **overrides}


def test_amministrazione_creates_a_plan_that_is_not_active_until_activated(client_for, amministrazione):
    response = client_for(amministrazione).post(reverse("governance:budget_plan_create"), plan_data())
    plan = BudgetPlan.objects.get(code="piano-2017")
    assert response.status_code == 302 and response["Location"] == plan.get_absolute_url()
    assert plan.declared_total == Decimal("3014748.00") and not plan.is_active
    assert plan.history.get().history_user == amministrazione


def test_amministrazione_adds_and_edits_a_line_and_its_history_shows_the_change(client_for, amministrazione):
    client = client_for(amministrazione)
    plan = active_plan()
    response = client.post(reverse("governance:budget_line_create", args=[plan.pk]), line_data())
    line = BudgetLine.objects.get(description="Operatori di comunità")
    assert response.status_code == 302 and line.plan == plan and line.planned_amount == Decimal("12500.00")
    client.post(reverse("governance:budget_line_edit", args=[line.pk]), line_data(planned_amount="13.000,00"))
    line.refresh_from_db()
    assert line.planned_amount == Decimal("13000.00")
    page = client.get(line.get_absolute_url()).content.decode()
    assert "Modifica la riga" in page and "Importo previsto" in page and "13000" in page.replace(".", "")
    assert line.history.count() == 2 and line.history.first().history_user == amministrazione


@pytest.mark.parametrize("amount", ["-5,00", "0", "10,001", "abc"])
def test_a_line_amount_must_be_positive_with_two_decimals(client_for, amministrazione, amount):
    response = client_for(amministrazione).post(
        reverse("governance:budget_line_create", args=[active_plan().pk]), line_data(planned_amount=amount)
    )
    assert response.status_code == 200 and "nulla è stato salvato" in response.content.decode()
    assert not BudgetLine.objects.filter(description="Operatori di comunità").exists()


def test_a_duplicate_line_is_refused_with_a_message(client_for, amministrazione):
    client = client_for(amministrazione)
    url = reverse("governance:budget_line_create", args=[active_plan().pk])
    client.post(url, line_data())
    response = client.post(url, line_data(description="Doppione"))
    assert response.status_code == 200 and "esiste già" in response.content.decode()
    assert not BudgetLine.objects.filter(description="Doppione").exists()


def test_a_line_with_expenses_keeps_its_key(client_for, amministrazione):
    line = BudgetLineFactory()
    ExpenseFactory(line=line)
    form = BudgetLineForm(instance=line, plan=line.plan)
    assert all(form.fields[name].disabled for name in BudgetLineForm.KEY_FORM_FIELDS)
    # Past the form (a crafted POST or another caller): the model's rule, run by the service, holds.
    line.partner = Organisation.objects.get(name="Comune di Crema")
    with pytest.raises(ValidationError, match="non si cambiano più"):
        services.budget_line_save(form=_bound(line), user=amministrazione)
    assert BudgetLine.objects.get(pk=line.pk).partner.name == "Consorzio Arcobaleno"


def _bound(line):
    class Form:
        instance = line

        def save(self):
            line.save()
            return line

    return Form()


@pytest.mark.parametrize("role", ["direzione", "udp_cremasco", "referente", "coordinatore", "fundraising"])
def test_only_amministrazione_may_save_plans_and_lines_even_calling_the_services(request, role):
    user = request.getfixturevalue(role)
    plan_form = BudgetPlanForm(plan_data())
    assert plan_form.is_valid(), plan_form.errors
    with pytest.raises(PermissionDenied):
        services.budget_plan_save(form=plan_form, user=user)
    line_form = BudgetLineForm(line_data(), plan=active_plan())
    assert line_form.is_valid(), line_form.errors
    with pytest.raises(PermissionDenied):
        services.budget_line_save(form=line_form, user=user)
    assert not BudgetPlan.objects.filter(code="piano-2017").exists()
    assert not BudgetLine.objects.filter(description="Operatori di comunità").exists()


def test_saving_a_plan_never_changes_which_plan_is_active(amministrazione):
    plan = active_plan()
    form = BudgetPlanForm(plan_data(code=plan.code, name="Rinominato"), instance=plan)
    assert form.is_valid(), form.errors
    plan.is_active = False  # whatever the instance says, activation goes through budget_plan_activate
    services.budget_plan_save(form=form, user=amministrazione)
    assert BudgetPlan.objects.get(pk=plan.pk).is_active
