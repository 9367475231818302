"""Around a lab: self-assessments, meetings, payments of its budget, fundraising activities, restitution events."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse

from governance.audit import AuditedModel
from governance.models import Expense, Organisation, ProjectYear
from governance.money import format_eur

from .. import permissions
from ..enums import (
    FundraisingStatus,
    LabFundingSource,
    MeetingKind,
)
from .lab import PARTICIPANT_FIELDS, SCORE_NAMES, Laboratorio


class SelfAssessmentQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(lab__in=Laboratorio.objects.visible_to(user))

    def with_product(self):
        return self.annotate(product_value=F("pr") * F("re") * F("ri"))


def score_field(label):
    return models.PositiveSmallIntegerField(label, validators=[MinValueValidator(1), MaxValueValidator(5)])


class SelfAssessment(AuditedModel):
    """The lab's self-assessment LAB = f(PR × RE × RI), each dimension scored 1-5 (seed 2208-2212)."""

    lab = models.ForeignKey(Laboratorio, on_delete=models.CASCADE, related_name="assessments")
    date = models.DateField("data")
    pr = score_field("PR – rappresentazione del problema")
    re = score_field("RE – quantità e qualità delle relazioni")
    ri = score_field("RI – identificazione e coinvolgimento delle risorse")
    notes = models.TextField("note", blank=True)

    objects = SelfAssessmentQuerySet.as_manager()

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = "autovalutazione"
        verbose_name_plural = "autovalutazioni"
        constraints = [
            models.CheckConstraint(
                condition=Q(**{f"{d}__gte": 1}) & Q(**{f"{d}__lte": 5}), name=f"lab_assessment_{d}_1_5"
            )
            for d in SCORE_NAMES
        ]

    def __str__(self):
        return f"Autovalutazione del {self.date:%d/%m/%Y}"

    @property
    def product(self) -> int:
        """LAB = PR × RE × RI (from 1 to 125)."""
        return self.pr * self.re * self.ri


class LabMeetingQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(lab__in=Laboratorio.objects.visible_to(user))


def count_field(label):
    return models.PositiveIntegerField(label, default=0, validators=[MinValueValidator(0)])


class LabMeeting(AuditedModel):
    """A meeting or event of the lab, with who took part counted by category."""

    lab = models.ForeignKey(Laboratorio, on_delete=models.CASCADE, related_name="meetings")
    date = models.DateField("data")
    kind = models.CharField("tipo", max_length=20, choices=MeetingKind.choices)
    title = models.CharField("titolo", max_length=200)
    people = count_field("persone")
    households = count_field("nuclei familiari")
    informal_groups = count_field("gruppi informali")
    profit_bodies = count_field("enti profit")
    nonprofit_bodies = count_field("enti non profit")
    organisations = models.ManyToManyField(
        Organisation, verbose_name="organizzazioni partecipanti", blank=True, related_name="lab_meetings"
    )
    notes = models.TextField("note", blank=True)

    objects = LabMeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = "incontro del laboratorio"
        verbose_name_plural = "incontri del laboratorio"
        constraints = [
            models.CheckConstraint(condition=Q(**{f"{name}__gte": 0}), name=f"lab_meeting_{name}_not_negative")
            for name in PARTICIPANT_FIELDS
        ]
        indexes = [models.Index(fields=["lab", "date"])]

    def __str__(self):
        return f"{self.title} ({self.date:%d/%m/%Y})"

    def clean(self):
        negative = [self._meta.get_field(n).verbose_name for n in PARTICIPANT_FIELDS if (getattr(self, n) or 0) < 0]
        if negative:
            raise ValidationError("I partecipanti non possono essere negativi: " + ", ".join(negative) + ".")


class LabPaymentQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(lab__in=Laboratorio.objects.visible_to(user))

    def active(self):
        return self.filter(cancelled_at__isnull=True)


class LabPayment(AuditedModel):
    """A payment of the lab's budget to its implementing body, posted to the budget ledger as an approved expense."""

    lab = models.ForeignKey(Laboratorio, on_delete=models.PROTECT, related_name="payments")
    date = models.DateField("data")
    amount = models.DecimalField(
        "importo", max_digits=12, decimal_places=2, validators=[MinValueValidator(Decimal("0.01"))]
    )
    funding_source = models.CharField("fonte di finanziamento", max_length=20, choices=LabFundingSource.choices)
    description = models.CharField("causale", max_length=250)
    expense = models.OneToOneField(
        Expense, verbose_name="spesa a bilancio", on_delete=models.PROTECT, editable=False, related_name="lab_payment"
    )
    cancelled_at = models.DateTimeField("annullato il", null=True, blank=True, editable=False)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, editable=False, related_name="+"
    )
    cancel_reason = models.CharField("motivo dell'annullamento", max_length=250, blank=True, editable=False)

    objects = LabPaymentQuerySet.as_manager()

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = "pagamento del laboratorio"
        verbose_name_plural = "pagamenti del laboratorio"
        constraints = [models.CheckConstraint(condition=Q(amount__gt=0), name="lab_payment_amount_positive")]
        indexes = [models.Index(fields=["lab", "cancelled_at"])]

    def __str__(self):
        return f"{self.date:%d/%m/%Y} · {format_eur(self.amount)}"

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None


class FundraisingActivityQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(lab__in=Laboratorio.objects.visible_to(user))


class FundraisingActivity(AuditedModel):
    """A fundraising activity the lab agreed with the fundraising staff (seed 2243-2244), with target and raised."""

    lab = models.ForeignKey(Laboratorio, on_delete=models.CASCADE, related_name="fundraising")
    title = models.CharField("attività", max_length=200)
    date = models.DateField("data", null=True, blank=True)
    status = models.CharField(
        "stato", max_length=20, choices=FundraisingStatus.choices, default=FundraisingStatus.AGREED
    )
    target_amount = models.DecimalField(
        "obiettivo di raccolta",
        max_digits=12,
        decimal_places=2,
        default=Decimal("0.00"),
        validators=[MinValueValidator(Decimal("0"))],
    )
    raised_amount = models.DecimalField(
        "raccolto",
        max_digits=12,
        decimal_places=2,
        default=Decimal("0.00"),
        validators=[MinValueValidator(Decimal("0"))],
    )
    notes = models.TextField("note", blank=True)

    objects = FundraisingActivityQuerySet.as_manager()

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = "attività di raccolta fondi"
        verbose_name_plural = "attività di raccolta fondi"
        constraints = [
            models.CheckConstraint(
                condition=Q(target_amount__gte=0) & Q(raised_amount__gte=0), name="lab_fundraising_not_negative"
            ),
        ]

    def __str__(self):
        return self.title


class RestitutionEventQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Programme-wide: whoever reads labs reads the annual restitution events."""
        return self.all() if permissions.can_read_labs(user) else self.none()


class RestitutionEvent(AuditedModel):
    """The one coordinated annual restitution event of the labs, across the territories (DOMAIN.md)."""

    project_year = models.OneToOneField(
        ProjectYear, verbose_name="anno di progetto", on_delete=models.PROTECT, related_name="lab_restitution"
    )
    date = models.DateField("data")
    place = models.CharField("luogo", max_length=200)
    title = models.CharField("titolo", max_length=200)
    participants = count_field("partecipanti")
    labs = models.ManyToManyField(Laboratorio, verbose_name="laboratori presenti", blank=True, related_name="+")
    notes = models.TextField("sintesi", blank=True)

    objects = RestitutionEventQuerySet.as_manager()

    class Meta:
        ordering = ["project_year__number"]
        verbose_name = "evento annuale di restituzione"
        verbose_name_plural = "eventi annuali di restituzione"
        constraints = [
            models.CheckConstraint(condition=Q(participants__gte=0), name="restitution_participants_not_negative")
        ]

    def __str__(self):
        return f"{self.title} ({self.project_year})"

    def get_absolute_url(self):
        return reverse("laboratori:restitution_detail", args=[self.pk])

    def clean(self):
        year = self.project_year if self.project_year_id else None
        if year and self.date and not (year.start <= self.date <= year.end):
            raise ValidationError({"date": f"La data non cade nell'{year}."})
