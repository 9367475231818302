"""The Patto gener-attivo: équipe, commitments, personal welfare budget, disbursements and assessments."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Case, Exists, F, IntegerField, OuterRef, Q, Value, When
from django.db.models.functions import Coalesce
from django.urls import reverse
from simple_history.models import HistoricalRecords

from governance.audit import AuditedModel
from governance.models import District, Organisation, ProjectYear
from governance.money import format_eur, money_sum
from governance.uploads import validate_document

from .. import permissions
from ..enums import (
    CLOSED_STATUSES,
    DISBURSABLE_STATUSES,
    PATTO_TRANSITIONS,
    RUNNING_STATUSES,
    Attention,
    CommitmentKind,
    CommitmentStatus,
    FundingSource,
    PattoKind,
    PattoStatus,
    PromoterType,
)
from .households import Household

BUDGET_CEILING = Decimal("2000.00")  # seed 2148-2149: "budget di welfare personale del valore massimo di 2.000 euro"
ASSESSMENT_DIMENSIONS = ["dynamism", "resilience", "incisiveness", "planning"]
ASSESSMENT_INTERVAL_DAYS = 183  # "every few months": a running pact with no assessment for 6 months is flagged
DECLINE_THRESHOLD = 2  # dimensions fallen in the latest assessment that ask the équipe to review the pact
ATTENTION_HORIZON_DAYS = 30  # pacts ending within this many days, drafts older than this, are on the worklist


def validate_signing_date(day: dt.date, *, opened_on: dt.date | None, today: dt.date) -> None:
    """A pact is signed within a project year, not before it was opened and not after today: a date outside every
    project year would leave the pact with no year and refuse every disbursement (issue 8, item 4)."""
    if day > today:
        raise ValidationError({"on_date": "La data di sottoscrizione non può essere nel futuro."})
    if opened_on and day < opened_on:
        raise ValidationError({"on_date": "La data di sottoscrizione non può precedere l'apertura del patto."})
    if not ProjectYear.objects.containing(day).exists():
        raise ValidationError(
            {"on_date": f"La data di sottoscrizione ({day:%d/%m/%Y}) non cade in nessun anno di progetto."}
        )


def patto_document_path(instance, filename):
    """Stored under a generated name: a file name typed by a person may carry the beneficiary's name."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"patti/{instance.pk or 'new'}/{uuid.uuid4().hex}.{extension}"


class PattoQuerySet(models.QuerySet):
    def visible_to(self, user):
        q = permissions.district_q(user)
        return self.all() if q is None else self.filter(q)

    def signed(self):
        return self.filter(signed_on__isnull=False)

    def with_money(self):
        """Annotate `disbursed` (not cancelled disbursements) in SQL."""
        return self.annotate(
            disbursed=money_sum("disbursements__amount", filter=Q(disbursements__cancelled_at__isnull=True))
        )

    def with_flags(self, reference: dt.date):
        """Annotate `last_assessed`, `fallen_dimensions` and `needs_assessment` (see `Patto.is_declining`), read from
        the pact's `AssessmentSummary` (patti/models/assessments.py; none: never assessed, nothing fallen)."""
        qs = self.annotate(
            last_assessed=F("assessment_summary__last_on"),
            fallen_dimensions=Coalesce("assessment_summary__fallen_dimensions", 0),
        )
        cutoff = reference - dt.timedelta(days=ASSESSMENT_INTERVAL_DAYS)
        return qs.annotate(
            needs_assessment=Case(
                When(
                    Q(status=PattoStatus.ATTIVO)
                    & Q(start_on__lt=cutoff)
                    & (Q(last_assessed__isnull=True) | Q(last_assessed__lt=cutoff)),
                    then=Value(1),
                ),
                default=Value(0),
                output_field=IntegerField(),
            )
        )

    def needing_attention(self, kind: str, reference: dt.date):
        """The pacts of one worklist item (`Attention`) at `reference`; the flags are those of `with_flags`."""
        horizon = reference + dt.timedelta(days=ATTENTION_HORIZON_DAYS)
        if kind == Attention.VALUTAZIONE:
            # `needs_assessment` of `with_flags` as an anti-join on (patto, date): one index probe per running pact
            # instead of the latest-assessment subqueries (bench/scale.py: 7.5 s → see bench/README.md at 100,000).
            cutoff = reference - dt.timedelta(days=ASSESSMENT_INTERVAL_DAYS)
            assessments = self.model._meta.get_field("assessments").related_model
            recent = assessments.objects.filter(patto=OuterRef("pk"), date__gte=cutoff)
            return self.filter(status=PattoStatus.ATTIVO, start_on__lt=cutoff).exclude(Exists(recent))
        if kind == Attention.IN_CALO:
            return self.with_flags(reference).filter(
                assessment_summary__fallen_dimensions__gte=DECLINE_THRESHOLD, status__in=RUNNING_STATUSES
            )
        if kind == Attention.IN_SCADENZA:
            return self.filter(status__in=RUNNING_STATUSES, planned_end_on__gte=reference, planned_end_on__lte=horizon)
        if kind == Attention.DA_AVVIARE:
            return self.filter(status=PattoStatus.SOTTOSCRITTO)
        if kind == Attention.BOZZE_FERME:
            return self.filter(
                status=PattoStatus.BOZZA, opened_on__lt=reference - dt.timedelta(days=ATTENTION_HORIZON_DAYS)
            )
        raise ValueError(kind)

    def needing_review(self, reference: dt.date):
        return self.with_flags(reference).filter(
            Q(needs_assessment=1)
            | Q(assessment_summary__fallen_dimensions__gte=DECLINE_THRESHOLD, status__in=RUNNING_STATUSES)
        )


class Patto(AuditedModel):
    """An agreement between a vulnerable household and the district's services, built by an équipe."""

    kind = models.CharField("tipo di patto", max_length=20, choices=PattoKind.choices)
    household = models.ForeignKey(
        Household, verbose_name="nucleo beneficiario", on_delete=models.PROTECT, related_name="patti"
    )
    district = models.ForeignKey(District, verbose_name="ambito", on_delete=models.PROTECT, related_name="patti")
    project_year = models.ForeignKey(
        ProjectYear,
        verbose_name="anno di progetto",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="patti",
        help_text="L'anno della sottoscrizione (o dell'apertura, per le bozze).",
    )
    promoter_organisation = models.ForeignKey(
        Organisation,
        verbose_name="ente promotore",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="promoted_patti",
    )
    promoter_type = models.CharField("tipo di promotore", max_length=30, choices=PromoterType.choices)
    objectives = models.TextField("obiettivi di inclusione / autonomia", blank=True)
    protection_personal = models.TextField("fattori di protezione personali", blank=True)
    protection_community = models.TextField("fattori di protezione comunitari", blank=True)
    support_actions = models.TextField("azioni di supporto", blank=True)
    resources = models.TextField("risorse impiegate", blank=True)
    pip_text = models.TextField("piano di intervento personalizzato (PIP)", blank=True)
    pip_file = models.FileField(
        "PIP (allegato)", upload_to=patto_document_path, validators=[validate_document], blank=True
    )
    signed_document = models.FileField(
        "patto firmato", upload_to=patto_document_path, validators=[validate_document], blank=True
    )
    budget_cariplo = models.DecimalField(
        "budget personale – quota Fondazione Cariplo",
        max_digits=12,
        decimal_places=2,
        default=Decimal("0.00"),
        validators=[MinValueValidator(Decimal("0"))],
    )
    budget_cofinancing = models.DecimalField(
        "budget personale – quota cofinanziamento partner",
        max_digits=12,
        decimal_places=2,
        default=Decimal("0.00"),
        validators=[MinValueValidator(Decimal("0"))],
    )
    opened_on = models.DateField("data di apertura")
    signed_on = models.DateField("data di sottoscrizione", null=True, blank=True, editable=False)
    start_on = models.DateField("data di avvio", null=True, blank=True)
    planned_end_on = models.DateField("conclusione prevista", null=True, blank=True)
    closed_on = models.DateField("data di chiusura", null=True, blank=True, editable=False)
    status = models.CharField(
        "stato", max_length=20, choices=PattoStatus.choices, default=PattoStatus.BOZZA, editable=False
    )
    interruption_reason = models.TextField("motivo dell'interruzione", blank=True, editable=False)

    objects = PattoQuerySet.as_manager()

    class Meta:
        ordering = ["-opened_on", "-pk"]
        verbose_name = "patto gener-attivo"
        verbose_name_plural = "patti gener-attivi"
        constraints = [
            models.CheckConstraint(
                condition=Q(budget_cariplo__gte=0) & Q(budget_cofinancing__gte=0), name="patto_budget_not_negative"
            ),
            models.CheckConstraint(
                condition=Q(budget_cariplo__lte=BUDGET_CEILING - F("budget_cofinancing")),
                name="patto_budget_at_most_2000",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["bozza"]) | Q(signed_on__isnull=False), name="patto_signed_has_date"
            ),
            models.CheckConstraint(
                condition=~Q(status="interrotto") | ~Q(interruption_reason=""), name="patto_interruption_has_reason"
            ),
        ]
        indexes = [
            models.Index(fields=["district", "status"]),
            models.Index(fields=["project_year", "kind"]),
            models.Index(fields=["promoter_type"]),
            # The pact list's default order (and the admin's): a top-25 read from the index, not a sort of every pact.
            models.Index(fields=["-opened_on", "-id"], name="patto_list_order"),
        ]

    def __str__(self):
        return f"Patto {self.pk} · {self.household.code}" if self.household_id else f"Patto {self.pk}"

    def save(self, *args, **kwargs):
        day = self.signed_on or self.opened_on
        year = ProjectYear.objects.containing(day).first() if day else None
        self.project_year_id = year.pk if year else None
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("patti:patto_detail", args=[self.pk])

    @property
    def budget_total(self) -> Decimal:
        return (self.budget_cariplo or Decimal("0")) + (self.budget_cofinancing or Decimal("0"))

    def budget_for(self, source: str) -> Decimal:
        return self.budget_cariplo if source == FundingSource.CARIPLO else self.budget_cofinancing

    # Once signed, the beneficiary, the opening date and the personal budget are those of the signed agreement.
    FROZEN_WHEN_SIGNED = ("household_id", "opened_on", "budget_cariplo", "budget_cofinancing")

    @property
    def is_closed(self) -> bool:
        """Concluded or interrupted: nothing of the pact changes any more (its record, disbursements, assessments)."""
        return self.status in CLOSED_STATUSES

    @property
    def is_draft(self) -> bool:
        return self.status == PattoStatus.BOZZA

    @property
    def is_editable(self) -> bool:
        return not self.is_closed

    @property
    def budget_is_frozen(self) -> bool:
        """A signed pact's budget (and beneficiary and opening date) is that of the signed agreement."""
        return not self.is_draft

    @property
    def accepts_disbursements(self) -> bool:
        """Payments from the personal budget only on a signed pact that is still running."""
        return self.status in DISBURSABLE_STATUSES

    @property
    def accepts_assessments(self) -> bool:
        return not self.is_closed

    @property
    def accepts_signed_document(self) -> bool:
        return self.signed_on is not None

    @property
    def is_declining(self) -> bool:
        """The latest assessment fell on at least DECLINE_THRESHOLD dimensions while the pact runs (the équipe should
        review it). Reads `fallen_dimensions` annotated by `PattoQuerySet.with_flags`."""
        return self.status in RUNNING_STATUSES and (getattr(self, "fallen_dimensions", 0) or 0) >= DECLINE_THRESHOLD

    def allowed_transitions(self) -> list[str]:
        return sorted(PATTO_TRANSITIONS[self.status], key=list(PattoStatus.values).index)

    def clean(self):
        errors = {}
        if self.budget_total > BUDGET_CEILING:
            errors["budget_cofinancing"] = (
                f"Il budget di welfare personale non può superare {format_eur(BUDGET_CEILING)}: "
                f"le due quote sommano {format_eur(self.budget_total)}."
            )
        if self.household_id and self.district_id and self.household.district_id != self.district_id:
            errors["household"] = "Il nucleo appartiene a un altro ambito."
        if self.start_on and self.opened_on and self.start_on < self.opened_on:
            errors["start_on"] = "L'avvio non può precedere l'apertura del patto."
        if self.planned_end_on and self.start_on and self.planned_end_on < self.start_on:
            errors["planned_end_on"] = "La conclusione prevista non può precedere l'avvio."
        if self.pk and self.budget_is_frozen:
            stored = Patto.objects.filter(pk=self.pk).values(*self.FROZEN_WHEN_SIGNED).first() or {}
            if any(stored.get(name) != getattr(self, name) for name in self.FROZEN_WHEN_SIGNED):
                errors[NON_FIELD_ERRORS] = (
                    "Il patto è sottoscritto: beneficiario, data di apertura e budget sono quelli del patto firmato e "
                    "non si cambiano più."
                )
        if errors:
            raise ValidationError(errors)


class EquipeMember(models.Model):
    """An operator of the pact's integrated équipe: an application user or a named operator of an organisation."""

    patto = models.ForeignKey(Patto, on_delete=models.CASCADE, related_name="equipe")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="utente",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="equipe_seats",
    )
    name = models.CharField("nome dell'operatore", max_length=150, blank=True)
    organisation = models.ForeignKey(
        Organisation, verbose_name="organizzazione", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    role = models.CharField("ruolo", max_length=150, blank=True)
    is_coordinator = models.BooleanField("coordinatore dell'équipe", default=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-is_coordinator", "name"]
        verbose_name = "componente dell'équipe"
        verbose_name_plural = "équipe"
        constraints = [
            models.UniqueConstraint(
                fields=["patto"], condition=Q(is_coordinator=True), name="one_coordinator_per_patto"
            ),
            models.CheckConstraint(condition=Q(user__isnull=False) | ~Q(name=""), name="equipe_member_user_or_name"),
        ]

    def __str__(self):
        if self.user_id:
            return self.user.get_full_name() or self.user.username
        return self.name


class Commitment(models.Model):
    """The beneficiary's active commitment (impegno attivo): toward the community, the family or the home."""

    patto = models.ForeignKey(Patto, on_delete=models.CASCADE, related_name="commitments")
    kind = models.CharField("tipo di impegno", max_length=20, choices=CommitmentKind.choices)
    description = models.TextField("descrizione")
    status = models.CharField(
        "stato", max_length=20, choices=CommitmentStatus.choices, default=CommitmentStatus.PLANNED
    )
    hours = models.PositiveIntegerField(
        "ore restituite", null=True, blank=True, help_text="Solo per gli impegni verso la comunità."
    )
    place = models.CharField(
        "dove", max_length=200, blank=True, help_text="Ad esempio un laboratorio di comunità o un'associazione."
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["kind", "pk"]
        verbose_name = "impegno"
        verbose_name_plural = "impegni"
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="community") | (Q(hours__isnull=True) & Q(place="")),
                name="commitment_hours_only_toward_community",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.description[:60]}"

    def clean(self):
        if self.kind != CommitmentKind.COMMUNITY and (self.hours or self.place):
            raise ValidationError("Ore e luogo si indicano solo per gli impegni verso la comunità.")
