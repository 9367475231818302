"""The monitoring report in a real browser: the Direzione picks a year, writes the narrative of an action, downloads
the PDF and submits the report; every page passes axe-core."""

import pytest
from playwright.sync_api import expect

from governance.models import Action, MonitoringReport


@pytest.mark.e2e
def test_direzione_writes_downloads_and_submits_the_monitoring_report(page, login, assert_accessible, screenshot):
    fundraising = Action.objects.get(code="5")
    login(page, "direzione")
    page.goto("/governance/reports/monitoring/")
    assert_accessible(page)
    page.locator("main form #id_year").select_option(label="Anno 2")
    page.locator("main form").get_by_role("button", name="Mostra").click()
    expect(page.locator("h1")).to_contain_text("anno 2")
    assert_accessible(page)
    screenshot(page, "monitoring-report")
    page.get_by_role("link", name="Scrivi la relazione per azione").click()
    page.locator(f"#id_a{fundraising.pk}_critical_issues").fill(
        "Coinvolgimento dei partner nella raccolta ancora debole."
    )
    assert_accessible(page)
    page.locator("main form").get_by_role("button", name="Salva").click()
    expect(page.locator("main")).to_contain_text("Coinvolgimento dei partner nella raccolta ancora debole.")
    response = page.request.get(page.url.split("?")[0] + "?year=2&format=pdf", timeout=180_000)
    assert response.ok and response.body().startswith(b"%PDF")
    page.get_by_role("button", name="Invia la relazione dell'anno 2").click()
    expect(page.locator("main")).to_contain_text("Relazione inviata", timeout=180_000)
    assert MonitoringReport.objects.get(project_year__number=2).is_submitted
    assert_accessible(page)
