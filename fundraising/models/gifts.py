"""The fund's designations, gifts and pledges."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from governance.audit import AuditedModel
from governance.models import Action, District, ProjectYear
from governance.money import format_eur, money_sum, validate_positive_money

from ..enums import (
    TRACEABLE_METHODS,
    DesignationKind,
    GiftKind,
    PaymentMethod,
)
from .campaigns import Campaign, Event
from .common import MONEY_FIELD, ZERO, StaffOnlyQuerySet, validate_not_future
from .donors import Donor

# --- The fund: designations ------------------------------------------------------------------------------------

NO_RECORD = Q(lab__isnull=True, company_pact__isnull=True, civic_center__isnull=True)
RECORD_KINDS = (DesignationKind.LAB, DesignationKind.COMPANY_PACT, DesignationKind.CIVIC_CENTER)


class DesignationQuerySet(models.QuerySet):
    def for_display(self):
        """With what `str()` of any kind reads (no query per row)."""
        return self.select_related("district", "action", "lab", "company_pact__company", "civic_center")

    def with_balances(self):
        """Annotate `received` (money gifts), `transferred` and `available` (received − transferred) in SQL."""
        from .transfers import Transfer

        received = models.Subquery(
            Donation.objects.filter(designation=models.OuterRef("pk"), gift_kind=GiftKind.MONEY)
            .order_by()
            .values("designation")
            .annotate(total=money_sum("amount"))
            .values("total")[:1]
        )
        transferred = models.Subquery(
            Transfer.objects.filter(designation=models.OuterRef("pk"))
            .order_by()
            .values("designation")
            .annotate(total=money_sum("amount"))
            .values("total")[:1]
        )
        from governance.money import MONEY

        zero = models.Value(ZERO, output_field=MONEY)
        return self.annotate(
            received=models.functions.Coalesce(received, zero, output_field=MONEY),
            transferred=models.functions.Coalesce(transferred, zero, output_field=MONEY),
        ).annotate(available=F("received") - F("transferred"))


class Designation(models.Model):
    """A compartment of the dedicated fund (seed 1748-1749): the unrestricted project fund, a territorial sub-fund
    (Cremasco, Cremonese), one action, or one record of an action: a lab, a company pact, the free places of a civic
    center (issue 12, item 3). A record's designation also names the record's action, so that a transfer of its gifts
    goes to that action and to that record only (checked by the service and by database triggers, see the migration
    "designations_to_action_records").
    Created on first use; its row is locked by every transfer."""

    kind = models.CharField("tipo", max_length=20, choices=DesignationKind.choices)
    district = models.ForeignKey(
        District, verbose_name="territorio", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    action = models.ForeignKey(Action, verbose_name="azione", on_delete=models.PROTECT, null=True, blank=True)
    lab = models.ForeignKey(
        "laboratori.Laboratorio",
        verbose_name="laboratorio",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="designations",
    )
    company_pact = models.ForeignKey(
        "imprese.PattoImpresa",
        verbose_name="patto con l'impresa",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="designations",
    )
    civic_center = models.ForeignKey(
        "civic_center.CivicCenter",
        verbose_name="civic center (posti gratuiti)",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="designations",
    )

    history = HistoricalRecords()
    objects = DesignationQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "district__name", "action__order"]
        verbose_name = "destinazione"
        verbose_name_plural = "destinazioni"
        constraints = [
            models.CheckConstraint(
                condition=(Q(kind="unrestricted") & Q(district__isnull=True) & Q(action__isnull=True) & NO_RECORD)
                | (Q(kind="subfund") & Q(district__isnull=False) & Q(action__isnull=True) & NO_RECORD)
                | (Q(kind="action") & Q(district__isnull=True) & Q(action__isnull=False) & NO_RECORD)
                | (
                    Q(kind="lab", lab__isnull=False, company_pact__isnull=True, civic_center__isnull=True)
                    & Q(district__isnull=True, action__isnull=False)
                )
                | (
                    Q(kind="company_pact", lab__isnull=True, company_pact__isnull=False, civic_center__isnull=True)
                    & Q(district__isnull=True, action__isnull=False)
                )
                | (
                    Q(kind="civic_center", lab__isnull=True, company_pact__isnull=True, civic_center__isnull=False)
                    & Q(district__isnull=True, action__isnull=False)
                ),
                name="designation_shape",
            ),
            models.UniqueConstraint(
                fields=["kind"], condition=Q(kind="unrestricted"), name="one_unrestricted_designation"
            ),
            models.UniqueConstraint(fields=["district"], condition=Q(kind="subfund"), name="one_subfund_per_district"),
            models.UniqueConstraint(fields=["action"], condition=Q(kind="action"), name="one_designation_per_action"),
            models.UniqueConstraint(fields=["lab"], name="one_designation_per_lab"),
            models.UniqueConstraint(fields=["company_pact"], name="one_designation_per_company_pact"),
            models.UniqueConstraint(fields=["civic_center"], name="one_designation_per_civic_center"),
        ]

    def __str__(self):
        if self.kind == DesignationKind.SUBFUND:
            return f"Sotto-fondo {self.district.name}"
        if self.kind == DesignationKind.ACTION:
            return f"Azione {self.action.code} – {self.action.name}"
        if self.kind == DesignationKind.LAB:
            return f"Laboratorio «{self.lab.name}»"
        if self.kind == DesignationKind.COMPANY_PACT:
            return f"Patto con l'impresa {self.company_pact.company.name}"
        if self.kind == DesignationKind.CIVIC_CENTER:
            return f"Posti gratuiti del civic center «{self.civic_center.name}»"
        return DesignationKind.UNRESTRICTED.label

    @property
    def record(self):
        """The lab, company pact or civic center this designation is for (None for the fund's other compartments)."""
        return self.lab or self.company_pact or self.civic_center

    @property
    def is_restricted(self) -> bool:
        return self.kind != DesignationKind.UNRESTRICTED

    @property
    def key(self) -> str:
        """The form value of this designation: "unrestricted", "subfund:<district code>", "action:<action code>",
        "lab:<pk>", "company_pact:<pk>", "civic_center:<pk>"."""
        if self.kind == DesignationKind.SUBFUND:
            return f"subfund:{self.district.code}"
        if self.kind == DesignationKind.ACTION:
            return f"action:{self.action.code}"
        if self.kind in RECORD_KINDS:
            return f"{self.kind}:{self.record.pk}"
        return "unrestricted"


# --- Gifts ----------------------------------------------------------------------------------------------------


class Pledge(AuditedModel):
    """A promise to give an amount in instalments; each payment is a gift (with its own receipt)."""

    donor = models.ForeignKey(Donor, verbose_name="donatore", on_delete=models.PROTECT, related_name="pledges")
    date = models.DateField("data dell'impegno")
    amount = models.DecimalField("importo promesso", **MONEY_FIELD, validators=[validate_positive_money])
    designation = models.ForeignKey(
        Designation, verbose_name="destinazione", on_delete=models.PROTECT, related_name="pledges"
    )
    campaign = models.ForeignKey(
        Campaign, verbose_name="campagna", on_delete=models.PROTECT, null=True, blank=True, related_name="pledges"
    )
    notes = models.TextField("note", blank=True)

    objects = StaffOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = "impegno di donazione"
        verbose_name_plural = "impegni di donazione"
        constraints = [models.CheckConstraint(condition=Q(amount__gt=0), name="pledge_amount_positive")]

    def __str__(self):
        return f"Impegno n. {self.pk} · {self.donor.code}"

    def get_absolute_url(self):
        return reverse("fundraising:pledge_detail", args=[self.pk])

    @property
    def paid(self) -> Decimal:
        from governance.money import as_money

        return as_money(self.payments.aggregate(total=money_sum("amount"))["total"])

    @property
    def outstanding(self) -> Decimal:
        return self.amount - self.paid


class PledgeInstalment(models.Model):
    """One instalment of a pledge's schedule (due date and amount)."""

    pledge = models.ForeignKey(Pledge, on_delete=models.CASCADE, related_name="instalments")
    due_date = models.DateField("scadenza")
    amount = models.DecimalField("importo", **MONEY_FIELD, validators=[validate_positive_money])

    history = HistoricalRecords()

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = "rata"
        verbose_name_plural = "rate"
        constraints = [models.CheckConstraint(condition=Q(amount__gt=0), name="instalment_amount_positive")]

    def __str__(self):
        return f"{self.due_date:%d/%m/%Y}: {format_eur(self.amount)}"


class DonationQuerySet(StaffOnlyQuerySet):
    def money(self):
        return self.filter(gift_kind=GiftKind.MONEY)

    def in_year(self, year: ProjectYear):
        return self.filter(date__gte=year.start, date__lte=year.end)


class Donation(AuditedModel):
    """A gift received: money (with its payment method) or in kind (goods described, with their stated value)."""

    donor = models.ForeignKey(
        Donor,
        verbose_name="donatore",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="donations",
        help_text="Vuoto: donazione anonima (senza ricevuta nominativa).",
    )
    date = models.DateField("data di ricevimento", validators=[validate_not_future])
    amount = models.DecimalField(
        "importo", **MONEY_FIELD, validators=[validate_positive_money], help_text="Per i doni in natura: il valore."
    )
    gift_kind = models.CharField("tipo di dono", max_length=10, choices=GiftKind.choices, default=GiftKind.MONEY)
    payment_method = models.CharField("modalità di pagamento", max_length=20, choices=PaymentMethod.choices, blank=True)
    in_kind_description = models.TextField("descrizione dei beni o servizi donati", blank=True)
    campaign = models.ForeignKey(
        Campaign, verbose_name="campagna", on_delete=models.PROTECT, null=True, blank=True, related_name="donations"
    )
    event = models.ForeignKey(
        Event, verbose_name="evento", on_delete=models.PROTECT, null=True, blank=True, related_name="donations"
    )
    designation = models.ForeignKey(
        Designation, verbose_name="destinazione", on_delete=models.PROTECT, related_name="donations"
    )
    pledge = models.ForeignKey(
        Pledge,
        verbose_name="impegno",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="payments",
        help_text="Se la donazione è il pagamento di una rata di un impegno.",
    )
    soft_credit = models.ForeignKey(
        Donor,
        verbose_name="sollecitata da (soft credit)",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="soft_credited",
    )
    reference = models.CharField("riferimento del pagamento", max_length=140, blank=True)
    notes = models.TextField("note", blank=True)

    objects = DonationQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = "donazione"
        verbose_name_plural = "donazioni"
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="donation_amount_positive"),
            models.CheckConstraint(
                condition=(Q(gift_kind="money") & ~Q(payment_method=""))
                | (Q(gift_kind="in_kind") & Q(payment_method="") & ~Q(in_kind_description="")),
                name="donation_money_has_method_in_kind_has_goods",
            ),
            models.CheckConstraint(
                condition=Q(soft_credit__isnull=True) | ~Q(soft_credit=F("donor")), name="soft_credit_not_the_donor"
            ),
        ]
        indexes = [
            models.Index(fields=["date", "gift_kind"], name="donation_date_kind"),
            models.Index(fields=["designation", "gift_kind"], name="donation_designation"),
        ]

    def __str__(self):
        return f"Donazione n. {self.pk} del {self.date:%d/%m/%Y}"

    def get_absolute_url(self):
        return reverse("fundraising:donation_detail", args=[self.pk])

    @property
    def is_money(self) -> bool:
        return self.gift_kind == GiftKind.MONEY

    @property
    def is_traceable(self) -> bool:
        return self.is_money and self.payment_method in TRACEABLE_METHODS

    def clean(self):
        errors = {}
        if self.gift_kind == GiftKind.MONEY:
            if not self.payment_method:
                errors["payment_method"] = "Indicare la modalità di pagamento."
            self.in_kind_description = ""
        else:
            if self.payment_method:
                errors["payment_method"] = "Un dono in natura non ha una modalità di pagamento."
            if not self.in_kind_description.strip():
                errors["in_kind_description"] = "Descrivere i beni o servizi donati."
        if self.donor_id and self.soft_credit_id and self.donor_id == self.soft_credit_id:
            errors["soft_credit"] = "Il soft credit va a chi ha sollecitato il dono, non al donatore stesso."
        if errors:
            raise ValidationError(errors)
