"""Action 5: donors (with consent and relationships), campaigns and events, gifts and pledges, receipts with their
legal wording, the dedicated fund's designations and the transfers to the actions' holders.

Rules live here (constraints, properties) and in `services.py` (writes: locks, numbering, balances).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from governance.audit import AuditedModel
from governance.models import Action, District, Organisation, ProjectYear
from governance.money import money_sum, validate_positive_money
from governance.validators import validate_tax_code

from . import permissions
from .enums import (
    TRACEABLE_METHODS,
    Acquisition,
    CampaignChannel,
    ContactChannel,
    DesignationKind,
    DonorApplies,
    DonorKind,
    EventPlace,
    GiftKind,
    LawfulBasis,
    Market,
    PaymentMethod,
    RelationshipKind,
    Segment,
)

MONEY_FIELD = {"max_digits": 12, "decimal_places": 2}
ZERO = Decimal("0.00")

# Donors' personal data: shown to the Staff Fundraising only, never in the admin, never copied into the history
# tables (so that erasure leaves no copy behind); a change is recorded in the history by name of field only.
PERSONAL_FIELDS = [
    "first_name",
    "last_name",
    "organisation_name",
    "fiscal_code",
    "email",
    "phone",
    "address",
    "postcode",
    "town",
]


def validate_not_future(value: dt.date) -> None:
    if value and value > timezone.localdate():
        raise ValidationError("La data non può essere nel futuro.")


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


# --- Campaigns and events -------------------------------------------------------------------------------------


class StaffOnlyQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.all() if permissions.is_fundraising_staff(user) else self.none()


class Campaign(AuditedModel):
    """A fundraising campaign: market, channel, dates, goal and costs."""

    name = models.CharField("nome", max_length=150)
    market = models.CharField("mercato", max_length=20, choices=Market.choices)
    channel = models.CharField("canale", max_length=20, choices=CampaignChannel.choices)
    start = models.DateField("inizio")
    end = models.DateField("fine", null=True, blank=True)
    goal = models.DecimalField("obiettivo di raccolta", **MONEY_FIELD, default=ZERO)
    costs = models.DecimalField("costi", **MONEY_FIELD, default=ZERO)
    description = models.TextField("descrizione", blank=True)

    objects = StaffOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["-start", "name"]
        verbose_name = "campagna"
        verbose_name_plural = "campagne"
        constraints = [
            models.CheckConstraint(condition=Q(goal__gte=0) & Q(costs__gte=0), name="campaign_money_not_negative"),
            models.CheckConstraint(condition=Q(end__isnull=True) | Q(end__gte=F("start")), name="campaign_dates"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("fundraising:campaign_detail", args=[self.pk])

    def clean(self):
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": "La fine della campagna non può precedere l'inizio."})


class Event(AuditedModel):
    """A fundraising event: date, place, attendees, costs; what it raised comes from its gifts."""

    name = models.CharField("nome", max_length=150)
    date = models.DateField("data")
    place = models.CharField("luogo", max_length=20, choices=EventPlace.choices)
    place_detail = models.CharField("sede", max_length=150, blank=True)
    campaign = models.ForeignKey(
        Campaign, verbose_name="campagna", on_delete=models.PROTECT, null=True, blank=True, related_name="events"
    )
    costs = models.DecimalField("costi", **MONEY_FIELD, default=ZERO)
    attendees = models.PositiveIntegerField("partecipanti", default=0)
    notes = models.TextField("note", blank=True)

    objects = StaffOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "name"]
        verbose_name = "evento"
        verbose_name_plural = "eventi"
        constraints = [models.CheckConstraint(condition=Q(costs__gte=0), name="event_costs_not_negative")]

    def __str__(self):
        return f"{self.name} ({self.get_place_display()}, {self.date:%d/%m/%Y})"

    def get_absolute_url(self):
        return reverse("fundraising:event_detail", args=[self.pk])


def roi(raised: Decimal, costs: Decimal) -> Decimal | None:
    """Return on investment in %: (raised − costs) / costs; None without costs."""
    if not costs:
        return None
    return ((Decimal(raised) - Decimal(costs)) / Decimal(costs) * 100).quantize(Decimal("0.1"))


# --- The fund: designations ------------------------------------------------------------------------------------


class DesignationQuerySet(models.QuerySet):
    def with_balances(self):
        """Annotate `received` (money gifts), `transferred` and `available` (received − transferred) in SQL."""
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
    (Cremasco, Cremonese) or one action. Created on first use; its row is locked by every transfer.

    Labs, company pacts and civic centers will be added as new kinds with a nullable reference each when their apps
    land on main; until then a gift for one of them is designated to its action."""

    kind = models.CharField("tipo", max_length=20, choices=DesignationKind.choices)
    district = models.ForeignKey(
        District, verbose_name="territorio", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    action = models.ForeignKey(Action, verbose_name="azione", on_delete=models.PROTECT, null=True, blank=True)

    history = HistoricalRecords()
    objects = DesignationQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "district__name", "action__order"]
        verbose_name = "destinazione"
        verbose_name_plural = "destinazioni"
        constraints = [
            models.CheckConstraint(
                condition=(Q(kind="unrestricted") & Q(district__isnull=True) & Q(action__isnull=True))
                | (Q(kind="subfund") & Q(district__isnull=False) & Q(action__isnull=True))
                | (Q(kind="action") & Q(district__isnull=True) & Q(action__isnull=False)),
                name="designation_shape",
            ),
            models.UniqueConstraint(
                fields=["kind"], condition=Q(kind="unrestricted"), name="one_unrestricted_designation"
            ),
            models.UniqueConstraint(fields=["district"], condition=Q(kind="subfund"), name="one_subfund_per_district"),
            models.UniqueConstraint(fields=["action"], condition=Q(kind="action"), name="one_designation_per_action"),
        ]

    def __str__(self):
        if self.kind == DesignationKind.SUBFUND:
            return f"Sotto-fondo {self.district.name}"
        if self.kind == DesignationKind.ACTION:
            return f"Azione {self.action.code} – {self.action.name}"
        return DesignationKind.UNRESTRICTED.label

    @property
    def is_restricted(self) -> bool:
        return self.kind != DesignationKind.UNRESTRICTED

    @property
    def key(self) -> str:
        """The form value of this designation: "unrestricted", "subfund:<district code>", "action:<action code>"."""
        if self.kind == DesignationKind.SUBFUND:
            return f"subfund:{self.district.code}"
        if self.kind == DesignationKind.ACTION:
            return f"action:{self.action.code}"
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
        return f"{self.due_date:%d/%m/%Y}: {self.amount} €"


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


# --- Transfers ------------------------------------------------------------------------------------------------


class Transfer(AuditedModel):
    """Money of the fund made available to an action's holder. Not an expense: the budget's donation-funded actuals
    come only from the holder's own payments with the "Donazioni / raccolta fondi" source."""

    designation = models.ForeignKey(
        Designation, verbose_name="da (destinazione del fondo)", on_delete=models.PROTECT, related_name="transfers"
    )
    holder = models.ForeignKey(
        Organisation, verbose_name="titolare dell'azione", on_delete=models.PROTECT, related_name="fund_transfers"
    )
    action = models.ForeignKey(Action, verbose_name="azione", on_delete=models.PROTECT, related_name="fund_transfers")
    amount = models.DecimalField("importo", **MONEY_FIELD, validators=[validate_positive_money])
    date = models.DateField("data del trasferimento")
    notes = models.TextField("note", blank=True)
    donations = models.ManyToManyField(
        Donation, verbose_name="donazioni utilizzate", through="TransferAllocation", related_name="transfers"
    )

    objects = StaffOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = "trasferimento"
        verbose_name_plural = "trasferimenti"
        constraints = [models.CheckConstraint(condition=Q(amount__gt=0), name="transfer_amount_positive")]

    def __str__(self):
        return f"Trasferimento n. {self.pk} a {self.holder}"

    def get_absolute_url(self):
        return reverse("fundraising:transfer_detail", args=[self.pk])


class TransferAllocation(models.Model):
    """How much of one gift a transfer draws on."""

    transfer = models.ForeignKey(Transfer, on_delete=models.CASCADE, related_name="allocations")
    donation = models.ForeignKey(Donation, on_delete=models.PROTECT, related_name="allocations")
    amount = models.DecimalField("importo", **MONEY_FIELD)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "quota di donazione trasferita"
        verbose_name_plural = "quote di donazioni trasferite"
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="allocation_amount_positive"),
            models.UniqueConstraint(fields=["transfer", "donation"], name="one_allocation_per_gift"),
        ]

    def __str__(self):
        return f"{self.amount} € della donazione n. {self.donation_id}"
