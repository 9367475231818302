"""Which budget line receives the payments of an action (a pact's disbursement, a lab's budget…)."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from ..budget.enums import CostCategory, FundingSource
from .territory import Action, Organisation


class PaymentMappingQuerySet(models.QuerySet):
    def resolve(self, *, action: Action, district, funding_source: str) -> tuple[Organisation | None, str]:
        """(partner, category) of the line that receives a payment of `action` in `district` from `funding_source`.

        The most specific mapping wins (this funding source, then any source); without one, a district's payments go
        to its lead organisation's "contributions" line, and a provincial payment (no district) has no line.
        """
        rows = self.filter(action=action, district=district, funding_source__in=[funding_source, ""])
        row = min(rows.select_related("partner"), key=lambda r: r.funding_source == "", default=None)
        if row is not None:
            return row.partner, row.category
        return (district.lead_organisation if district is not None else None), CostCategory.CONTRIBUTIONS


class PaymentMapping(models.Model):
    """Which budget line receives an action's payments (a pact's disbursement, a lab's budget paid to its
    implementing body…): for an action, a district (empty: provincial) and a funding source (empty: any), the
    partner and cost category of the line in the active plan. Managed by Staff Amministrazione."""

    action = models.ForeignKey(Action, verbose_name="azione", on_delete=models.PROTECT, related_name="+")
    district = models.ForeignKey(
        "governance.District",
        verbose_name="ambito",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Vuoto: pagamenti di livello provinciale.",
    )
    funding_source = models.CharField(
        "fonte di finanziamento",
        max_length=20,
        choices=FundingSource.choices,
        blank=True,
        help_text="Vuoto: qualsiasi fonte.",
    )
    partner = models.ForeignKey(
        Organisation, verbose_name="partner titolare della voce", on_delete=models.PROTECT, related_name="+"
    )
    category = models.CharField(
        "categoria di spesa", max_length=20, choices=CostCategory.choices, default=CostCategory.CONTRIBUTIONS
    )

    history = HistoricalRecords()
    objects = PaymentMappingQuerySet.as_manager()

    class Meta:
        verbose_name = "voce di bilancio dei pagamenti di un'azione"
        verbose_name_plural = "voci di bilancio dei pagamenti delle azioni"
        constraints = [
            models.UniqueConstraint(
                fields=["action", "district", "funding_source"],
                condition=Q(district__isnull=False),
                name="one_payment_mapping_per_district_key",
            ),
            models.UniqueConstraint(
                fields=["action", "funding_source"],
                condition=Q(district__isnull=True),
                name="one_provincial_payment_mapping_per_key",
            ),
        ]

    def __str__(self):
        where = self.district or "livello provinciale"
        source = self.get_funding_source_display() or "qualsiasi fonte"
        return f"Azione {self.action.code} · {where} · {source} → {self.partner} · {self.get_category_display()}"
