"""Donors, their consent records and relationships, and the record of each merge."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from governance.audit import AuditedModel
from governance.models import District
from governance.money import money_sum
from governance.validators import validate_tax_code

from .. import permissions
from ..enums import (
    Acquisition,
    ContactChannel,
    DonorApplies,
    DonorKind,
    GiftKind,
    LawfulBasis,
    RelationshipKind,
    Segment,
)
from .common import PERSONAL_FIELDS, validate_not_future

# --- Donors ---------------------------------------------------------------------------------------------------


class DonorQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Fail closed: the Staff Fundraising see every donor; nobody else sees any (superusers included)."""
        return self.all() if permissions.is_fundraising_staff(user) else self.none()

    def active(self):
        """Donors not merged into another one."""
        return self.filter(merged_into__isnull=True)

    def with_totals(self):
        """Annotate `given` (money gifts) and `gifts` (their number) in SQL."""
        money = Q(donations__gift_kind=GiftKind.MONEY)
        return self.annotate(
            given=money_sum("donations__amount", filter=money),
            gifts=models.Count("donations", filter=money),
        )


class Donor(models.Model):
    """A person or an organisation that gives (or may give) to the project fund.

    Audited like every `AuditedModel` (same fields, `audited_save`), but with its own history that leaves out the
    personal fields (an abstract base's history cannot exclude a subclass's fields)."""

    kind = models.CharField("tipo di donatore", max_length=20, choices=DonorKind.choices, default=DonorKind.PERSON)
    # Personal data (PERSONAL_FIELDS).
    first_name = models.CharField("nome", max_length=100, blank=True)
    last_name = models.CharField("cognome", max_length=100, blank=True)
    organisation_name = models.CharField("denominazione", max_length=200, blank=True)
    fiscal_code = models.CharField(
        "codice fiscale",
        max_length=16,
        blank=True,
        validators=[validate_tax_code],
        help_text="16 caratteri per le persone fisiche, 11 cifre per enti e imprese.",
    )
    email = models.EmailField("e-mail", blank=True)
    phone = models.CharField("telefono", max_length=30, blank=True)
    address = models.CharField("indirizzo", max_length=250, blank=True)
    postcode = models.CharField("CAP", max_length=5, blank=True)
    town = models.CharField("comune", max_length=100, blank=True)
    # Relationship data (audited).
    district = models.ForeignKey(
        District,
        verbose_name="territorio (ambito)",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Vuoto: fuori dai tre ambiti o non noto.",
    )
    segment = models.CharField("segmento", max_length=20, choices=Segment.choices, default=Segment.INDIVIDUAL)
    acquisition = models.CharField("come è stato acquisito", max_length=20, choices=Acquisition.choices)
    acquisition_campaign = models.ForeignKey(
        "Campaign",
        verbose_name="campagna di acquisizione",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="acquired_donors",
    )
    acquisition_event = models.ForeignKey(
        "Event",
        verbose_name="evento di acquisizione",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="acquired_donors",
    )
    contact_source = models.CharField(
        "fonte del contatto",
        max_length=200,
        help_text="Da dove vengono i dati (es. modulo firmato all'evento di Crema, elenco soci di un partner).",
    )
    lawful_basis = models.CharField(
        "base giuridica per contattarlo", max_length=30, choices=LawfulBasis.choices, default=LawfulBasis.CONSENT
    )
    objects_to_tax_list = models.BooleanField(
        "si oppone alla comunicazione all'Agenzia delle Entrate",
        default=False,
        help_text="Escluso dall'elenco annuale delle donazioni per la dichiarazione precompilata.",
    )
    notes = models.TextField("note", blank=True)
    anonymised_at = models.DateTimeField("anonimizzato il", null=True, blank=True, editable=False)
    merged_into = models.ForeignKey(
        "self",
        verbose_name="unito nel donatore",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="merged_donors",
    )

    version = models.PositiveIntegerField("versione", default=1, editable=False)
    created_at = models.DateTimeField("creato il", default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="creato da",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    updated_at = models.DateTimeField("modificato il", default=timezone.now, editable=False)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="modificato da",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    history = HistoricalRecords(excluded_fields=PERSONAL_FIELDS)
    objects = DonorQuerySet.as_manager()

    class Meta:
        ordering = ["last_name", "organisation_name", "first_name", "pk"]
        verbose_name = "donatore"
        verbose_name_plural = "donatori"
        constraints = [
            models.CheckConstraint(
                condition=Q(anonymised_at__isnull=False)
                | Q(kind="person", last_name__gt="")
                | (~Q(kind="person") & Q(organisation_name__gt="")),
                name="donor_has_a_name",
            ),
            models.CheckConstraint(condition=~Q(merged_into=F("pk")), name="donor_not_merged_into_itself"),
        ]
        indexes = [
            models.Index(fields=["fiscal_code"], name="donor_fiscal_code"),
            models.Index(fields=["email"], name="donor_email"),
            models.Index(fields=["last_name", "organisation_name"], name="donor_name"),
        ]

    def __str__(self):
        """The pseudonymous code only: a donor's name never leaks through a generic rendering (admin, history,
        logs); screens for the Staff Fundraising show `display_name` explicitly."""
        return self.code

    def get_absolute_url(self):
        return reverse("fundraising:donor_detail", args=[self.pk])

    @property
    def code(self) -> str:
        return f"D{self.pk:05d}" if self.pk else "D-nuovo"

    @property
    def is_person(self) -> bool:
        return self.kind == DonorKind.PERSON

    @property
    def display_name(self) -> str:
        if self.anonymised_at:
            return f"Donatore anonimizzato {self.code}"
        if self.is_person:
            return f"{self.last_name} {self.first_name}".strip()
        return self.organisation_name

    @property
    def applies(self) -> str:
        return DonorApplies.PERSON if self.is_person else DonorApplies.ORGANISATION

    def normalise(self) -> None:
        """Fiscal code in capitals without spaces, e-mail in lower case (de-duplication compares them)."""
        self.fiscal_code = (self.fiscal_code or "").strip().upper().replace(" ", "")
        self.email = (self.email or "").strip().lower()

    def clean(self):
        self.normalise()
        errors = {}
        if self.is_person and not self.last_name.strip():
            errors["last_name"] = "Indicare il cognome della persona."
        if not self.is_person and not self.organisation_name.strip():
            errors["organisation_name"] = "Indicare la denominazione dell'ente o dell'impresa."
        if self.fiscal_code and self.is_person and len(self.fiscal_code) != 16:
            errors["fiscal_code"] = "Il codice fiscale di una persona fisica ha 16 caratteri."
        if errors:
            raise ValidationError(errors)

    def consent_state(self) -> dict[str, ConsentRecord | None]:
        """The latest consent record per channel (None: never asked)."""
        latest: dict[str, ConsentRecord | None] = dict.fromkeys(ContactChannel.values)
        for record in sorted(self.consents.all(), key=lambda r: (r.date, r.pk)):
            latest[record.channel] = record
        return latest


class ConsentRecord(AuditedModel):
    """Consent (or its withdrawal) to be contacted on one channel: every change is a new row, never an edit."""

    donor = models.ForeignKey(Donor, verbose_name="donatore", on_delete=models.CASCADE, related_name="consents")
    channel = models.CharField("canale", max_length=10, choices=ContactChannel.choices)
    granted = models.BooleanField("consenso dato", help_text="Deselezionato: consenso revocato o negato.")
    date = models.DateField("data", validators=[validate_not_future])
    source = models.CharField("come è stato raccolto", max_length=200, help_text="Es. modulo cartaceo, e-mail.")

    class Meta:
        ordering = ["donor", "channel", "-date", "-pk"]
        verbose_name = "consenso"
        verbose_name_plural = "consensi"

    def __str__(self):
        state = "dato" if self.granted else "revocato"
        return f"{self.get_channel_display()}: {state} il {self.date:%d/%m/%Y}"


class DonorRelationship(AuditedModel):
    """A link between two donors, e.g. a person and the company they represent."""

    donor = models.ForeignKey(Donor, verbose_name="donatore", on_delete=models.CASCADE, related_name="relationships")
    related = models.ForeignKey(
        Donor, verbose_name="collegato a", on_delete=models.CASCADE, related_name="related_from"
    )
    kind = models.CharField("legame", max_length=20, choices=RelationshipKind.choices)
    note = models.CharField("nota", max_length=200, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = "legame tra donatori"
        verbose_name_plural = "legami tra donatori"
        constraints = [
            models.CheckConstraint(condition=~Q(donor=F("related")), name="relationship_not_to_itself"),
            models.UniqueConstraint(fields=["donor", "related", "kind"], name="one_relationship_per_kind"),
        ]

    def __str__(self):
        return f"{self.donor.code} – {self.get_kind_display()} – {self.related.code}"


class DonorMerge(models.Model):
    """A merge of a duplicate donor into the surviving one: who, when, why, and the rows it moved (reviewable)."""

    survivor = models.ForeignKey(Donor, verbose_name="donatore mantenuto", on_delete=models.PROTECT, related_name="+")
    merged = models.ForeignKey(Donor, verbose_name="donatore unito", on_delete=models.PROTECT, related_name="+")
    performed_at = models.DateTimeField("eseguita il", default=timezone.now)
    performed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="eseguita da", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    reason = models.CharField("motivo", max_length=250)
    moved = models.JSONField("righe spostate", default=dict)

    class Meta:
        ordering = ["-performed_at", "-pk"]
        verbose_name = "unione di donatori"
        verbose_name_plural = "unioni di donatori"

    def __str__(self):
        return f"{self.merged.code} → {self.survivor.code} ({self.performed_at:%d/%m/%Y})"

    def get_absolute_url(self):
        return reverse("fundraising:merge_detail", args=[self.pk])
