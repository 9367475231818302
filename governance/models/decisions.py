"""Decisions taken in meetings, with their owner (a member, a user, or a name outside the application)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from ..enums import DecisionStatus
from .bodies import BodyMember, Meeting
from .territory import Organisation


class DecisionQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(meeting__in=Meeting.objects.visible_to(user))

    def overdue(self, reference: dt.date):
        return self.filter(status=DecisionStatus.OPEN, due_date__lt=reference)

    def open_and_overdue_first(self, reference: dt.date):
        """Open decisions first, the overdue ones at the top, then by due date."""
        return self.annotate(
            open_rank=models.Case(
                models.When(status=DecisionStatus.OPEN, then=models.Value(0)), default=models.Value(1)
            ),
            overdue_rank=models.Case(
                models.When(Q(status=DecisionStatus.OPEN) & Q(due_date__lt=reference), then=models.Value(0)),
                default=models.Value(1),
            ),
        ).order_by("open_rank", "overdue_rank", models.F("due_date").asc(nulls_last=True), "pk")


class Decision(models.Model):
    meeting = models.ForeignKey(Meeting, verbose_name="incontro", on_delete=models.CASCADE, related_name="decisions")
    text = models.TextField("decisione")
    owner = models.CharField(
        "responsabile", max_length=150, blank=True, help_text="Per chi non ha un utente nell'applicazione."
    )
    owner_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="responsabile (utente)",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_decisions",
    )
    owner_member = models.ForeignKey(
        BodyMember,
        verbose_name="responsabile (componente)",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_decisions",
    )
    owner_organisation = models.ForeignKey(
        Organisation,
        verbose_name="organizzazione responsabile",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="decisions",
    )
    due_date = models.DateField("scadenza", null=True, blank=True)
    status = models.CharField("stato", max_length=20, choices=DecisionStatus.choices, default=DecisionStatus.OPEN)

    history = HistoricalRecords()
    objects = DecisionQuerySet.as_manager()

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = "decisione"
        verbose_name_plural = "decisioni"
        indexes = [models.Index(fields=["status", "due_date"])]

    def __str__(self):
        return self.text[:80]

    def get_absolute_url(self):
        return reverse("governance:decision_detail", args=[self.pk])

    def clean(self):
        if self.due_date and self.meeting_id and self.due_date < self.meeting.date:
            raise ValidationError({"due_date": "La scadenza non può precedere la data dell'incontro."})

    @property
    def owner_label(self) -> str:
        if self.owner_user_id:
            return self.owner_user.get_full_name() or self.owner_user.username
        if self.owner_member_id:
            return str(self.owner_member)
        return self.owner

    @property
    def owner_address(self) -> str:
        """The address reminders go to (empty: the owner is outside the application)."""
        if self.owner_user_id and self.owner_user.email:
            return self.owner_user.email
        if self.owner_member_id:
            return self.owner_member.address
        return ""

    def is_overdue(self, reference: dt.date) -> bool:
        return self.status == DecisionStatus.OPEN and self.due_date is not None and self.due_date < reference
