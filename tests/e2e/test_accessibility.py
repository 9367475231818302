"""axe-core on the main pages (WCAG 2.1 AA, AGID guidelines): no serious or critical violation.

With WELLFARE_SCREENSHOTS=/tmp/screens the same visits save desktop and phone screenshots of every page.
"""

import datetime as dt
import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from governance.enums import AttendanceStatus, DecisionStatus
from governance.models import GovernanceBody, ProjectYear
from governance.monitoring import services as monitoring
from tests.conftest import DEMO_PASSWORD
from tests.e2e.conftest import DESKTOP, PHONE
from tests.factories import AttendanceFactory, DecisionFactory, MeetingFactory
from tests.fundraising.factories import CampaignFactory, DonationFactory, EventFactory
from tests.governance.budget.factories import ExpenseFactory
from tests.governance.monitoring.factories import IN_YEAR_3, district, district_partner, line, reach_world
from tests.laboratori.factories import SelfAssessmentFactory
from tests.patti.factories import AssessmentFactory, HouseholdFactory, signed_patto


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


@pytest.fixture
def programme(cabina_meeting):
    """Data for the newer pages: pacts, labs, a civic center and training in year 2 (Cremasco pacts in year 3 on
    its worklist), budget lines with expenses waiting for approval, donations, the report of year 3 submitted
    before one more pact was signed (its page shows the difference), and a pact and a lab with two assessments
    (their pages draw the trend)."""
    partner = district_partner("cremonese")
    approved = line(action="1", partner=partner, planned="10000.00", approved="2000.00")
    ExpenseFactory(line=approved, status="submitted", description="Affitto della sala per il laboratorio")
    ExpenseFactory(line=line(action="3", partner=partner, planned="500.00"), status="submitted", net_amount=800)
    reach_world()
    signed_patto(household=HouseholdFactory(district=district("cremasco")), on=IN_YEAR_3)
    campaign, event = CampaignFactory(), EventFactory()
    DonationFactory(campaign=campaign, amount=250)
    DonationFactory(event=event, amount=1200)
    direzione = get_user_model().objects.get(username="direzione")
    monitoring.report_submit(project_year=ProjectYear.objects.get(number=3), user=direzione, reference=IN_YEAR_3)
    patto = signed_patto(household=HouseholdFactory(district=district("cremasco")), on=IN_YEAR_3)
    AssessmentFactory(patto=patto, date=dt.date(2016, 11, 1), dynamism=4, resilience=3)
    AssessmentFactory(patto=patto, date=dt.date(2017, 2, 1), dynamism=3, resilience=4)
    lab = SelfAssessmentFactory(date=dt.date(2016, 12, 1)).lab
    SelfAssessmentFactory(lab=lab, date=dt.date(2017, 3, 1), pr=3, re=4, ri=3)
    return {
        "meeting": cabina_meeting,
        "decision": cabina_meeting.decisions.order_by("pk").first(),
        "organisation": partner,
        "user": get_user_model().objects.get(username="udp.cremasco"),
        "patto": patto,
        "lab": lab,
    }


# The narrowest common laptop screen, and a phone.
LAPTOP = {**DESKTOP, "width": 1280}

# name: (who looks at it, its address for the data of the fixture)
PAGES = {
    "login": (None, lambda data: "/accounts/login/"),
    "home": ("direzione", lambda data: "/"),
    "dashboard-actions": ("direzione", lambda data: "/cruscotto/azioni/?year=2"),
    "bodies": ("direzione", lambda data: "/governance/bodies/"),
    "body-detail": ("direzione", lambda data: f"/governance/bodies/{data['meeting'].body.pk}/"),
    "meetings": ("direzione", lambda data: "/governance/meetings/"),
    "meeting-detail": ("direzione", lambda data: f"/governance/meetings/{data['meeting'].pk}/"),
    "meeting-form": ("direzione", lambda data: f"/governance/meetings/{data['meeting'].pk}/edit/"),
    "decisions": ("direzione", lambda data: "/governance/decisions/"),
    "decision-detail": ("direzione", lambda data: f"/governance/decisions/{data['decision'].pk}/"),
    "organisations": ("direzione", lambda data: "/governance/organisations/"),
    "organisation-form": ("amministrazione", lambda data: f"/governance/organisations/{data['organisation'].pk}/edit/"),
    "users": ("admin", lambda data: "/governance/users/"),
    "user-form": ("admin", lambda data: f"/governance/users/{data['user'].pk}/edit/"),
    "monitoring": ("direzione", lambda data: "/governance/reports/monitoring/?year=2"),
    "monitoring-narrative": ("direzione", lambda data: "/governance/reports/monitoring/2/narrative/"),
    "monitoring-sent": ("direzione", lambda data: "/governance/reports/monitoring/?year=3"),
    "fundraising-reports": ("direzione", lambda data: "/fundraising/reports/"),
    "expenses-to-approve": ("amministrazione", lambda data: "/governance/budget/expenses/to-approve/"),
    "budget-report": ("direzione", lambda data: "/governance/reports/budget/"),
    "lab-detail": ("direzione", lambda data: f"/laboratori/{data['lab'].pk}/"),
    "home-district": ("udp.cremasco", lambda data: "/"),
    "worklist": ("udp.cremasco", lambda data: "/patti/da-fare/"),
    "patto-detail": ("udp.cremasco", lambda data: f"/patti/{data['patto'].pk}/"),
    "not-found": ("udp.cremasco", lambda data: "/governance/meetings/999999/"),
}

# The titles of the page's SVG charts drawn narrower than 90 % of their viewBox (their text shrinks as much).
SQUEEZED_CHARTS = """() => Array.from(document.querySelectorAll("svg[role=img][viewBox]"))
  .filter((svg) => { const width = svg.getBoundingClientRect().width;
                     return width > 0 && width < 0.9 * svg.viewBox.baseVal.width; })
  .map((svg) => svg.querySelector("title").textContent)"""


@pytest.mark.e2e
@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["desktop", "phone"])
def test_main_pages_are_accessible_and_fit_the_screen(
    viewport, open_page, login, programme, accessibility_violations, screenshot
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
        response = page.goto(url(programme))
        expected = 404 if name == "not-found" else 200
        if response.status != expected:
            reports.append(f"{page.url}: HTTP {response.status}, not {expected}: the page checked is not the one meant")
        screenshot(page, name)
        reports.append(accessibility_violations(page))
        # Reflow (WCAG 1.4.10): wide tables scroll inside their box, the page itself never scrolls sideways.
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > viewport["width"]:
            reports.append(f"{page.url}: the page is {width} px wide in a {viewport['width']} px window")
        # Charts keep their labels readable: none drawn more than 10 % smaller than its own size (a wider one
        # scrolls inside its .chart-scroll box instead).
        squeezed = page.evaluate(SQUEEZED_CHARTS)
        if squeezed:
            reports.append(f"{page.url}: charts squeezed below 90 % of their size: {squeezed}")

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
