"""Periodic assessments of a pact's empowerment on the programme's four dimensions."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from .patti import ASSESSMENT_DIMENSIONS, Patto


class AssessmentQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(patto__in=Patto.objects.visible_to(user))


def score_field(label):
    return models.PositiveSmallIntegerField(label, validators=[MinValueValidator(1), MaxValueValidator(5)])


class Assessment(models.Model):
    """A periodic assessment of empowerment on the programme's four dimensions (1-5)."""

    patto = models.ForeignKey(Patto, on_delete=models.CASCADE, related_name="assessments")
    date = models.DateField("data")
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="valutatore",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    dynamism = score_field("dinamicità")
    resilience = score_field("resilienza")
    incisiveness = score_field("incisività delle azioni intraprese")
    planning = score_field("capacità di progettare il futuro")
    notes = models.TextField("note", blank=True)

    history = HistoricalRecords()
    objects = AssessmentQuerySet.as_manager()

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = "valutazione"
        verbose_name_plural = "valutazioni"
        # The latest assessments of a pact and "none since the cutoff" (worklist, dashboard alert) read this index.
        indexes = [models.Index(fields=["patto", "date"], name="assessment_patto_date")]
        constraints = [
            models.CheckConstraint(condition=Q(**{f"{d}__gte": 1}) & Q(**{f"{d}__lte": 5}), name=f"assessment_{d}_1_5")
            for d in ASSESSMENT_DIMENSIONS
        ]

    def __str__(self):
        return f"Valutazione del {self.date:%d/%m/%Y}"

    @property
    def scores(self) -> dict[str, int]:
        return {d: getattr(self, d) for d in ASSESSMENT_DIMENSIONS}

    @property
    def average(self) -> Decimal:
        return (Decimal(sum(self.scores.values())) / 4).quantize(Decimal("0.01"))
