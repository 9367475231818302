"""The annual monitoring report: the Direzione's narrative per action, and the version frozen when it is submitted.

A report belongs to one project year. While it is a draft, its figures are computed live from the data
(`governance.monitoring.rows`). Submitting stores what was sent: the figures as a JSON snapshot and the exact PDF
and XLSX bytes, so the submitted report downloads exactly as sent; later changes to the data show as differences
against the snapshot. A submitted report and its narratives are never changed again: the service refuses, the models
refuse on save (whatever path calls them), and the database requires a submitted report to carry its snapshot.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from ..audit import AuditedModel
from .territory import Action, ProjectYear

SUBMITTED_IS_FROZEN = "La relazione è già stata inviata: non si può più modificare."


class ReportStatus(models.TextChoices):
    DRAFT = "draft", "Bozza"
    SUBMITTED = "submitted", "Inviata"


def _refuse_if_frozen(report_pk: int | None) -> None:
    """The stored report (not the copy in memory) decides: once submitted, nothing of it is saved again."""
    if report_pk and MonitoringReport.objects.filter(pk=report_pk, status=ReportStatus.SUBMITTED).exists():
        raise ValidationError(SUBMITTED_IS_FROZEN)


class MonitoringReport(AuditedModel):
    """The monitoring report of one project year for the Cabina di Regia and Fondazione Cariplo."""

    project_year = models.OneToOneField(
        ProjectYear, verbose_name="anno di progetto", on_delete=models.PROTECT, related_name="monitoring_report"
    )
    introduction = models.TextField(
        "premessa",
        blank=True,
        help_text="Il quadro generale dell'anno (come la premessa dell'aggiornamento di giugno 2016).",
    )
    status = models.CharField("stato", max_length=20, choices=ReportStatus.choices, default=ReportStatus.DRAFT)
    submitted_at = models.DateTimeField("inviata il", null=True, blank=True, editable=False)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="inviata da",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    snapshot = models.JSONField("cifre inviate", null=True, blank=True, editable=False)
    sent_pdf = models.BinaryField("PDF inviato", null=True, blank=True, editable=False)
    sent_xlsx = models.BinaryField("XLSX inviato", null=True, blank=True, editable=False)

    # Never shown, searched, filtered or ordered in the admin (governance.admin_site): the snapshot keeps the people
    # counts below 3 that the report shows as "< 3", and the files download from the report's page.
    ADMIN_PRIVATE_FIELDS = ("snapshot", "sent_pdf", "sent_xlsx")

    class Meta:
        ordering = ["project_year__number"]
        verbose_name = "relazione di monitoraggio"
        verbose_name_plural = "relazioni di monitoraggio"
        permissions = [("manage_monitoring_report", "Può scrivere e inviare la relazione di monitoraggio")]
        constraints = [
            models.CheckConstraint(
                condition=Q(status=ReportStatus.DRAFT)
                | (
                    Q(submitted_at__isnull=False)
                    & Q(snapshot__isnull=False)
                    & Q(sent_pdf__isnull=False)
                    & Q(sent_xlsx__isnull=False)
                ),
                name="monitoring_submitted_is_complete",
            ),
        ]

    def __str__(self):
        return f"Relazione di monitoraggio – anno {self.project_year.number}"

    @property
    def is_submitted(self) -> bool:
        return self.status == ReportStatus.SUBMITTED

    def save(self, *args, **kwargs):
        _refuse_if_frozen(self.pk)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        _refuse_if_frozen(self.pk)
        return super().delete(*args, **kwargs)


class ActionNarrative(AuditedModel):
    """What the Direzione writes for one action: achievements, critical issues, corrective actions."""

    report = models.ForeignKey(MonitoringReport, on_delete=models.PROTECT, related_name="narratives")
    action = models.ForeignKey(Action, verbose_name="azione", on_delete=models.PROTECT, related_name="+")
    achievements = models.TextField("risultati raggiunti", blank=True)
    critical_issues = models.TextField("criticità riscontrate", blank=True)
    corrective_actions = models.TextField("azioni correttive e revisione degli obiettivi", blank=True)

    class Meta:
        ordering = ["action__order", "action__code"]
        verbose_name = "narrativa dell'azione"
        verbose_name_plural = "narrative delle azioni"
        constraints = [models.UniqueConstraint(fields=["report", "action"], name="one_narrative_per_action")]

    def __str__(self):
        return f"{self.action} – {self.report}"

    def save(self, *args, **kwargs):
        _refuse_if_frozen(self.report_id)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        _refuse_if_frozen(self.report_id)
        return super().delete(*args, **kwargs)
