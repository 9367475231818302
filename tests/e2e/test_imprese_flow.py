"""Action 2/B in a real browser: a coordinator follows a company from the first contact to a signed company pact,
meets the rules on the way (an early signature is refused with its reasons), and every page passes axe-core."""

import re

import pytest
from playwright.sync_api import expect

from governance.enums import OrganisationKind
from governance.models import District
from imprese.enums import PactStage
from imprese.models import PattoImpresa
from tests.imprese.factories import ledger_lines_2b


@pytest.mark.e2e
def test_coordinator_moves_a_company_from_first_contact_to_a_signed_pact(page, login, assert_accessible, screenshot):
    ledger_lines_2b()
    login(page, "coordinatore")
    page.get_by_role("navigation", name="Navigazione principale").get_by_role("link", name="Imprese").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Patti con le imprese")
    assert_accessible(page)

    # 1. The first contact with a company not yet in the registry: it is registered with the pact.
    page.get_by_role("link", name="Nuovo patto con un'impresa").click()
    page.get_by_label("Oppure: nuova impresa (denominazione)").fill("Ceramiche Padane S.r.l.")
    expect(page.locator("#id_district")).to_have_value(str(District.objects.get(code="cremonese").pk))
    page.get_by_label("Data del primo contatto").fill("2016-07-05")
    page.get_by_label("Budget – quota Fondazione Cariplo").fill("3500")
    page.get_by_label("Budget – quota donazioni").fill("3500")
    assert_accessible(page)
    page.get_by_role("button", name="Salva").click()
    expect(page.get_by_role("alert")).to_contain_text("Patto salvato.")
    expect(page.get_by_role("heading", level=1)).to_have_text("Patto con Ceramiche Padane S.r.l.")
    pact = PattoImpresa.objects.get()
    assert pact.stage == PactStage.CONTACT and pact.company.kind == OrganisationKind.COMPANY

    # 2. Elaboration starts.
    form = page.get_by_role("form", name="Cambio di fase")
    form.get_by_label("Nuova fase").select_option(label="In elaborazione")
    form.get_by_label("Data").fill("2016-09-12")
    form.get_by_role("button", name="Cambia fase").click()
    expect(page.get_by_role("alert")).to_contain_text("Il patto è ora «In elaborazione»")

    # 3. Signing too early is refused, saying what is missing.
    form = page.get_by_role("form", name="Cambio di fase")
    form.get_by_label("Nuova fase").select_option(label="Sottoscritto")
    form.get_by_label("Data").fill("2016-11-20")
    form.get_by_role("button", name="Cambia fase").click()
    expect(page.get_by_role("alert")).to_contain_text(re.compile("non può essere sottoscritto.*proprietà"))
    assert PattoImpresa.objects.get().stage == PactStage.ELABORATION

    # 4. The problem of common interest, the parties and the agreed actions.
    page.get_by_role("link", name="Modifica").click()
    page.get_by_label("Problema di comune interesse").fill("Conciliare i turni con la cura dei familiari anziani.")
    page.get_by_label("Lavoratori raggiunti").fill("90")
    page.get_by_label("Ruolo nel patto (riga 1)").select_option(label="Proprietà dell'impresa")
    page.get_by_label("Organizzazione (riga 1)").select_option(label="Ceramiche Padane S.r.l.")
    page.get_by_label("Ruolo nel patto (riga 2)").select_option(label="Rappresentanza dei lavoratori")
    page.get_by_label("Nome e qualifica (riga 2)").fill("RSU aziendale")
    page.get_by_label("Ruolo nel patto (riga 3)").select_option(label="Ente locale")
    page.get_by_label("Organizzazione (riga 3)").select_option(label="Comune di Cremona")
    page.get_by_label("Azione concordata (riga 1)").fill("Sportello aziendale sui servizi del territorio")
    page.get_by_role("button", name="Salva").click()
    expect(page.get_by_role("alert")).to_contain_text("Patto salvato.")
    expect(page.get_by_text("RSU aziendale")).to_be_visible()

    # 5. A wellbeing indicator for the company, then the signature.
    page.get_by_text("Aggiungi un indicatore").click()
    indicator = page.get_by_role("form", name="Aggiungi un indicatore")
    indicator.get_by_label("Indicatore").fill("Conciliazione vita-lavoro")
    indicator.get_by_role("button", name="Registra indicatore").click()
    expect(page.get_by_role("alert")).to_contain_text("Indicatore registrato.")
    form = page.get_by_role("form", name="Cambio di fase")
    form.get_by_label("Nuova fase").select_option(label="Sottoscritto")
    form.get_by_label("Data").fill("2016-11-20")
    form.get_by_role("button", name="Cambia fase").click()
    expect(page.get_by_role("alert")).to_contain_text("Il patto è ora «Sottoscritto»")
    expect(page.get_by_text("Sottoscrizione 20/11/2016")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "patto-impresa-detail")
    pact = PattoImpresa.objects.get()
    assert pact.stage == PactStage.SIGNED and str(pact.signed_on) == "2016-11-20"
    assert pact.parties.count() == 3 and pact.indicators.count() == 1

    # 6. The first payment: over the Cariplo share it is refused, within it it reaches the ledger.
    page.get_by_role("link", name="Registra un pagamento").click()
    page.get_by_label("Data").fill("2016-12-01")
    page.get_by_label("Importo").fill("3600")
    page.get_by_label("Fonte di finanziamento").select_option(label="Contributo Fondazione Cariplo")
    page.get_by_label("Finalità").fill("Acconto per lo sportello aziendale")
    page.get_by_role("button", name="Registra pagamento").click()
    expect(page.get_by_text(re.compile("supera il budget residuo.*restano 3.500,00 €"))).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Importo").fill("2000")
    page.get_by_role("button", name="Registra pagamento").click()
    expect(page.get_by_role("alert")).to_contain_text("Pagamento registrato")
    assert PattoImpresa.objects.get().payments.get().expense.line.action.code == "2B"

    # 7. The wellbeing questionnaire, with the result on the company's indicator.
    page.get_by_role("link", name="Registra un questionario").click()
    page.get_by_label("Questionari distribuiti").fill("80")
    page.get_by_label("Questionari restituiti").fill("52")
    page.get_by_label("Conciliazione vita-lavoro: valore").fill("3.2")
    assert_accessible(page)
    page.get_by_role("button", name="Registra questionario").click()
    expect(page.get_by_role("alert")).to_contain_text("Questionario registrato.")
    expect(page.get_by_text("tasso di risposta 65,0%")).to_be_visible()
