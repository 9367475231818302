"""The results framework: indicators, their targets (original 2015 and revised June 2016) and manual values.

An indicator is measured either by a function an action app registers (`governance.indicators`) or by values the
Direzione enters by hand with their evidence. Targets are per project year (None: the whole triennium) and per
district (None: the whole programme); the two plan versions are kept side by side so the re-planning stays visible.
"""

from __future__ import annotations

import uuid
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse

from ..audit import AuditedModel
from ..uploads import validate_document
from .territory import Action, District, ProjectYear

VALUE_DIGITS = {"max_digits": 12, "decimal_places": 2}
PERCENT_MAX = Decimal("100")


class Unit(models.TextChoices):
    NUMBER = "number", "numero"
    EURO = "euro", "euro"
    PERCENTAGE = "percentage", "percentuale"
    HOUSEHOLDS = "households", "nuclei familiari"
    PEOPLE = "people", "persone"
    DAYS = "days", "giornate"

    @property
    def additive(self) -> bool:
        """Whether values of this unit add up across years and districts (a share does not)."""
        return self != Unit.PERCENTAGE


class Measurement(models.TextChoices):
    COMPUTED = "computed", "calcolato dai dati dell'applicazione"
    MANUAL = "manual", "inserito a mano con la sua fonte"


class TargetVersion(models.TextChoices):
    ORIGINAL = "original", "Originale (studio di fattibilità 2015)"
    REVISED = "revised", "Rivisto (aggiornamento giugno 2016)"


class Indicator(AuditedModel):
    """One indicator of the results framework, identified by a stable code shared with the action apps."""

    code = models.CharField(
        "codice",
        max_length=40,
        unique=True,
        help_text="Il codice con cui le azioni registrano il calcolo (es. A1_PATTI): non si rinomina.",
    )
    action = models.ForeignKey(Action, verbose_name="azione", on_delete=models.PROTECT, related_name="indicators")
    name = models.CharField("nome", max_length=200)
    unit = models.CharField("unità di misura", max_length=20, choices=Unit.choices, default=Unit.NUMBER)
    measurement = models.CharField(
        "rilevazione", max_length=20, choices=Measurement.choices, default=Measurement.COMPUTED
    )
    description = models.TextField("descrizione", blank=True, help_text="Che cosa conta, con la fonte nel seed.")
    order = models.PositiveSmallIntegerField("ordine", default=0)

    class Meta:
        ordering = ["action__order", "order", "code"]
        verbose_name = "indicatore"
        verbose_name_plural = "indicatori"
        constraints = [models.CheckConstraint(condition=~Q(code=""), name="indicator_code_not_empty")]

    def __str__(self):
        return f"{self.code} · {self.name}"

    def get_absolute_url(self):
        return reverse("governance:indicator_detail", args=[self.pk])

    @property
    def unit_enum(self) -> Unit:
        return Unit(self.unit)


def _unique_target(fields: list[str], condition: Q, name: str) -> models.UniqueConstraint:
    return models.UniqueConstraint(
        fields=fields,
        condition=condition,
        name=name,
        violation_error_message=(
            "Esiste già un obiettivo di questa versione per lo stesso indicatore, anno e ambito: modificare quello."
        ),
    )


class TargetQuerySet(models.QuerySet):
    def for_codes(self, codes):
        return self.filter(indicator__code__in=codes)


class Target(AuditedModel):
    """A target of an indicator in one version of the plan, for a project year and a district (or all of them)."""

    indicator = models.ForeignKey(
        Indicator, verbose_name="indicatore", on_delete=models.PROTECT, related_name="targets"
    )
    # `version` is the audit's lost-update counter (AuditedModel): the plan version is `plan_version`.
    plan_version = models.CharField("versione del piano", max_length=10, choices=TargetVersion.choices)
    project_year = models.ForeignKey(
        ProjectYear,
        verbose_name="anno di progetto",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="targets",
        help_text="Vuoto: l'intero triennio.",
    )
    district = models.ForeignKey(
        District,
        verbose_name="ambito",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="targets",
        help_text="Vuoto: l'intero programma.",
    )
    value = models.DecimalField("valore", **VALUE_DIGITS)
    value_max = models.DecimalField(
        "valore massimo",
        **VALUE_DIGITS,
        null=True,
        blank=True,
        help_text="Solo per un obiettivo espresso come intervallo (es. 8–10 idee d'impresa).",
    )
    source = models.TextField("fonte", help_text="Documento e righe del seed da cui viene l'obiettivo.")

    objects = TargetQuerySet.as_manager()

    class Meta:
        ordering = ["indicator__code", "project_year__number", "district__name", "plan_version"]
        verbose_name = "obiettivo"
        verbose_name_plural = "obiettivi"
        # One target per indicator, version, year and district. NULL means "all years" / "all districts", and NULLs
        # are distinct in a plain unique index: four partial constraints refuse duplicates on SQLite and PostgreSQL.
        constraints = [
            _unique_target(
                ["indicator", "plan_version", "project_year", "district"],
                Q(project_year__isnull=False, district__isnull=False),
                "target_unique_year_district",
            ),
            _unique_target(
                ["indicator", "plan_version", "project_year"],
                Q(project_year__isnull=False, district__isnull=True),
                "target_unique_year_programme",
            ),
            _unique_target(
                ["indicator", "plan_version", "district"],
                Q(project_year__isnull=True, district__isnull=False),
                "target_unique_triennium_district",
            ),
            _unique_target(
                ["indicator", "plan_version"],
                Q(project_year__isnull=True, district__isnull=True),
                "target_unique_triennium_programme",
            ),
            models.CheckConstraint(
                condition=Q(value__gte=0),
                name="target_value_not_negative",
                violation_error_message="Un obiettivo non può essere negativo.",
            ),
            models.CheckConstraint(
                condition=Q(value_max__isnull=True) | Q(value_max__gte=models.F("value")),
                name="target_range_ordered",
                violation_error_message="Il valore massimo dell'intervallo non può essere minore del valore.",
            ),
            models.CheckConstraint(condition=~Q(source=""), name="target_has_source"),
            models.CheckConstraint(condition=Q(plan_version__in=TargetVersion.values), name="target_version_known"),
        ]
        indexes = [models.Index(fields=["indicator", "plan_version"])]

    def __str__(self):
        where = self.district.name if self.district_id else "programma"
        when = f"anno {self.project_year.number}" if self.project_year_id else "triennio"
        return f"{self.indicator.code} · {self.get_plan_version_display()} · {when} · {where}"

    def clean(self):
        errors = {}
        if self.value is not None and self.value < 0:
            errors["value"] = "Un obiettivo non può essere negativo."
        if self.value is not None and self.value_max is not None and self.value_max < self.value:
            errors["value_max"] = "Il valore massimo dell'intervallo non può essere minore del valore."
        if self.indicator_id and self.indicator.unit == Unit.PERCENTAGE:
            for name in ("value", "value_max"):
                if getattr(self, name) is not None and getattr(self, name) > PERCENT_MAX:
                    errors[name] = "Una percentuale non può superare 100."
        if not (self.source or "").strip():
            errors["source"] = "Indicare la fonte dell'obiettivo (documento e righe)."
        if errors:
            raise ValidationError(errors)


def manual_value_document_path(instance, filename):
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"results/{instance.indicator_id}/{uuid.uuid4().hex}.{extension}"


class ManualValueQuerySet(models.QuerySet):
    def latest_first(self):
        return self.order_by("-measured_on", "-pk")


class ManualValue(AuditedModel):
    """A value entered by hand, with its evidence, for what the application's data cannot count."""

    indicator = models.ForeignKey(
        Indicator, verbose_name="indicatore", on_delete=models.PROTECT, related_name="manual_values"
    )
    project_year = models.ForeignKey(
        ProjectYear,
        verbose_name="anno di progetto",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="manual_values",
        help_text="Vuoto: l'intero triennio.",
    )
    district = models.ForeignKey(
        District,
        verbose_name="ambito",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="manual_values",
        help_text="Vuoto: l'intero programma.",
    )
    value = models.DecimalField("valore", **VALUE_DIGITS)
    measured_on = models.DateField("data della rilevazione")
    source = models.TextField(
        "documento di fonte", help_text="Il documento che attesta il valore (es. relazione dell'Ufficio di Piano)."
    )
    document = models.FileField(
        "documento allegato",
        upload_to=manual_value_document_path,
        validators=[validate_document],
        blank=True,
    )
    notes = models.TextField("note", blank=True)

    objects = ManualValueQuerySet.as_manager()

    class Meta:
        ordering = ["indicator__code", "-measured_on", "-pk"]
        verbose_name = "valore rilevato a mano"
        verbose_name_plural = "valori rilevati a mano"
        constraints = [
            models.CheckConstraint(
                condition=Q(value__gte=0),
                name="manual_value_not_negative",
                violation_error_message="Un valore rilevato non può essere negativo.",
            ),
            models.CheckConstraint(
                condition=~Q(source=""),
                name="manual_value_has_source",
                violation_error_message="Indicare il documento di fonte del valore.",
            ),
        ]
        indexes = [models.Index(fields=["indicator", "project_year", "district"])]

    def __str__(self):
        return f"{self.indicator.code}: {self.value} ({self.measured_on:%d/%m/%Y})"

    @property
    def entered_by(self):
        """Who entered the value (the audited creator)."""
        return self.created_by

    def clean(self):
        errors = {}
        if self.value is not None and self.value < 0:
            errors["value"] = "Un valore rilevato non può essere negativo."
        is_share = self.indicator_id and self.indicator.unit == Unit.PERCENTAGE
        if is_share and self.value is not None and self.value > PERCENT_MAX:
            errors["value"] = "Una percentuale non può superare 100."
        if not (self.source or "").strip():
            errors["source"] = "Indicare il documento di fonte del valore."
        if errors:
            raise ValidationError(errors)
