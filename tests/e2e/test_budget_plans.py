"""Staff Amministrazione manages the plan's lines in the application, not in the admin (issue 7): adds a line to the
active plan, corrects its amount and reads the change in the line's history; the forms pass axe-core."""

import pytest
from playwright.sync_api import expect

from governance.models import Action, BudgetLine, BudgetPlan, Organisation


@pytest.mark.e2e
def test_amministrazione_adds_and_corrects_a_plan_line(open_page, login, assert_accessible):
    plan = BudgetPlan.objects.get(is_active=True)
    page = login(open_page(), "amministrazione")
    page.goto(plan.get_absolute_url())
    page.get_by_role("link", name="Aggiungi una riga").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Nuova riga di budget")
    assert_accessible(page)
    form = page.locator("main form")
    form.get_by_label("Azione").select_option(value=str(Action.objects.get(code="2A").pk))
    form.get_by_label("Partner responsabile").select_option(
        value=str(Organisation.objects.get(name="Consorzio Arcobaleno").pk)
    )
    form.get_by_label("Anno di progetto").select_option(index=1)
    form.get_by_label("Categoria di costo").select_option(index=1)
    form.get_by_label("Fonte di finanziamento").select_option(index=1)
    form.get_by_label("Descrizione").fill("Operatori dei laboratori (prova)")
    form.get_by_label("Importo previsto").fill("12.500,00")
    page.get_by_role("button", name="Salva").click()
    expect(page.get_by_role("alert")).to_contain_text("Riga di budget aggiunta")
    expect(page.locator("main")).to_contain_text("12.500,00 €")

    page.get_by_role("link", name="Modifica la riga").click()
    page.locator("main form").get_by_label("Importo previsto").fill("13.000,00")
    page.get_by_role("button", name="Salva").click()
    expect(page.get_by_role("alert")).to_contain_text("Riga di budget aggiornata")
    expect(page.locator("main")).to_contain_text("13.000,00 €")
    line = BudgetLine.objects.get(description="Operatori dei laboratori (prova)")
    assert line.history.count() == 2
    assert_accessible(page)
