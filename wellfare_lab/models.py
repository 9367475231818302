"""Action 4 — Wel(l)FARE LAB: training labs, their sessions, participants and attendance, and the Manifesto.

Seed 1106-1195 and 2353-2397: a permanent action-research lab for policy makers, social workers, employment-service
operators, cooperative coordinators and volunteers, at territorial, district and provincial level, producing the
"Manifesto del welfare comunitario e generativo".
"""

from __future__ import annotations

import uuid
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.urls import reverse

from governance.audit import AuditedModel
from governance.models import District, Organisation
from governance.uploads import validate_document

from . import permissions
from .enums import LabLevel, LabTheme, ManifestoStatus, ParticipantCategory, SessionKind

MAX_SESSION_HOURS = Decimal("12")


class TrainingLabQuerySet(models.QuerySet):
    def visible_to(self, user):
        q = permissions.lab_q(user)
        return self.all() if q is None else self.filter(q)


class TrainingLab(AuditedModel):
    """One training lab of the Wel(l)FARE LAB, at territorial, district or provincial level."""

    title = models.CharField("titolo", max_length=200)
    theme = models.CharField("tema", max_length=30, choices=LabTheme.choices)
    level = models.CharField("livello", max_length=20, choices=LabLevel.choices)
    district = models.ForeignKey(
        District,
        verbose_name="ambito",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Obbligatorio per i laboratori territoriali e distrettuali; vuoto per quelli provinciali.",
    )
    facilitators = models.TextField("facilitatori", blank=True, help_text="Uno per riga, con l'ente di appartenenza.")
    start_on = models.DateField("inizio")
    end_on = models.DateField("fine", null=True, blank=True)
    description = models.TextField("descrizione", blank=True)

    objects = TrainingLabQuerySet.as_manager()

    class Meta:
        ordering = ["-start_on", "pk"]
        verbose_name = "laboratorio formativo"
        verbose_name_plural = "laboratori formativi"
        constraints = [
            models.CheckConstraint(
                condition=(Q(level=LabLevel.PROVINCIAL) & Q(district__isnull=True))
                | (~Q(level=LabLevel.PROVINCIAL) & Q(district__isnull=False)),
                name="training_lab_district_unless_provincial",
                violation_error_message=(
                    "Un laboratorio territoriale o distrettuale ha un ambito; uno provinciale non ne ha."
                ),
            ),
            models.CheckConstraint(
                condition=Q(end_on__isnull=True) | Q(end_on__gte=F("start_on")),
                name="training_lab_end_after_start",
                violation_error_message="La fine del laboratorio non può precedere l'inizio.",
            ),
        ]
        indexes = [models.Index(fields=["level", "district"]), models.Index(fields=["start_on"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("wellfare_lab:lab_detail", args=[self.pk])

    @property
    def scope_label(self) -> str:
        return self.district.name if self.district_id else "Provinciale"


class SessionQuerySet(models.QuerySet):
    def visible_to(self, user):
        q = permissions.lab_q(user, "lab__")
        return self.all() if q is None else self.filter(q)


class Session(AuditedModel):
    lab = models.ForeignKey(TrainingLab, verbose_name="laboratorio", on_delete=models.PROTECT, related_name="sessions")
    date = models.DateField("data")
    kind = models.CharField("tipo di incontro", max_length=20, choices=SessionKind.choices)
    hours = models.DecimalField(
        "ore",
        max_digits=4,
        decimal_places=1,
        validators=[
            MinValueValidator(Decimal("0.5"), message="La durata minima è mezz'ora."),
            MaxValueValidator(MAX_SESSION_HOURS, message="Un incontro dura al massimo 12 ore."),
        ],
    )
    place = models.CharField("luogo", max_length=200)
    topic = models.CharField("argomento", max_length=250, blank=True)

    objects = SessionQuerySet.as_manager()

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = "incontro"
        verbose_name_plural = "incontri"
        constraints = [
            models.CheckConstraint(
                condition=Q(hours__gt=0) & Q(hours__lte=MAX_SESSION_HOURS),
                name="training_session_hours_range",
                violation_error_message="La durata deve essere tra mezz'ora e 12 ore.",
            ),
        ]
        indexes = [models.Index(fields=["kind", "date"])]

    def __str__(self):
        return f"{self.get_kind_display()} del {self.date:%d/%m/%Y}"

    def get_absolute_url(self):
        return reverse("wellfare_lab:session_detail", args=[self.pk])

    def clean(self):
        lab = self.lab if self.lab_id else None
        outside = lab and self.date and (self.date < lab.start_on or (lab.end_on and self.date > lab.end_on))
        if outside:
            raise ValidationError({"date": "La data dell'incontro è fuori dal periodo del laboratorio."})


class ParticipantQuerySet(models.QuerySet):
    def visible_to(self, user):
        q = permissions.lab_q(user, "lab__")
        return self.all() if q is None else self.filter(q)


class Participant(AuditedModel):
    """A person taking part in one lab (personal data: see permissions.sees_names). Counted once across sessions."""

    lab = models.ForeignKey(
        TrainingLab, verbose_name="laboratorio", on_delete=models.PROTECT, related_name="participants"
    )
    full_name = models.CharField("nome e cognome", max_length=150)
    category = models.CharField("categoria", max_length=30, choices=ParticipantCategory.choices)
    organisation = models.ForeignKey(
        Organisation, verbose_name="ente", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    organisation_name = models.CharField(
        "ente (se non in elenco)", max_length=200, blank=True, help_text="Solo se l'ente non è nell'elenco."
    )

    objects = ParticipantQuerySet.as_manager()

    class Meta:
        ordering = ["full_name", "pk"]
        verbose_name = "partecipante"
        verbose_name_plural = "partecipanti"
        constraints = [
            models.UniqueConstraint(
                Lower("full_name"),
                "lab",
                name="training_participant_once_per_lab",
                violation_error_message="Questa persona è già tra i partecipanti del laboratorio.",
            ),
        ]
        indexes = [models.Index(fields=["category"])]

    def __str__(self):
        return self.full_name

    @property
    def organisation_label(self) -> str:
        return str(self.organisation) if self.organisation_id else self.organisation_name or "—"


class AttendanceQuerySet(models.QuerySet):
    def visible_to(self, user):
        q = permissions.lab_q(user, "session__lab__")
        return self.all() if q is None else self.filter(q)


class Attendance(AuditedModel):
    """One participant present at one session of the same lab (checked by `services.attendance_set` and `clean`;
    the database cannot compare the two labs without a composite foreign key)."""

    session = models.ForeignKey(Session, verbose_name="incontro", on_delete=models.CASCADE, related_name="attendances")
    participant = models.ForeignKey(
        Participant, verbose_name="partecipante", on_delete=models.PROTECT, related_name="attendances"
    )

    objects = AttendanceQuerySet.as_manager()

    class Meta:
        verbose_name = "presenza"
        verbose_name_plural = "presenze"
        constraints = [
            models.UniqueConstraint(
                fields=["session", "participant"],
                name="training_attendance_once",
                violation_error_message="La presenza è già registrata.",
            )
        ]

    def __str__(self):
        return f"{self.participant} · {self.session}"

    def clean(self):
        if self.session_id and self.participant_id and self.session.lab_id != self.participant.lab_id:
            raise ValidationError(f"{self.participant} non è un partecipante di questo laboratorio.")


def manifesto_document_path(instance, filename):
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"wellfare_lab/manifesto/{uuid.uuid4().hex}.{extension}"


class ManifestoVersionQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.all() if permissions.can_read(user) else self.none()


class ManifestoVersion(AuditedModel):
    """A draft or the final version of the "Manifesto del welfare comunitario e generativo"."""

    number = models.PositiveIntegerField("versione n.", unique=True, editable=False)
    status = models.CharField("stato", max_length=10, choices=ManifestoStatus.choices, default=ManifestoStatus.DRAFT)
    date = models.DateField("data")
    text = models.TextField("testo", blank=True)
    document = models.FileField(
        "documento", upload_to=manifesto_document_path, validators=[validate_document], blank=True
    )
    sessions = models.ManyToManyField(
        Session, verbose_name="incontri che l'hanno prodotta", blank=True, related_name="manifesto_versions"
    )

    objects = ManifestoVersionQuerySet.as_manager()

    class Meta:
        ordering = ["-number"]
        verbose_name = "versione del Manifesto"
        verbose_name_plural = "versioni del Manifesto"
        constraints = [
            models.CheckConstraint(
                condition=~Q(text="") | ~Q(document=""),
                name="manifesto_has_text_or_document",
                violation_error_message="Inserire il testo del Manifesto o allegare il documento.",
            ),
            models.UniqueConstraint(
                fields=["status"],
                condition=Q(status=ManifestoStatus.FINAL),
                name="manifesto_one_final_version",
                violation_error_message="Esiste già una versione definitiva del Manifesto.",
            ),
        ]

    def __str__(self):
        return f"Manifesto – versione {self.number} ({self.get_status_display().lower()})"

    def get_absolute_url(self):
        return reverse("wellfare_lab:manifesto_detail", args=[self.pk])
