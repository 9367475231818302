"""axe-core on the main pages (WCAG 2.1 AA, AGID guidelines): no serious or critical violation.

With WELLFARE_SCREENSHOTS=/tmp/screens the same visits save desktop and phone screenshots of every page.
"""

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from governance.enums import AttendanceStatus, DecisionStatus
from governance.models import GovernanceBody
from tests.conftest import DEMO_PASSWORD
from tests.e2e.conftest import DESKTOP, PHONE
from tests.factories import AttendanceFactory, DecisionFactory, MeetingFactory


@pytest.fixture
def cabina_meeting(db):
    """A Cabina di Regia meeting with attendance (present, absent, delegated, a guest) and decisions."""
    cabina = GovernanceBody.objects.get(code="cabina")
    meeting = MeetingFactory(
        body=cabina,
        date=dt.date(2017, 3, 15),
        start_time=dt.time(10, 30),
        place="Cremona, Palazzo Comunale, sala Quadri",
        agenda="1. Avanzamento delle azioni\n2. Piano di raccolta fondi 2017",
        minutes="La Cabina di Regia approva il calendario degli incontri del secondo anno.",
        topics="Patti gener-attivi\nCivic center",
    )
    statuses = [AttendanceStatus.PRESENT, AttendanceStatus.ABSENT, AttendanceStatus.DELEGATED]
    for index, member in enumerate(cabina.members.filter(active=True)):
        status = statuses[index % 3]
        delegate = "Mario Bianchi" if status == AttendanceStatus.DELEGATED else ""
        AttendanceFactory(meeting=meeting, member=member, status=status, delegate_name=delegate)
    AttendanceFactory(meeting=meeting, guest_name="Carla Rossi", guest_organisation="Fondazione Cariplo")
    DecisionFactory(meeting=meeting, text="Approvare il calendario 2017", due_date=dt.date(2017, 4, 30))
    DecisionFactory(
        meeting=meeting,
        text="Presentare la campagna di raccolta fondi",
        due_date=dt.date(2017, 3, 31),
        status=DecisionStatus.DONE,
    )
    return meeting


# name: (who looks at it, its address for the meeting of the fixture)
PAGES = {
    "login": (None, lambda meeting: "/accounts/login/"),
    "home": ("direzione", lambda meeting: "/"),
    "bodies": ("direzione", lambda meeting: "/governance/bodies/"),
    "body-detail": ("direzione", lambda meeting: f"/governance/bodies/{meeting.body.pk}/"),
    "meetings": ("direzione", lambda meeting: "/governance/meetings/"),
    "meeting-detail": ("direzione", lambda meeting: f"/governance/meetings/{meeting.pk}/"),
    "meeting-form": ("direzione", lambda meeting: f"/governance/meetings/{meeting.pk}/edit/"),
    "decisions": ("direzione", lambda meeting: "/governance/decisions/"),
    "organisations": ("direzione", lambda meeting: "/governance/organisations/"),
    "not-found": ("udp.cremasco", lambda meeting: "/governance/meetings/999999/"),
}


@pytest.mark.e2e
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_main_pages_are_accessible_and_fit_the_screen(
    viewport, open_page, login, cabina_meeting, accessibility_violations, screenshot
):
    """One visit per page and role (a fresh browser context per user); every page's violations reported at once."""
    pages = {}
    reports = []
    for name, (username, url) in PAGES.items():
        if username not in pages:
            pages[username] = open_page(viewport)
            if username:
                login(pages[username], username)
        page = pages[username]
        page.goto(url(cabina_meeting))
        screenshot(page, name)
        reports.append(accessibility_violations(page))
        # Reflow (WCAG 1.4.10): wide tables scroll inside their box, the page itself never scrolls sideways.
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > viewport["width"]:
            reports.append(f"{page.url}: the page is {width} px wide in a {viewport['width']} px window")

    reports = [report for report in reports if report]
    assert not reports, "\n\n".join(reports)


@pytest.mark.e2e
def test_login_form_errors_are_accessible(page, assert_accessible, screenshot):
    page.goto("/accounts/login/")
    form = page.locator("main form")
    form.get_by_label("Nome utente").fill("direzione")
    form.get_by_label("Password").fill(DEMO_PASSWORD + "-wrong")
    form.get_by_role("button", name="Accedi").click()

    expect(page.locator("main")).to_contain_text(re.compile("password corrett"))
    screenshot(page, "login-error")
    assert_accessible(page)
