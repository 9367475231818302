"""Writes of the imprese app: atomic, permission-checked, validated with Italian messages, audited.

Every save goes through `governance.audit.audited_save` (version check, history user). Payments of a pact's budget
are posted to the budget ledger through `governance.budget.services.payment_post` after the pact row is locked and
the per-source ceiling checked, in the same transaction.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from governance.audit import audited_save
from governance.budget.services import expense_reverse_payment, payment_post
from governance.enums import OrganisationKind
from governance.models import Organisation, ProjectYear
from governance.money import as_money, format_eur, validate_money

from . import permissions
from .enums import (
    FINAL_STAGES,
    PAYABLE_STAGES,
    STAGE_DATE_FIELD,
    STAGE_TRANSITIONS,
    FundingSource,
    PactStage,
    PartyRole,
)
from .models import PactPayment, PattoImpresa, QuestionnaireResult, QuestionnaireRound

ACTION_CODE = "2B"  # Action 2/B in the programme's plan (governance reference data)
FORBIDDEN = "Il suo ruolo non consente questa operazione."


def _require_writer(user, district_id) -> None:
    if not permissions.can_write_in(user, district_id):
        raise PermissionDenied(FORBIDDEN)


# --- The pact --------------------------------------------------------------------------------------------------


def company_register(*, name: str, tax_code: str = "", district, user) -> Organisation:
    """Record a company met for the first time in the organisations' registry (kind «Impresa», the pact's district).

    A name already in the registry is refused: the user chooses that organisation instead.
    """
    _require_writer(user, getattr(district, "pk", None))
    name = " ".join(name.split())
    existing = Organisation.objects.filter(name__iexact=name).first()
    if existing is not None:
        raise ValidationError(
            {"new_company_name": f"«{existing.name}» è già tra le organizzazioni: sceglierla dall'elenco."}
        )
    company = Organisation(
        name=name, kind=OrganisationKind.COMPANY, tax_code=tax_code.strip().upper() or None, district=district
    )
    try:
        company.full_clean()
    except ValidationError as error:
        raise ValidationError(
            {"new_company_tax_code" if field == "tax_code" else "new_company_name": messages
             for field, messages in error.message_dict.items()}
        ) from error  # fmt: skip
    company._history_user = user
    company._change_reason = "Impresa registrata dalla scheda di un patto con le imprese"
    company.save()
    return company


@transaction.atomic
def pact_save(
    *,
    pact: PattoImpresa,
    user,
    expected_version: int | None = None,
    formsets=(),
    new_company_name: str = "",
    new_company_tax_code: str = "",
) -> PattoImpresa:
    """Create or update a company pact (and its parties and agreed actions from valid formsets); a company met for
    the first time is registered in the same transaction.

    Refuses an organisation that is not a company, a budget over its ceilings, a budget or company changed after
    the signature and a concurrent edit; nothing is saved then.
    """
    _require_writer(user, pact.district_id)
    if new_company_name.strip() and not pact.pk:
        pact.company = company_register(
            name=new_company_name, tax_code=new_company_tax_code, district=pact.district, user=user
        )
    if pact.pk:
        stored = PattoImpresa.objects.select_for_update().get(pk=pact.pk)
        _require_writer(user, stored.district_id)
        if not stored.budget_editable and (
            stored.budget_cariplo != pact.budget_cariplo or stored.budget_donations != pact.budget_donations
        ):
            raise ValidationError("Il budget è quello del patto sottoscritto: dopo la firma non si modifica più.")
        if not stored.budget_editable and stored.company_id != pact.company_id:
            raise ValidationError("L'impresa è quella del patto sottoscritto: dopo la firma non si cambia più.")
        if stored.is_final:
            raise ValidationError("Un patto concluso o abbandonato non si modifica più.")
    pact.full_clean(exclude=["stage"])
    audited_save(pact, user=user, expected_version=expected_version, reason="Scheda del patto")
    for formset in formsets:
        formset_save(formset=formset, pact=pact, user=user)
    return pact


def formset_save(*, formset, pact: PattoImpresa, user) -> None:
    """Save the rows of a valid inline formset (parties, agreed actions) through the audited save."""
    for form in formset.deleted_forms:
        if form.instance.pk:
            form.instance._history_user = user
            form.instance.delete()
    for form in formset.forms:
        if form in formset.deleted_forms or not form.has_changed():
            continue
        record = form.save(commit=False)
        record.pact = pact
        record.full_clean()
        audited_save(record, user=user, expected_version=record.version if record.pk else None)


def _signing_problems(pact: PattoImpresa) -> list[str]:
    problems = []
    if not pact.problem.strip():
        problems.append("indicare il problema di comune interesse")
    roles = set(pact.parties.values_list("role", flat=True))
    if PartyRole.OWNERSHIP not in roles:
        problems.append("indicare la proprietà dell'impresa tra le parti")
    if PartyRole.WORKERS not in roles:
        problems.append("indicare la rappresentanza dei lavoratori tra le parti")
    if not pact.actions.exists():
        problems.append("registrare almeno un'azione concordata")
    return problems


def _latest_stage_date(pact: PattoImpresa) -> dt.date:
    return max(day for _, day in pact.stage_dates())


@transaction.atomic
def pact_transition(
    *, pact: PattoImpresa, to_stage: str, user, on_date: dt.date | None = None, reason: str = ""
) -> PattoImpresa:
    """Move the pact to its next stage (STAGE_TRANSITIONS): the one place that checks, dates and records it."""
    locked = PattoImpresa.objects.select_for_update().select_related("company").get(pk=pact.pk)
    _require_writer(user, locked.district_id)
    try:
        target = PactStage(to_stage)
    except ValueError as unknown:
        raise ValidationError(f"«{to_stage}» non è una fase dei patti con le imprese.") from unknown
    current = PactStage(locked.stage)
    if target not in STAGE_TRANSITIONS[current]:
        raise ValidationError(f"Un patto «{current.label}» non può passare alla fase «{target.label}».")
    day = on_date or timezone.localdate()
    if day > timezone.localdate():
        raise ValidationError("La data del cambio di fase non può essere futura.")
    previous = _latest_stage_date(locked)
    if day < previous:
        raise ValidationError(
            f"La data del cambio di fase ({day:%d/%m/%Y}) non può precedere quella della fase precedente "
            f"({previous:%d/%m/%Y})."
        )
    if target == PactStage.SIGNED:
        problems = _signing_problems(locked)
        if problems:
            raise ValidationError("Il patto non può essere sottoscritto: " + "; ".join(problems) + ".")
    if target == PactStage.ABANDONED:
        if not reason.strip():
            raise ValidationError("Indicare il motivo dell'abbandono.")
        locked.abandon_reason = reason.strip()
    setattr(locked, STAGE_DATE_FIELD[target], day)
    locked.stage = target
    note = f"Fase: {target.label}" + (f" ({reason.strip()})" if reason.strip() else "")
    return audited_save(locked, user=user, expected_version=locked.version, reason=note)


# --- Workplace wellbeing: trainings, indicators, questionnaires, welfare packages, dissemination --------------------


@transaction.atomic
def pact_record_add(*, pact: PattoImpresa, record, user):
    """Add a training, wellbeing indicator, welfare package or dissemination action to a pact."""
    locked = PattoImpresa.objects.select_for_update().get(pk=pact.pk)
    _require_writer(user, locked.district_id)
    if locked.stage == PactStage.ABANDONED:
        raise ValidationError("Il patto è stato abbandonato: non si registrano più attività.")
    record.pact = locked
    record.full_clean()
    return audited_save(record, user=user)


@transaction.atomic
def pact_record_update(*, record, user, expected_version: int | None):
    """Save a changed training, wellbeing indicator, welfare package or dissemination action (version-checked)."""
    locked = PattoImpresa.objects.select_for_update().get(pk=record.pact_id)
    _require_writer(user, locked.district_id)
    if locked.stage == PactStage.ABANDONED:
        raise ValidationError("Il patto è stato abbandonato: le sue attività non si modificano più.")
    record.full_clean()
    return audited_save(record, user=user, expected_version=expected_version, reason="Modifica")


@transaction.atomic
def questionnaire_save(
    *, pact: PattoImpresa, round: QuestionnaireRound, results: list[QuestionnaireResult], user
) -> QuestionnaireRound:
    """Record a questionnaire round with its main results per indicator (returned never more than distributed)."""
    locked = PattoImpresa.objects.select_for_update().get(pk=pact.pk)
    _require_writer(user, locked.district_id)
    if locked.stage == PactStage.ABANDONED:
        raise ValidationError("Il patto è stato abbandonato: non si registrano più questionari.")
    round.pact = locked
    round.full_clean()
    audited_save(round, user=user)
    for result in results:
        result.round = round
        result.full_clean()
        audited_save(result, user=user)
    return round


# --- Payments of the pact's budget ---------------------------------------------------------------------------


def paid_by_source(pact: PattoImpresa) -> dict[str, Decimal]:
    rows = pact.payments.active().values_list("funding_source").annotate(total=Sum("amount")).order_by()
    return {source: as_money(total) for source, total in rows}


@transaction.atomic
def payment_create(
    *,
    pact: PattoImpresa,
    date: dt.date,
    amount: Decimal,
    funding_source: str,
    purpose: str,
    user,
    payee: Organisation | None = None,
) -> PactPayment:
    """Pay from the pact's budget and post the payment to the ledger (Action 2B, the pact's district and source).

    The pact row is locked first, so that two simultaneous payments cannot together exceed a source's share.
    """
    locked = PattoImpresa.objects.select_for_update().select_related("district", "company").get(pk=pact.pk)
    _require_writer(user, locked.district_id)
    if locked.stage not in PAYABLE_STAGES:
        raise ValidationError(
            "I pagamenti si registrano solo su un patto sottoscritto o attivo "
            f"(questo patto è «{locked.get_stage_display()}»)."
        )
    validate_money(amount)
    if funding_source not in FundingSource.values:
        raise ValidationError({"funding_source": "Scegliere la quota Fondazione Cariplo o la quota donazioni."})
    if date < locked.signed_on:
        raise ValidationError({"date": "Il pagamento non può precedere la sottoscrizione del patto."})
    if date > timezone.localdate():
        raise ValidationError({"date": "Il pagamento non può avere una data futura."})
    if ProjectYear.objects.containing(date).first() is None:
        raise ValidationError({"date": "La data del pagamento non cade in nessun anno di progetto."})
    share = locked.budget_for(funding_source)
    already = paid_by_source(locked).get(funding_source, Decimal("0.00"))
    if already + amount > share:
        raise ValidationError(
            {
                "amount": f"L'importo supera il budget residuo della quota «{FundingSource(funding_source).label}»: "
                f"restano {format_eur(share - already)} su {format_eur(share)}."
            }
        )
    receiver = payee or locked.company
    expense = payment_post(
        action_code=ACTION_CODE,
        district=locked.district,
        funding_source=funding_source,
        date=date,
        amount=amount,
        description=f"Patto con l'impresa {locked.company} (n. {locked.pk}): {purpose}",
        payee=str(receiver),
        user=user,
        document_number=f"2B-{locked.pk}",
    )
    payment = PactPayment(
        pact=locked,
        date=date,
        amount=amount,
        funding_source=funding_source,
        purpose=purpose,
        payee=payee,
        expense=expense,
    )
    payment.full_clean(exclude=["expense"])
    return audited_save(payment, user=user, reason="Pagamento registrato e riportato nel bilancio")


@transaction.atomic
def payment_cancel(*, payment: PactPayment, user, reason: str) -> PactPayment:
    """Cancel a payment and reverse its expense in the ledger (the trace stays in both)."""
    pact = PattoImpresa.objects.select_for_update().only("pk", "district", "stage").get(pk=payment.pact_id)
    _require_writer(user, pact.district_id)
    if pact.stage in FINAL_STAGES:
        raise ValidationError("Il patto è concluso o abbandonato: i suoi pagamenti non si modificano più.")
    locked = PactPayment.objects.select_for_update().get(pk=payment.pk)
    if locked.is_cancelled:
        raise ValidationError("Il pagamento è già stato annullato.")
    if not reason.strip():
        raise ValidationError("Indicare il motivo dell'annullamento.")
    expense_reverse_payment(expense=locked.expense, user=user, reason=f"Pagamento annullato: {reason.strip()}")
    locked.cancelled_at = timezone.now()
    locked.cancel_reason = reason.strip()
    return audited_save(locked, user=user, expected_version=locked.version, reason="Pagamento annullato")
