"""Random and malformed input (Hypothesis) into the importers and the main forms: never a 500, nothing half-saved.

Bounded so the suite stays fast: 50 examples per test (30 for the pact page), no deadline (the machine is
shared). Every example runs in a savepoint rolled back afterwards, so examples do not see each other's rows.
"""

import datetime as dt

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from governance.budget.importers import EXPENSE_HEADER, LINE_HEADER, import_expenses, import_lines
from governance.imports import ImportFailed
from governance.models import BudgetLine, BudgetPlan, Expense
from patti.enums import PattoStatus
from patti.models import Disbursement, Patto
from tests.governance.budget.factories import BudgetLineFactory
from tests.patti.factories import HouseholdFactory, ledger_lines, signed_patto

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)

NASTY = [
    "",
    " ",
    "NaN",
    "sNaN",
    "-NaN",
    "Infinity",
    "-Infinity",
    "inf",
    "1e30",
    "1E-7",
    "99999999999999",
    "9999999999,99",
    "-5",
    "0",
    "0,001",
    "1,005",
    "1.234,56",
    "1234.56",
    "12,50",
    "€ 1.000",
    "\x00",
    "a\x00b",
    "=SUM(A1:A9)",
    "31/02/2016",
    "15/10/2016",
    "2016-10-15",
    "00/00/0000",
    "9999-99-99",
    "1",
    "2A",
    "cariplo",
    "contributions",
    "invoice",
    "x" * 300,
    "\ud7ff\ufffd\u202e",
]
cells = st.one_of(st.sampled_from(NASTY), st.text(max_size=40), st.integers().map(str))


def _csv(rows) -> bytes:
    return (
        "\r\n".join(";".join(c.replace(";", ",").replace("\n", " ").replace("\r", " ") for c in r) for r in rows)
    ).encode("utf-8", errors="surrogatepass")


def _upload(data: bytes, name: str):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data)


def _rolled_back(function):
    with transaction.atomic():
        try:
            return function()
        finally:
            transaction.set_rollback(True)


# --- Importers -----------------------------------------------------------------------------------------------------


@FUZZ
@given(rows=st.lists(st.lists(cells, min_size=0, max_size=len(LINE_HEADER) + 2), max_size=5), header=st.booleans())
def test_line_import_never_crashes_and_saves_nothing_on_failure(amministrazione, rows, header):
    plan = BudgetPlan.objects.get(is_active=True)
    data = _csv(([LINE_HEADER] if header else []) + rows)

    def attempt():
        before = BudgetLine.objects.count()
        try:
            import_lines(upload=_upload(data, "piano.csv"), plan=plan, user=amministrazione)
        except ImportFailed as failure:
            assert failure.errors and all(str(e) for e in failure.errors)
            assert BudgetLine.objects.count() == before

    _rolled_back(attempt)


@FUZZ
@given(row=st.lists(cells, min_size=len(EXPENSE_HEADER), max_size=len(EXPENSE_HEADER)))
def test_expense_import_never_crashes_and_saves_nothing_on_failure(amministrazione, row):
    def attempt():
        BudgetLineFactory(funding_source="cariplo")
        try:
            import_expenses(upload=_upload(_csv([EXPENSE_HEADER, row]), "spese.csv"), user=amministrazione)
        except ImportFailed:
            assert not Expense.objects.exists()

    _rolled_back(attempt)


@FUZZ
@given(data=st.binary(max_size=3000), name=st.sampled_from(["spese.csv", "spese.xlsx"]))
def test_importers_survive_any_bytes(amministrazione, data, name):
    def attempt():
        try:
            import_expenses(upload=_upload(data, name), user=amministrazione)
        except ImportFailed:
            assert not Expense.objects.exists()

    _rolled_back(attempt)


# --- Forms through their pages ---------------------------------------------------------------------------------------


def _post(user, url, data):
    client = Client()
    client.force_login(user)
    return client.post(url, data)


def _check(response, model, before):
    assert response.status_code < 500
    if response.status_code != 302:  # the form came back with its errors: nothing saved
        assert model.objects.count() == before


EXPENSE_FIELDS = [
    "date",
    "description",
    "payee",
    "document_kind",
    "document_number",
    "document_date",
    "net_amount",
    "vat_amount",
    "cup",
    "cig",
    "payment_date",
]


@FUZZ
@given(values=st.fixed_dictionaries(dict.fromkeys(EXPENSE_FIELDS, cells)), line_ok=st.booleans())
def test_expense_form_never_crashes(referente, values, line_ok):
    def attempt():
        line = BudgetLineFactory()
        before = Expense.objects.count()
        data = {**values, "line": line.pk if line_ok else values["document_number"]}
        _check(_post(referente, reverse("governance:expense_create"), data), Expense, before)

    _rolled_back(attempt)


@pytest.fixture
def active_patto(db):
    ledger_lines()
    return signed_patto(status=PattoStatus.ATTIVO)


@FUZZ
@given(
    values=st.fixed_dictionaries(
        dict.fromkeys(["date", "amount", "funding_source", "purpose", "implementing_body"], cells)
    )
)
def test_disbursement_form_never_crashes(udp_cremonese, active_patto, values):
    def attempt():
        before = Disbursement.objects.count()
        url = reverse("patti:disbursement_create", args=[active_patto.pk])
        _check(_post(udp_cremonese, url, values), Disbursement, before)

    _rolled_back(attempt)


PATTO_FIELDS = [
    "kind",
    "promoter_type",
    "promoter_organisation",
    "objectives",
    "protection_personal",
    "protection_community",
    "support_actions",
    "resources",
    "pip_text",
    "budget_cariplo",
    "budget_cofinancing",
    "opened_on",
    "start_on",
    "planned_end_on",
]


@settings(FUZZ, max_examples=30)  # the pact page is the heaviest to render
@given(
    values=st.fixed_dictionaries(dict.fromkeys(PATTO_FIELDS, cells)),
    management=st.sampled_from(["valid", "missing", "junk"]),
    household_ok=st.booleans(),
)
def test_pact_form_never_crashes(udp_cremonese, values, management, household_ok):
    def attempt():
        household = HouseholdFactory()
        before = Patto.objects.count()
        data = {**values, "household": household.pk if household_ok else values["kind"]}
        if management != "missing":
            total = "0" if management == "valid" else values["objectives"]
            for prefix in ("eq", "imp"):
                data[f"{prefix}-TOTAL_FORMS"] = total
                data[f"{prefix}-INITIAL_FORMS"] = "0"
        _check(_post(udp_cremonese, reverse("patti:patto_create"), data), Patto, before)

    _rolled_back(attempt)


def test_the_fuzzed_forms_do_save_good_input(referente):
    """The fuzz tests above are not vacuous: the same path saves a good expense."""
    line = BudgetLineFactory()
    data = {
        "line": line.pk,
        "date": dt.date(2016, 10, 3).strftime("%d/%m/%Y"),
        "description": "Affitto sala",
        "payee": "Comune",
        "document_kind": "invoice",
        "net_amount": "100,00",
        "vat_amount": "22,00",
    }
    response = _post(referente, reverse("governance:expense_create"), data)
    assert response.status_code == 302
    assert Expense.objects.get().gross_amount == 122
