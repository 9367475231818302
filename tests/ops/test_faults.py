"""Faults: a request whose database fails half-way saves nothing and answers the Italian error page; an import
interrupted by the database mid-way leaves nothing behind.

The error is injected at the database driver (an `execute_wrapper`), after the request has already written other
rows in the same transaction: the ledger expense before the disbursement; the meeting and its attendance before
its decisions; an import's expenses before their audit trail.
"""

import datetime as dt
from contextlib import contextmanager
from decimal import Decimal

import pytest
from django.db import OperationalError, connection
from django.test import Client
from django.urls import reverse

from governance.models import Attendance, Decision, Expense, GovernanceBody, Meeting
from patti.models import Disbursement
from tests.governance.test_meetings import meeting_post
from tests.patti.factories import ledger_lines, signed_patto

pytestmark = pytest.mark.django_db


@contextmanager
def database_fails_on(table: str):
    """The database refuses the first INSERT into `table` (as a dropped connection or a full disk would)."""
    seen = []

    def wrapper(execute, sql, params, many, context):
        seen.append(sql)
        if sql.lstrip().upper().startswith(f'INSERT INTO "{table.upper()}"'.upper()):
            raise OperationalError("server closed the connection unexpectedly (injected)")
        return execute(sql, params, many, context)

    with connection.execute_wrapper(wrapper):
        yield seen


def client_as(user):
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


def test_a_disbursement_whose_database_fails_half_way_saves_nothing(coordinatore):
    ledger_lines()
    patto = signed_patto(user=coordinatore)
    expenses = Expense.objects.count()
    client = client_as(coordinatore)
    with database_fails_on("patti_disbursement") as statements:
        response = client.post(
            reverse("patti:disbursement_create", args=[patto.pk]),
            {"date": "2016-10-01", "amount": "300.00", "funding_source": "cariplo", "purpose": "Affitto"},
        )
    assert response.status_code == 500
    assert any('INSERT INTO "governance_expense"' in sql for sql in statements)  # written before the failure
    assert response.status_code == 500
    assert "Errore del sistema" in response.content.decode()
    assert Disbursement.objects.count() == 0
    assert Expense.objects.count() == expenses
    assert Expense.history.filter(description__contains=f"patto {patto.pk}").count() == 0
    # and once the database is back, the same request goes through
    response = client.post(
        reverse("patti:disbursement_create", args=[patto.pk]),
        {"date": "2016-10-01", "amount": "300.00", "funding_source": "cariplo", "purpose": "Affitto"},
    )
    assert response.status_code == 302
    assert Disbursement.objects.get().amount == Decimal("300.00")


def test_a_meeting_whose_database_fails_half_way_saves_nothing(udp_cremasco):
    coord = GovernanceBody.objects.get(code="coord_cremasco")
    client = client_as(udp_cremasco)
    data = meeting_post(coord, decisions=[("Convocare i referenti", "2017-04-30")])
    with database_fails_on("governance_decision") as statements:
        response = client.post(f"/governance/meetings/new/?body={coord.pk}", data)
    assert any('INSERT INTO "governance_attendance"' in sql for sql in statements)
    assert response.status_code == 500
    assert "Errore del sistema" in response.content.decode()
    assert not Meeting.objects.filter(body=coord).exists()
    assert Attendance.objects.filter(meeting__body=coord).count() == 0
    assert Decision.objects.count() == 0
    assert Meeting.history.filter(body=coord).count() == 0
    assert client.post(f"/governance/meetings/new/?body={coord.pk}", data).status_code == 302
    assert Meeting.objects.get(body=coord).date == dt.date(2017, 3, 15)


def test_an_import_interrupted_mid_file_leaves_nothing_behind(amministrazione):
    """The expense import (all-or-nothing) of five rows: the database fails after the rows are written, while their
    audit trail is being written."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from governance.models import Organisation
    from tests.governance.budget.factories import BudgetLineFactory

    client = client_as(amministrazione)
    template = client.get(reverse("governance:budget_import_template", args=["expenses", "csv"])).content
    header, example = template.decode("utf-8-sig").strip().splitlines()[:2]  # the template's example row imports
    BudgetLineFactory(partner=Organisation.objects.get(tax_code="00297960197"), funding_source="cariplo")
    data = ("\r\n".join([header, *[example] * 5]) + "\r\n").encode("utf-8")
    seen = []

    def fail_on_history(execute, sql, params, many, context):
        seen.append(sql)
        if sql.lstrip().startswith('INSERT INTO "governance_historicalexpense"'):
            raise OperationalError("could not extend file: No space left on device (injected)")
        return execute(sql, params, many, context)

    with connection.execute_wrapper(fail_on_history):
        response = client.post(
            reverse("governance:budget_import", args=["expenses"]),
            {"file": SimpleUploadedFile("spese.csv", data, content_type="text/csv")},
        )
    assert any(sql.lstrip().startswith('INSERT INTO "governance_expense"') for sql in seen)  # rows written first
    # The import pipeline turns the database's refusal into its Italian file-level message (not a 500 page).
    assert response.status_code == 200
    assert "non è stato importato nulla" in response.content.decode()
    assert Expense.objects.count() == 0
    assert Expense.history.count() == 0
