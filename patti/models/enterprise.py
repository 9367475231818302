"""Enterprise support: calls for business ideas (one per year from year 2) and the business ideas."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from governance.models import District, Organisation, ProjectYear

from .. import permissions
from ..enums import IdeaSector, IdeaStatus
from .empowerment import ProvincialOrDistrictQuerySet
from .patti import Patto


class IdeaCallQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.all() if permissions.can_read_patti(user) else self.none()


class IdeaCall(models.Model):
    """A bando per l'intrapresa: a call for business ideas of one project year."""

    project_year = models.OneToOneField(
        ProjectYear, verbose_name="anno di progetto", on_delete=models.PROTECT, related_name="idea_call"
    )
    title = models.CharField("titolo", max_length=200)
    opens_on = models.DateField("apertura")
    closes_on = models.DateField("chiusura")
    budget = models.DecimalField(
        "dotazione", max_digits=12, decimal_places=2, validators=[MinValueValidator(Decimal("0"))]
    )
    contributors = models.ManyToManyField(
        Organisation,
        verbose_name="enti che alimentano il fondo",
        blank=True,
        related_name="idea_calls",
        help_text="Il fondo per la creazione d'impresa: Provincia di Cremona e Camera di Commercio.",
    )
    notes = models.TextField("note", blank=True)

    history = HistoricalRecords(m2m_fields=[contributors])
    objects = IdeaCallQuerySet.as_manager()

    class Meta:
        ordering = ["project_year__number"]
        verbose_name = "bando per idee d'impresa"
        verbose_name_plural = "bandi per idee d'impresa"
        constraints = [
            models.CheckConstraint(condition=Q(opens_on__lte=models.F("closes_on")), name="idea_call_dates"),
            models.CheckConstraint(condition=Q(budget__gte=0), name="idea_call_budget_not_negative"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("patti:call_detail", args=[self.pk])

    def clean(self):
        if self.project_year_id and self.project_year.number < 2:
            raise ValidationError({"project_year": "I bandi per idee d'impresa partono dal secondo anno."})
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            raise ValidationError({"closes_on": "La chiusura non può precedere l'apertura."})


class BusinessIdea(models.Model):
    """A business idea submitted to a call, followed from submission to a started enterprise."""

    call = models.ForeignKey(IdeaCall, verbose_name="bando", on_delete=models.PROTECT, related_name="ideas")
    title = models.CharField("titolo", max_length=200)
    proponents = models.TextField(
        "proponenti", help_text="Gruppo o ente proponente. Per le persone con un patto, collegare il patto."
    )
    patti = models.ManyToManyField(Patto, verbose_name="patti collegati", blank=True, related_name="business_ideas")
    district = models.ForeignKey(
        District, verbose_name="ambito", on_delete=models.PROTECT, null=True, blank=True, related_name="business_ideas"
    )
    sector = models.CharField("settore", max_length=30, choices=IdeaSector.choices)
    status = models.CharField(
        "stato", max_length=20, choices=IdeaStatus.choices, default=IdeaStatus.SUBMITTED, editable=False
    )
    credit_obtained = models.DecimalField(
        "credito ottenuto",
        max_digits=12,
        decimal_places=2,
        default=Decimal("0.00"),
        validators=[MinValueValidator(Decimal("0"))],
    )
    mentor = models.CharField("mentore", max_length=200, blank=True)
    notes = models.TextField("note", blank=True)

    history = HistoricalRecords(m2m_fields=[patti])
    objects = ProvincialOrDistrictQuerySet.as_manager()

    class Meta:
        ordering = ["call__project_year__number", "title"]
        verbose_name = "idea d'impresa"
        verbose_name_plural = "idee d'impresa"
        constraints = [models.CheckConstraint(condition=Q(credit_obtained__gte=0), name="idea_credit_not_negative")]
        indexes = [models.Index(fields=["status"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("patti:idea_detail", args=[self.pk])
