"""Every URL of the project × every demo role (plus anonymous and a user with no role): the allowed status.

Anonymous → login redirect; out of scope → 404; in scope but not allowed → 403. The URL patterns come from the
URLconf itself: a new URL without an entry in MATRIX fails `test_every_url_has_an_entry_in_the_matrix`, and an
unnamed URL pattern fails `test_every_url_pattern_has_a_name`.
For each URL and role the test also checks (see `tests.matrix.Case`): list pages show no record outside the role's
scope (`rows`), and every GET page answers a POST with empty data without a 500, refusing it (and saving nothing)
for a role that may not open the page.
Apps add their entries to MATRIX (one dict per app, merged below).
"""

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils.html import escape

from governance.models import GovernanceBody, Organisation
from tests.civic_center.matrix import MATRIX_CIVIC_CENTER, civic_center_world
from tests.factories import DecisionFactory, MeetingAttachmentFactory, MeetingFactory
from tests.fundraising.matrix import MATRIX_FUNDRAISING, fundraising_world
from tests.governance.budget.matrix import MATRIX_BUDGET, budget_world
from tests.governance.monitoring.matrix import MATRIX_MONITORING, monitoring_world
from tests.governance.results.matrix import MATRIX_RESULTS, results_world
from tests.imprese.matrix import MATRIX_IMPRESE, imprese_world
from tests.laboratori.matrix import MATRIX_LABORATORI, laboratori_world
from tests.matrix import (
    ALL_ROLES,
    ANONYMOUS,
    CREATE_MEETING,
    CREMONESE_MANAGE,
    CREMONESE_READ,
    LOGIN,
    NOBODY,
    Case,
    public,
    statuses,
)
from tests.ops.matrix import MATRIX_OPS
from tests.patti.matrix import MATRIX_PATTI, patti_world
from tests.wellfare_lab.matrix import MATRIX_WELLFARE_LAB, wellfare_lab_world

EXCLUDED_NAMESPACES = {"admin"}  # the admin is tested in tests/governance/test_admin_scoping.py

MATRIX_CORE = {
    "home": Case(statuses(200)),
    "dashboard_actions": Case(statuses(200)),
    "privacy": Case(public()),
    "accessibility": Case(public()),
    "login": Case(public()),
    "logout": Case(public(302), method="post"),
    "password_change": Case(statuses(200)),
    "password_change_done": Case(statuses(200)),
    "password_reset": Case(public()),
    "password_reset_done": Case(public()),
    "password_reset_confirm": Case(public(), kwargs={"uidb64": "MQ", "token": "set-password"}),
    "password_reset_complete": Case(public()),
    "governance:organisation_list": Case(statuses(200), rows={"organisation": CREMONESE_READ}),
    "governance:organisation_detail": Case(CREMONESE_READ, args=("organisation",)),
    "governance:organisation_create": Case(
        statuses(403, udp_cremonese=200, udp_cremasco=200, udp_casalasco=200, fundraising=200, amministrazione=200)
    ),
    # A partner of the Cremonese: its Ufficio di Piano and the administration staff; fundraising only donors' bodies.
    "governance:organisation_edit": Case(
        statuses(404, direzione=403, udp_cremonese=200, coordinatore=403, fundraising=403, amministrazione=200),
        args=("organisation",),
    ),
    "governance:body_list": Case(statuses(200), rows={"body": CREMONESE_READ}),
    "governance:body_detail": Case(CREMONESE_READ, args=("body",)),
    "governance:body_quorum": Case(
        {**CREMONESE_MANAGE, "direzione": 302, "udp.cremonese": 302},
        method="post",
        args=("body",),
        data={"quorum_rule": "two_thirds"},
    ),
    "governance:meeting_list": Case(statuses(200), rows={"meeting": CREMONESE_READ}),
    "governance:meeting_create": Case(CREATE_MEETING),
    "governance:meeting_detail": Case(CREMONESE_READ, args=("meeting",)),
    "governance:meeting_edit": Case(CREMONESE_MANAGE, args=("meeting",)),
    "governance:meeting_pdf": Case(CREMONESE_READ, args=("meeting",)),
    "governance:meeting_attachment_upload": Case(
        {**CREMONESE_MANAGE, "direzione": 302, "udp.cremonese": 302}, method="post", args=("meeting",)
    ),
    "governance:meeting_attachment_download": Case(CREMONESE_READ, args=("meeting", "attachment")),
    "governance:meeting_convene": Case(
        {**CREMONESE_MANAGE, "direzione": 302, "udp.cremonese": 302}, method="post", args=("meeting",)
    ),
    "governance:meeting_cancel": Case(
        {**CREMONESE_MANAGE, "direzione": 302, "udp.cremonese": 302}, method="post", args=("meeting",)
    ),
    "governance:meeting_send_minutes": Case(
        {**CREMONESE_MANAGE, "direzione": 302, "udp.cremonese": 302}, method="post", args=("meeting",)
    ),
    "governance:decision_list": Case(statuses(200), rows={"decision": CREMONESE_READ}),
    "governance:decision_detail": Case(CREMONESE_READ, args=("decision",)),
    "governance:decision_complete": Case(
        statuses(404, direzione=302, udp_cremonese=302, coordinatore=403, fundraising=403, amministrazione=403),
        method="post",
        args=("decision",),
    ),
    "governance:profile": Case(statuses(200)),
    # Users and roles: the system administrator only (tests/governance/test_accounts.py); no programme role.
    "governance:users": Case(statuses(403)),
    "governance:user_create": Case(statuses(403)),
    "governance:user_edit": Case(statuses(403), args=("account",)),
    "governance:reference_date_set": Case(statuses(302), method="post", data={"reference": "2017-01-01"}),
}

MATRIX = {
    **MATRIX_CORE,
    **MATRIX_BUDGET,
    **MATRIX_PATTI,
    **MATRIX_LABORATORI,
    **MATRIX_RESULTS,
    **MATRIX_OPS,
    **MATRIX_CIVIC_CENTER,
    **MATRIX_WELLFARE_LAB,
    **MATRIX_IMPRESE,
    **MATRIX_FUNDRAISING,
    **MATRIX_MONITORING,
}


def project_url_names():
    names = set()

    def walk(patterns, namespace=None):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if pattern.namespace in EXCLUDED_NAMESPACES:
                    continue
                ns = pattern.namespace or namespace
                walk(pattern.url_patterns, ns)
            elif isinstance(pattern, URLPattern) and pattern.name:
                names.add(f"{namespace}:{pattern.name}" if namespace else pattern.name)

    walk(get_resolver().url_patterns)
    return names


def test_every_url_pattern_has_a_name():
    """A URL without a name cannot be in the matrix, so it would escape every authorisation check."""
    unnamed = []

    def walk(patterns, prefix=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if pattern.namespace not in EXCLUDED_NAMESPACES:
                    walk(pattern.url_patterns, prefix + str(pattern.pattern))
            elif not pattern.name:
                unnamed.append(prefix + str(pattern.pattern))

    walk(get_resolver().url_patterns)
    assert not unnamed, f"URL patterns without a name: {unnamed}"


def test_every_list_page_checks_its_rows():
    """A list page (URL name ending in `_list`) declares which world records each role must not see."""
    unchecked = sorted(name for name, case in MATRIX.items() if name.endswith("_list") and not case.rows)
    assert not unchecked, f"list pages without `rows` in their matrix case: {unchecked}"


def test_every_url_has_an_entry_in_the_matrix():
    missing = project_url_names() - set(MATRIX)
    assert not missing, f"URLs without an entry in the authorisation matrix: {sorted(missing)}"
    stale = set(MATRIX) - project_url_names()
    assert not stale, f"Matrix entries for URLs that no longer exist: {sorted(stale)}"


@pytest.fixture
def world(request, db, media_root):
    meeting = MeetingFactory(body=GovernanceBody.objects.get(code="coord_cremonese"))
    return {
        "organisation": Organisation.objects.get(name="Azienda Sociale del Cremonese"),
        "body": meeting.body,
        "meeting": meeting,
        "attachment": MeetingAttachmentFactory(meeting=meeting),
        "decision": DecisionFactory(meeting=meeting, text="Decisione della matrice: solo per il Cremonese"),
        "account": get_user_model().objects.get(username="udp.cremonese"),
        **budget_world(),
        **patti_world(request),
        **laboratori_world(request),
        **results_world(request),
        **civic_center_world(request),
        **wellfare_lab_world(request),
        **imprese_world(request),
        **fundraising_world(request),
        **monitoring_world(request),
    }


def client_as(role):
    client = Client()
    if role == NOBODY:
        client.force_login(get_user_model().objects.get_or_create(username="nobody")[0])
    elif role != ANONYMOUS:
        client.force_login(get_user_model().objects.get(username=role))
    return client


def call_as(role, case, url):
    return getattr(client_as(role), case.method)(url, case.data)


OUR_APPS = {"governance", "patti", "laboratori", "imprese", "civic_center", "wellfare_lab", "fundraising"}


def database_snapshot() -> tuple:
    """Row counts of every table of our apps, history tables included (an update adds a history row): one query."""
    tables = sorted({m._meta.db_table for m in apps.get_models() if m._meta.app_label in OUR_APPS and m._meta.managed})
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        counts = ", ".join(f"(SELECT COUNT(*) FROM {quote(t)})" for t in tables)  # noqa: S608 - our table names
        cursor.execute(f"SELECT {counts}")  # noqa: S608
        return tuple(cursor.fetchone())


def is_login_redirect(response) -> bool:
    return response.status_code == 302 and response.get("Location", "").startswith(reverse("login"))


def may_see(expect: dict, role: str) -> bool:
    return expect.get(role) == 200


def row_marker(obj) -> str:
    """How a record shows in a list: the link to its page, or (a record without a page) its text."""
    if hasattr(obj, "get_absolute_url"):
        return f'href="{obj.get_absolute_url()}"'
    return escape(str(obj))


def check_rows(case, world, role, response, seen) -> list[str]:
    """The list page of `role` shows no record it may not see; remember which records it shows."""
    if response.status_code != 200 or not case.rows:
        return []
    html = response.content.decode()
    wrong = []
    for key, expect in case.rows.items():
        shown = row_marker(world[key]) in html
        if shown and not may_see(expect, role):
            wrong.append(f"{role}: the list shows {key} ({world[key]}), outside its scope")
        if shown:
            seen.add(key)
    return wrong


def check_empty_post(case, role, url) -> list[str]:
    """A GET page receiving a POST with empty data: never a 500; refused and nothing saved if the GET is refused."""
    if case.method != "get":
        return []
    refused = case.expect[role] == LOGIN or case.expect[role] in (403, 404)
    with transaction.atomic():
        before = database_snapshot() if refused else None
        response = client_as(role).post(url, {})
        after = database_snapshot() if refused else None
        transaction.set_rollback(True)
    if response.status_code >= 500:
        return [f"{role}: POST with empty data answered {response.status_code}"]
    if not refused:
        return []
    wrong = []
    if case.expect[role] == LOGIN:
        if not (is_login_redirect(response) or response.status_code == 405):
            wrong.append(f"{role}: POST answered {response.status_code}, expected the login redirect")
    elif response.status_code not in (403, 404, 405):
        wrong.append(f"{role}: POST answered {response.status_code}, expected 403/404")
    if before != after:
        wrong.append(f"{role}: a refused POST changed the database")
    return wrong


@pytest.mark.parametrize("name", sorted(MATRIX))
def test_authorisation_matrix(world, name):
    """One URL, every role; each role's request runs in a savepoint rolled back afterwards (POSTs change state)."""
    case = MATRIX[name]
    args = [world[a].pk for a in case.args]
    url = reverse(name, args=args or None, kwargs=case.kwargs or None)
    wrong, seen = [], set()
    for role in ALL_ROLES:
        with transaction.atomic():
            response = call_as(role, case, url)
            transaction.set_rollback(True)
        expected = case.expect[role]
        if expected == LOGIN:
            if not is_login_redirect(response):
                wrong.append(
                    f"{role}: {response.status_code} {response.get('Location', '')}, expected the login redirect"
                )
        elif response.status_code != expected:
            wrong.append(f"{role}: {response.status_code}, expected {expected}")
        wrong += check_rows(case, world, role, response, seen)
        wrong += check_empty_post(case, role, url)
    for key in set(case.rows) - seen:
        wrong.append(f"no role sees {key} in the list: the row check would pass without checking anything")
    assert not wrong, f"{name} ({url}):\n" + "\n".join(wrong)
