"""Action 5 in a real browser: the fundraising staff record a donor and a gift restricted to the Cremasco sub-fund,
print its receipt, and transfer it to the holder of an action — never beyond the sub-fund's balance (issue 12)."""

import re

import pytest
from playwright.sync_api import expect

from fundraising.legal import seed_legal_bases
from fundraising.models import Donation, Receipt, Transfer
from governance.models import Action, District
from tests.fundraising.factories import VALID_PERSONAL_CODE


@pytest.mark.e2e
def test_staff_record_a_restricted_gift_print_its_receipt_and_transfer_it(page, login, assert_accessible, screenshot):
    seed_legal_bases()  # browser tests start from a flushed database
    login(page, "fundraising")
    page.get_by_role("navigation", name="Navigazione principale").get_by_role("link", name="Raccolta fondi").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Donatori")

    # 1. The donor, with a fiscal code python-stdnum accepts.
    page.get_by_role("link", name="Nuovo donatore").click()
    page.get_by_label("Nome", exact=True).fill("Maria")
    page.get_by_label("Cognome").fill("Bertoletti")
    page.get_by_label("Codice fiscale").fill(VALID_PERSONAL_CODE)
    page.get_by_label("E-mail").fill("maria.bertoletti@example.org")
    page.get_by_label("Come è stato acquisito").select_option(label="Incontro one-to-one")
    page.get_by_label("Fonte del contatto").fill("Incontro one-to-one con la Fondazione")
    page.get_by_role("button", name="Salva").click()
    expect(page.get_by_role("alert")).to_contain_text("Donatore salvato.")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Bertoletti Maria")
    assert_accessible(page)

    # 2. A gift restricted to the Cremasco sub-fund.
    page.get_by_role("link", name="Nuova donazione").click()
    page.get_by_label("Data di ricevimento").fill("2016-10-03")
    page.get_by_label("Importo").fill("500")
    page.get_by_label("Modalità di pagamento").select_option(label="Bonifico bancario")
    page.get_by_label("Destinazione").select_option(label="Sotto-fondo Cremasco")
    page.get_by_role("button", name="Salva").click()
    gift = Donation.objects.get()
    expect(page.get_by_role("alert")).to_contain_text(f"Donazione n. {gift.pk} registrata.")

    # 3. Its receipt, numbered for the calendar year, and the printable PDF.
    form = page.get_by_role("form", name="Emissione della ricevuta")
    form.get_by_label("Data di emissione").fill("2016-10-05")
    form.get_by_role("button", name="Emetti ricevuta").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ricevuta n. 1/2016")
    assert_accessible(page)
    screenshot(page, "fundraising-receipt")
    receipt = Receipt.objects.get()
    response = page.request.get(f"/fundraising/receipts/{receipt.pk}/pdf/")
    assert response.status == 200 and response.body().startswith(b"%PDF-")

    # 4. The transfer to the holder of Action 1 in the Cremasco: refused beyond the balance, then recorded.
    page.goto("/fundraising/fund/")
    page.get_by_role("link", name="Trasferisci da Sotto-fondo Cremasco").click()
    holder = District.objects.get(code="cremasco").lead_organisation
    page.get_by_label("Titolare dell'azione").select_option(str(holder.pk))
    page.locator("#id_action").select_option(str(Action.objects.get(code="1").pk))
    page.get_by_label("Importo").fill("500.01")
    page.get_by_label("Data del trasferimento").fill("2016-11-02")
    page.get_by_role("button", name="Registra trasferimento").click()
    expect(page.get_by_text(re.compile("supera il saldo disponibile.*disponibili 500,00 €"))).to_be_visible()
    assert not Transfer.objects.exists()
    page.get_by_label("Importo").fill("500")
    page.get_by_role("button", name="Registra trasferimento").click()
    expect(page.get_by_role("alert")).to_contain_text("Trasferimento registrato")
    transfer = Transfer.objects.get()
    assert transfer.holder == holder and transfer.allocations.get().donation == gift

    page.goto("/fundraising/fund/")
    row = page.get_by_role("row", name=re.compile("Sotto-fondo Cremasco"))
    expect(row).to_contain_text("500,00 €")
    expect(row).to_contain_text("0,00 €")
    assert_accessible(page)
    screenshot(page, "fundraising-fund")

    # 5. The reports: the gift counts in project year 2 (aggregates only).
    page.get_by_role("link", name="Report").click()
    expect(page.get_by_role("row", name=re.compile("Anno 2 ")).first).to_contain_text("500,00 €")
    assert_accessible(page)


@pytest.mark.e2e
def test_staff_designate_a_gift_to_a_lab_and_the_lab_page_shows_the_total(page, login, assert_accessible, screenshot):
    from tests.fundraising.factories import DonorFactory
    from tests.laboratori.factories import LaboratorioFactory

    lab = LaboratorioFactory(name="Laboratorio di Ombriano")
    donor = DonorFactory(first_name="Giulia", last_name="Ferrari")
    login(page, "fundraising")
    page.goto("/fundraising/donations/new/")

    # The donor from the combobox's suggestions (keyboard only), the lab from the select grouped by district.
    combobox = page.get_by_role("combobox", name="Donatore", exact=True)
    combobox.fill("Ferr")
    option = page.get_by_role("option", name=f"Ferrari Giulia ({donor.code})")
    expect(option).to_be_visible()
    assert_accessible(page)
    screenshot(page, "fundraising-donor-combobox")
    combobox.press("ArrowDown")
    combobox.press("Enter")
    expect(combobox).to_have_value(f"Ferrari Giulia ({donor.code})")
    page.get_by_label("Data di ricevimento").fill("2016-10-03")
    page.get_by_label("Importo").fill("320")
    page.get_by_label("Modalità di pagamento").select_option(label="Bonifico bancario")
    page.get_by_label("Destinazione").select_option(label="Laboratorio di Ombriano")
    page.get_by_role("button", name="Salva").click()
    gift = Donation.objects.get()
    expect(page.get_by_role("alert")).to_contain_text(f"Donazione n. {gift.pk} registrata.")
    assert gift.donor == donor and gift.designation.lab == lab

    # The lab page: the total, never the donor's name.
    page.goto(lab.get_absolute_url())
    expect(page.locator(".designated-gifts")).to_contain_text("Donazioni destinate al laboratorio: 1 per 320,00 €")
    expect(page.get_by_text("Ferrari")).to_have_count(0)
    assert_accessible(page)
    screenshot(page, "lab-designated-gifts")
