"""Writes of the patti app: atomic, checked, recorded in the audit trail (django-simple-history).

Every service checks the user's role on the record with `governance.permissions.require(patti.permissions.…)`
(PermissionDenied → 403) and the record's state rules, which live on the models (`Patto.accepts_disbursements`,
`Patto.is_closed`, `Patto.clean` for a signed pact's budget…), raising ValidationError with an Italian message.

Disbursements are posted to the budget ledger through governance's budget service (one expense per disbursement).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from governance.audit import audited_save, check_version
from governance.budget.services import expense_reverse_payment, payment_post
from governance.models import Organisation, ProjectYear
from governance.money import as_money, format_eur, validate_money
from governance.permissions import require

from . import permissions
from .enums import IDEA_TRANSITIONS, PATTO_TRANSITIONS, IdeaStatus, PattoStatus
from .models import (
    IDENTITY_FIELDS,
    Assessment,
    BusinessIdea,
    Disbursement,
    Household,
    IdentityAccess,
    Patto,
    summary_refresh,
)
from .models.patti import validate_signing_date

ACTION_CODE = "1"  # Action 1 in the programme's plan (governance reference data)


# --- Households and identity ----------------------------------------------------------------------------------


@transaction.atomic
def household_save(*, form, user, members_formset=None, expected_version: int | None = None) -> Household:
    """Create or update a household (and its other members) from valid forms; concurrent edits are refused."""
    household = form.instance
    require(permissions.can_write_in(user, household.district_id))
    if household.pk:
        stored = Household.objects.select_for_update().only("district", "anonymised_at").get(pk=household.pk)
        require(permissions.can_write_in(user, stored.district_id))
        if stored.anonymised_at:
            raise ValidationError("Il nucleo è stato anonimizzato: i dati non si modificano più.")
        household.version = check_version(household, expected_version)
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


SEARCH_PURPOSE_PATTI = "ricerca nell'elenco dei patti"
SEARCH_PURPOSE_HOUSEHOLDS = "ricerca nell'elenco dei nuclei"


def identity_search_record(*, households, user, purpose: str) -> list[Household]:
    """Log one search that showed identities: one entry per household shown, in one INSERT.

    The searched text is not stored (it is itself an identity: a surname, a codice fiscale, a phone); the entry
    says who searched, when, in which list (`purpose`) and which households the search revealed. Only households
    whose identity the user may see are logged (and shown). Returns them.
    """
    shown = [h for h in dict.fromkeys(households) if permissions.sees_identity(user, h.district_id)]
    now = timezone.now()
    IdentityAccess.objects.bulk_create(
        [IdentityAccess(household=h, user=user, purpose=purpose, accessed_at=now) for h in shown]
    )
    return shown


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
    patto = form.instance  # already holds the submitted values; nothing is written before the checks
    require(permissions.can_write_in(user, patto.district_id))
    if patto.pk:
        stored = Patto.objects.select_for_update().only("district", "status").get(pk=patto.pk)
        require(permissions.can_write_in(user, stored.district_id))
        if stored.is_closed:
            raise ValidationError("Un patto concluso o interrotto non si modifica più.")
        patto.status = stored.status
        patto.clean()  # under the lock: a signed pact keeps its beneficiary, opening date and budget
    patto = form.save(commit=False)
    audited_save(patto, user=user, expected_version=expected_version)
    form.save_m2m()
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
    require(permissions.can_write_in(user, locked.district_id))
    to_status = PattoStatus(to_status)
    current = PattoStatus(locked.status)
    if to_status not in PATTO_TRANSITIONS[current]:
        raise ValidationError(f"Un patto «{current.label}» non può passare allo stato «{to_status.label}».")
    day = on_date or timezone.localdate()
    if to_status == PattoStatus.SOTTOSCRITTO:
        problems = _signing_problems(locked)
        if problems:
            raise ValidationError("Il patto non può essere sottoscritto: " + "; ".join(problems) + ".")
        validate_signing_date(day, opened_on=locked.opened_on, today=timezone.localdate())
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
    reason_text = f"Stato: {to_status.label}" + (f" ({reason.strip()})" if reason.strip() else "")
    return audited_save(locked, user=user, expected_version=locked.version, reason=reason_text)


@transaction.atomic
def patto_correct_signing_date(*, patto: Patto, on_date: dt.date, reason: str, user) -> Patto:
    """Correct a wrongly typed signing date (district staff, with a reason; audited). The new date follows the
    signing rules and must still precede the pact's start, closing and disbursements."""
    locked = Patto.objects.select_for_update().get(pk=patto.pk)
    require(permissions.can_write_in(user, locked.district_id))
    if locked.signed_on is None:
        raise ValidationError("Il patto non è ancora sottoscritto: la data si indica alla sottoscrizione.")
    if not (reason or "").strip():
        raise ValidationError({"reason": "Indicare il motivo della correzione."})
    if on_date is None:
        raise ValidationError({"on_date": "Indicare la data di sottoscrizione corretta."})
    validate_signing_date(on_date, opened_on=locked.opened_on, today=timezone.localdate())
    if locked.start_on and on_date > locked.start_on:
        raise ValidationError({"on_date": "La sottoscrizione non può seguire l'avvio del patto."})
    if locked.closed_on and on_date > locked.closed_on:
        raise ValidationError({"on_date": "La sottoscrizione non può seguire la chiusura del patto."})
    first_payment = locked.disbursements.active().order_by("date").values_list("date", flat=True).first()
    if first_payment and on_date > first_payment:
        raise ValidationError(
            {"on_date": f"La sottoscrizione non può seguire la prima erogazione ({first_payment:%d/%m/%Y})."}
        )
    previous = locked.signed_on
    locked.signed_on = on_date
    return audited_save(
        locked,
        user=user,
        expected_version=locked.version,
        reason=(
            f"Correzione della data di sottoscrizione: {previous:%d/%m/%Y} → {on_date:%d/%m/%Y} ({reason.strip()})"
        ),
    )


@transaction.atomic
def patto_attach_signed(*, patto: Patto, upload, user) -> Patto:
    """Store the signed pact (already checked by the upload validator) on the pact."""
    patto = Patto.objects.select_for_update().get(pk=patto.pk)
    require(permissions.can_write_in(user, patto.district_id))
    if not patto.accepts_signed_document:
        raise ValidationError("Il patto firmato si carica dopo la sottoscrizione.")
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
    require(permissions.can_write_in(user, locked.district_id))
    validate_money(amount, label="L'importo dell'erogazione")
    if not locked.accepts_disbursements:
        raise ValidationError(
            "Le erogazioni si registrano solo su un patto sottoscritto o attivo "
            f"(questo patto è «{locked.get_status_display()}»)."
        )
    if date < locked.signed_on:
        raise ValidationError({"date": "L'erogazione non può precedere la sottoscrizione del patto."})
    if date > timezone.localdate():
        raise ValidationError({"date": "L'erogazione non può avere una data futura."})
    share = locked.budget_for(funding_source)
    already = as_money(disbursed_by_source(locked).get(funding_source))
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
    patto = Patto.objects.select_for_update().only("pk", "status", "district").get(pk=disbursement.patto_id)
    require(permissions.can_write_in(user, patto.district_id))
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
    """Record an assessment (scores already checked by the form and by the database constraints) and refresh the
    pact's assessment summary in the same transaction, under the pact's lock."""
    patto = Patto.objects.select_for_update().get(pk=patto.pk)
    require(permissions.can_write_in(user, patto.district_id))
    if not patto.accepts_assessments:
        raise ValidationError("Il patto è chiuso: non si registrano più valutazioni.")
    assessment = form.save(commit=False)
    assessment.patto = patto
    assessment.assessor = assessment.assessor or user
    assessment._history_user = user
    assessment.save()
    summary_refresh(patto.pk)
    return assessment


@transaction.atomic
def idea_transition(*, idea: BusinessIdea, to_status: str, user) -> BusinessIdea:
    """Move a business idea along its workflow (IDEA_TRANSITIONS)."""
    locked = BusinessIdea.objects.select_for_update().get(pk=idea.pk)
    require(permissions.can_edit_idea(user, locked))
    to_status = IdeaStatus(to_status)
    current = IdeaStatus(locked.status)
    if to_status not in IDEA_TRANSITIONS[current]:
        raise ValidationError(f"Un'idea «{current.label}» non può passare allo stato «{to_status.label}».")
    locked.status = to_status
    locked._history_user = user
    locked._change_reason = f"Stato: {to_status.label}"
    locked.save()
    return locked


@transaction.atomic
def record_save(*, form, user):
    """Create or update one of the smaller records of Action 1 (empowerment path, host organisation, placement, call,
    business idea) from its valid form, with its links; the role is checked on the stored record and on the new one.
    """
    instance = form.instance
    if instance.pk:
        stored = type(instance).objects.select_for_update().get(pk=instance.pk)
        require(permissions.can_write_record(user, stored))
    require(permissions.can_write_record(user, instance))
    instance = form.save(commit=False)
    instance._history_user = user
    instance.save()
    form.save_m2m()
    return instance
