"""Patti con le Imprese (Action 2/B): the company pact, its parties and agreed actions, workplace wellbeing
(training, indicators, questionnaire rounds, welfare packages, dissemination) and the payments of its budget.

A company pact is "a voluntary agreement between the company's ownership, its workers and the local social context
(local bodies, associations, volunteers) to face together a problem of common interest with social relevance"
(seed 2265-2268). Budget: at most € 7,000 per pact, € 3,500 from Fondazione Cariplo and € 3,500 from donations
(seed 2290-2292). Every record is audited (governance.audit.AuditedModel) and written by imprese/services.py.
"""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse

from governance.audit import AuditedModel
from governance.enums import OrganisationKind
from governance.models import District, Expense, Organisation
from governance.money import ZERO, format_eur, money_sum

from . import permissions
from .enums import (
    FINAL_STAGES,
    PRE_SIGNATURE_STAGES,
    STAGE_TRANSITIONS,
    ActionStatus,
    DisseminationKind,
    FundingSource,
    PactStage,
    PartyRole,
)

SOURCE_CEILING = Decimal("3500.00")  # seed 2291-2292: € 3,500 Cariplo + € 3,500 donations
BUDGET_CEILING = Decimal("7000.00")  # seed 2290: "un budget di 7 mila euro ciascuno"
NOT_A_COMPANY_MESSAGE = (
    "«{name}» non è registrata come impresa (tipologia «{kind}»): un patto con le imprese si stipula con "
    "un'organizzazione di tipologia «Impresa»."
)


def money_field(label: str, **kwargs):
    return models.DecimalField(label, max_digits=12, decimal_places=2, **kwargs)


class PattoImpresaQuerySet(models.QuerySet):
    def visible_to(self, user):
        q = permissions.district_q(user)
        return self.all() if q is None else self.filter(q)

    def with_paid(self):
        """Annotate `paid`: the payments not cancelled, summed in SQL."""
        return self.annotate(paid=money_sum("payments__amount", filter=Q(payments__cancelled_at__isnull=True)))


class PattoImpresa(AuditedModel):
    """A company pact, followed from the first contact with the company to its signature and conclusion."""

    company = models.ForeignKey(
        Organisation,
        verbose_name="impresa",
        on_delete=models.PROTECT,
        related_name="company_pacts",
        help_text="Un'organizzazione registrata con tipologia «Impresa».",
    )
    district = models.ForeignKey(
        District, verbose_name="ambito", on_delete=models.PROTECT, related_name="company_pacts"
    )
    problem = models.TextField(
        "problema di comune interesse",
        blank=True,
        help_text="Il problema con rilevanza sociale che proprietà, lavoratori e territorio affrontano insieme.",
    )
    workers_reached = models.PositiveIntegerField(
        "lavoratori raggiunti",
        default=0,
        help_text="Lavoratori dell'impresa coinvolti dal patto (contati nell'anno della sottoscrizione).",
    )
    budget_cariplo = money_field(
        "budget – quota Fondazione Cariplo", default=ZERO, validators=[MinValueValidator(Decimal("0"))]
    )
    budget_donations = money_field(
        "budget – quota donazioni", default=ZERO, validators=[MinValueValidator(Decimal("0"))]
    )
    stage = models.CharField(
        "fase", max_length=20, choices=PactStage.choices, default=PactStage.CONTACT, editable=False
    )
    contacted_on = models.DateField("data del primo contatto")
    elaboration_on = models.DateField("inizio dell'elaborazione", null=True, blank=True, editable=False)
    signed_on = models.DateField("data di sottoscrizione", null=True, blank=True, editable=False)
    started_on = models.DateField("data di avvio", null=True, blank=True, editable=False)
    closed_on = models.DateField("data di conclusione", null=True, blank=True, editable=False)
    abandoned_on = models.DateField("data dell'abbandono", null=True, blank=True, editable=False)
    abandon_reason = models.TextField("motivo dell'abbandono", blank=True, editable=False)
    notes = models.TextField("note", blank=True)

    objects = PattoImpresaQuerySet.as_manager()

    class Meta:
        ordering = ["-contacted_on", "-pk"]
        verbose_name = "patto con l'impresa"
        verbose_name_plural = "patti con le imprese"
        constraints = [
            models.CheckConstraint(
                condition=Q(budget_cariplo__gte=0, budget_cariplo__lte=SOURCE_CEILING),
                name="company_pact_cariplo_at_most_3500",
            ),
            models.CheckConstraint(
                condition=Q(budget_donations__gte=0, budget_donations__lte=SOURCE_CEILING),
                name="company_pact_donations_at_most_3500",
            ),
            models.CheckConstraint(
                condition=Q(budget_cariplo__lte=BUDGET_CEILING - F("budget_donations")),
                name="company_pact_budget_at_most_7000",
            ),
            models.CheckConstraint(
                condition=Q(stage__in=["contact", "elaboration", "abandoned"]) | Q(signed_on__isnull=False),
                name="company_pact_signed_has_date",
            ),
            models.CheckConstraint(
                condition=~Q(stage="abandoned") | (Q(abandoned_on__isnull=False) & ~Q(abandon_reason="")),
                name="company_pact_abandoned_has_date_and_reason",
            ),
        ]
        indexes = [
            models.Index(fields=["district", "stage"]),
            models.Index(fields=["contacted_on"]),
            models.Index(fields=["elaboration_on"]),
            models.Index(fields=["signed_on"]),
        ]

    def __str__(self):
        return f"Patto con {self.company}" if self.company_id else "Patto con l'impresa"

    def get_absolute_url(self):
        return reverse("imprese:pact_detail", args=[self.pk])

    @property
    def budget_total(self) -> Decimal:
        return (self.budget_cariplo or ZERO) + (self.budget_donations or ZERO)

    def budget_for(self, source: str) -> Decimal:
        return self.budget_cariplo if source == FundingSource.CARIPLO else self.budget_donations

    @property
    def is_final(self) -> bool:
        return self.stage in FINAL_STAGES

    @property
    def budget_editable(self) -> bool:
        """The budget is that of the agreement: it changes only before the signature."""
        return self.stage in PRE_SIGNATURE_STAGES

    def allowed_transitions(self) -> list[str]:
        return sorted(STAGE_TRANSITIONS[self.stage], key=list(PactStage.values).index)

    def stage_dates(self) -> list[tuple[str, object]]:
        """(label, date) of every stage the pact has reached, in order."""
        pairs = [
            ("Primo contatto", self.contacted_on),
            ("Elaborazione", self.elaboration_on),
            ("Sottoscrizione", self.signed_on),
            ("Avvio", self.started_on),
            ("Conclusione", self.closed_on),
            ("Abbandono", self.abandoned_on),
        ]
        return [(label, day) for label, day in pairs if day]

    def clean(self):
        errors = {}
        if self.company_id and self.company.kind != OrganisationKind.COMPANY:
            errors["company"] = NOT_A_COMPANY_MESSAGE.format(name=self.company, kind=self.company.get_kind_display())
        for name, label in (("budget_cariplo", "Fondazione Cariplo"), ("budget_donations", "donazioni")):
            value = getattr(self, name)
            if value is not None and value > SOURCE_CEILING:
                errors[name] = (
                    f"La quota {label} non può superare {format_eur(SOURCE_CEILING)} (ora {format_eur(value)})."
                )
            elif value is not None and value < 0:
                errors[name] = "Il budget non può essere negativo."
        if not errors and self.budget_total > BUDGET_CEILING:
            errors["budget_donations"] = (
                f"Il budget del patto non può superare {format_eur(BUDGET_CEILING)}: "
                f"le due quote sommano {format_eur(self.budget_total)}."
            )
        if errors:
            raise ValidationError(errors)


class ByPactQuerySet(models.QuerySet):
    """Records that hang on a company pact are read with the pact's scope."""

    def visible_to(self, user):
        q = permissions.district_q(user, "pact__district")
        return self.all() if q is None else self.filter(q)


class PactParty(AuditedModel):
    """A party of the pact: an organisation of the programme's registry and/or a named person, with its role."""

    pact = models.ForeignKey(PattoImpresa, on_delete=models.CASCADE, related_name="parties")
    role = models.CharField("ruolo nel patto", max_length=30, choices=PartyRole.choices)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name="organizzazione",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="company_pact_parties",
    )
    name = models.CharField("nome e qualifica", max_length=200, blank=True)

    objects = ByPactQuerySet.as_manager()

    class Meta:
        ordering = ["pk"]
        verbose_name = "parte del patto"
        verbose_name_plural = "parti del patto"
        constraints = [
            models.CheckConstraint(
                condition=Q(organisation__isnull=False) | ~Q(name=""), name="company_pact_party_org_or_name"
            ),
        ]

    def __str__(self):
        who = " – ".join(str(x) for x in (self.organisation, self.name) if x)
        return f"{self.get_role_display()}: {who}"

    def clean(self):
        if not self.organisation_id and not (self.name or "").strip():
            raise ValidationError("Indicare l'organizzazione o il nome della parte.")


class AgreedAction(AuditedModel):
    """An action the parties agree to carry out together."""

    pact = models.ForeignKey(PattoImpresa, on_delete=models.CASCADE, related_name="actions")
    description = models.CharField("azione concordata", max_length=300)
    owner = models.CharField("chi se ne occupa", max_length=200, blank=True)
    due_on = models.DateField("entro il", null=True, blank=True)
    status = models.CharField("stato", max_length=20, choices=ActionStatus.choices, default=ActionStatus.PLANNED)

    objects = ByPactQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = "azione concordata"
        verbose_name_plural = "azioni concordate"

    def __str__(self):
        return self.description


def count_field(label: str, **kwargs):
    return models.PositiveIntegerField(label, default=0, **kwargs)


class Training(AuditedModel):
    """Training for union delegates and HR managers in the company (sessions and participants)."""

    pact = models.ForeignKey(PattoImpresa, on_delete=models.CASCADE, related_name="trainings")
    title = models.CharField("titolo", max_length=200)
    date = models.DateField("data di inizio")
    sessions = models.PositiveSmallIntegerField("incontri", default=1, validators=[MinValueValidator(1)])
    union_delegates = count_field("delegati sindacali partecipanti")
    hr_managers = count_field("responsabili del personale partecipanti")
    other_participants = count_field("altri partecipanti")

    objects = ByPactQuerySet.as_manager()

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = "formazione"
        verbose_name_plural = "formazioni"
        constraints = [
            models.CheckConstraint(condition=Q(sessions__gte=1), name="company_training_sessions_positive"),
            models.CheckConstraint(
                condition=Q(union_delegates__gte=0, hr_managers__gte=0, other_participants__gte=0),
                name="company_training_participants_not_negative",
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.date:%d/%m/%Y})"

    @property
    def participants(self) -> int:
        return self.union_delegates + self.hr_managers + self.other_participants


class WellbeingIndicator(AuditedModel):
    """A workplace-wellbeing indicator chosen for this company (e.g. work-life balance, climate, stress)."""

    pact = models.ForeignKey(PattoImpresa, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField("indicatore", max_length=150)
    description = models.CharField("come si misura", max_length=300, blank=True)

    objects = ByPactQuerySet.as_manager()

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = "indicatore di benessere"
        verbose_name_plural = "indicatori di benessere"
        constraints = [
            models.UniqueConstraint(fields=["pact", "name"], name="one_wellbeing_indicator_name_per_pact"),
        ]

    def __str__(self):
        return self.name


class QuestionnaireRound(AuditedModel):
    """A round of the wellbeing questionnaire: how many were distributed and returned, and when."""

    pact = models.ForeignKey(PattoImpresa, on_delete=models.CASCADE, related_name="questionnaires")
    date = models.DateField("data")
    distributed = models.PositiveIntegerField("questionari distribuiti", validators=[MinValueValidator(1)])
    returned = models.PositiveIntegerField("questionari restituiti")
    notes = models.TextField("sintesi dei risultati", blank=True)

    objects = ByPactQuerySet.as_manager()

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = "somministrazione del questionario"
        verbose_name_plural = "somministrazioni del questionario"
        constraints = [
            models.CheckConstraint(condition=Q(distributed__gte=1), name="questionnaire_distributed_positive"),
            models.CheckConstraint(
                condition=Q(returned__gte=0, returned__lte=F("distributed")),
                name="questionnaire_returned_at_most_distributed",
            ),
        ]

    def __str__(self):
        return f"Questionario del {self.date:%d/%m/%Y}"

    @property
    def response_rate(self) -> Decimal | None:
        if not self.distributed:
            return None
        return (Decimal(self.returned) * 100 / self.distributed).quantize(Decimal("0.1"))

    def clean(self):
        if self.distributed is not None and self.returned is not None and self.returned > self.distributed:
            raise ValidationError(
                {
                    "returned": f"I questionari restituiti ({self.returned}) non possono essere più di quelli "
                    f"distribuiti ({self.distributed})."
                }
            )


class QuestionnaireResult(AuditedModel):
    """The main result of one questionnaire round on one wellbeing indicator of the same company."""

    round = models.ForeignKey(QuestionnaireRound, on_delete=models.CASCADE, related_name="results")
    indicator = models.ForeignKey(WellbeingIndicator, on_delete=models.PROTECT, related_name="results")
    value = models.DecimalField(
        "valore", max_digits=7, decimal_places=2, null=True, blank=True, help_text="Ad esempio un punteggio medio."
    )
    finding = models.CharField("risultato principale", max_length=300, blank=True)

    class Meta:
        ordering = ["indicator__name", "pk"]
        verbose_name = "risultato per indicatore"
        verbose_name_plural = "risultati per indicatore"
        constraints = [
            models.UniqueConstraint(fields=["round", "indicator"], name="one_result_per_indicator_per_round"),
        ]

    def __str__(self):
        return f"{self.indicator}: {self.value if self.value is not None else self.finding}"

    def clean(self):
        if self.round_id and self.indicator_id and self.indicator.pact_id != self.round.pact_id:
            raise ValidationError({"indicator": "L'indicatore appartiene a un altro patto."})


class WelfarePackage(AuditedModel):
    """A company welfare package integrated with the territory's services."""

    pact = models.ForeignKey(PattoImpresa, on_delete=models.CASCADE, related_name="packages")
    title = models.CharField("pacchetto di welfare aziendale", max_length=200)
    description = models.TextField("contenuti", blank=True)
    territorial_services = models.TextField(
        "servizi del territorio integrati", help_text="Quali servizi dell'offerta territoriale il pacchetto integra."
    )
    started_on = models.DateField("attivo dal", null=True, blank=True)
    beneficiaries = count_field("lavoratori beneficiari")

    objects = ByPactQuerySet.as_manager()

    class Meta:
        ordering = ["started_on", "pk"]
        verbose_name = "pacchetto di welfare aziendale"
        verbose_name_plural = "pacchetti di welfare aziendale"

    def __str__(self):
        return self.title


class DisseminationAction(AuditedModel):
    """An action that makes the pact known inside and outside the company."""

    pact = models.ForeignKey(PattoImpresa, on_delete=models.CASCADE, related_name="disseminations")
    date = models.DateField("data")
    kind = models.CharField("tipo", max_length=20, choices=DisseminationKind.choices)
    title = models.CharField("titolo", max_length=200)
    audience = count_field("persone raggiunte")

    objects = ByPactQuerySet.as_manager()

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = "azione di diffusione"
        verbose_name_plural = "azioni di diffusione"

    def __str__(self):
        return f"{self.title} ({self.date:%d/%m/%Y})"


class PaymentQuerySet(ByPactQuerySet):
    def active(self):
        return self.filter(cancelled_at__isnull=True)


class PactPayment(AuditedModel):
    """A payment of the pact's budget, posted to the budget ledger as an approved expense of Action 2B."""

    pact = models.ForeignKey(PattoImpresa, on_delete=models.PROTECT, related_name="payments")
    date = models.DateField("data")
    amount = money_field("importo", validators=[MinValueValidator(Decimal("0.01"))])
    funding_source = models.CharField("fonte di finanziamento", max_length=20, choices=FundingSource.choices)
    purpose = models.CharField("finalità", max_length=250)
    payee = models.ForeignKey(
        Organisation,
        verbose_name="beneficiario del pagamento",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="company_pact_payments",
        help_text="Vuoto: l'impresa del patto.",
    )
    expense = models.OneToOneField(
        Expense, verbose_name="spesa a bilancio", on_delete=models.PROTECT, editable=False, related_name="+"
    )
    cancelled_at = models.DateTimeField("annullato il", null=True, blank=True, editable=False)
    cancel_reason = models.CharField("motivo dell'annullamento", max_length=250, blank=True, editable=False)

    objects = PaymentQuerySet.as_manager()

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = "pagamento del patto"
        verbose_name_plural = "pagamenti dei patti"
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="company_pact_payment_positive"),
            models.CheckConstraint(
                condition=Q(funding_source__in=["cariplo", "donations"]), name="company_pact_payment_source"
            ),
        ]
        indexes = [models.Index(fields=["pact", "cancelled_at"])]

    def __str__(self):
        return f"{self.date:%d/%m/%Y} · {format_eur(self.amount)}"

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None
