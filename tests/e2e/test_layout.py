"""The UI shell on a phone and on a laptop: header, navigation, footer."""

import re

import pytest
from playwright.sync_api import expect


@pytest.mark.e2e
def test_burger_menu_opens_the_navigation_on_a_phone(phone_page, login, screenshot):
    page = login(phone_page, "direzione")
    navigation = page.get_by_role("navigation", name="Navigazione principale")
    burger = navigation.get_by_role("button", name="Mostra o nascondi la navigazione")
    bodies = navigation.get_by_role("link", name="Organismi")

    expect(burger).to_be_visible()
    expect(bodies).to_be_hidden()
    burger.click()
    expect(bodies).to_be_visible()
    expect(burger).to_have_attribute("aria-expanded", "true")
    page.wait_for_timeout(400)  # the menu slides in
    screenshot(page, "menu")

    bodies.click()
    expect(page).to_have_url(re.compile(r"/governance/bodies/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Organismi di governance")


@pytest.mark.e2e
def test_burger_menu_closes_again(phone_page, login):
    page = login(phone_page, "direzione")
    navigation = page.get_by_role("navigation", name="Navigazione principale")
    navigation.get_by_role("button", name="Mostra o nascondi la navigazione").click()
    expect(navigation.get_by_role("link", name="Organismi")).to_be_visible()
    close = navigation.get_by_role("button", name="Nascondi la navigazione", exact=True)
    # Once the menu has slid in, keyboard focus moves into it, on the close button (focus trap).
    expect(close).to_be_focused()

    close.click()
    expect(navigation.get_by_role("link", name="Organismi")).to_be_hidden()


@pytest.mark.e2e
def test_laptop_shows_the_navigation_bar_and_the_footer_links(page, login):
    login(page, "direzione")
    navigation = page.get_by_role("navigation", name="Navigazione principale")

    expect(navigation.get_by_role("button", name="Mostra o nascondi la navigazione")).to_be_hidden()
    expect(navigation.get_by_role("link", name="Cruscotto")).to_have_attribute("aria-current", "page")
    for label in ("Organismi", "Incontri", "Decisioni", "Organizzazioni"):
        expect(navigation.get_by_role("link", name=label)).to_be_visible()
    footer = page.get_by_role("contentinfo")
    expect(footer.get_by_role("link", name="Informativa sulla privacy")).to_be_visible()
    expect(footer.get_by_role("link", name="Dichiarazione di accessibilità")).to_be_visible()
