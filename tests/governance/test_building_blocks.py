"""The shared building blocks every app uses: money, exports, the audited save, payments into the ledger."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from openpyxl import load_workbook

from governance.audit import ConcurrentEditError, audited_save
from governance.budget.services import payment_post
from governance.exports import Sheet, csv_bytes, safe_cell, xlsx_bytes
from governance.models import Action, District, Expense, Meeting, Organisation, PaymentMapping
from governance.money import MONEY_MAX, as_money, format_eur, validate_money
from tests.factories import MeetingFactory
from tests.patti.factories import ledger_line


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Decimal("1200"), "1.200,00 €"),
        (Decimal("2000.5"), "2.000,50 €"),
        (Decimal("0"), "0,00 €"),
        (Decimal("-1234567.891"), "-1.234.567,89 €"),
        (12.3, "12,30 €"),
        (None, "0,00 €"),
    ],
)
def test_money_reads_the_italian_way(value, text):
    assert format_eur(value) == text


def test_as_money_turns_sqlite_floats_into_cents():
    assert as_money(0.1 + 0.2) == Decimal("0.30")
    assert as_money(7) == Decimal("7.00")


@pytest.mark.parametrize(
    "value", ["NaN", "sNaN", "Infinity", "-Infinity", "1e30", "99999999999999", "1.234", "-5", "0"]
)
def test_validate_money_refuses_what_no_column_can_hold(value):
    with pytest.raises(ValidationError):
        validate_money(Decimal(value))


def test_validate_money_accepts_the_largest_amount_a_column_holds():
    validate_money(MONEY_MAX)
    validate_money(Decimal("0"), allow_zero=True)


@pytest.mark.parametrize("text", ["=1+1", "+39 0372", "-2", "@SUM(A1)", "\tx", "\rx"])
def test_exports_neutralise_formula_cells(text):
    assert safe_cell(text) == "'" + text
    raw = csv_bytes(header=["a"], rows=[[text]]).decode("utf-8-sig")
    assert raw.splitlines()[1].strip('"').startswith("'")
    sheet = load_workbook(io.BytesIO(xlsx_bytes(sheets=[Sheet("Foglio", ["a"], [[text]])]))).active
    assert sheet["A2"].value.startswith("'")  # XLSX stores a carriage return as a line feed


def test_exports_keep_numbers_as_numbers():
    raw = csv_bytes(header=["Importo", "Data"], rows=[[Decimal("1234.5"), dt.date(2017, 3, 1)]])
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.decode("utf-8-sig").splitlines() == ["Importo;Data", "1234,50;01/03/2017"]
    sheet = load_workbook(io.BytesIO(xlsx_bytes(sheets=[Sheet("S", ["Importo"], [[Decimal("1234.5")], [-3]])]))).active
    assert sheet["A2"].value == 1234.5
    assert sheet["A3"].value == -3


def test_audited_save_refuses_a_stale_version_and_records_the_user(direzione):
    meeting = MeetingFactory()
    seen = meeting.version
    audited_save(meeting, user=direzione, expected_version=seen, reason="Prima modifica")
    assert Meeting.objects.get(pk=meeting.pk).version == seen + 1
    assert meeting.history.first().history_user == direzione
    stale = Meeting.objects.get(pk=meeting.pk)
    stale.place = "Altrove"
    with pytest.raises(ConcurrentEditError):
        audited_save(stale, user=direzione, expected_version=seen)
    assert Meeting.objects.get(pk=meeting.pk).place != "Altrove"


def test_payment_goes_to_the_district_lead_line_by_default(amministrazione):
    line = ledger_line(district_code="cremonese", year=2)
    expense = payment_post(
        action_code="1",
        district=District.objects.get(code="cremonese"),
        date=dt.date(2016, 9, 1),
        amount=Decimal("500.00"),
        funding_source="cariplo",
        description="Pagamento di prova",
        payee="Comune",
        user=amministrazione,
    )
    assert expense.line == line
    assert expense.status == "approved"


def test_payment_mapping_for_the_funding_source_wins_over_any_source(amministrazione):
    cremonese = District.objects.get(code="cremonese")
    action = Action.objects.get(code="1")
    other = Organisation.objects.get(name="Comune di Cremona")
    PaymentMapping.objects.create(action=action, district=cremonese, partner=cremonese.lead_organisation)
    PaymentMapping.objects.create(action=action, district=cremonese, funding_source="cariplo", partner=other)
    assert PaymentMapping.objects.resolve(action=action, district=cremonese, funding_source="cariplo")[0] == other
    assert (
        PaymentMapping.objects.resolve(action=action, district=cremonese, funding_source="cofinancing")[0]
        == cremonese.lead_organisation
    )


def test_payment_without_a_line_or_outside_the_project_is_refused_and_saves_nothing(amministrazione):
    cremonese = District.objects.get(code="cremonese")
    kwargs = {"action_code": "1", "district": cremonese, "amount": Decimal("10"), "funding_source": "cariplo"}
    kwargs |= {"description": "x", "payee": "y", "user": amministrazione}
    with pytest.raises(ValidationError, match="Nessuna voce del piano"):
        payment_post(date=dt.date(2016, 9, 1), **kwargs)
    ledger_line(district_code="cremonese", year=2)
    with pytest.raises(ValidationError, match="anno di progetto"):
        payment_post(date=dt.date(2019, 1, 1), **kwargs)
    with pytest.raises(ValidationError, match="Nessuna voce del piano"):
        payment_post(date=dt.date(2016, 9, 1), **{**kwargs, "district": None})
    assert not Expense.objects.exists()
