"""Paying demand ("domanda pagante"): enrolments and fees collected per activity and period, monitored but kept out
of the project budget (DOMAIN.md, Action 3)."""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q

from governance.audit import AuditedModel

from . import permissions
from .models import MONEY, NOT_NEGATIVE, Activity


class PayingDemandQuerySet(models.QuerySet):
    def visible_to(self, user):
        q = permissions.district_q(user, "activity__civic_center__district")
        return self.all() if q is None else self.filter(q)


class PayingDemand(AuditedModel):
    """ "Domanda pagante": enrolments and fees the organiser collected for one activity in one period.

    Monitored, never part of the project budget (DOMAIN.md, Action 3): nothing here reaches the ledger.
    """

    activity = models.ForeignKey(
        Activity, verbose_name="attività", on_delete=models.PROTECT, related_name="paying_demand"
    )
    period_start = models.DateField("periodo dal")
    period_end = models.DateField("periodo al")
    enrolments = models.PositiveIntegerField("iscritti paganti")
    fees_collected = models.DecimalField("quote incassate", validators=NOT_NEGATIVE, **MONEY)
    notes = models.CharField("note", max_length=250, blank=True)

    objects = PayingDemandQuerySet.as_manager()

    class Meta:
        ordering = ["-period_start", "pk"]
        verbose_name = "domanda pagante"
        verbose_name_plural = "domanda pagante"
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")),
                name="civic_demand_period_order",
                violation_error_message="La fine del periodo non può precedere l'inizio.",
            ),
            models.CheckConstraint(
                condition=Q(fees_collected__gte=0),
                name="civic_demand_fees_not_negative",
                violation_error_message="Le quote incassate non possono essere negative.",
            ),
            models.UniqueConstraint(
                fields=["activity", "period_start"],
                name="civic_demand_one_row_per_period",
                violation_error_message="Per questa attività il periodo è già registrato.",
            ),
        ]

    def __str__(self):
        return f"{self.activity} · {self.period_start:%d/%m/%Y}–{self.period_end:%d/%m/%Y}"
