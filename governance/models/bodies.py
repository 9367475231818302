"""Governance bodies, their members and meetings (attendance, attachments); decisions are in decisions.py."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from ..enums import AttendanceStatus, QuorumRule
from ..scoping import user_scope
from ..uploads import validate_document
from .territory import Action, District, Organisation, ProjectYear


class GovernanceBodyQuerySet(models.QuerySet):
    def visible_to(self, user):
        scope = user_scope(user)
        if scope.programme_wide:
            return self.all()
        q = Q(pk__in=[])
        if scope.district_scoped:
            q |= Q(district__isnull=True) | Q(district__in=scope.district_ids)
        if scope.partner_org_id:
            q |= Q(members__organisation_id=scope.partner_org_id)
        return self.filter(q).distinct() if not scope.is_empty else self.none()

    def with_meeting_counts(self, years):
        """Annotate `held_<number>` = meetings held in each project year: one query for any number of bodies."""
        annotations = {
            f"held_{y.number}": Count(
                "meetings", filter=Q(meetings__date__gte=y.start, meetings__date__lte=y.end), distinct=True
            )
            for y in years
        }
        return self.annotate(**annotations)


class GovernanceBody(models.Model):
    """An organismo di governance with its composition, functions and expected cadence."""

    code = models.SlugField("codice", max_length=40, unique=True)
    name = models.CharField("nome", max_length=150, unique=True)
    composition = models.TextField("composizione", blank=True)
    functions = models.TextField("funzioni", blank=True)
    coordinating_organisation = models.ForeignKey(
        Organisation,
        verbose_name="ente coordinatore",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="coordinated_bodies",
    )
    meetings_per_year = models.PositiveSmallIntegerField(
        "incontri attesi all'anno", help_text="52 per i gruppi di lavoro settimanali."
    )
    quorum_rule = models.CharField("quorum", max_length=20, choices=QuorumRule.choices, default=QuorumRule.MAJORITY)
    district = models.ForeignKey(
        District,
        verbose_name="ambito",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="bodies",
        help_text="Solo per i coordinamenti distrettuali.",
    )
    action = models.ForeignKey(
        Action,
        verbose_name="azione",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="bodies",
        help_text="Solo per i gruppi di lavoro per azione.",
    )
    order = models.PositiveSmallIntegerField("ordine", default=0)

    history = HistoricalRecords()
    objects = GovernanceBodyQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]
        verbose_name = "organismo di governance"
        verbose_name_plural = "organismi di governance"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("governance:body_detail", args=[self.pk])

    @property
    def cadence_label(self) -> str:
        if self.meetings_per_year >= 52:
            return "settimanale"
        return f"{self.meetings_per_year} all'anno"

    def expected_meetings(self, year: ProjectYear, reference: dt.date) -> Decimal | None:
        """Meetings expected in `year` up to `reference`, pro-rated by days; None if the year has not begun."""
        if reference < year.start:
            return None
        elapsed = (min(year.end, reference) - year.start).days + 1
        expected = Decimal(self.meetings_per_year) * Decimal(elapsed) / Decimal(365)
        return expected.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


class BodyMember(models.Model):
    """A seat in a governance body: a person (or a described seat) with their organisation and role."""

    body = models.ForeignKey(GovernanceBody, verbose_name="organismo", on_delete=models.CASCADE, related_name="members")
    name = models.CharField("nome", max_length=150)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name="organizzazione",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="body_seats",
    )
    role = models.CharField("ruolo", max_length=150, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="utente",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="body_seats",
    )
    active = models.BooleanField("attivo", default=True)
    email = models.EmailField(
        "e-mail",
        blank=True,
        help_text="Indirizzo per le convocazioni; se vuoto si usa quello dell'utente collegato.",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["body", "name"]
        verbose_name = "componente"
        verbose_name_plural = "componenti"

    def __str__(self):
        return f"{self.name} ({self.organisation})" if self.organisation_id else self.name

    @property
    def address(self) -> str:
        """Where convocations go: the member's own address, else their user's (empty: to be called by phone)."""
        if self.email:
            return self.email
        return self.user.email if self.user_id and self.user.email else ""


class MeetingQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(body__in=GovernanceBody.objects.visible_to(user))


class Meeting(models.Model):
    body = models.ForeignKey(
        GovernanceBody, verbose_name="organismo", on_delete=models.PROTECT, related_name="meetings"
    )
    date = models.DateField("data")
    start_time = models.TimeField("ora di inizio", null=True, blank=True)
    place = models.CharField("luogo", max_length=200, blank=True)
    online = models.BooleanField("a distanza", default=False)
    online_link = models.URLField("collegamento", blank=True)
    agenda = models.TextField("ordine del giorno", blank=True)
    minutes = models.TextField("verbale", blank=True)
    topics = models.TextField(
        "innovazioni e temi discussi",
        blank=True,
        help_text="Innovazioni valutate, legittimate o trasferite (funzione di mainstreaming), una per riga.",
    )
    minutes_approved_on = models.DateField(
        "verbale approvato il", null=True, blank=True, help_text="Solo un verbale approvato può essere inviato."
    )
    cancelled_at = models.DateTimeField("annullato il", null=True, blank=True, editable=False)
    cancel_reason = models.CharField("motivo dell'annullamento", max_length=250, blank=True, editable=False)
    ical_uid = models.UUIDField("identificativo dell'invito", default=uuid.uuid4, editable=False)
    ical_sequence = models.PositiveIntegerField("revisione dell'invito", default=0, editable=False)
    version = models.PositiveIntegerField(default=1, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, editable=False, related_name="+"
    )

    history = HistoricalRecords()
    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-start_time"]
        verbose_name = "incontro"
        verbose_name_plural = "incontri"
        indexes = [models.Index(fields=["body", "date"])]

    def __str__(self):
        return f"{self.body} – {self.date:%d/%m/%Y}"

    def get_absolute_url(self):
        return reverse("governance:meeting_detail", args=[self.pk])

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None

    def starts_at(self) -> dt.datetime:
        """Start as an aware datetime in the project's time zone (09:00 when no time was recorded)."""
        return timezone.make_aware(dt.datetime.combine(self.date, self.start_time or dt.time(9, 0)))

    def is_future(self, now: dt.datetime | None = None) -> bool:
        return self.starts_at() > (now or timezone.now())

    def clean(self):
        if self.date and not ProjectYear.objects.containing(self.date).exists():
            raise ValidationError({"date": "La data dell'incontro non cade in nessun anno di progetto."})
        if self.online and not self.online_link and not self.place:
            raise ValidationError({"online_link": "Indicare il collegamento o il luogo dell'incontro."})

    @property
    def topic_list(self) -> list[str]:
        return [t.strip() for t in self.topics.splitlines() if t.strip()]

    def quorum(self) -> dict:
        """Whether the quorum was reached, computed from attendance of the body's members."""
        members = [a for a in self.attendances.all() if a.member_id]
        seats = self.body.members.filter(active=True).count() if self.body_id else 0
        counted = sum(1 for a in members if a.status in (AttendanceStatus.PRESENT, AttendanceStatus.DELEGATED))
        rule = self.body.quorum_rule
        if rule == QuorumRule.NONE:
            required = None
        elif rule == QuorumRule.TWO_THIRDS:
            required = -(-2 * seats // 3)  # ceil(2/3 of seats)
        else:
            required = seats // 2 + 1
        reached = None if required is None else (seats > 0 and counted >= required)
        return {"rule": rule, "seats": seats, "counted": counted, "required": required, "reached": reached}


class Attendance(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    member = models.ForeignKey(
        BodyMember,
        verbose_name="componente",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="attendances",
    )
    guest_name = models.CharField("ospite", max_length=150, blank=True)
    guest_organisation = models.CharField("organizzazione dell'ospite", max_length=200, blank=True)
    status = models.CharField(
        "presenza", max_length=20, choices=AttendanceStatus.choices, default=AttendanceStatus.PRESENT
    )
    delegate_name = models.CharField("delegato", max_length=150, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["member__name", "guest_name"]
        verbose_name = "presenza"
        verbose_name_plural = "presenze"
        constraints = [
            models.UniqueConstraint(fields=["meeting", "member"], name="one_attendance_per_member"),
            models.CheckConstraint(
                condition=(Q(member__isnull=False) & Q(guest_name="")) | (Q(member__isnull=True) & ~Q(guest_name="")),
                name="attendance_member_xor_guest",
            ),
        ]

    def __str__(self):
        return self.guest_name or str(self.member)

    @property
    def is_guest(self) -> bool:
        return self.member_id is None

    @property
    def organisation_name(self) -> str:
        if self.member_id and self.member.organisation_id:
            return str(self.member.organisation)
        return self.guest_organisation


def meeting_attachment_path(instance, filename):
    return f"meetings/{instance.meeting_id}/{filename}"


class MeetingAttachment(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attachments")
    title = models.CharField("titolo", max_length=200)
    file = models.FileField("file", upload_to=meeting_attachment_path, validators=[validate_document])
    signed_minutes = models.BooleanField("verbale firmato", default=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, editable=False, related_name="+"
    )
    uploaded_at = models.DateTimeField("caricato il", auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-uploaded_at"]
        verbose_name = "allegato"
        verbose_name_plural = "allegati"

    def __str__(self):
        return self.title
