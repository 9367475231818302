"""What the application sent: convocations, updates, cancellations and minutes of meetings, and reminder digests."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from ..enums import DigestFrequency, DispatchKind, DispatchStatus
from .bodies import Meeting


class Dispatch(models.Model):
    """One sending of a meeting's convocation (or update, cancellation, minutes) to its members: who, when, to whom,
    and whether the mail server accepted it. A failed sending is kept too, so the secretary can retry."""

    meeting = models.ForeignKey(Meeting, verbose_name="incontro", on_delete=models.PROTECT, related_name="dispatches")
    kind = models.CharField("tipo", max_length=20, choices=DispatchKind.choices)
    status = models.CharField("esito", max_length=20, choices=DispatchStatus.choices)
    sent_at = models.DateTimeField("inviata il", auto_now_add=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="inviata da", on_delete=models.PROTECT, related_name="+"
    )
    recipients = models.JSONField("destinatari", default=list, help_text="Indirizzi a cui è stata inviata.")
    without_address = models.JSONField(
        "componenti senza indirizzo", default=list, help_text="Da avvisare per telefono."
    )
    ical_sequence = models.PositiveIntegerField("revisione dell'invito", default=0)
    error = models.TextField("errore", blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-sent_at", "-pk"]
        verbose_name = "invio"
        verbose_name_plural = "invii"

    def __str__(self):
        return f"{self.get_kind_display()} – {self.meeting} ({self.get_status_display().lower()})"


class ReminderPreference(models.Model):
    """How often a user wants the digest of what is theirs (default: every day)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminder_preference")
    frequency = models.CharField(
        "promemoria via e-mail", max_length=10, choices=DigestFrequency.choices, default=DigestFrequency.DAILY
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "preferenza dei promemoria"
        verbose_name_plural = "preferenze dei promemoria"

    def __str__(self):
        return f"{self.user}: {self.get_frequency_display()}"


class DigestSent(models.Model):
    """A digest sent to one address on one day: `send_reminders` run twice the same day sends nothing more."""

    address = models.EmailField("indirizzo")
    sent_on = models.DateField("giorno")
    items = models.PositiveIntegerField("voci", default=0)
    sent_at = models.DateTimeField("inviato il", auto_now_add=True)

    class Meta:
        ordering = ["-sent_on", "address"]
        verbose_name = "promemoria inviato"
        verbose_name_plural = "promemoria inviati"
        constraints = [models.UniqueConstraint(fields=["address", "sent_on"], name="one_digest_per_address_per_day")]

    def __str__(self):
        return f"{self.address} – {self.sent_on:%d/%m/%Y}"
