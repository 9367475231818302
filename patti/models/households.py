"""Households (the pact's beneficiary unit), their referent person's identity and the identity access log."""

from __future__ import annotations

import datetime as dt
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import ngettext
from simple_history.models import HistoricalRecords

from governance.models import District, Municipality
from governance.validators import validate_personal_tax_code

from .. import permissions
from ..enums import Citizenship, EmploymentStatus, PromoterType, Sex, TargetGroup

# Identity of the referent person: visible only to the district staff with the identity permission, never written
# to the history tables (so that anonymisation leaves no copy behind).
IDENTITY_FIELDS = ["first_name", "last_name", "tax_code", "birth_date", "sex", "phone", "email", "address"]

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud and typed without mistakes
DISTRICT_PREFIX = {"cremonese": "CRE", "cremasco": "CMA", "casalasco": "CAS"}


def new_household_code(district: District) -> str:
    """A pseudonymous code: district prefix + 6 random characters, derived from nothing about the person."""
    prefix = DISTRICT_PREFIX.get(district.code, district.code[:3].upper())
    return f"{prefix}-{''.join(secrets.choice(CODE_ALPHABET) for _ in range(6))}"


def validate_not_future(value: dt.date) -> None:
    if value and value > timezone.localdate():
        raise ValidationError("La data di nascita non può essere nel futuro.")


class HouseholdQuerySet(models.QuerySet):
    def visible_to(self, user):
        q = permissions.district_q(user)
        return self.all() if q is None else self.filter(q)


class Household(models.Model):
    """A beneficiary household (a single person is a household of one), known everywhere by its code."""

    # Never shown, searched, filtered or ordered in the admin, even for system administrators (governance.admin_site).
    ADMIN_PRIVATE_FIELDS = IDENTITY_FIELDS

    code = models.CharField("codice", max_length=12, unique=True, editable=False)
    district = models.ForeignKey(District, verbose_name="ambito", on_delete=models.PROTECT, related_name="households")
    municipality = models.ForeignKey(
        Municipality,
        verbose_name="comune di residenza",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="households",
    )
    # Identity of the referent person (IDENTITY_FIELDS).
    first_name = models.CharField("nome", max_length=100, blank=True)
    last_name = models.CharField("cognome", max_length=100, blank=True)
    tax_code = models.CharField(
        "codice fiscale", max_length=16, null=True, blank=True, validators=[validate_personal_tax_code]
    )
    birth_date = models.DateField("data di nascita", null=True, blank=True, validators=[validate_not_future])
    sex = models.CharField("sesso", max_length=1, choices=Sex.choices, blank=True)
    phone = models.CharField("telefono", max_length=30, blank=True)
    email = models.EmailField("e-mail", blank=True)
    address = models.CharField("indirizzo", max_length=250, blank=True)
    # Pseudonymous data kept for the programme's numbers.
    adults = models.PositiveSmallIntegerField("adulti", default=1, validators=[MinValueValidator(1)])
    minors = models.PositiveSmallIntegerField("minori", default=0, validators=[MaxValueValidator(20)])
    citizenship = models.CharField("cittadinanza", max_length=10, choices=Citizenship.choices)
    employment_status = models.CharField("condizione occupazionale", max_length=20, choices=EmploymentStatus.choices)
    vulnerable_social_ties = models.BooleanField("vulnerabilità nei legami sociali", default=False)
    vulnerable_family = models.BooleanField(
        "vulnerabilità nelle relazioni familiari e nei carichi di cura", default=False
    )
    vulnerable_housing = models.BooleanField("vulnerabilità abitativa", default=False)
    vulnerable_work = models.BooleanField("vulnerabilità lavorativa", default=False)
    target_group = models.CharField("gruppo target", max_length=20, choices=TargetGroup.choices)
    reached_through = models.CharField("intercettato tramite", max_length=30, choices=PromoterType.choices)
    notes = models.TextField(
        "note", blank=True, help_text="Non scrivere qui nomi o dati identificativi: le note restano nello storico."
    )
    anonymised_at = models.DateTimeField("anonimizzato il", null=True, blank=True, editable=False)
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField("creato il", auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, editable=False, related_name="+"
    )

    history = HistoricalRecords(excluded_fields=IDENTITY_FIELDS)
    objects = HouseholdQuerySet.as_manager()

    class Meta:
        ordering = ["code"]
        verbose_name = "nucleo beneficiario"
        verbose_name_plural = "nuclei beneficiari"
        constraints = [
            models.CheckConstraint(condition=Q(adults__gte=1), name="household_at_least_one_adult"),
        ]
        indexes = [models.Index(fields=["district"])]

    def __str__(self):
        return self.code

    def save(self, *args, **kwargs):
        if not self.code:
            self.code = new_household_code(self.district)
            while Household.objects.filter(code=self.code).exists():
                self.code = new_household_code(self.district)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("patti:household_detail", args=[self.pk])

    @property
    def members_count(self) -> int:
        return self.adults + self.minors

    @property
    def composition(self) -> str:
        """ "1 adulto, 1 minore", "2 adulti, 3 minori": singular and plural as Italian writes them."""
        adults = ngettext("%(count)d adulto", "%(count)d adulti", self.adults) % {"count": self.adults}
        minors = ngettext("%(count)d minore", "%(count)d minori", self.minors) % {"count": self.minors}
        return f"{adults}, {minors}"

    @property
    def vulnerabilities(self) -> list[str]:
        names = ["vulnerable_social_ties", "vulnerable_family", "vulnerable_housing", "vulnerable_work"]
        return [self._meta.get_field(n).verbose_name for n in names if getattr(self, n)]

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    def clean(self):
        if self.tax_code == "":
            self.tax_code = None
        if self.tax_code:
            self.tax_code = self.tax_code.strip().upper()
        if self.municipality_id and self.district_id and self.municipality.district_id not in (None, self.district_id):
            raise ValidationError({"municipality": "Il comune non appartiene all'ambito indicato."})


MEMBER_IDENTITY_FIELDS = ["first_name", "last_name", "birth_date"]


class HouseholdMember(models.Model):
    """Another member of the household (optional): identity data, visible and kept out of history like the
    referent person's; only the relationship is audited."""

    ADMIN_PRIVATE_FIELDS = MEMBER_IDENTITY_FIELDS
    RELATIONSHIPS = [
        ("partner", "Coniuge / convivente"),
        ("child", "Figlio/a"),
        ("parent", "Genitore"),
        ("other", "Altro familiare o convivente"),
    ]

    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="members")
    first_name = models.CharField("nome", max_length=100)
    last_name = models.CharField("cognome", max_length=100, blank=True)
    birth_date = models.DateField("data di nascita", null=True, blank=True, validators=[validate_not_future])
    relationship = models.CharField("relazione con la persona di riferimento", max_length=20, choices=RELATIONSHIPS)

    history = HistoricalRecords(excluded_fields=MEMBER_IDENTITY_FIELDS)

    class Meta:
        ordering = ["pk"]
        verbose_name = "componente del nucleo"
        verbose_name_plural = "componenti del nucleo"

    def __str__(self):
        return f"{self.get_relationship_display()} ({self.household.code})"


class IdentityAccess(models.Model):
    """One view of a beneficiary's identity: who, when, which household (never the identity itself)."""

    household = models.ForeignKey(
        Household, verbose_name="nucleo", on_delete=models.CASCADE, related_name="identity_accesses"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="utente", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    accessed_at = models.DateTimeField("data e ora", default=timezone.now)
    purpose = models.CharField("contesto", max_length=100)

    class Meta:
        ordering = ["-accessed_at", "-pk"]
        verbose_name = "accesso ai dati identificativi"
        verbose_name_plural = "accessi ai dati identificativi"
        indexes = [models.Index(fields=["-accessed_at"])]

    def __str__(self):
        return f"{self.household.code} – {self.accessed_at:%d/%m/%Y %H:%M}"
