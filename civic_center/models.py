"""Action 3 — Incroci di Comunità: civic centers, their weekly activities, agreements and paying demand.

Seed 985-1104 and 2301-2350: schools (and parish or sports centres) kept open to the neighbourhood from morning to
night, with activities run by promoter organisations under agreements with the municipality and the host.
"""

from __future__ import annotations

import uuid
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse

from governance.audit import AuditedModel
from governance.models import District, Municipality, Organisation, ProjectYear
from governance.money import format_eur
from governance.uploads import validate_document

from . import permissions
from .enums import (
    ACTIVATED_STATUSES,
    CENTER_TRANSITIONS,
    CLOSING,
    OPENING,
    ActivityCategory,
    Audience,
    CenterStatus,
    FeePeriod,
    HostKind,
    TimeBand,
    Weekday,
    time_band_of,
)

MONEY = {"max_digits": 12, "decimal_places": 2}
NOT_NEGATIVE = [MinValueValidator(Decimal("0"), message="L'importo non può essere negativo.")]


def center_document_path(instance, filename):
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"civic_center/{uuid.uuid4().hex}.{extension}"


class CivicCenterQuerySet(models.QuerySet):
    def visible_to(self, user):
        q = permissions.district_q(user)
        return self.all() if q is None else self.filter(q)

    def activated(self):
        return self.filter(activated_on__isnull=False, status__in=ACTIVATED_STATUSES)


class CivicCenter(AuditedModel):
    """A school, oratory or sports centre opened to its neighbourhood."""

    name = models.CharField("nome", max_length=200)
    host_kind = models.CharField("tipo di sede", max_length=30, choices=HostKind.choices)
    host_organisation = models.ForeignKey(
        Organisation, verbose_name="ente ospitante", on_delete=models.PROTECT, related_name="hosted_civic_centers"
    )
    address = models.CharField("indirizzo", max_length=250)
    municipality = models.ForeignKey(
        Municipality, verbose_name="comune", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    district = models.ForeignKey(District, verbose_name="ambito", on_delete=models.PROTECT, related_name="+")
    status = models.CharField(
        "stato", max_length=20, choices=CenterStatus.choices, default=CenterStatus.PLANNED, editable=False
    )
    activated_on = models.DateField("data di attivazione", null=True, blank=True, editable=False)
    activation_year = models.ForeignKey(
        ProjectYear,
        verbose_name="anno di progetto dell'attivazione",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    relations_professional = models.CharField(
        "professionista delle relazioni",
        max_length=150,
        blank=True,
        help_text="La figura professionale presente nel civic center che costruisce le relazioni con il quartiere.",
    )
    shared_rules = models.TextField("regole di gestione condivisa", blank=True)
    shared_rules_file = models.FileField(
        "regole di gestione condivisa (allegato)",
        upload_to=center_document_path,
        validators=[validate_document],
        blank=True,
    )
    royalties = models.DecimalField(
        "royalties all'ente ospitante (annue)", default=Decimal("0.00"), validators=NOT_NEGATIVE, **MONEY
    )
    notes = models.TextField("note", blank=True)

    objects = CivicCenterQuerySet.as_manager()

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = "civic center"
        verbose_name_plural = "civic center"
        constraints = [
            models.CheckConstraint(
                condition=Q(royalties__gte=0),
                name="civic_center_royalties_not_negative",
                violation_error_message="Le royalties non possono essere negative.",
            ),
            models.CheckConstraint(
                condition=Q(status=CenterStatus.PLANNED)
                | Q(status=CenterStatus.CLOSED)
                | Q(activated_on__isnull=False),
                name="civic_center_active_has_date",
                violation_error_message="Un civic center attivo o sospeso ha una data di attivazione.",
            ),
        ]
        indexes = [models.Index(fields=["district", "status"]), models.Index(fields=["activation_year"])]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        year = ProjectYear.objects.containing(self.activated_on).first() if self.activated_on else None
        self.activation_year_id = year.pk if year else None
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("civic_center:center_detail", args=[self.pk])

    def allowed_transitions(self) -> list[str]:
        return list(CENTER_TRANSITIONS[CenterStatus(self.status)])

    @property
    def parties_label(self) -> str:
        return ", ".join(str(p) for p in (self.host_organisation, self.municipality) if p)


class AgreementQuerySet(models.QuerySet):
    def visible_to(self, user):
        q = permissions.district_q(user, "civic_center__district")
        return self.all() if q is None else self.filter(q)


class Agreement(AuditedModel):
    """An "accordo convenzionale" between the host, the municipality and a promoter organisation."""

    civic_center = models.ForeignKey(
        CivicCenter, verbose_name="civic center", on_delete=models.PROTECT, related_name="agreements"
    )
    title = models.CharField("oggetto", max_length=200)
    promoter = models.ForeignKey(
        Organisation, verbose_name="ente promotore", on_delete=models.PROTECT, related_name="+"
    )
    municipality_party = models.BooleanField(
        "sottoscritto anche dal comune", default=True, help_text="Il comune del civic center è parte dell'accordo."
    )
    signed_on = models.DateField("data di sottoscrizione")
    start_on = models.DateField("inizio validità")
    end_on = models.DateField("fine validità")
    terms = models.TextField("condizioni", blank=True)
    royalties = models.DecimalField(
        "royalties previste dall'accordo", default=Decimal("0.00"), validators=NOT_NEGATIVE, **MONEY
    )

    objects = AgreementQuerySet.as_manager()

    class Meta:
        ordering = ["-start_on", "pk"]
        verbose_name = "accordo convenzionale"
        verbose_name_plural = "accordi convenzionali"
        constraints = [
            models.CheckConstraint(
                condition=Q(end_on__gte=F("start_on")),
                name="civic_agreement_end_after_start",
                violation_error_message="La fine dell'accordo non può precedere l'inizio.",
            ),
            models.CheckConstraint(
                condition=Q(royalties__gte=0),
                name="civic_agreement_royalties_not_negative",
                violation_error_message="Le royalties non possono essere negative.",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("civic_center:agreement_detail", args=[self.pk])

    @property
    def parties(self) -> list[str]:
        center = self.civic_center
        parties = [f"{center.host_organisation} (ente ospitante)"]
        if self.municipality_party and center.municipality_id:
            parties.append(f"Comune di {center.municipality}")
        parties.append(f"{self.promoter} (ente promotore)")
        return parties


class ActivityQuerySet(models.QuerySet):
    def visible_to(self, user):
        q = permissions.district_q(user, "civic_center__district")
        return self.all() if q is None else self.filter(q)


class Activity(AuditedModel):
    """A course or meeting run in a civic center by a promoter organisation, on one or more weekly slots."""

    civic_center = models.ForeignKey(
        CivicCenter, verbose_name="civic center", on_delete=models.PROTECT, related_name="activities"
    )
    title = models.CharField("titolo", max_length=200)
    promoter = models.ForeignKey(
        Organisation, verbose_name="ente promotore", on_delete=models.PROTECT, related_name="+"
    )
    agreement = models.ForeignKey(
        Agreement,
        verbose_name="accordo convenzionale",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="activities",
    )
    category = models.CharField("categoria", max_length=30, choices=ActivityCategory.choices)
    audience = models.CharField("destinatari", max_length=20, choices=Audience.choices)
    start_on = models.DateField("inizio")
    end_on = models.DateField("fine", null=True, blank=True)
    fee = models.DecimalField("quota per partecipante", default=Decimal("0.00"), validators=NOT_NEGATIVE, **MONEY)
    fee_period = models.CharField("periodo della quota", max_length=20, choices=FeePeriod.choices,
                                  default=FeePeriod.MONTH)  # fmt: skip
    capacity = models.PositiveIntegerField("posti disponibili", validators=[MinValueValidator(1)])
    enrolments = models.PositiveIntegerField("iscritti", default=0, help_text="Persone iscritte (conteggio per teste).")
    households = models.PositiveIntegerField("nuclei familiari coinvolti", default=0)
    free_places = models.PositiveIntegerField("posti gratuiti", default=0)
    free_places_funder = models.CharField(
        "chi finanzia i posti gratuiti", max_length=200, blank=True, help_text="Ad esempio: donazioni al fondo."
    )
    description = models.TextField("descrizione", blank=True)

    objects = ActivityQuerySet.as_manager()

    class Meta:
        ordering = ["civic_center__name", "title", "pk"]
        verbose_name = "attività"
        verbose_name_plural = "attività"
        constraints = [
            models.CheckConstraint(
                condition=Q(fee__gte=0),
                name="civic_activity_fee_not_negative",
                violation_error_message="La quota non può essere negativa.",
            ),
            models.CheckConstraint(
                condition=Q(capacity__gte=1),
                name="civic_activity_capacity_positive",
                violation_error_message="I posti disponibili devono essere almeno uno.",
            ),
            models.CheckConstraint(
                condition=Q(enrolments__lte=F("capacity")),
                name="civic_activity_enrolments_within_capacity",
                violation_error_message="Gli iscritti non possono superare i posti disponibili.",
            ),
            models.CheckConstraint(
                condition=Q(free_places__lte=F("capacity")),
                name="civic_activity_free_places_within_capacity",
                violation_error_message="I posti gratuiti non possono superare i posti disponibili.",
            ),
            models.CheckConstraint(
                condition=Q(free_places=0) | ~Q(free_places_funder=""),
                name="civic_activity_free_places_have_funder",
                violation_error_message="Indicare chi finanzia i posti gratuiti.",
            ),
            models.CheckConstraint(
                condition=Q(end_on__isnull=True) | Q(end_on__gte=F("start_on")),
                name="civic_activity_end_after_start",
                violation_error_message="La fine dell'attività non può precedere l'inizio.",
            ),
        ]
        indexes = [models.Index(fields=["category", "audience"]), models.Index(fields=["start_on"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("civic_center:activity_detail", args=[self.pk])

    def clean(self):
        if self.agreement_id and self.civic_center_id and self.agreement.civic_center_id != self.civic_center_id:
            raise ValidationError({"agreement": "L'accordo scelto è di un altro civic center."})

    @property
    def fee_label(self) -> str:
        if not self.fee:
            return "Gratuita"
        return f"{format_eur(self.fee)} {self.get_fee_period_display()}"

    @property
    def free_of_charge(self) -> bool:
        return not self.fee


class ActivitySlotQuerySet(models.QuerySet):
    def visible_to(self, user):
        q = permissions.district_q(user, "activity__civic_center__district")
        return self.all() if q is None else self.filter(q)


class ActivitySlot(AuditedModel):
    """One weekly appointment of an activity: weekday, start and end within 07:00-23:00."""

    activity = models.ForeignKey(Activity, verbose_name="attività", on_delete=models.CASCADE, related_name="slots")
    weekday = models.PositiveSmallIntegerField("giorno", choices=Weekday.choices)
    start = models.TimeField("dalle")
    end = models.TimeField("alle")

    objects = ActivitySlotQuerySet.as_manager()

    class Meta:
        ordering = ["weekday", "start", "pk"]
        verbose_name = "orario settimanale"
        verbose_name_plural = "orari settimanali"
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gt=F("start")),
                name="civic_slot_end_after_start",
                violation_error_message="L'orario di fine deve seguire quello di inizio.",
            ),
            models.CheckConstraint(
                condition=Q(start__gte=OPENING) & Q(end__lte=CLOSING),
                name="civic_slot_within_opening_hours",
                violation_error_message="Le attività si svolgono tra le 07:00 e le 23:00.",
            ),
            models.CheckConstraint(
                condition=Q(weekday__gte=1) & Q(weekday__lte=7),
                name="civic_slot_weekday_valid",
                violation_error_message="Giorno della settimana non valido.",
            ),
        ]

    def __str__(self):
        return f"{self.get_weekday_display()} {self.start:%H:%M}–{self.end:%H:%M}"

    @property
    def time_band(self) -> str:
        return time_band_of(self.start)

    @property
    def time_band_label(self) -> str:
        return TimeBand(self.time_band).label


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
