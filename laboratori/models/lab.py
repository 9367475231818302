"""Laboratori di Comunità (Action 2A): the lab, its people and operational plan, self-assessments, meetings,
payments of its budget, fundraising activities, and the annual restitution event (DOMAIN.md, Action 2/A)."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse

from governance.audit import AuditedModel
from governance.enums import OrganisationKind
from governance.models import District, Organisation, ProjectYear
from governance.money import format_eur

from .. import permissions
from ..enums import (
    LAB_TRANSITIONS,
    TERRITORIAL_KINDS,
    LabKind,
    LabPersonRole,
    LabStatus,
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
