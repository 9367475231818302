"""Daily work in a real browser (issue 8, "Done when"): the Ufficio di Piano finds a family by surname, goes to the
worklist and opens the pact; the staff of another district finds nothing with the same search."""

import re

import pytest
from playwright.sync_api import expect

from patti.models import IdentityAccess
from tests.patti.factories import HouseholdFactory, district, signed_patto

SURNAME = "Gallinaroli"


@pytest.mark.e2e
def test_search_worklist_pact_and_no_leak_to_another_district(open_page, login, assert_accessible, screenshot):
    household = HouseholdFactory(district=district("cremonese"), last_name=SURNAME, first_name="Teodora")
    patto = signed_patto(household=household)  # signed, not yet active: on the worklist
    pact_link = f"Patto n. {patto.pk}"

    # 1. The Cremonese planning office searches the surname from the pact list and finds the pact.
    page = open_page()
    login(page, "udp.cremonese")
    page.get_by_role("navigation", name="Navigazione principale").get_by_role("link", name="Patti").click()
    page.get_by_label("Cerca").fill(SURNAME)
    page.get_by_role("button", name="Filtra").click()
    results = page.locator("main table")
    expect(results).to_contain_text(household.code)
    expect(results.get_by_role("link", name=re.compile(rf"{patto.pk}\b")).first).to_be_visible()
    assert IdentityAccess.objects.filter(user__username="udp.cremonese").exists()
    assert_accessible(page)
    screenshot(page, "daily-search")

    # 2. The worklist lists it among the signed pacts not yet started; from there the pact opens.
    page.get_by_role("navigation", name="Navigazione principale").get_by_role("link", name="Da fare").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Da fare")
    section = page.locator(
        "section", has=page.get_by_role("heading", name=re.compile("Sottoscritti non ancora avviati"))
    )
    section.get_by_role("link", name=pact_link).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(pact_link)
    expect(page.get_by_role("heading", level=1)).to_contain_text(household.code)
    assert_accessible(page)

    # 3. The same search by the Cremasco planning office finds nothing, and no name reaches its page.
    other = open_page()
    login(other, "udp.cremasco")
    other.goto(f"/patti/?q={SURNAME}")
    expect(other.get_by_role("heading", level=1)).to_have_text("Patti gener-attivi")
    expect(other.locator("main")).not_to_contain_text(household.code)
    expect(other.locator("main table")).not_to_contain_text(SURNAME)
    assert_accessible(other)
