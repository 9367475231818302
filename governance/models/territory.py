"""Territory and programme structure: districts, municipalities, organisations, actions, project years."""

from __future__ import annotations

import datetime as dt
from contextlib import contextmanager
from contextvars import ContextVar

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from ..enums import OrganisationKind, ProgrammeRole
from ..scoping import user_scope
from ..validators import validate_tax_code


class DistrictQuerySet(models.QuerySet):
    def visible_to(self, user):
        scope = user_scope(user)
        if scope.programme_wide:
            return self.all()
        if scope.district_scoped:
            return self.filter(pk__in=scope.district_ids)
        return self.none()


class District(models.Model):
    """An ambito distrettuale with its Ufficio di Piano."""

    code = models.SlugField("codice", max_length=30, unique=True)
    name = models.CharField("nome", max_length=100, unique=True)
    full_name = models.CharField("denominazione", max_length=200)
    municipalities_count = models.PositiveSmallIntegerField("numero di comuni")
    lead_organisation = models.ForeignKey(
        "Organisation",
        verbose_name="ente capofila",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="led_districts",
    )

    history = HistoricalRecords()
    objects = DistrictQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = "ambito distrettuale"
        verbose_name_plural = "ambiti distrettuali"

    def __str__(self):
        return self.name


class MunicipalityQuerySet(models.QuerySet):
    def visible_to(self, user):
        scope = user_scope(user)
        if scope.programme_wide:
            return self.all()
        if scope.district_scoped:
            return self.filter(Q(district__in=scope.district_ids) | Q(district__isnull=True))
        return self.none()

    def valid_between(self, start: dt.date, end: dt.date):
        """Municipalities that existed at some time between the two dates (mergers end or start a validity)."""
        return self.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=end)).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=start)
        )


class Municipality(models.Model):
    """A municipality as it stood during the programme (reference data: ``governance/reference_municipalities.py``)."""

    name = models.CharField("nome", max_length=100)
    istat_code = models.CharField("codice ISTAT", max_length=6, unique=True, null=True, blank=True)
    belfiore_code = models.CharField(
        "codice catastale",
        max_length=4,
        unique=True,
        null=True,
        blank=True,
        help_text="Il codice (Belfiore) che compare nel codice fiscale di chi vi è nato.",
    )
    valid_from = models.DateField("istituito il", null=True, blank=True)
    valid_to = models.DateField("soppresso il", null=True, blank=True, help_text="Vuoto se il comune esiste ancora.")
    district = models.ForeignKey(
        District,
        verbose_name="ambito",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="municipalities",
    )

    history = HistoricalRecords()
    objects = MunicipalityQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = "comune"
        verbose_name_plural = "comuni"

    def __str__(self):
        return self.name


class OrganisationQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Programme-wide roles: all. District roles: their districts and provincial bodies. Partner: own."""
        scope = user_scope(user)
        if scope.programme_wide:
            return self.all()
        q = Q(pk__in=[])
        if scope.district_scoped:
            q |= Q(district__in=scope.district_ids) | Q(district__isnull=True)
        if scope.partner_org_id:
            q |= Q(pk=scope.partner_org_id)
        return self.filter(q) if not scope.is_empty else self.none()

    def with_role(self, role: str):
        if role == ProgrammeRole.LEAD_PARTNER:
            return self.filter(is_lead_partner=True)
        if role == ProgrammeRole.PARTNER:
            return self.filter(is_partner=True)
        if role == ProgrammeRole.MEMBER:
            return self.filter(is_member=True)
        if role == ProgrammeRole.OTHER:
            return self.filter(is_lead_partner=False, is_partner=False, is_member=False)
        return self.none()


class Organisation(models.Model):
    """A partner, network member or other body taking part in the programme."""

    name = models.CharField("denominazione", max_length=200, unique=True)
    short_name = models.CharField("nome breve", max_length=100, blank=True)
    kind = models.CharField("tipologia", max_length=30, choices=OrganisationKind.choices)
    tax_code = models.CharField(
        "codice fiscale",
        max_length=16,
        unique=True,
        null=True,
        blank=True,
        validators=[validate_tax_code],
        help_text="11 cifre per gli enti, 16 caratteri per le persone fisiche.",
    )
    seat_address = models.CharField("sede legale", max_length=250, blank=True)
    legal_representative = models.CharField("legale rappresentante", max_length=150, blank=True)
    legal_representative_role = models.CharField("qualifica del legale rappresentante", max_length=150, blank=True)
    signatory = models.CharField(
        "firmatario delegato",
        max_length=150,
        blank=True,
        help_text="Chi firma per delega del legale rappresentante, se diverso.",
    )
    signatory_role = models.CharField("qualifica del firmatario", max_length=250, blank=True)
    district = models.ForeignKey(
        District,
        verbose_name="ambito",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisations",
        help_text="Vuoto per gli enti di livello provinciale.",
    )
    is_lead_partner = models.BooleanField("capofila", default=False)
    is_partner = models.BooleanField("partner", default=False)
    is_member = models.BooleanField("aderente alla rete", default=False)
    aliases = models.CharField("altre denominazioni", max_length=300, blank=True)
    notes = models.TextField("note", blank=True)

    history = HistoricalRecords()
    objects = OrganisationQuerySet.as_manager()

    class Meta:
        # Alphabetical as an Italian reader expects, whatever the case ("ACLI", "Agorà", "ASVICOM", "AUSER"), on
        # SQLite and PostgreSQL alike (no database collation involved); pk breaks ties for stable pages.
        ordering = [Lower("name"), "pk"]
        verbose_name = "organizzazione"
        verbose_name_plural = "organizzazioni"
        constraints = [
            models.CheckConstraint(
                condition=Q(is_lead_partner=False) | Q(is_partner=True), name="lead_partner_is_partner"
            ),
        ]
        indexes = [models.Index(fields=["kind"]), models.Index(fields=["is_partner", "is_member"])]

    def __str__(self):
        return self.short_name or self.name

    def get_absolute_url(self):
        return reverse("governance:organisation_detail", args=[self.pk])

    def clean(self):
        if self.tax_code == "":
            self.tax_code = None
        if self.tax_code:
            self.tax_code = self.tax_code.strip().upper()

    @property
    def programme_roles(self) -> list[str]:
        roles = []
        if self.is_lead_partner:
            roles.append(ProgrammeRole.LEAD_PARTNER.label)
        if self.is_partner:
            roles.append(ProgrammeRole.PARTNER.label)
        if self.is_member:
            roles.append(ProgrammeRole.MEMBER.label)
        return roles or [ProgrammeRole.OTHER.label]


class Action(models.Model):
    """One of the programme's actions (1, 2A, 2B, 3, 4, 5) or governance and administration."""

    code = models.CharField("codice", max_length=5, unique=True)
    name = models.CharField("nome", max_length=150)
    description = models.TextField("descrizione", blank=True)
    order = models.PositiveSmallIntegerField("ordine", default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "code"]
        verbose_name = "azione"
        verbose_name_plural = "azioni"

    def __str__(self):
        return f"{self.code} · {self.name}" if self.code != "GA" else self.name


# The project years read once per request (`project_years_memo`, opened by `governance.middleware`): a dashboard or a
# report asks for a year by number in every indicator and link, and three rows need not be read twenty times. Outside
# the memo (commands, tests, background jobs) every call reads the table.
_years_memo: ContextVar[list | None] = ContextVar("project_years_memo", default=None)


@contextmanager
def project_years_memo():
    """Within this block the project years are read at most once (a year edited inside it is not seen)."""
    token = _years_memo.set([])
    try:
        yield
    finally:
        _years_memo.reset(token)


class ProjectYearQuerySet(models.QuerySet):
    def containing(self, day: dt.date):
        return self.filter(start__lte=day, end__gte=day)

    def in_order(self) -> list[ProjectYear]:
        """Every project year by number: one query, or none inside `project_years_memo`."""
        memo = _years_memo.get()
        if memo is None:
            return list(self.model.objects.order_by("number"))
        if not memo:
            memo.append(list(self.model.objects.order_by("number")))
        return memo[0]

    def numbered(self, number: int | None) -> ProjectYear | None:
        """The project year `number` (None for None or an unknown number), read as `in_order` reads."""
        if number is None:
            return None
        return next((year for year in self.in_order() if year.number == number), None)


class ProjectYear(models.Model):
    """A project year with editable dates (reference data: an inference from the agreement's dates)."""

    number = models.PositiveSmallIntegerField("anno", unique=True)
    start = models.DateField("inizio")
    end = models.DateField("fine")

    history = HistoricalRecords()
    objects = ProjectYearQuerySet.as_manager()

    class Meta:
        ordering = ["number"]
        verbose_name = "anno di progetto"
        verbose_name_plural = "anni di progetto"
        constraints = [models.CheckConstraint(condition=Q(start__lt=models.F("end")), name="project_year_dates")]

    def __str__(self):
        return f"Anno {self.number}"

    @property
    def label(self) -> str:
        return f"Anno {self.number} ({self.start:%d/%m/%Y} – {self.end:%d/%m/%Y})"

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def clean(self):
        if self.start and self.end:
            if self.start >= self.end:
                raise ValidationError({"end": "La fine dell'anno deve seguire l'inizio."})
            overlapping = ProjectYear.objects.filter(start__lte=self.end, end__gte=self.start).exclude(pk=self.pk)
            if overlapping.exists():
                raise ValidationError("Le date si sovrappongono a un altro anno di progetto.")


def reference_date_default() -> dt.date:
    """Today, capped at the end of the last project year (ARCHITECTURE.md, "Data rules")."""
    today = timezone.localdate()
    years = ProjectYear.objects.in_order()
    return min(today, max(year.end for year in years)) if years else today
