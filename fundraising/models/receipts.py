"""Receipts, their yearly counter and the legal bases of their wording."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse

from governance.audit import AuditedModel

from ..enums import (
    DonorApplies,
)
from .gifts import Donation

# --- Receipts -------------------------------------------------------------------------------------------------


class LegalBasisQuerySet(models.QuerySet):
    def valid_for(self, *, day: dt.date, applies: str):
        return self.filter(applies_to=applies, valid_from__lte=day).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=day)
        )


class LegalBasis(AuditedModel):
    """The legal wording of a receipt, valid for a kind of donor between two dates (kept by the Staff Fundraising)."""

    name = models.CharField("nome", max_length=150)
    applies_to = models.CharField("si applica a", max_length=20, choices=DonorApplies.choices)
    valid_from = models.DateField("valida dal")
    valid_to = models.DateField("valida fino al", null=True, blank=True)
    wording = models.TextField("testo della ricevuta")
    illustrative = models.BooleanField(
        "testo illustrativo",
        default=False,
        help_text="Testo di esempio da far verificare al consulente fiscale prima dell'uso.",
    )

    objects = LegalBasisQuerySet.as_manager()

    class Meta:
        ordering = ["applies_to", "-valid_from"]
        verbose_name = "base giuridica della ricevuta"
        verbose_name_plural = "basi giuridiche delle ricevute"
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=F("valid_from")), name="legal_basis_dates"
            )
        ]

    def __str__(self):
        until = f" al {self.valid_to:%d/%m/%Y}" if self.valid_to else ""
        return f"{self.name} ({self.get_applies_to_display()}, dal {self.valid_from:%d/%m/%Y}{until})"

    def get_absolute_url(self):
        return reverse("fundraising:legal_basis_edit", args=[self.pk])

    def clean(self):
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ValidationError({"valid_to": "La fine della validità non può precedere l'inizio."})
        if self.valid_from and self.applies_to:
            end = self.valid_to or dt.date.max
            overlapping = LegalBasis.objects.filter(applies_to=self.applies_to, valid_from__lte=end).filter(
                Q(valid_to__isnull=True) | Q(valid_to__gte=self.valid_from)
            )
            if overlapping.exclude(pk=self.pk).exists():
                raise ValidationError(
                    "Le date si sovrappongono a un'altra base giuridica per lo stesso tipo di donatore."
                )


NO_BENEFIT_WORDING = (
    "Erogazione liberale ricevuta in contanti: ai sensi della normativa vigente le erogazioni in denaro danno "
    "diritto a detrazioni o deduzioni fiscali solo se effettuate con sistemi di pagamento tracciabili "
    "(bonifico, carta, assegno, bollettino). La presente ricevuta attesta il versamento e non dà diritto ad "
    "alcun beneficio fiscale."
)


class ReceiptCounter(models.Model):
    """The last receipt number of a calendar year: the row every new receipt locks (gap-free numbering)."""

    year = models.PositiveSmallIntegerField("anno", unique=True)
    last_number = models.PositiveIntegerField("ultimo numero", default=0)

    class Meta:
        verbose_name = "contatore delle ricevute"
        verbose_name_plural = "contatori delle ricevute"

    def __str__(self):
        return f"{self.year}: {self.last_number}"


class Receipt(AuditedModel):
    """The receipt of one gift (or pledge payment): numbered per calendar year, never deleted nor renumbered;
    a wrong one is voided with a reason and a new one issued. The donor's data are copied as issued."""

    donation = models.ForeignKey(Donation, verbose_name="donazione", on_delete=models.PROTECT, related_name="receipts")
    year = models.PositiveSmallIntegerField("anno")
    number = models.PositiveIntegerField("numero")
    issued_on = models.DateField("emessa il")
    donor_name = models.CharField("intestatario", max_length=250)
    donor_fiscal_code = models.CharField("codice fiscale", max_length=16, blank=True)
    donor_address = models.CharField("indirizzo", max_length=400, blank=True)
    legal_basis = models.ForeignKey(
        LegalBasis, verbose_name="base giuridica", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    wording = models.TextField("dicitura")
    tax_benefit = models.BooleanField("dà diritto a benefici fiscali")
    voided_at = models.DateTimeField("annullata il", null=True, blank=True)
    void_reason = models.CharField("motivo dell'annullamento", max_length=250, blank=True)

    class Meta:
        ordering = ["-year", "-number"]
        verbose_name = "ricevuta"
        verbose_name_plural = "ricevute"
        constraints = [
            models.UniqueConstraint(fields=["year", "number"], name="one_receipt_number_per_year"),
            models.UniqueConstraint(
                fields=["donation"], condition=Q(voided_at__isnull=True), name="one_valid_receipt_per_gift"
            ),
            models.CheckConstraint(condition=Q(number__gte=1), name="receipt_number_positive"),
            models.CheckConstraint(
                condition=Q(voided_at__isnull=True) | ~Q(void_reason=""), name="voided_receipt_has_reason"
            ),
        ]

    def __str__(self):
        return f"Ricevuta n. {self.label}"

    @property
    def label(self) -> str:
        return f"{self.number}/{self.year}"

    def get_absolute_url(self):
        return reverse("fundraising:receipt_detail", args=[self.pk])

    @property
    def is_void(self) -> bool:
        return self.voided_at is not None
