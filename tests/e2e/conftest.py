"""Browser tests: Debian's Chromium driven by Playwright against pytest-django's live server.

One Chromium per test session (per xdist worker), one fresh browser context and page per test. Without
/usr/bin/chromium the tests skip with a clear reason, unless WELLFARE_REQUIRE_BROWSER=1 (CI) makes them fail.

Set WELLFARE_SCREENSHOTS to a folder (e.g. /tmp/screens) to save screenshots of the pages the tests visit.
"""

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from governance.models import District
from tests.conftest import DEMO_PASSWORD, load_reference_data

# Playwright's sync API runs an asyncio event loop in this thread, so Django would refuse the ORM calls of the
# test code (fixtures, factories) with SynchronousOnlyOperation. The loop never runs Django code concurrently.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # Without these Chromium keeps calling Google's services, which a closed network answers with timeouts.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
# axe-core impacts that fail a test (WCAG 2.1 AA, AGID guidelines); "minor" and "moderate" are reported only.
BLOCKING_IMPACTS = {"serious", "critical"}

expect.set_options(timeout=15_000)  # a busy CI machine is slower than Playwright's 5 s default assumes


@pytest.fixture(autouse=True)
def _reference_data_present(request, settings):
    """Overrides the fixture of tests/conftest.py: the same reference data and demo users after each flush, fast.

    Re-creating the nine demo users with Django's production hasher costs about five seconds per test; MD5 (as
    Django's documentation suggests for tests) makes it instant. PBKDF2 stays listed so that the users created
    with it at session start can still log in.
    """
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.MD5PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    ]
    request.getfixturevalue("transactional_db")
    if not District.objects.exists():
        load_reference_data()


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session (per xdist worker)."""
    if not Path(CHROMIUM).exists():
        reason = f"{CHROMIUM} not found: install Debian's Chromium (apt-get install chromium) to run the browser tests"
        if os.environ.get("WELLFARE_REQUIRE_BROWSER") == "1":
            pytest.fail(f"WELLFARE_REQUIRE_BROWSER=1 but {reason}", pytrace=False)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
    yield chromium
    chromium.close()
    playwright.stop()


@pytest.fixture
def open_page(browser, live_server):
    """Open a page in a fresh browser context (own cookies) on the live server; closed after the test.

    The page fails the test if the browser reports a Content-Security-Policy violation or a failed request for
    one of our own files (a broken stylesheet, script or icon).
    """
    contexts = []
    problems = []

    def open_(viewport=DESKTOP, **options):
        phone = viewport == PHONE
        context = browser.new_context(
            base_url=live_server.url,
            viewport=viewport,
            locale="it-IT",
            timezone_id="Europe/Rome",
            is_mobile=phone,
            has_touch=phone,
            **options,
        )
        context.set_default_timeout(30_000)  # generous: the first page of a worker compiles every template
        contexts.append(context)
        page = context.new_page()
        page.on("console", lambda msg: _note_console(msg, problems))
        page.on("response", lambda response: _note_response(response, live_server.url, problems))
        return page

    yield open_
    for context in contexts:
        context.close()
    assert not problems, "The browser reported problems:\n" + "\n".join(problems)


# Bootstrap Italia's stylesheet embeds video.js's icon font as a data: URL, which Chromium fetches eagerly and
# font-src 'self' blocks. We show no video player, so nothing on screen needs it.
HARMLESS_CSP_REPORTS = [re.compile(r"^Loading the font 'data:application/font-woff;")]


def _note_console(message, problems):
    text = message.text
    harmless = any(pattern.search(text) for pattern in HARMLESS_CSP_REPORTS)
    if message.type == "error" and "Content Security Policy" in text and not harmless:
        problems.append(f"CSP: {text[:500]}")


def _note_response(response, server_url, problems):
    if response.url.startswith(f"{server_url}/static/") and response.status >= 400:
        problems.append(f"HTTP {response.status} for {response.url}")


@pytest.fixture
def page(open_page):
    """A desktop-sized page (1366×900)."""
    return open_page()


@pytest.fixture
def phone_page(open_page):
    """A phone-sized page (390×844, touch)."""
    return open_page(PHONE)


@pytest.fixture
def login():
    """Log in through the real login form (django-axes included) and land on the dashboard."""

    def login_(page, username, password=DEMO_PASSWORD):
        page.goto("/accounts/login/")
        form = page.locator("main form")
        form.get_by_label("Nome utente").fill(username)
        form.get_by_label("Password").fill(password)
        form.get_by_role("button", name="Accedi").click()
        page.wait_for_url(re.compile(r"^(?!.*/accounts/login/).*$"))
        return page

    return login_


def _format_violations(url, violations):
    lines = [f"{len(violations)} serious/critical accessibility violation(s) on {url}:"]
    for violation in violations:
        lines.append(f"\n[{violation['impact']}] {violation['id']}: {violation['help']}\n  {violation['helpUrl']}")
        for node in violation["nodes"]:
            lines.append(f"  - {', '.join(str(t) for t in node['target'])}")
            lines.append(f"    {node['html'][:300]}")
            summary = node.get("failureSummary", "").replace("\n", "\n      ")
            if summary:
                lines.append(f"      {summary}")
    return "\n".join(lines)


@pytest.fixture(scope="session")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


@pytest.fixture
def accessibility_violations(axe):
    """Run axe-core on the page; return a readable report of its serious or critical violations ("" if none)."""

    def check(page):
        results = axe.run(page)
        blocking = [v for v in results.response["violations"] if v["impact"] in BLOCKING_IMPACTS]
        return _format_violations(page.url, blocking) if blocking else ""

    return check


@pytest.fixture
def assert_accessible(accessibility_violations):
    """Fail on any serious or critical axe-core violation on the page, listed readably."""

    def check(page):
        report = accessibility_violations(page)
        assert not report, report

    return check


@pytest.fixture
def screenshot(request):
    """Save a full-page screenshot when WELLFARE_SCREENSHOTS names a folder; a no-op otherwise."""
    folder = os.environ.get("WELLFARE_SCREENSHOTS")

    def shoot(page, name):
        if not folder:
            return
        size = "phone" if page.viewport_size["width"] < 768 else "desktop"
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=Path(folder) / f"{name}-{size}.png", full_page=True)

    return shoot
