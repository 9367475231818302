"""The results framework in a real browser: the Direzione records a manual value with its source and reads it on the
"Risultati" page; every page passes axe-core and fits a phone screen."""

import re

import pytest
from playwright.sync_api import expect

from governance.models import Indicator
from tests.e2e.conftest import DESKTOP, PHONE


@pytest.mark.e2e
def test_direzione_records_a_manual_value_and_reads_it_against_the_target(page, login, assert_accessible, screenshot):
    share = Indicator.objects.get(code="A1_QUOTA_SUSSIDI")
    login(page, "direzione")
    page.goto("/governance/results/")
    assert_accessible(page)
    screenshot(page, "results")
    page.goto(f"/governance/results/indicators/{share.pk}/values/new/")
    form = page.locator("main form")
    form.locator("#id_project_year").select_option(label="Anno 3")
    form.locator("#id_value").fill("31.5")
    form.locator("#id_measured_on").fill("2018-04-30")
    form.get_by_role("button", name="Salva").click()
    expect(page.locator("main")).to_contain_text("Indicare il documento di fonte del valore")  # no source: refused
    assert_accessible(page)
    page.locator("main form #id_source").fill("Relazione finale degli Uffici di Piano")
    page.locator("main form").get_by_role("button", name="Salva").click()
    expect(page.locator("main")).to_contain_text("Valore registrato.")
    assert_accessible(page)
    page.goto("/governance/results/?year=3")
    row = page.locator("tr[data-code=A1_QUOTA_SUSSIDI]")
    expect(row).to_contain_text(re.compile(r"30 %.*31,5 %", re.S))


@pytest.mark.e2e
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_results_pages_fit_the_screen(viewport, open_page, login, accessibility_violations):
    labs = Indicator.objects.get(code="A2A_LAB_ATTIVATI")
    target = labs.targets.first()
    page = open_page(viewport)
    login(page, "udp.cremasco")
    reports = []
    for url in ("/governance/results/", f"/governance/results/indicators/{labs.pk}/"):
        page.goto(url)
        reports.append(accessibility_violations(page))
    director = open_page(viewport)
    login(director, "direzione")
    for url in (f"/governance/results/targets/{target.pk}/edit/", f"/governance/results/indicators/{labs.pk}/"):
        director.goto(url)
        reports.append(accessibility_violations(director))
    for p in (page, director):
        width = p.evaluate("document.documentElement.scrollWidth")
        if width > viewport["width"]:
            reports.append(f"{p.url}: the page is {width} px wide in a {viewport['width']} px window")
    reports = [r for r in reports if r]
    assert not reports, "\n\n".join(reports)
