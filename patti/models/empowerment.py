"""Empowerment paths, host organisations ("aziende in salute") and learning placements."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from governance.models import District, Organisation

from .. import permissions
from ..enums import HostKind, PlacementOutcome
from .patti import Patto


class DistrictScopedQuerySet(models.QuerySet):
    def visible_to(self, user):
        q = permissions.district_q(user)
        return self.all() if q is None else self.filter(q)


class ProvincialOrDistrictQuerySet(models.QuerySet):
    """Records of one district, or provincial (no district) ones that every Action 1 reader sees."""

    def visible_to(self, user):
        if not permissions.can_read_patti(user):
            return self.none()
        q = permissions.district_q(user)
        return self.all() if q is None else self.filter(q | Q(district__isnull=True))


class EmpowermentPath(models.Model):
    """A percorso di empowerment: group work that accompanies and prepares the pacts."""

    name = models.CharField("nome", max_length=200)
    district = models.ForeignKey(
        District, verbose_name="ambito", on_delete=models.PROTECT, related_name="empowerment_paths"
    )
    start_on = models.DateField("inizio")
    end_on = models.DateField("fine", null=True, blank=True)
    facilitator = models.CharField("facilitatore", max_length=200, blank=True)
    patti = models.ManyToManyField(Patto, verbose_name="patti partecipanti", blank=True, related_name="paths")
    notes = models.TextField("note", blank=True)

    history = HistoricalRecords(m2m_fields=[patti])
    objects = DistrictScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-start_on", "name"]
        verbose_name = "percorso di empowerment"
        verbose_name_plural = "percorsi di empowerment"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("patti:path_detail", args=[self.pk])

    def clean(self):
        if self.end_on and self.start_on and self.end_on < self.start_on:
            raise ValidationError({"end_on": "La fine non può precedere l'inizio."})


class HostOrganisation(models.Model):
    """An "azienda in salute": a company, association, foundation or body hosting learning placements."""

    name = models.CharField("denominazione", max_length=200)
    kind = models.CharField("tipologia", max_length=20, choices=HostKind.choices)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name="organizzazione della rete",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Se l'ente è già tra le organizzazioni del programma.",
    )
    district = models.ForeignKey(
        District,
        verbose_name="ambito",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="host_organisations",
        help_text="Vuoto per gli enti di livello provinciale.",
    )
    sector = models.CharField("settore di attività", max_length=150, blank=True)
    address = models.CharField("sede", max_length=250, blank=True)
    contact = models.CharField("referente aziendale", max_length=200, blank=True)
    notes = models.TextField("note", blank=True)

    history = HistoricalRecords()
    objects = ProvincialOrDistrictQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = "azienda in salute"
        verbose_name_plural = "aziende in salute"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("patti:host_detail", args=[self.pk])


class PlacementQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(patto__in=Patto.objects.visible_to(user))


class Placement(models.Model):
    """An individual learning placement of a pact's beneficiary at a host organisation."""

    patto = models.ForeignKey(Patto, verbose_name="patto", on_delete=models.PROTECT, related_name="placements")
    host = models.ForeignKey(
        HostOrganisation, verbose_name="ente ospitante", on_delete=models.PROTECT, related_name="placements"
    )
    start_on = models.DateField("inizio")
    end_on = models.DateField("fine", null=True, blank=True)
    learning_objectives = models.TextField(
        "obiettivi di apprendimento", help_text="Quali competenze deve praticare la persona?"
    )
    learning_conditions = models.TextField(
        "condizioni di apprendimento",
        blank=True,
        help_text="Quali competenze è possibile esercitare in quell'ente e in quella mansione?",
    )
    outcome = models.CharField(
        "esito", max_length=20, choices=PlacementOutcome.choices, default=PlacementOutcome.ONGOING
    )
    notes = models.TextField("note", blank=True)

    history = HistoricalRecords()
    objects = PlacementQuerySet.as_manager()

    class Meta:
        ordering = ["-start_on", "pk"]
        verbose_name = "inserimento"
        verbose_name_plural = "inserimenti"

    def __str__(self):
        return f"{self.patto.household.code} presso {self.host}"

    def get_absolute_url(self):
        return reverse("patti:placement_detail", args=[self.pk])

    @property
    def district_id(self):
        return self.patto.district_id

    def clean(self):
        if self.end_on and self.start_on and self.end_on < self.start_on:
            raise ValidationError({"end_on": "La fine non può precedere l'inizio."})
