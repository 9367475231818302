"""The rules of Action 2/B, called on the services directly: companies only, stages, budget ceilings, payments,
questionnaires, permissions. Each failing call says why in Italian and saves nothing."""

import datetime as dt
import itertools
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from governance.audit import ConcurrentEditError
from governance.budget.enums import ExpenseStatus
from governance.enums import OrganisationKind
from governance.models import Expense, Organisation
from imprese import services
from imprese.enums import STAGE_TRANSITIONS, PactStage
from imprese.models import PactPayment, PattoImpresa, QuestionnaireResult, QuestionnaireRound, Training
from tests.imprese.factories import (
    CompanyFactory,
    IndicatorFactory,
    PattoImpresaFactory,
    district,
    ledger_lines_2b,
    pact_at,
    ready_to_sign,
    writer,
)

pytestmark = pytest.mark.django_db

ALL_STAGES = list(PactStage)


def _new_pact(**kwargs) -> PattoImpresa:
    values = {
        "company": CompanyFactory(),
        "district": district(),
        "contacted_on": dt.date(2016, 7, 1),
        "budget_cariplo": Decimal("3500.00"),
        "budget_donations": Decimal("3500.00"),
        **kwargs,
    }
    return PattoImpresa(**values)


# --- Companies only --------------------------------------------------------------------------------------------


def test_company_pact_refuses_an_organisation_that_is_not_a_company(udp_cremonese):
    association = Organisation.objects.filter(kind=OrganisationKind.ASSOCIATION).first()
    with pytest.raises(ValidationError) as error:
        services.pact_save(pact=_new_pact(company=association), user=udp_cremonese)
    assert "non è registrata come impresa" in str(error.value)
    assert not PattoImpresa.objects.exists()


def test_company_pact_is_created_at_the_first_contact(udp_cremonese):
    pact = services.pact_save(pact=_new_pact(), user=udp_cremonese)
    assert pact.stage == PactStage.CONTACT
    assert pact.version == 1 and pact.created_by == udp_cremonese
    assert pact.history.get().history_user == udp_cremonese


# --- Budget ceilings -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("field", ["budget_cariplo", "budget_donations"])
def test_company_pact_budget_cannot_exceed_3500_per_source(udp_cremonese, field):
    with pytest.raises(ValidationError) as error:
        services.pact_save(pact=_new_pact(**{field: Decimal("3500.01")}), user=udp_cremonese)
    assert "non può superare 3.500,00 €" in str(error.value)
    assert not PattoImpresa.objects.exists()


def test_company_pact_budget_cannot_be_negative(udp_cremonese):
    with pytest.raises(ValidationError):
        services.pact_save(pact=_new_pact(budget_cariplo=Decimal("-1")), user=udp_cremonese)
    assert not PattoImpresa.objects.exists()


@pytest.mark.parametrize(
    "values",
    [{"budget_cariplo": Decimal("3600")}, {"budget_donations": Decimal("4000")}, {"budget_cariplo": Decimal("-5")}],
)
def test_company_pact_budget_ceiling_is_held_by_the_database(values):
    pact = PattoImpresaFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        PattoImpresa.objects.filter(pk=pact.pk).update(**values)


def test_company_pact_budget_is_fixed_after_the_signature(udp_cremonese):
    pact = pact_at(PactStage.SIGNED)
    pact.budget_cariplo = Decimal("1000.00")
    with pytest.raises(ValidationError) as error:
        services.pact_save(pact=pact, user=udp_cremonese, expected_version=pact.version)
    assert "dopo la firma non si modifica" in str(error.value)
    assert PattoImpresa.objects.get(pk=pact.pk).budget_cariplo == Decimal("3500.00")


def test_company_pact_company_is_fixed_after_the_signature(udp_cremonese):
    pact = pact_at(PactStage.SIGNED)
    original = pact.company_id
    pact.company = CompanyFactory()
    with pytest.raises(ValidationError) as error:
        services.pact_save(pact=pact, user=udp_cremonese, expected_version=pact.version)
    assert "dopo la firma non si cambia" in str(error.value)
    assert PattoImpresa.objects.get(pk=pact.pk).company_id == original


def test_company_pact_concurrent_edit_is_refused(udp_cremonese):
    pact = services.pact_save(pact=_new_pact(), user=udp_cremonese)
    stale = PattoImpresa.objects.get(pk=pact.pk)
    pact.problem = "Primo"
    services.pact_save(pact=pact, user=udp_cremonese, expected_version=1)
    stale.problem = "Secondo"
    with pytest.raises(ConcurrentEditError):
        services.pact_save(pact=stale, user=udp_cremonese, expected_version=1)
    assert PattoImpresa.objects.get(pk=pact.pk).problem == "Primo"


# --- Who may write ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("username", ["udp.cremasco", "direzione", "fundraising", "amministrazione", "referente"])
def test_company_pact_is_written_only_by_the_staff_of_its_district(username, django_user_model):
    user = django_user_model.objects.get(username=username)
    with pytest.raises(PermissionDenied):
        services.pact_save(pact=_new_pact(), user=user)
    pact = ready_to_sign(PattoImpresaFactory())
    with pytest.raises(PermissionDenied):
        services.pact_transition(pact=pact, to_stage=PactStage.ELABORATION, user=user, on_date=dt.date(2016, 8, 1))
    with pytest.raises(PermissionDenied):
        services.pact_record_add(pact=pact, record=Training(title="x", date=dt.date(2016, 8, 1)), user=user)
    assert PattoImpresa.objects.get(pk=pact.pk).stage == PactStage.CONTACT
    assert not Training.objects.exists()


def test_coordinator_of_the_district_writes_company_pacts(coordinatore):
    pact = services.pact_save(pact=_new_pact(), user=coordinatore)
    assert services.pact_transition(pact=pact, to_stage=PactStage.ELABORATION, user=coordinatore).stage == (
        PactStage.ELABORATION
    )


# --- Stages ----------------------------------------------------------------------------------------------------


def _pact_in(stage: str) -> PattoImpresa:
    if stage == PactStage.CONTACT:
        return ready_to_sign(PattoImpresaFactory())
    if stage == PactStage.ABANDONED:
        return pact_at(PactStage.ABANDONED)
    return pact_at(stage)


FORBIDDEN = [(a, b) for a, b in itertools.product(ALL_STAGES, ALL_STAGES) if b not in STAGE_TRANSITIONS[a]]
ALLOWED = [(a, b) for a in ALL_STAGES for b in sorted(STAGE_TRANSITIONS[a])]


@pytest.mark.parametrize(("current", "target"), FORBIDDEN, ids=[f"{a}->{b}" for a, b in FORBIDDEN])
def test_company_pact_forbidden_stage_change_is_refused(current, target):
    pact = _pact_in(current)
    before = PattoImpresa.objects.get(pk=pact.pk)
    with pytest.raises(ValidationError) as error:
        services.pact_transition(
            pact=pact, to_stage=target, user=writer(), on_date=dt.date(2018, 1, 10), reason="Motivo"
        )
    assert f"non può passare alla fase «{PactStage(target).label}»" in str(error.value)
    after = PattoImpresa.objects.get(pk=pact.pk)
    assert (after.stage, after.version) == (before.stage, before.version)


@pytest.mark.parametrize(("current", "target"), ALLOWED, ids=[f"{a}->{b}" for a, b in ALLOWED])
def test_company_pact_allowed_stage_change_records_its_date(current, target):
    pact = _pact_in(current)
    moved = services.pact_transition(
        pact=pact, to_stage=target, user=writer(), on_date=dt.date(2018, 1, 10), reason="Motivo"
    )
    assert moved.stage == target
    date_field = {"elaboration": "elaboration_on", "signed": "signed_on", "active": "started_on",
                  "closed": "closed_on", "abandoned": "abandoned_on"}[target]  # fmt: skip
    assert getattr(moved, date_field) == dt.date(2018, 1, 10)
    assert moved.history.latest().history_change_reason.startswith(f"Fase: {PactStage(target).label}")


def test_unknown_stage_is_refused():
    pact = _pact_in(PactStage.CONTACT)
    with pytest.raises(ValidationError) as error:
        services.pact_transition(pact=pact, to_stage="firmato", user=writer())
    assert "non è una fase" in str(error.value)


def test_company_pact_cannot_be_signed_without_problem_parties_and_actions(udp_cremonese):
    pact = PattoImpresaFactory(problem="")
    services.pact_transition(pact=pact, to_stage=PactStage.ELABORATION, user=udp_cremonese, on_date=dt.date(2016, 8, 1))
    with pytest.raises(ValidationError) as error:
        services.pact_transition(pact=pact, to_stage=PactStage.SIGNED, user=udp_cremonese, on_date=dt.date(2016, 9, 1))
    message = str(error.value)
    for expected in ("problema di comune interesse", "proprietà", "rappresentanza dei lavoratori", "azione concordata"):
        assert expected in message
    assert PattoImpresa.objects.get(pk=pact.pk).stage == PactStage.ELABORATION


def test_company_pact_abandonment_needs_a_reason(udp_cremonese):
    pact = _pact_in(PactStage.CONTACT)
    with pytest.raises(ValidationError) as error:
        services.pact_transition(pact=pact, to_stage=PactStage.ABANDONED, user=udp_cremonese, reason="  ")
    assert "motivo dell'abbandono" in str(error.value)
    assert PattoImpresa.objects.get(pk=pact.pk).stage == PactStage.CONTACT


def test_company_pact_stage_date_cannot_precede_the_previous_stage(udp_cremonese):
    pact = _pact_in(PactStage.CONTACT)  # first contact 01/07/2016
    with pytest.raises(ValidationError) as error:
        services.pact_transition(
            pact=pact, to_stage=PactStage.ELABORATION, user=udp_cremonese, on_date=dt.date(2016, 6, 30)
        )
    assert "non può precedere" in str(error.value)


def test_company_pact_stage_date_cannot_be_in_the_future(udp_cremonese):
    pact = _pact_in(PactStage.CONTACT)
    with pytest.raises(ValidationError) as error:
        services.pact_transition(
            pact=pact, to_stage=PactStage.ELABORATION, user=udp_cremonese, on_date=dt.date.today() + dt.timedelta(1)
        )
    assert "futura" in str(error.value)


def test_a_closed_company_pact_is_not_edited_any_more(udp_cremonese):
    pact = pact_at(PactStage.CLOSED)
    pact.problem = "Altro"
    with pytest.raises(ValidationError):
        services.pact_save(pact=pact, user=udp_cremonese, expected_version=pact.version)


# --- Payments --------------------------------------------------------------------------------------------------


def _pay(pact, amount="1000.00", source="cariplo", day=dt.date(2016, 11, 1), user=None):
    return services.payment_create(
        pact=pact, date=day, amount=Decimal(amount), funding_source=source, purpose="Acconto", user=user or writer()
    )


def test_payment_is_posted_to_the_ledger_on_the_action_2b_line():
    lines = ledger_lines_2b()
    pact = pact_at(PactStage.SIGNED)
    payment = _pay(pact, "1200.00", "donations")
    expense = payment.expense
    assert expense.status == ExpenseStatus.APPROVED and expense.gross_amount == Decimal("1200.00")
    assert expense.line in lines and expense.line.action.code == "2B" and expense.line.funding_source == "donations"
    assert expense.payee == str(pact.company)
    assert payment.history.get().history_user == writer()


def test_payments_cannot_exceed_the_share_of_their_source():
    ledger_lines_2b()
    pact = pact_at(PactStage.ACTIVE)
    _pay(pact, "3000.00")
    expenses = Expense.objects.count()
    with pytest.raises(ValidationError) as error:
        _pay(pact, "500.01")
    assert "restano 500,00 € su 3.500,00 €" in str(error.value)
    assert PactPayment.objects.count() == 1 and Expense.objects.count() == expenses
    _pay(pact, "500.00")  # exactly the rest is fine
    _pay(pact, "3500.00", "donations")  # the other half has its own ceiling


@pytest.mark.parametrize("stage", [PactStage.CONTACT, PactStage.ELABORATION, PactStage.CLOSED, PactStage.ABANDONED])
def test_payments_only_on_a_signed_or_active_company_pact(stage):
    ledger_lines_2b()
    pact = _pact_in(stage)
    with pytest.raises(ValidationError) as error:
        _pay(pact, day=dt.date(2018, 1, 10))
    assert "solo su un patto sottoscritto o attivo" in str(error.value)
    assert not PactPayment.objects.exists()


def test_payment_cannot_precede_the_signature():
    ledger_lines_2b()
    pact = pact_at(PactStage.SIGNED)  # signed 01/10/2016
    with pytest.raises(ValidationError) as error:
        _pay(pact, day=dt.date(2016, 9, 30))
    assert "precedere la sottoscrizione" in str(error.value)


@pytest.mark.parametrize("amount", ["0", "-10", "10.001"])
def test_payment_amount_must_be_positive_euros(amount):
    ledger_lines_2b()
    pact = pact_at(PactStage.SIGNED)
    with pytest.raises(ValidationError):
        _pay(pact, amount)
    assert not PactPayment.objects.exists()


def test_payment_without_a_budget_line_is_refused_and_nothing_saved():
    pact = pact_at(PactStage.SIGNED)
    expenses = Expense.objects.count()
    with pytest.raises(ValidationError) as error:
        _pay(pact)
    assert "Nessuna voce del piano di budget attivo per l'azione 2B" in str(error.value)
    assert not PactPayment.objects.exists() and Expense.objects.count() == expenses


def test_payment_cancel_reverses_the_expense_and_frees_the_budget():
    ledger_lines_2b()
    pact = pact_at(PactStage.ACTIVE)
    payment = _pay(pact, "3500.00")
    services.payment_cancel(payment=payment, user=writer(), reason="Importo errato")
    payment.refresh_from_db()
    assert payment.is_cancelled and payment.cancel_reason == "Importo errato"
    assert payment.expense.status == ExpenseStatus.REVERSED
    _pay(pact, "3500.00")  # the share is free again
    with pytest.raises(ValidationError):
        services.payment_cancel(payment=payment, user=writer(), reason="Di nuovo")


def test_payment_cancel_needs_a_reason_and_an_open_pact():
    ledger_lines_2b()
    pact = pact_at(PactStage.ACTIVE)
    payment = _pay(pact)
    with pytest.raises(ValidationError):
        services.payment_cancel(payment=payment, user=writer(), reason=" ")
    services.pact_transition(pact=pact, to_stage=PactStage.CLOSED, user=writer(), on_date=dt.date(2017, 9, 1))
    with pytest.raises(ValidationError) as error:
        services.payment_cancel(payment=payment, user=writer(), reason="Tardi")
    assert "concluso o abbandonato" in str(error.value)
    assert not PactPayment.objects.get(pk=payment.pk).is_cancelled


def test_payment_by_another_district_is_forbidden(udp_cremasco):
    ledger_lines_2b()
    pact = pact_at(PactStage.SIGNED)
    with pytest.raises(PermissionDenied):
        _pay(pact, user=udp_cremasco)


# --- Questionnaires and wellbeing records -----------------------------------------------------------------------


def test_questionnaire_returned_cannot_exceed_distributed(udp_cremonese):
    pact = PattoImpresaFactory()
    with pytest.raises(ValidationError) as error:
        services.questionnaire_save(
            pact=pact,
            round=QuestionnaireRound(date=dt.date(2016, 9, 1), distributed=40, returned=41),
            results=[],
            user=udp_cremonese,
        )
    assert "non possono essere più di quelli distribuiti" in str(error.value)
    assert not QuestionnaireRound.objects.exists()


def test_questionnaire_returned_at_most_distributed_is_held_by_the_database():
    pact = PattoImpresaFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        QuestionnaireRound.objects.create(pact=pact, date=dt.date(2016, 9, 1), distributed=10, returned=11)


def test_questionnaire_records_main_results_per_indicator(udp_cremonese):
    pact = PattoImpresaFactory()
    indicator = IndicatorFactory(pact=pact, name="Clima")
    round_ = services.questionnaire_save(
        pact=pact,
        round=QuestionnaireRound(date=dt.date(2016, 9, 1), distributed=40, returned=30),
        results=[QuestionnaireResult(indicator=indicator, value=Decimal("3.4"), finding="Buono")],
        user=udp_cremonese,
    )
    assert round_.response_rate == Decimal("75.0")
    assert round_.results.get().indicator == indicator


def test_questionnaire_result_on_another_company_indicator_is_refused(udp_cremonese):
    pact = PattoImpresaFactory()
    foreign = IndicatorFactory()  # another pact's indicator
    with pytest.raises(ValidationError):
        services.questionnaire_save(
            pact=pact,
            round=QuestionnaireRound(date=dt.date(2016, 9, 1), distributed=40, returned=30),
            results=[QuestionnaireResult(indicator=foreign, value=Decimal("3"))],
            user=udp_cremonese,
        )
    assert not QuestionnaireRound.objects.exists()


def test_training_counts_cannot_be_negative_in_the_database():
    pact = PattoImpresaFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Training.objects.create(pact=pact, title="x", date=dt.date(2016, 9, 1), sessions=1, union_delegates=-1)


def test_no_activity_is_added_to_an_abandoned_pact():
    pact = pact_at(PactStage.ABANDONED)
    with pytest.raises(ValidationError):
        services.pact_record_add(pact=pact, record=Training(title="x", date=dt.date(2018, 1, 1)), user=writer())


# --- A company met for the first time ------------------------------------------------------------------------------


def test_a_new_company_is_registered_with_its_first_pact(udp_cremonese):
    pact = services.pact_save(
        pact=_new_pact(company=None),
        user=udp_cremonese,
        new_company_name="  Ceramiche   Padane S.r.l. ",
        new_company_tax_code="01000000198",
    )
    company = Organisation.objects.get(name="Ceramiche Padane S.r.l.")
    assert pact.company == company and company.kind == OrganisationKind.COMPANY
    assert company.district == district() and company.tax_code == "01000000198"
    assert company.history.get().history_user == udp_cremonese


def test_a_new_company_with_a_name_already_registered_is_refused(udp_cremonese):
    with pytest.raises(ValidationError) as error:
        services.pact_save(pact=_new_pact(company=None), user=udp_cremonese, new_company_name="padania acque spa")
    assert "«Padania Acque Spa» è già tra le organizzazioni" in str(error.value)
    assert not PattoImpresa.objects.exists()


def test_a_new_company_with_a_wrong_tax_code_saves_nothing(udp_cremonese):
    pact = _new_pact(company=None)
    organisations = Organisation.objects.count()
    with pytest.raises(ValidationError) as error:
        services.pact_save(pact=pact, user=udp_cremonese, new_company_name="Nuova", new_company_tax_code="123")
    assert "11 cifre" in str(error.value)
    assert Organisation.objects.count() == organisations and not PattoImpresa.objects.exists()
