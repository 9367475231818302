"""Laboratori di Comunità (Action 2A): the lab, its people and operational plan, self-assessments, meetings,
payments of its budget, fundraising activities, and the annual restitution event (DOMAIN.md, Action 2/A)."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse

from governance.audit import AuditedModel
from governance.enums import OrganisationKind
from governance.models import District, Expense, Organisation, ProjectYear
from governance.money import format_eur

from . import permissions
from .enums import (
    LAB_TRANSITIONS,
    TERRITORIAL_KINDS,
    FundraisingStatus,
    LabFundingSource,
    LabKind,
    LabPersonRole,
    LabStatus,
    MeetingKind,
    PlannedActionStatus,
)

# Seed 2239-2244: "un budget massimo di euro 10.000 (nel primo anno erano 12.000)" for the labs of years 2 and 3.
BUDGET_CEILING = Decimal("10000.00")
CEILING_FROM_YEAR = 2
# Seed 857: year-1 labs had "un valore medio di € 12.000" — an average, so above it the form warns, never refuses.
YEAR1_AVERAGE = Decimal("12000.00")
# The implementing body is "un soggetto attuatore (Comuni o Aziende Speciali comunali)" (seed 2240-2241); the
# Casalasco's municipalities act through their consortium.
IMPLEMENTING_KINDS = frozenset(
    {OrganisationKind.PUBLIC_BODY, OrganisationKind.SPECIAL_AGENCY, OrganisationKind.CONSORTIUM}
)
SCORE_NAMES = ["pr", "re", "ri"]
PARTICIPANT_FIELDS = ["people", "households", "informal_groups", "profit_bodies", "nonprofit_bodies"]


class LaboratorioQuerySet(models.QuerySet):
    def visible_to(self, user):
        q = permissions.district_q(user)
        return self.all() if q is None else self.filter(q)

    def activated_in(self, year_number: int | None):
        return self if year_number is None else self.filter(activation_year_number=year_number)

    def territorial(self):
        return self.filter(kind__in=TERRITORIAL_KINDS)


class Laboratorio(AuditedModel):
    """A participatory lab where residents and local actors read a problem together and create bonds (legami)."""

    name = models.CharField("nome", max_length=200)
    kind = models.CharField("tipo di laboratorio", max_length=20, choices=LabKind.choices)
    district = models.ForeignKey(District, verbose_name="ambito", on_delete=models.PROTECT, related_name="labs")
    area = models.CharField(
        "comune / area",
        max_length=200,
        help_text="Il comune, il quartiere o l'area del laboratorio (per un luogo di lavoro: l'azienda o la sede).",
    )
    activation_year = models.ForeignKey(
        ProjectYear, verbose_name="anno di attivazione", on_delete=models.PROTECT, related_name="labs"
    )
    # Kept from `activation_year` on every save so that a CheckConstraint can hold the budget ceiling.
    activation_year_number = models.PositiveSmallIntegerField("numero dell'anno di attivazione", editable=False)
    activated_on = models.DateField("data di attivazione", null=True, blank=True)
    planned_end_on = models.DateField("conclusione prevista", null=True, blank=True)
    # Status and closing date change only through services.lab_transition (no form lists them; read-only in the
    # admin); they stay "editable" so that the history on the lab page shows their changes.
    closed_on = models.DateField("data di conclusione", null=True, blank=True)
    status = models.CharField("stato", max_length=20, choices=LabStatus.choices, default=LabStatus.STARTING)
    implementing_body = models.ForeignKey(
        Organisation,
        verbose_name="soggetto attuatore",
        on_delete=models.PROTECT,
        related_name="implemented_labs",
        help_text="Il Comune o l'azienda speciale comunale che riceve il budget del laboratorio.",
    )
    generating_theme = models.TextField(
        "tema generatore", help_text="Il problema ritenuto di interesse e prioritario per la comunità di riferimento."
    )
    aims_at_bonds = models.BooleanField(
        "il piano operativo mira a creare legami",
        default=False,
        help_text="Aggiornamento di giugno 2016: oggetto del laboratorio è la creazione di legami tra persone e "
        "gruppi, non l'offerta di un servizio.",
    )
    practice_social_street = models.BooleanField("social street", default=False)
    practice_street_dinner = models.BooleanField("cena di strada", default=False)
    practice_common_good_day = models.BooleanField("giornata del bene comune", default=False)
    practice_other = models.CharField("altre pratiche condivise", max_length=250, blank=True)
    budget = models.DecimalField(
        "budget del laboratorio",
        max_digits=12,
        decimal_places=2,
        default=Decimal("0.00"),
        validators=[MinValueValidator(Decimal("0"))],
        help_text="Dal secondo anno al massimo 10.000,00 € (5.000 € contributo Cariplo e 5.000 € donazioni).",
    )
    notes = models.TextField("note", blank=True)

    objects = LaboratorioQuerySet.as_manager()

    class Meta:
        ordering = ["-activation_year_number", "name", "pk"]
        verbose_name = "laboratorio di comunità"
        verbose_name_plural = "laboratori di comunità"
        constraints = [
            models.CheckConstraint(condition=Q(budget__gte=0), name="lab_budget_not_negative"),
            models.CheckConstraint(
                condition=Q(activation_year_number__lt=CEILING_FROM_YEAR) | Q(budget__lte=BUDGET_CEILING),
                name="lab_budget_at_most_10000_from_year_2",
            ),
            models.CheckConstraint(
                condition=Q(planned_end_on__isnull=True)
                | Q(activated_on__isnull=True)
                | Q(planned_end_on__gte=F("activated_on")),
                name="lab_end_after_activation",
            ),
            models.CheckConstraint(
                condition=~Q(status="closed") | Q(closed_on__isnull=False), name="lab_closed_has_date"
            ),
        ]
        indexes = [
            models.Index(fields=["district", "activation_year_number"]),
            models.Index(fields=["status", "kind"]),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if self.activation_year_id:
            self.activation_year_number = self.activation_year.number
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("laboratori:lab_detail", args=[self.pk])

    @property
    def is_territorial(self) -> bool:
        return self.kind in TERRITORIAL_KINDS

    @property
    def is_closed(self) -> bool:
        return self.status == LabStatus.CLOSED

    @property
    def has_ceiling(self) -> bool:
        number = self.activation_year.number if self.activation_year_id else None
        return number is not None and number >= CEILING_FROM_YEAR

    def practices(self) -> list[str]:
        names = [
            label
            for flag, label in (
                (self.practice_social_street, "social street"),
                (self.practice_street_dinner, "cena di strada"),
                (self.practice_common_good_day, "giornata del bene comune"),
            )
            if flag
        ]
        if self.practice_other.strip():
            names.append(self.practice_other.strip())
        return names

    def allowed_transitions(self) -> list[str]:
        return sorted(LAB_TRANSITIONS[self.status], key=list(LabStatus.values).index)

    def budget_warning(self) -> str | None:
        """Year-1 labs: € 12,000 was an average (seed 857), so a larger budget is allowed but pointed out."""
        if self.activation_year_id and not self.has_ceiling and (self.budget or 0) > YEAR1_AVERAGE:
            return (
                f"Il budget supera {format_eur(YEAR1_AVERAGE)}, il valore medio previsto per i laboratori del primo "
                "anno: verificare che sia compensato da altri laboratori."
            )
        return None

    def clean(self):
        errors = {}
        if self.has_ceiling and self.budget is not None and self.budget > BUDGET_CEILING:
            errors["budget"] = (
                f"Per un laboratorio attivato dal secondo anno il budget non può superare {format_eur(BUDGET_CEILING)} "
                f"(indicati {format_eur(self.budget)})."
            )
        if self.implementing_body_id and self.implementing_body.kind not in IMPLEMENTING_KINDS:
            errors["implementing_body"] = (
                "Il soggetto attuatore deve essere un Comune, un'azienda speciale comunale o un consorzio di Comuni."
            )
        year = self.activation_year if self.activation_year_id else None
        if year and self.activated_on and not (year.start <= self.activated_on <= year.end):
            errors["activated_on"] = f"La data di attivazione non cade nell'{year}."
        if self.planned_end_on and self.activated_on and self.planned_end_on < self.activated_on:
            errors["planned_end_on"] = "La conclusione prevista non può precedere l'attivazione."
        if self.area is not None:
            self.area = " ".join(self.area.split())
        if errors:
            raise ValidationError(errors)


class LabPerson(AuditedModel):
    """A community maker or coordinator of the lab: an application user or a named person."""

    lab = models.ForeignKey(Laboratorio, on_delete=models.CASCADE, related_name="people")
    role = models.CharField("ruolo", max_length=20, choices=LabPersonRole.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="utente",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="lab_seats",
    )
    name = models.CharField("nome", max_length=150, blank=True)
    organisation = models.ForeignKey(
        Organisation, verbose_name="organizzazione", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["role", "name", "pk"]
        verbose_name = "community maker o coordinatore"
        verbose_name_plural = "community maker e coordinatori"
        constraints = [
            models.CheckConstraint(condition=Q(user__isnull=False) | ~Q(name=""), name="lab_person_user_or_name"),
        ]

    def __str__(self):
        if self.user_id:
            return self.user.get_full_name() or self.user.username
        return self.name


class PlannedAction(AuditedModel):
    """One action of the lab's operational plan (piano operativo)."""

    lab = models.ForeignKey(Laboratorio, on_delete=models.CASCADE, related_name="plan")
    title = models.CharField("azione", max_length=250)
    owner = models.CharField("responsabile", max_length=150, blank=True)
    start_on = models.DateField("inizio", null=True, blank=True)
    end_on = models.DateField("fine", null=True, blank=True)
    status = models.CharField(
        "stato", max_length=20, choices=PlannedActionStatus.choices, default=PlannedActionStatus.PLANNED
    )

    class Meta:
        ordering = ["start_on", "pk"]
        verbose_name = "azione del piano operativo"
        verbose_name_plural = "piano operativo"
        constraints = [
            models.CheckConstraint(
                condition=Q(start_on__isnull=True) | Q(end_on__isnull=True) | Q(end_on__gte=F("start_on")),
                name="planned_action_end_after_start",
            ),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        if self.start_on and self.end_on and self.end_on < self.start_on:
            raise ValidationError({"end_on": "La fine non può precedere l'inizio."})


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
