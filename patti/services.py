"""Writes of the patti app: atomic, checked, recorded in the audit trail (django-simple-history).

Disbursements are posted to the budget ledger through governance's budget service (one expense per disbursement).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from governance.budget.services import expense_reverse_payment, payment_post
from governance.models import Organisation, ProjectYear
from governance.money import format_eur
from governance.services import ConcurrentEditError

from .enums import DISBURSABLE_STATUSES, IDEA_TRANSITIONS, PATTO_TRANSITIONS, IdeaStatus, PattoStatus
from .models import (
    IDENTITY_FIELDS,
    Assessment,
    BusinessIdea,
    Disbursement,
    Household,
    IdentityAccess,
    Patto,
)

ACTION_CODE = "1"  # Action 1 in the programme's plan (governance reference data)

CONCURRENT_MESSAGE = (
    "Nel frattempo un'altra persona ha modificato questo record. "
    "Ricaricare la pagina per vedere la versione aggiornata prima di salvare di nuovo."
)


def _check_version(model, pk: int, expected_version: int | None) -> int:
    current = model.objects.select_for_update().only("version").get(pk=pk)
    if expected_version is None or current.version != expected_version:
        raise ConcurrentEditError(CONCURRENT_MESSAGE)
    return current.version + 1


# --- Households and identity ----------------------------------------------------------------------------------


@transaction.atomic
def household_save(*, form, user, members_formset=None, expected_version: int | None = None) -> Household:
    """Create or update a household (and its other members) from valid forms; concurrent edits are refused."""
    household = form.instance
    if household.pk:
        household.version = _check_version(Household, household.pk, expected_version)
    else:
        household.created_by = user
    household._history_user = user
    household = form.save()
    if members_formset is not None:
        members_formset.instance = household
        members_formset.save()
    return household


def identity_access_record(*, household: Household, user, purpose: str) -> None:
    """Log that `user` has been shown the identity of `household` (who, when, which household; never the identity)."""
    IdentityAccess.objects.create(household=household, user=user, purpose=purpose)


@transaction.atomic
def household_anonymise(*, household: Household) -> None:
    """Erase the referent person's identity and the pacts' signed documents; the numbers stay."""
    for name in IDENTITY_FIELDS:
        field = household._meta.get_field(name)
        setattr(household, name, None if field.null else "")
    for member in household.members.all():
        member._change_reason = "Anonimizzazione per fine del periodo di conservazione"
        member.delete()
    household.anonymised_at = timezone.now()
    household._change_reason = "Anonimizzazione per fine del periodo di conservazione"
    household.save()
    for patto in household.patti.all():
        for name in ("pip_file", "signed_document"):
            document = getattr(patto, name)
            if document:
                document.delete(save=False)
                setattr(patto, name, "")
        patto._change_reason = "Anonimizzazione: documenti con dati identificativi eliminati"
        patto.save()


# --- Pacts ----------------------------------------------------------------------------------------------------


@transaction.atomic
def patto_save(*, form, equipe_formset=None, commitment_formset=None, user, expected_version: int | None = None):
    """Create or update a pact (and its équipe and commitments) from valid forms; concurrent edits are refused."""
    patto = form.instance
    if patto.pk:
        patto.version = _check_version(Patto, patto.pk, expected_version)
    else:
        patto.created_by = user
    patto._history_user = user
    patto = form.save()
    for formset in (equipe_formset, commitment_formset):
        if formset is not None:
            formset.instance = patto
            formset.save()
    return patto


def _signing_problems(patto: Patto) -> list[str]:
    problems = []
    if not patto.objectives.strip():
        problems.append("indicare gli obiettivi del patto")
    if not patto.commitments.exists():
        problems.append("registrare almeno un impegno del beneficiario")
    return problems


@transaction.atomic
def patto_transition(*, patto: Patto, to_status: str, user, on_date: dt.date | None = None, reason: str = "") -> Patto:
    """Move the pact along its workflow (PATTO_TRANSITIONS): the one place that checks, saves and logs it."""
    locked = Patto.objects.select_for_update().get(pk=patto.pk)
    to_status = PattoStatus(to_status)
    current = PattoStatus(locked.status)
    if to_status not in PATTO_TRANSITIONS[current]:
        raise ValidationError(f"Un patto «{current.label}» non può passare allo stato «{to_status.label}».")
    day = on_date or timezone.localdate()
    if to_status == PattoStatus.SOTTOSCRITTO:
        problems = _signing_problems(locked)
        if problems:
            raise ValidationError("Il patto non può essere sottoscritto: " + "; ".join(problems) + ".")
        if day < locked.opened_on:
            raise ValidationError("La data di sottoscrizione non può precedere l'apertura del patto.")
        locked.signed_on = day
    elif to_status == PattoStatus.ATTIVO:
        if day < locked.signed_on:
            raise ValidationError("L'avvio non può precedere la sottoscrizione.")
        locked.start_on = locked.start_on or day
    else:
        if to_status == PattoStatus.INTERROTTO:
            if not reason.strip():
                raise ValidationError("Indicare il motivo dell'interruzione.")
            locked.interruption_reason = reason.strip()
        if day < locked.signed_on:
            raise ValidationError("La chiusura non può precedere la sottoscrizione.")
        locked.closed_on = day
    locked.status = to_status
    locked.version += 1
    locked._history_user = user
    locked._change_reason = f"Stato: {to_status.label}" + (f" ({reason.strip()})" if reason.strip() else "")
    locked.save()
    return locked


@transaction.atomic
def patto_attach_signed(*, patto: Patto, upload, user) -> Patto:
    """Store the signed pact (already checked by the upload validator) on the pact."""
    patto.signed_document.save(upload.name, upload, save=False)
    patto._history_user = user
    patto._change_reason = "Caricato il patto firmato"
    patto.save(update_fields=["signed_document", "project_year"])
    return patto


# --- Personal welfare budget: disbursements --------------------------------------------------------------------


def disbursed_by_source(patto: Patto) -> dict[str, Decimal]:
    rows = patto.disbursements.active().values_list("funding_source").annotate(total=Sum("amount")).order_by()
    return dict(rows)


@transaction.atomic
def disbursement_create(
    *,
    patto: Patto,
    date: dt.date,
    amount: Decimal,
    purpose: str,
    funding_source: str,
    user,
    implementing_body: Organisation | None = None,
) -> Disbursement:
    """Pay from the pact's personal budget and post the payment to the ledger; the pact row is locked so that two
    simultaneous disbursements cannot together exceed the budget."""
    locked = Patto.objects.select_for_update().select_related("district", "household").get(pk=patto.pk)
    if locked.status not in DISBURSABLE_STATUSES:
        raise ValidationError(
            "Le erogazioni si registrano solo su un patto sottoscritto o attivo "
            f"(questo patto è «{locked.get_status_display()}»)."
        )
    if date < locked.signed_on:
        raise ValidationError({"date": "L'erogazione non può precedere la sottoscrizione del patto."})
    if date > timezone.localdate():
        raise ValidationError({"date": "L'erogazione non può avere una data futura."})
    share = locked.budget_for(funding_source)
    already = Decimal(disbursed_by_source(locked).get(funding_source) or 0).quantize(Decimal("0.01"))
    if already + amount > share:
        remaining = share - already
        raise ValidationError(
            {
                "amount": f"L'importo supera il budget residuo della quota "
                f"«{Disbursement(funding_source=funding_source).get_funding_source_display()}»: "
                f"restano {format_eur(remaining)} su {format_eur(share)}."
            }
        )
    if ProjectYear.objects.containing(date).first() is None:
        raise ValidationError({"date": "La data dell'erogazione non cade in nessun anno di progetto."})
    expense = payment_post(
        action_code=ACTION_CODE,
        district=locked.district,
        funding_source=funding_source,
        date=date,
        amount=amount,
        description=f"Erogazione budget di welfare personale – patto {locked.pk} ({locked.household.code}): {purpose}",
        payee=str(implementing_body) if implementing_body else f"Beneficiario del patto {locked.household.code}",
        user=user,
        document_number=f"PATTO-{locked.pk}",
    )
    disbursement = Disbursement(
        patto=locked,
        date=date,
        amount=amount,
        purpose=purpose,
        funding_source=funding_source,
        implementing_body=implementing_body,
        expense=expense,
        created_by=user,
    )
    disbursement._history_user = user
    disbursement.save()
    return disbursement


@transaction.atomic
def disbursement_cancel(*, disbursement: Disbursement, user, reason: str) -> Disbursement:
    """Cancel a disbursement and reverse its expense in the ledger."""
    patto = Patto.objects.select_for_update().only("pk", "status").get(pk=disbursement.patto_id)
    if patto.is_closed:
        raise ValidationError("Il patto è chiuso: le sue erogazioni non si modificano più.")
    locked = Disbursement.objects.select_for_update().get(pk=disbursement.pk)
    if locked.is_cancelled:
        raise ValidationError("L'erogazione è già stata annullata.")
    if not reason.strip():
        raise ValidationError("Indicare il motivo dell'annullamento.")
    expense_reverse_payment(expense=locked.expense, user=user, reason=f"Erogazione annullata: {reason.strip()}")
    locked.cancelled_at = timezone.now()
    locked.cancelled_by = user
    locked.cancel_reason = reason.strip()
    locked._history_user = user
    locked.save()
    return locked


# --- Assessments and business ideas ----------------------------------------------------------------------------


@transaction.atomic
def assessment_create(*, form, patto: Patto, user) -> Assessment:
    """Record an assessment (scores already checked by the form and by the database constraints)."""
    assessment = form.save(commit=False)
    assessment.patto = patto
    assessment.assessor = assessment.assessor or user
    assessment._history_user = user
    assessment.save()
    return assessment


@transaction.atomic
def idea_transition(*, idea: BusinessIdea, to_status: str, user) -> BusinessIdea:
    """Move a business idea along its workflow (IDEA_TRANSITIONS)."""
    locked = BusinessIdea.objects.select_for_update().get(pk=idea.pk)
    to_status = IdeaStatus(to_status)
    current = IdeaStatus(locked.status)
    if to_status not in IDEA_TRANSITIONS[current]:
        raise ValidationError(f"Un'idea «{current.label}» non può passare allo stato «{to_status.label}».")
    locked.status = to_status
    locked._history_user = user
    locked._change_reason = f"Stato: {to_status.label}"
    locked.save()
    return locked
