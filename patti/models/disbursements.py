"""Payments from a pact's personal welfare budget; each is an approved expense of the budget ledger."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from governance.models import Expense, Organisation
from governance.money import format_eur

from ..enums import FundingSource
from .patti import Patto


class DisbursementQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(patto__in=Patto.objects.visible_to(user))

    def active(self):
        return self.filter(cancelled_at__isnull=True)


class Disbursement(models.Model):
    """A payment from the pact's personal welfare budget, posted to the budget ledger as an approved expense."""

    patto = models.ForeignKey(Patto, on_delete=models.PROTECT, related_name="disbursements")
    date = models.DateField("data")
    amount = models.DecimalField(
        "importo", max_digits=12, decimal_places=2, validators=[MinValueValidator(Decimal("0.01"))]
    )
    purpose = models.CharField("finalità", max_length=250)
    implementing_body = models.ForeignKey(
        Organisation,
        verbose_name="soggetto attuatore",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="patti_disbursements",
    )
    funding_source = models.CharField("fonte di finanziamento", max_length=20, choices=FundingSource.choices)
    expense = models.OneToOneField(
        Expense,
        verbose_name="spesa a bilancio",
        on_delete=models.PROTECT,
        editable=False,
        related_name="patti_disbursement",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, editable=False, related_name="+"
    )
    cancelled_at = models.DateTimeField("annullata il", null=True, blank=True, editable=False)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, editable=False, related_name="+"
    )
    cancel_reason = models.CharField("motivo dell'annullamento", max_length=250, blank=True, editable=False)

    history = HistoricalRecords()
    objects = DisbursementQuerySet.as_manager()

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = "erogazione"
        verbose_name_plural = "erogazioni"
        constraints = [models.CheckConstraint(condition=Q(amount__gt=0), name="disbursement_amount_positive")]
        indexes = [models.Index(fields=["patto", "cancelled_at"])]

    def __str__(self):
        return f"{self.date:%d/%m/%Y} · {format_eur(self.amount)}"

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None
