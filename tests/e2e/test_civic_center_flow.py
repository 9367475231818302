"""Action 3 in a real browser: a coordinator adds an activity in the 18–22 band and finds it in the weekly
timetable a family could read (issue 11)."""

import pytest
from playwright.sync_api import expect

from tests.civic_center.factories import active_center
from tests.factories import OrganisationFactory


@pytest.mark.e2e
def test_coordinator_adds_an_evening_activity_and_sees_it_in_the_timetable(page, login, assert_accessible, screenshot):
    center = active_center(name="Civic center Cambonino")
    OrganisationFactory(name="Associazione Teatro Insieme")
    login(page, "coordinatore")
    page.get_by_role("navigation", name="Navigazione principale").get_by_role("link", name="Civic center").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Incroci di Comunità – Civic center")
    page.get_by_role("link", name="Civic center Cambonino").click()
    page.get_by_role("link", name="Nuova attività").click()

    page.get_by_label("Titolo").fill("Teatro per adulti")
    page.get_by_label("Ente promotore").select_option(label="Associazione Teatro Insieme")
    page.get_by_label("Categoria").select_option(label="Cultura")
    page.get_by_label("Destinatari").select_option(label="Adulti")
    page.get_by_label("Inizio").fill("2016-10-03")
    page.get_by_label("Giorno (riga 1)", exact=True).select_option(label="Mercoledì")
    page.get_by_label("Dalle (riga 1)", exact=True).fill("20:30")
    page.get_by_label("Alle (riga 1)", exact=True).fill("22:00")
    page.get_by_label("Quota per partecipante").fill("15")
    page.get_by_label("Posti disponibili").fill("25")
    page.get_by_label("Iscritti").fill("18")
    page.get_by_role("button", name="Salva").click()
    expect(page.get_by_role("alert")).to_contain_text("Attività salvata")
    assert_accessible(page)

    page.get_by_role("link", name="Quadro orario").click()
    table = page.get_by_role("table", name=f"Attività settimanali di {center.name} per giorno e fascia oraria")
    evening = table.get_by_role("row").filter(has=page.get_by_role("rowheader", name="Sera (18–22)"))
    expect(evening).to_contain_text("20:30–22:00")
    expect(evening).to_contain_text("Teatro per adulti")
    assert_accessible(page)
    screenshot(page, "civic-center-timetable")


@pytest.mark.e2e
def test_pages_of_civic_centers_and_training_labs_are_accessible(page, login, assert_accessible, screenshot):
    """axe-core on the lists, details and forms of Actions 3 and 4, as the Cremonese staff who write them."""
    from tests.civic_center.factories import ActivityFactory, ActivitySlotFactory, AgreementFactory, PayingDemandFactory
    from tests.wellfare_lab.factories import AttendanceFactory, ManifestoVersionFactory

    center = active_center()
    activity = ActivityFactory(civic_center=center, agreement=AgreementFactory(civic_center=center))
    ActivitySlotFactory(activity=activity)
    PayingDemandFactory(activity=activity)
    attendance = AttendanceFactory()
    ManifestoVersionFactory().sessions.add(attendance.session)
    login(page, "udp.cremonese")
    pages = {
        "civic-center-list": "/civic-center/",
        "civic-center-detail": center.get_absolute_url(),
        "civic-center-form": f"/civic-center/{center.pk}/edit/",
        "activity-list": "/civic-center/activities/",
        "activity-detail": activity.get_absolute_url(),
        "activity-form": f"/civic-center/activities/{activity.pk}/edit/",
        "agreement-list": "/civic-center/agreements/",
        "demand-list": "/civic-center/demand/",
        "training-labs": "/wellfare-lab/",
        "training-lab-detail": attendance.session.lab.get_absolute_url(),
        "training-lab-form": "/wellfare-lab/new/",
        "training-session": attendance.session.get_absolute_url(),
        "training-sessions": "/wellfare-lab/sessions/",
        "manifesto": "/wellfare-lab/manifesto/",
        "dashboard": "/",
    }
    for name, url in pages.items():
        page.goto(url)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        assert_accessible(page)
        screenshot(page, name)
