"""The rules of a pact's life: workflow, personal budget, disbursements in the ledger, assessments."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from governance.models import Action, Expense, Organisation, PaymentMapping
from patti import services
from patti.enums import PATTO_TRANSITIONS, FundingSource, PattoStatus
from patti.forms import AssessmentForm, PattoForm
from patti.forms_households import HouseholdForm
from patti.models import Assessment, Disbursement, Patto
from tests.patti.factories import (
    AssessmentFactory,
    HouseholdFactory,
    PattoFactory,
    ledger_line,
    ledger_lines,
    signed_patto,
)

pytestmark = pytest.mark.django_db


# --- Workflow ---------------------------------------------------------------------------------------------------


def _patto_in(status, user):
    if status == PattoStatus.BOZZA:
        return PattoFactory()
    if status == PattoStatus.INTERROTTO:
        patto = signed_patto(user=user)
        return services.patto_transition(patto=patto, to_status=status, user=user, reason="Rinuncia")
    return signed_patto(user=user, status=status)


FORBIDDEN = [
    (current, target)
    for current in PattoStatus.values
    for target in PattoStatus.values
    if target not in PATTO_TRANSITIONS[current]
]


@pytest.mark.parametrize(("current", "target"), FORBIDDEN)
def test_forbidden_transitions_are_refused(coordinatore, current, target):
    patto = _patto_in(current, coordinatore)
    with pytest.raises(ValidationError, match="non può passare"):
        services.patto_transition(
            patto=patto, to_status=target, user=coordinatore, on_date=dt.date(2017, 3, 1), reason="x"
        )
    patto.refresh_from_db()
    assert patto.status == current


def test_full_workflow_records_dates_and_history(coordinatore):
    patto = signed_patto(user=coordinatore, status=PattoStatus.CONCLUSO, on=dt.date(2016, 9, 15))
    assert (patto.signed_on, patto.start_on, patto.closed_on) == (
        dt.date(2016, 9, 15),
        dt.date(2016, 9, 15),
        dt.date(2017, 4, 3),
    )
    assert patto.project_year.number == 2
    reasons = list(patto.history.values_list("history_change_reason", flat=True))
    assert "Stato: Concluso" in reasons and "Stato: Sottoscritto" in reasons
    assert patto.history.filter(history_user=coordinatore).count() >= 3


def test_interruption_needs_a_reason(coordinatore):
    patto = signed_patto(user=coordinatore)
    with pytest.raises(ValidationError, match="motivo dell'interruzione"):
        services.patto_transition(patto=patto, to_status=PattoStatus.INTERROTTO, user=coordinatore, reason="  ")
    patto = services.patto_transition(
        patto=patto, to_status=PattoStatus.INTERROTTO, user=coordinatore, reason="Trasferimento"
    )
    assert patto.interruption_reason == "Trasferimento" and patto.closed_on


def test_database_refuses_interruption_without_reason():
    patto = signed_patto()
    with pytest.raises(IntegrityError), transaction.atomic():
        Patto.objects.filter(pk=patto.pk).update(status=PattoStatus.INTERROTTO, interruption_reason="")


def test_signing_needs_objectives_and_a_commitment(coordinatore):
    patto = PattoFactory(objectives="")
    with pytest.raises(ValidationError) as error:
        services.patto_transition(patto=patto, to_status=PattoStatus.SOTTOSCRITTO, user=coordinatore)
    assert "obiettivi" in str(error.value) and "impegno" in str(error.value)
    patto.refresh_from_db()
    assert patto.status == PattoStatus.BOZZA and patto.signed_on is None


# --- Personal welfare budget ------------------------------------------------------------------------------------


def test_budget_over_2000_is_refused_by_the_form(coordinatore):
    household = HouseholdFactory()
    form = PattoForm(
        {
            "household": household.pk,
            "kind": "inclusione",
            "promoter_type": "social_services",
            "budget_cariplo": "1500.00",
            "budget_cofinancing": "500.01",
            "opened_on": "2016-09-01",
        },
        instance=Patto(),
        user=coordinatore,
    )
    assert not form.is_valid()
    assert "non può superare 2.000,00 €" in str(form.errors)


def test_budget_over_2000_is_refused_by_the_database():
    patto = PattoFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Patto.objects.filter(pk=patto.pk).update(budget_cariplo=Decimal("1500.00"), budget_cofinancing=Decimal("501"))


def test_budget_of_exactly_2000_is_accepted():
    patto = PattoFactory(budget_cariplo=Decimal("1400.00"), budget_cofinancing=Decimal("600.00"))
    patto.full_clean()
    assert patto.budget_total == Decimal("2000.00")


# --- Disbursements and the ledger -------------------------------------------------------------------------------


def _pay(patto, user, amount="500.00", source=FundingSource.CARIPLO, day=dt.date(2016, 10, 1)):
    return services.disbursement_create(
        patto=patto, date=day, amount=Decimal(amount), purpose="Canone di locazione", funding_source=source, user=user
    )


def test_disbursement_posts_an_approved_expense_on_the_lead_partner_line(coordinatore):
    line = ledger_line(year=2, source=FundingSource.CARIPLO)
    patto = signed_patto(user=coordinatore)
    disbursement = _pay(patto, coordinatore)
    expense = disbursement.expense
    assert expense.line == line
    assert line.partner.name == "Azienda Sociale del Cremonese"
    assert expense.status == "approved" and expense.gross_amount == Decimal("500.00")
    assert patto.household.code in expense.description
    assert patto.household.last_name not in expense.description + expense.payee


def test_disbursement_uses_the_project_year_and_source_of_its_date(coordinatore):
    ledger_lines()
    patto = signed_patto(user=coordinatore, status=PattoStatus.ATTIVO)
    disbursement = _pay(patto, coordinatore, source=FundingSource.COFINANCING, day=dt.date(2017, 7, 1))
    assert disbursement.expense.line.year.number == 3
    assert disbursement.expense.line.funding_source == "cofinancing"


def test_disbursement_without_a_ledger_line_is_refused_and_nothing_is_saved(coordinatore):
    patto = signed_patto(user=coordinatore)
    with pytest.raises(ValidationError, match="Nessuna voce del piano di budget"):
        _pay(patto, coordinatore)
    assert not Disbursement.objects.exists()
    assert not Expense.objects.exists()


def test_payment_mapping_redirects_disbursements(coordinatore):
    other = Organisation.objects.get(name="Comune di Cremona")
    patto = signed_patto(user=coordinatore)
    PaymentMapping.objects.create(action=Action.objects.get(code="1"), district=patto.district, partner=other)
    line = ledger_line()
    line.partner = other
    line.save()
    assert _pay(patto, coordinatore).expense.line.partner == other


def test_disbursement_before_signing_is_refused(coordinatore):
    ledger_lines()
    patto = PattoFactory()
    with pytest.raises(ValidationError, match="sottoscritto o attivo"):
        _pay(patto, coordinatore)
    patto = signed_patto(user=coordinatore, on=dt.date(2016, 10, 1))
    with pytest.raises(ValidationError, match="non può precedere la sottoscrizione"):
        _pay(patto, coordinatore, day=dt.date(2016, 9, 30))
    assert not Disbursement.objects.exists()


def test_disbursement_on_a_closed_pact_is_refused(coordinatore):
    ledger_lines()
    patto = signed_patto(user=coordinatore, status=PattoStatus.CONCLUSO)
    with pytest.raises(ValidationError, match="sottoscritto o attivo"):
        _pay(patto, coordinatore, day=dt.date(2017, 5, 1))


def test_disbursements_cannot_exceed_the_budget_of_their_source(coordinatore):
    ledger_lines()
    patto = signed_patto(user=coordinatore)  # 1,200 Cariplo + 600 co-financing
    _pay(patto, coordinatore, "1000.00")
    with pytest.raises(ValidationError, match="restano 200,00 € su 1.200,00 €"):
        _pay(patto, coordinatore, "200.01")
    _pay(patto, coordinatore, "200.00")
    with pytest.raises(ValidationError, match="budget residuo"):
        _pay(patto, coordinatore, "600.01", source=FundingSource.COFINANCING)
    _pay(patto, coordinatore, "600.00", source=FundingSource.COFINANCING)
    assert sum(d.amount for d in patto.disbursements.all()) == patto.budget_total
    assert Expense.objects.filter(status="approved").count() == 3


def test_cancelling_a_disbursement_reverses_its_expense_and_frees_the_budget(coordinatore):
    ledger_lines()
    patto = signed_patto(user=coordinatore)
    disbursement = _pay(patto, coordinatore, "1200.00")
    services.disbursement_cancel(disbursement=disbursement, user=coordinatore, reason="Importo errato")
    disbursement.refresh_from_db()
    assert disbursement.is_cancelled and disbursement.cancel_reason == "Importo errato"
    assert Expense.objects.get(pk=disbursement.expense_id).status == "reversed"
    _pay(patto, coordinatore, "1200.00")
    with pytest.raises(ValidationError, match="già stata annullata"):
        services.disbursement_cancel(disbursement=disbursement, user=coordinatore, reason="ancora")


def test_disbursements_of_a_closed_pact_cannot_be_cancelled(coordinatore):
    ledger_lines()
    patto = signed_patto(user=coordinatore, status=PattoStatus.ATTIVO)
    disbursement = _pay(patto, coordinatore, "100.00")
    services.patto_transition(
        patto=patto, to_status=PattoStatus.CONCLUSO, user=coordinatore, on_date=dt.date(2017, 1, 1)
    )
    with pytest.raises(ValidationError, match="Il patto è chiuso"):
        services.disbursement_cancel(disbursement=disbursement, user=coordinatore, reason="errore")
    assert Expense.objects.get(pk=disbursement.expense_id).status == "approved"


# --- Households and assessments -------------------------------------------------------------------------------


def test_household_gets_a_pseudonymous_code_unrelated_to_the_person():
    household = HouseholdFactory()
    assert household.code.startswith("CRE-") and len(household.code) == 10
    assert household.last_name.upper()[:3] not in household.code[4:]
    assert str(household) == household.code


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("tax_code", "RSSMRA80A01D150Q", "Codice fiscale non valido"),
        ("birth_date", "2999-01-01", "non può essere nel futuro"),
    ],
)
def test_household_form_refuses_bad_identity(coordinatore, field, value, message):
    data = {
        "district": HouseholdFactory.build().district.pk,
        "first_name": "Anna",
        "last_name": "Verdi",
        "tax_code": "",
        "adults": 1,
        "minors": 0,
        "citizenship": "italian",
        "employment_status": "unemployed",
        "target_group": "alone",
        "reached_through": "social_services",
        field: value,
    }
    form = HouseholdForm(data, user=coordinatore)
    assert not form.is_valid()
    assert message in str(form.errors[field])


@pytest.mark.parametrize("score", [0, 6])
def test_assessment_score_outside_1_5_is_refused(score):
    form = AssessmentForm({"date": "2016-12-01", "dynamism": score, "resilience": 3, "incisiveness": 3, "planning": 3})
    assert not form.is_valid()
    assert "Il punteggio va da 1 a 5." in form.errors["dynamism"]
    patto = PattoFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Assessment.objects.create(
            patto=patto, date=dt.date(2016, 12, 1), dynamism=score, resilience=3, incisiveness=3, planning=3
        )


def test_flags_active_without_assessment_and_declining(coordinatore):
    stale = signed_patto(user=coordinatore, status=PattoStatus.ATTIVO, on=dt.date(2016, 9, 15))
    declining = signed_patto(user=coordinatore, status=PattoStatus.ATTIVO, on=dt.date(2016, 9, 15))
    AssessmentFactory(patto=declining, date=dt.date(2017, 1, 10), dynamism=4, resilience=4, incisiveness=3)
    AssessmentFactory(patto=declining, date=dt.date(2017, 5, 10), dynamism=3, resilience=3, incisiveness=3)
    steady = signed_patto(user=coordinatore, status=PattoStatus.ATTIVO, on=dt.date(2016, 9, 15))
    AssessmentFactory(patto=steady, date=dt.date(2017, 1, 10), dynamism=4)
    AssessmentFactory(patto=steady, date=dt.date(2017, 5, 10), dynamism=3)
    flagged = Patto.objects.needing_review(dt.date(2017, 6, 1))
    assert set(flagged) == {stale, declining}
