"""The pact page on a 390 px phone: everything fits the screen's width, nothing scrolls sideways (issue #8, item 5)."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from patti.enums import CommitmentKind, PattoStatus
from tests.patti.factories import AssessmentFactory, CommitmentFactory, HouseholdFactory, signed_patto

LONG_TEXT = (
    "Ricostruire una rete di relazioni nel quartiere, con la scuola dei figli e con l'associazione sportiva; "
    "https://www.esempio-di-indirizzo-molto-lungo-senza-spazi.it/percorsi/inclusione/patto-generativo-2017 "
    "e il laboratorio di comunità del giovedì pomeriggio."
)


def scroll_width(page) -> int:
    return page.evaluate("Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)")


@pytest.fixture
def full_patto():
    household = HouseholdFactory(adults=1, minors=1)
    patto = signed_patto(
        household=household,
        status=PattoStatus.ATTIVO,
        on=dt.date(2016, 9, 15),
        objectives=LONG_TEXT,
        support_actions=LONG_TEXT,
        resources=LONG_TEXT,
        pip_text=LONG_TEXT,
    )
    CommitmentFactory(patto=patto, kind=CommitmentKind.FAMILY, description=LONG_TEXT, hours=None, place="")
    AssessmentFactory(patto=patto, date=dt.date(2016, 12, 1))
    AssessmentFactory(patto=patto, date=dt.date(2017, 3, 1), dynamism=3, resilience=3, incisiveness=3)
    return patto


@pytest.mark.e2e
def test_the_pact_page_fits_a_390_px_phone(phone_page, login, screenshot, full_patto):
    page = login(phone_page, "udp.cremonese")
    page.goto(full_patto.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_contain_text(f"Patto n. {full_patto.pk}")
    expect(page.get_by_text("1 adulto, 1 minore")).to_be_visible()
    page.wait_for_load_state("load")
    screenshot(page, "patto-390")
    assert page.evaluate("window.innerWidth") == 390
    assert scroll_width(page) <= 390, f"the pact page is {scroll_width(page)} px wide on a 390 px phone"


@pytest.mark.e2e
def test_the_pact_form_fits_a_390_px_phone(phone_page, login, screenshot, full_patto):
    page = login(phone_page, "udp.cremonese")
    page.goto(f"/patti/{full_patto.pk}/edit/")
    expect(page.get_by_role("group", name="1. Beneficiario e promotore")).to_be_visible()
    page.wait_for_load_state("load")
    screenshot(page, "patto-form-390")
    assert scroll_width(page) <= 390, f"the pact form is {scroll_width(page)} px wide on a 390 px phone"


@pytest.mark.e2e
def test_the_pact_page_on_a_laptop(page, login, screenshot, full_patto):
    login(page, "udp.cremonese")
    page.goto(full_patto.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_contain_text(f"Patto n. {full_patto.pk}")
    screenshot(page, "patto-desktop")
    assert scroll_width(page) <= 1366
