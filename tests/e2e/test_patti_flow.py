"""Action 1 in a real browser: a coordinator records a household and a pact, signs it, meets the budget ceiling on a
disbursement, and prints the pact (issue 4, item 12)."""

import re

import pytest
from playwright.sync_api import expect

from patti.models import Household, Patto
from tests.patti.factories import ledger_lines, tax_code


@pytest.mark.e2e
def test_coordinator_records_signs_and_prints_a_pact(page, login, assert_accessible, screenshot):
    ledger_lines()
    login(page, "coordinatore")
    page.get_by_role("navigation", name="Navigazione principale").get_by_role("link", name="Patti").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Patti gener-attivi")

    # 1. The household, with the referent person's identity.
    page.get_by_role("link", name="Nuclei").click()
    page.get_by_role("link", name="Nuovo nucleo").click()
    page.get_by_label("Ambito").select_option(label="Cremonese")
    page.locator("#id_first_name").fill("Anna")
    page.locator("#id_last_name").fill("Verdastri")
    page.get_by_label("Codice fiscale").fill(tax_code("VRDNNA85C45D150"))
    page.get_by_label("Data di nascita", exact=True).fill("1985-03-05")
    page.get_by_label("Sesso").select_option(label="Femmina")
    page.get_by_label("Minori").fill("2")
    page.get_by_label("Cittadinanza").select_option(label="Italiana")
    page.get_by_label("Condizione occupazionale").select_option(label="Disoccupato/a")
    page.get_by_label("Gruppo target").select_option(label="Con carichi di cura")
    page.get_by_label("Intercettato tramite").select_option(label="Servizi sociali")
    page.get_by_role("button", name="Salva").click()
    household = Household.objects.get(last_name="Verdastri")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Nucleo {household.code}")
    expect(page.get_by_text("Verdastri")).to_be_visible()

    # 2. The pact, in steps: beneficiary, objectives, équipe, commitments, budget, dates.
    page.get_by_role("link", name="Nuovo patto per questo nucleo").click()
    expect(page.get_by_label("Nucleo beneficiario")).to_have_value(str(household.pk))
    page.get_by_label("Tipo di patto").select_option(label="Patto per l'Inclusione sociale")
    page.get_by_label("Tipo di promotore").select_option(label="Servizi sociali")
    page.get_by_label("Obiettivi di inclusione / autonomia").fill("Sostenere le responsabilità genitoriali.")
    page.get_by_label("Nome dell'operatore (riga 1)").fill("Assistente sociale del comune")
    page.get_by_label("Coordinatore dell'équipe (riga 1)").check()
    page.get_by_label("Tipo di impegno (riga 1)").select_option(label="Verso la comunità")
    page.get_by_label("Descrizione (riga 1)").fill("Volontariato nella distribuzione alimentare")
    page.get_by_label("Ore restituite (riga 1)").fill("20")
    page.get_by_label("Dove (riga 1)").fill("Associazione di volontariato")
    page.get_by_label("Budget personale – quota Fondazione Cariplo").fill("1200")
    page.get_by_label("Budget personale – quota cofinanziamento partner").fill("600")
    page.get_by_label("Data di apertura").fill("2016-10-01")
    page.get_by_role("button", name="Salva").click()
    expect(page.get_by_role("alert")).to_contain_text("Patto salvato.")
    patto = Patto.objects.get(household=household)

    # 3. Signed.
    form = page.get_by_role("form", name="Cambio di stato")
    form.get_by_label("Nuovo stato").select_option(label="Sottoscritto")
    form.get_by_label("Data").fill("2016-10-10")
    form.get_by_role("button", name="Cambia stato").click()
    expect(page.get_by_role("alert")).to_contain_text("Il patto è ora «Sottoscritto»")
    assert_accessible(page)
    screenshot(page, "patto-detail")

    # 4. A disbursement over the remaining budget is refused with a clear message.
    form = page.get_by_role("form", name="Nuova erogazione")
    form.get_by_label("Importo").fill("1300")
    form.get_by_label("Fonte di finanziamento").select_option(label="Fondazione Cariplo")
    form.get_by_label("Finalità").fill("Canone di locazione")
    form.get_by_role("button", name="Registra erogazione").click()
    expect(page.get_by_text(re.compile("supera il budget residuo.*restano 1.200,00 €"))).to_be_visible()
    assert not patto.disbursements.exists()

    # 5. The printable pact, with the identity (the coordinator may see it).
    page.get_by_role("link", name=re.compile(patto.household.code)).first.click()
    response = page.request.get(f"/patti/{patto.pk}/pdf/")
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF-")
