"""Transfers of the fund to the actions' holders and the gifts they draw on."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from governance.audit import AuditedModel
from governance.models import Action, Organisation
from governance.money import format_eur, validate_positive_money

from .common import MONEY_FIELD, StaffOnlyQuerySet
from .gifts import Designation, Donation

# --- Transfers ------------------------------------------------------------------------------------------------


class Transfer(AuditedModel):
    """Money of the fund made available to an action's holder. Not an expense: the budget's donation-funded actuals
    come only from the holder's own payments with the "Donazioni / raccolta fondi" source."""

    designation = models.ForeignKey(
        Designation, verbose_name="da (destinazione del fondo)", on_delete=models.PROTECT, related_name="transfers"
    )
    holder = models.ForeignKey(
        Organisation, verbose_name="titolare dell'azione", on_delete=models.PROTECT, related_name="fund_transfers"
    )
    action = models.ForeignKey(Action, verbose_name="azione", on_delete=models.PROTECT, related_name="fund_transfers")
    amount = models.DecimalField("importo", **MONEY_FIELD, validators=[validate_positive_money])
    date = models.DateField("data del trasferimento")
    notes = models.TextField("note", blank=True)
    donations = models.ManyToManyField(
        Donation, verbose_name="donazioni utilizzate", through="TransferAllocation", related_name="transfers"
    )

    objects = StaffOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = "trasferimento"
        verbose_name_plural = "trasferimenti"
        constraints = [models.CheckConstraint(condition=Q(amount__gt=0), name="transfer_amount_positive")]

    def __str__(self):
        return f"Trasferimento n. {self.pk} a {self.holder}"

    def get_absolute_url(self):
        return reverse("fundraising:transfer_detail", args=[self.pk])


class TransferAllocation(models.Model):
    """How much of one gift a transfer draws on."""

    transfer = models.ForeignKey(Transfer, on_delete=models.CASCADE, related_name="allocations")
    donation = models.ForeignKey(Donation, on_delete=models.PROTECT, related_name="allocations")
    amount = models.DecimalField("importo", **MONEY_FIELD)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "quota di donazione trasferita"
        verbose_name_plural = "quote di donazioni trasferite"
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="allocation_amount_positive"),
            models.UniqueConstraint(fields=["transfer", "donation"], name="one_allocation_per_gift"),
        ]

    def __str__(self):
        return f"{format_eur(self.amount)} della donazione n. {self.donation_id}"
