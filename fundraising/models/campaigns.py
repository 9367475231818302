"""Campaigns and events, with the ROI of what they raised against their costs."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse

from governance.audit import AuditedModel

from ..enums import (
    CampaignChannel,
    EventPlace,
    Market,
)
from .common import MONEY_FIELD, ZERO, StaffOnlyQuerySet

# --- Campaigns and events -------------------------------------------------------------------------------------


class Campaign(AuditedModel):
    """A fundraising campaign: market, channel, dates, goal and costs."""

    name = models.CharField("nome", max_length=150)
    market = models.CharField("mercato", max_length=20, choices=Market.choices)
    channel = models.CharField("canale", max_length=20, choices=CampaignChannel.choices)
    start = models.DateField("inizio")
    end = models.DateField("fine", null=True, blank=True)
    goal = models.DecimalField("obiettivo di raccolta", **MONEY_FIELD, default=ZERO)
    costs = models.DecimalField("costi", **MONEY_FIELD, default=ZERO)
    description = models.TextField("descrizione", blank=True)

    objects = StaffOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["-start", "name"]
        verbose_name = "campagna"
        verbose_name_plural = "campagne"
        constraints = [
            models.CheckConstraint(condition=Q(goal__gte=0) & Q(costs__gte=0), name="campaign_money_not_negative"),
            models.CheckConstraint(condition=Q(end__isnull=True) | Q(end__gte=F("start")), name="campaign_dates"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("fundraising:campaign_detail", args=[self.pk])

    def clean(self):
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": "La fine della campagna non può precedere l'inizio."})


class Event(AuditedModel):
    """A fundraising event: date, place, attendees, costs; what it raised comes from its gifts."""

    name = models.CharField("nome", max_length=150)
    date = models.DateField("data")
    place = models.CharField("luogo", max_length=20, choices=EventPlace.choices)
    place_detail = models.CharField("sede", max_length=150, blank=True)
    campaign = models.ForeignKey(
        Campaign, verbose_name="campagna", on_delete=models.PROTECT, null=True, blank=True, related_name="events"
    )
    costs = models.DecimalField("costi", **MONEY_FIELD, default=ZERO)
    attendees = models.PositiveIntegerField("partecipanti", default=0)
    notes = models.TextField("note", blank=True)

    objects = StaffOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "name"]
        verbose_name = "evento"
        verbose_name_plural = "eventi"
        constraints = [models.CheckConstraint(condition=Q(costs__gte=0), name="event_costs_not_negative")]

    def __str__(self):
        return f"{self.name} ({self.get_place_display()}, {self.date:%d/%m/%Y})"

    def get_absolute_url(self):
        return reverse("fundraising:event_detail", args=[self.pk])


def roi(raised: Decimal, costs: Decimal) -> Decimal | None:
    """Return on investment in %: (raised − costs) / costs; None without costs."""
    if not costs:
        return None
    return ((Decimal(raised) - Decimal(costs)) / Decimal(costs) * 100).quantize(Decimal("0.1"))
