"""Every URL of the project × every demo role (plus anonymous and a user with no role): the allowed status.

Anonymous → login redirect; out of scope → 404; in scope but not allowed → 403. The URL patterns come from the
URLconf itself: a new URL without an entry in MATRIX fails `test_every_url_has_an_entry_in_the_matrix`.
Apps add their entries to MATRIX (one dict per app, merged below).
"""

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from governance.models import GovernanceBody, Organisation
from tests.factories import MeetingAttachmentFactory, MeetingFactory
from tests.fundraising.matrix import MATRIX_FUNDRAISING, fundraising_world
from tests.governance.budget.matrix import MATRIX_BUDGET, budget_world
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
from tests.patti.matrix import MATRIX_PATTI, patti_world

EXCLUDED_NAMESPACES = {"admin"}  # the admin is tested in tests/governance/test_admin_scoping.py

MATRIX_CORE = {
    "home": Case(statuses(200)),
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
    "set_language": Case(public(302), method="post", data={"language": "it"}),
    "governance:organisation_list": Case(statuses(200)),
    "governance:organisation_detail": Case(CREMONESE_READ, args=("organisation",)),
    "governance:body_list": Case(statuses(200)),
    "governance:body_detail": Case(CREMONESE_READ, args=("body",)),
    "governance:meeting_list": Case(statuses(200)),
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
    "governance:decision_list": Case(statuses(200)),
    "governance:profile": Case(statuses(200)),
    "governance:reference_date_set": Case(statuses(302), method="post", data={"reference": "2017-01-01"}),
}

MATRIX = {**MATRIX_CORE, **MATRIX_BUDGET, **MATRIX_PATTI, **MATRIX_FUNDRAISING}


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
        **budget_world(),
        **patti_world(request),
        **fundraising_world(request),
    }


def call_as(role, case, url):
    client = Client()
    if role == NOBODY:
        client.force_login(get_user_model().objects.get_or_create(username="nobody")[0])
    elif role != ANONYMOUS:
        client.force_login(get_user_model().objects.get(username=role))
    return getattr(client, case.method)(url, case.data)


@pytest.mark.parametrize("name", sorted(MATRIX))
def test_authorisation_matrix(world, name):
    """One URL, every role; each role's request runs in a savepoint rolled back afterwards (POSTs change state)."""
    case = MATRIX[name]
    args = [world[a].pk for a in case.args]
    url = reverse(name, args=args or None, kwargs=case.kwargs or None)
    wrong = []
    for role in ALL_ROLES:
        with transaction.atomic():
            response = call_as(role, case, url)
            transaction.set_rollback(True)
        expected = case.expect[role]
        if expected == LOGIN:
            location = response.get("Location", "")
            if response.status_code != 302 or not location.startswith(reverse("login")):
                wrong.append(f"{role}: {response.status_code} {location}, expected the login redirect")
        elif response.status_code != expected:
            wrong.append(f"{role}: {response.status_code}, expected {expected}")
    assert not wrong, f"{name} ({url}):\n" + "\n".join(wrong)
