"""Action 2A in a real browser: a coordinator opens a lab with its operational plan, records two self-assessments
and sees the trend drawn on the lab page (issue 10); a score outside 1-5 is refused with an Italian message."""

import pytest
from playwright.sync_api import expect

from laboratori.models import Laboratorio


@pytest.mark.e2e
def test_coordinator_creates_a_lab_with_its_plan_and_sees_the_assessment_trend(
    page, login, assert_accessible, screenshot
):
    login(page, "coordinatore")
    page.get_by_role("navigation", name="Navigazione principale").get_by_role("link", name="Laboratori").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Laboratori di Comunità")
    page.get_by_role("link", name="Nuovo laboratorio").click()

    # 1. The lab, its generating theme, shared practices and operational plan.
    page.locator("#id_name").fill("Laboratorio del Cambonino")
    page.get_by_label("Tipo di laboratorio").select_option(label="Territoriale – quartiere")
    page.get_by_label("Ambito").select_option(label="Cremonese")
    page.get_by_label("Comune / area").fill("Cremona – quartiere Cambonino")
    page.get_by_label("Soggetto attuatore").select_option(label="Comune di Cremona")
    page.get_by_label("Anno di attivazione").select_option(label="Anno 2")
    page.get_by_label("Data di attivazione").fill("2016-09-15")
    page.get_by_label("Tema generatore").fill("Anziani soli nel quartiere")
    page.locator("label[for=id_aims_at_bonds]").click()  # Bootstrap Italia: the label covers the box
    page.locator("label[for=id_practice_street_dinner]").click()
    page.get_by_label("Azione (riga 1)", exact=True).fill("Cena di strada con i residenti")
    page.get_by_label("Responsabile (riga 1)").fill("Giulia")
    page.get_by_label("Inizio (riga 1)", exact=True).fill("2016-10-01")
    page.get_by_label("Fine (riga 1)", exact=True).fill("2016-10-31")
    page.get_by_label("Ruolo (riga 1)", exact=True).select_option(label="Community maker")
    page.get_by_label("Nome (riga 1)", exact=True).fill("Giulia Bosio")
    page.get_by_label("Budget del laboratorio").fill("10000")
    page.get_by_role("button", name="Salva").click()
    expect(page.get_by_role("alert")).to_contain_text("Laboratorio salvato.")
    expect(page.get_by_role("heading", level=1)).to_have_text("Laboratorio del Cambonino")
    expect(page.get_by_role("cell", name="Cena di strada con i residenti")).to_be_visible()
    lab = Laboratorio.objects.get(name="Laboratorio del Cambonino")
    assert lab.plan.count() == 1 and lab.practice_street_dinner and lab.aims_at_bonds

    # 2. A score outside 1-5 is refused, nothing saved.
    form = page.get_by_role("form", name="Nuova autovalutazione")
    form.get_by_label("Data").fill("2016-12-01")
    form.get_by_label("PR – rappresentazione del problema").fill("7")
    form.get_by_label("RE – quantità e qualità delle relazioni").fill("3")
    form.get_by_label("RI – identificazione e coinvolgimento delle risorse").fill("3")
    form.get_by_role("button", name="Registra autovalutazione").click()
    expect(page.get_by_role("alert").first).to_contain_text("Il punteggio deve essere da 1 a 5.")
    assert not lab.assessments.exists()

    # 3. Two self-assessments, and the trend drawn on the page.
    for day, scores in (("2016-12-01", ("2", "3", "2")), ("2017-03-01", ("3", "4", "4"))):
        form = page.get_by_role("form", name="Nuova autovalutazione")
        form.get_by_label("Data").fill(day)
        form.get_by_label("PR – rappresentazione del problema").fill(scores[0])
        form.get_by_label("RE – quantità e qualità delle relazioni").fill(scores[1])
        form.get_by_label("RI – identificazione e coinvolgimento delle risorse").fill(scores[2])
        form.get_by_role("button", name="Registra autovalutazione").click()
        expect(page.get_by_role("alert").first).to_contain_text("Autovalutazione registrata.")
    trend = page.get_by_role("img", name="Andamento dell'autovalutazione del laboratorio")
    expect(trend).to_be_visible()
    assert trend.locator("polyline").count() == 4
    expect(page.get_by_role("cell", name="48", exact=True)).to_be_visible()  # 3 × 4 × 4
    assert_accessible(page)
    screenshot(page, "laboratorio-detail")
