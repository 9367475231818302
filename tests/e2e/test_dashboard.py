"""The Direzione's dashboard in a real browser (issue 13): the Direzione opens it, changes the project year and
follows a card's number to the list it counts; a district office's dashboard fits a phone. axe-core clean."""

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from governance.models import District
from tests.e2e.conftest import DESKTOP, PHONE
from tests.patti.factories import signed_patto


@pytest.fixture
def pacts():
    """Two pacts signed in year 2 in the Cremonese, one in year 3 in the Cremasco."""
    cremonese, cremasco = District.objects.get(code="cremonese"), District.objects.get(code="cremasco")
    signed_patto(district=cremonese, on=dt.date(2016, 9, 15))
    signed_patto(district=cremonese, on=dt.date(2016, 11, 2))
    signed_patto(district=cremasco, on=dt.date(2017, 9, 1))


@pytest.mark.e2e
def test_direzione_changes_the_year_and_follows_a_card_to_the_list(page, login, assert_accessible, screenshot, pacts):
    login(page, "direzione")
    page.goto("/")
    expect(page.get_by_role("heading", name="Obiettivi e risultati per azione")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "dashboard")

    page.locator("#dash-year").select_option("2")
    page.get_by_role("button", name="Aggiorna").click()
    expect(page).to_have_url(re.compile(r"year=2"))
    card = page.locator("article", has=page.locator("#card-1"))
    expect(card.locator("tbody tr").first).to_contain_text(re.compile(r"Anno 2\s*2\s*134"))
    assert_accessible(page)

    card.get_by_role("link", name=re.compile(r"^2: .*anno 2")).click()
    expect(page).to_have_url(re.compile(r"/patti/\?signed=true&project_year=2$"))
    expect(page.locator("main")).to_contain_text("2 risultati")
    assert_accessible(page)

    # Back on the dashboard, the link to the monitoring report of the selected year gives its PDF.
    page.goto("/?year=2")
    href = page.get_by_role("link", name="Rapporto di monitoraggio dell'anno 2").get_attribute("href")
    assert href == "/governance/reports/monitoring/?year=2"
    pdf = page.request.get(f"{href}&format=pdf")
    assert pdf.ok and pdf.headers["content-type"].startswith("application/pdf")
    assert pdf.body().startswith(b"%PDF")


@pytest.mark.e2e
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_district_dashboard_fits_the_screen(viewport, open_page, login, accessibility_violations, pacts):
    page = open_page(viewport)
    login(page, "udp.cremasco")
    page.goto("/?year=3")
    expect(page.locator("main")).to_contain_text("Ambito Cremasco")
    report = accessibility_violations(page)
    width = page.evaluate("document.querySelector('main').scrollWidth")
    assert width <= viewport["width"], f"the dashboard reaches {width:.0f} px in a {viewport['width']} px window"
    assert not report, report
