"""Privacy of beneficiaries: identity only for the district staff allowed, logged; never in lists, exports, admin,
history tables; anonymisation leaves no copy behind; the household export has everything."""

import datetime as dt
import io
import json
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from patti.enums import PattoStatus
from patti.models import Household, HouseholdMember, IdentityAccess
from tests.patti.factories import HouseholdFactory, PattoFactory, ledger_lines, signed_patto, tax_code

pytestmark = pytest.mark.django_db

NAME = "Zuccarolix"
TAX_CODE = tax_code("ZCCMNG80A41D150")


@pytest.fixture
def patto():
    household = HouseholdFactory(last_name=NAME, tax_code=TAX_CODE, phone="+39 333 9876543")
    return signed_patto(household=household, status=PattoStatus.ATTIVO)


def identity_in(html: str) -> bool:
    return NAME in html or TAX_CODE in html or "9876543" in html


@pytest.mark.parametrize("role", ["udp_cremonese", "coordinatore"])
def test_district_staff_with_the_permission_see_the_identity_and_the_view_is_logged(request, client_for, patto, role):
    user = request.getfixturevalue(role)
    client = client_for(user)
    for url in (patto.get_absolute_url(), patto.household.get_absolute_url()):
        assert identity_in(client.get(url).content.decode())
    assert IdentityAccess.objects.filter(user=user, household=patto.household).count() == 2


@pytest.mark.parametrize("role", ["direzione", "superuser"])
def test_direzione_and_superusers_see_only_the_code(request, client_for, patto, role):
    user = request.getfixturevalue(role)
    client = client_for(user)
    for url in (patto.get_absolute_url(), patto.household.get_absolute_url()):
        page = client.get(url).content.decode()
        assert patto.household.code in page and not identity_in(page)
    assert not IdentityAccess.objects.exists()


def test_district_user_without_the_identity_permission_sees_only_the_code(client_for, coordinatore, patto):
    coordinatore.groups.first().permissions.remove(
        *coordinatore.groups.first().permissions.filter(codename="view_identity")
    )
    user = get_user_model().objects.get(pk=coordinatore.pk)  # fresh permission cache
    page = client_for(user).get(patto.get_absolute_url()).content.decode()
    assert not identity_in(page)
    form_page = client_for(user).get(reverse("patti:household_edit", args=[patto.household.pk])).content.decode()
    assert 'name="last_name"' not in form_page


ALL_ROLES = [
    "direzione",
    "udp_cremonese",
    "udp_cremasco",
    "coordinatore",
    "fundraising",
    "amministrazione",
    "referente",
]
LIST_URLS = ["patti:patto_list", "patti:household_list", "patti:placement_list", "patti:path_list", "patti:idea_list"]


@pytest.mark.parametrize("role", ALL_ROLES)
def test_no_identity_in_any_list_or_export(request, client_for, patto, role):
    client = client_for(request.getfixturevalue(role))
    for name in LIST_URLS:
        assert not identity_in(client.get(reverse(name)).content.decode()), name
    export = client.get(reverse("patti:patto_list"), {"format": "csv"})
    assert export["Content-Type"].startswith("text/csv")
    assert not identity_in(export.content.decode())


def test_search_by_name_finds_nothing_for_the_direzione(client_for, direzione, patto):
    """The Direzione never sees identities, so it cannot search by them (tests/patti/test_search.py: the rest)."""
    page = client_for(direzione).get(reverse("patti:patto_list"), {"q": NAME}).content.decode()
    assert "Nessun patto corrisponde" in page


def test_csv_export_lists_the_pacts_by_code(client_for, direzione, patto):
    export = client_for(direzione).get(reverse("patti:patto_list"), {"format": "csv"}).content.decode()
    assert patto.household.code in export


def test_pdf_carries_the_identity_only_for_allowed_users(client_for, direzione, coordinatore, patto):
    captured = {}

    def fake_render(*, request, template, context, filename):
        captured.update(context)
        from django.http import HttpResponse

        return HttpResponse(b"%PDF-", content_type="application/pdf")

    with mock.patch("patti.views.patti.render_pdf", side_effect=fake_render):
        client_for(direzione).get(reverse("patti:patto_pdf", args=[patto.pk]))
        assert captured["identity"] is None
        client_for(coordinatore).get(reverse("patti:patto_pdf", args=[patto.pk]))
        assert captured["identity"].last_name == NAME
    assert IdentityAccess.objects.filter(user=coordinatore, purpose__contains="PDF").exists()


def test_pdf_renders_a_real_document(client_for, coordinatore, patto):
    response = client_for(coordinatore).get(reverse("patti:patto_pdf", args=[patto.pk]))
    assert response.status_code == 200 and response.content.startswith(b"%PDF-")


def test_admin_never_shows_identities(client, patto, superuser, direzione):
    """The superuser sees no identity in the admin (see tests/test_admin.py); the Direzione gets no admin page."""
    for user in (superuser, direzione):
        client.force_login(user)
        for url in (
            reverse("admin:patti_household_changelist"),
            reverse("admin:patti_household_change", args=[patto.household.pk]),
            reverse("admin:patti_patto_changelist"),
            reverse("admin:patti_household_history", args=[patto.household.pk]),
        ):
            response = client.get(url)
            assert not identity_in(response.content.decode()), (user, url)
        searched = client.get(reverse("admin:patti_household_changelist"), {"q": NAME}).content.decode()
        assert patto.household.code not in searched  # no search by name


def test_access_log_is_readable_by_the_direzione_only(client_for, direzione, udp_cremonese, patto):
    client_for(udp_cremonese).get(patto.get_absolute_url())
    page = client_for(direzione).get(reverse("patti:access_log")).content.decode()
    assert patto.household.code in page and "scheda del patto" in page and not identity_in(page)
    assert client_for(udp_cremonese).get(reverse("patti:access_log")).status_code == 403


def _all_rows_text() -> str:
    """Every row of every table of the database, as text."""
    chunks = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - table names from introspection
            chunks.extend(repr(row) for row in cursor.fetchall())
    return "\n".join(chunks)


def test_identity_never_lands_in_history_tables(coordinatore, patto):
    household = patto.household
    household.phone = "+39 333 0000000"
    household.save()
    for model in (Household, HouseholdMember):
        history = model.history.model
        names = {f.name for f in history._meta.get_fields()}
        assert not names & {"first_name", "last_name", "tax_code", "birth_date", "phone", "email", "address", "sex"}, (
            model
        )
    assert household.history.count() == 2


def test_anonymisation_leaves_no_identity_anywhere(client_for, coordinatore, media_root):
    ledger_lines()
    household = HouseholdFactory(last_name=NAME, tax_code=TAX_CODE, phone="+39 333 9876543")
    member = HouseholdMember.objects.create(
        household=household, first_name="Piccolo", last_name=NAME, relationship="child"
    )
    member.first_name = "Piccola"
    member.save()
    patto = signed_patto(household=household, status=PattoStatus.CONCLUSO, user=coordinatore)
    client_for(coordinatore).get(patto.get_absolute_url())  # an access log entry
    household.address = "Via Nuova 1, Cremona"
    household.save()
    assert identity_in(_all_rows_text())
    out = io.StringIO()
    call_command("anonymise_patti", "--days", "0", stdout=out)
    assert "Nuclei anonimizzati: 1" in out.getvalue()
    assert not identity_in(_all_rows_text())
    assert "Via Nuova" not in _all_rows_text()
    household.refresh_from_db()
    assert household.anonymised_at and household.adults == 1 and household.minors == 2
    assert not household.members.exists() and "Piccol" not in _all_rows_text()


def test_anonymisation_keeps_households_with_open_or_recent_pacts(coordinatore):
    running = signed_patto(status=PattoStatus.ATTIVO)
    recent = signed_patto(status=PattoStatus.CONCLUSO)
    out = io.StringIO()
    retention = (dt.date.today() - recent.closed_on).days + 10
    call_command("anonymise_patti", "--days", str(retention), stdout=out)
    assert "Nuclei anonimizzati: 0" in out.getvalue()
    call_command("anonymise_patti", "--days", "0", stdout=out)
    running.household.refresh_from_db()
    recent.household.refresh_from_db()
    assert running.household.anonymised_at is None and recent.household.anonymised_at is not None


def test_household_export_has_everything(tmp_path, coordinatore):
    patto = signed_patto(household=HouseholdFactory(last_name=NAME), user=coordinatore)
    PattoFactory(household=patto.household)
    target = tmp_path / "export.json"
    call_command("export_household", patto.household.code, "--output", str(target), stderr=io.StringIO())
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["identity"]["last_name"] == NAME
    assert len(data["patti"]) == 2
    assert {p["status"] for p in data["patti"]} == {"sottoscritto", "bozza"}
    assert data["patti"][0]["commitments"] or data["patti"][1]["commitments"]
    assert IdentityAccess.objects.filter(household=patto.household, user=None).exists()
