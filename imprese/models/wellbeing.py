"""Workplace wellbeing in a company pact: training, indicators, questionnaires, welfare packages, dissemination."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q

from governance.audit import AuditedModel

from ..enums import (
    DisseminationKind,
)
from .pacts import ByPactQuerySet, PattoImpresa


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
