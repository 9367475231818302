"""Writes of the monitoring report: the Direzione's narrative, and submitting (freezing) a year's report."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from ..audit import audited_save
from ..models import Action, ActionNarrative, MonitoringReport, ProjectYear, ReportStatus
from ..models.monitoring import SUBMITTED_IS_FROZEN
from ..permissions import require
from ..scoping import user_scope
from .permissions import can_manage_monitoring
from .renderers import report_pdf, report_xlsx
from .rows import monitoring_tables
from .tables import table_to_json

NARRATIVE_FIELDS = ("achievements", "critical_issues", "corrective_actions")
MAX_LENGTH = 10_000  # characters of each text (the premise, each field of an action's narrative)


def _locked_report(project_year: ProjectYear, user) -> MonitoringReport:
    """The year's report, created as a draft the first time, locked for this transaction.

    The year's row is locked first: before the report exists there is no row to lock, and two first writers would
    both create one (the second failing on the unique year instead of reading the first's)."""
    ProjectYear.objects.select_for_update().filter(pk=project_year.pk).first()
    report = MonitoringReport.objects.select_for_update().filter(project_year=project_year).first()
    if report is None:
        report = audited_save(MonitoringReport(project_year=project_year), user=user)
    if report.is_submitted:
        raise ValidationError(SUBMITTED_IS_FROZEN)
    return report


def narrative_save(
    *, project_year: ProjectYear, user, introduction: str, narratives: dict[int, dict[str, str]]
) -> MonitoringReport:
    """Write the premise and, per action pk, achievements / critical issues / corrective actions (audited)."""
    require(can_manage_monitoring(user))
    every_text = [introduction, *(text for fields in narratives.values() for text in fields.values())]
    if any(len(text) > MAX_LENGTH for text in every_text):
        raise ValidationError(
            f"Ogni testo della relazione può avere al massimo {MAX_LENGTH:,} caratteri.".replace(",", ".")
        )
    actions = {a.pk: a for a in Action.objects.filter(pk__in=narratives)}
    if unknown := set(narratives) - set(actions):
        raise ValidationError(f"Azione non trovata: {', '.join(map(str, sorted(unknown)))}.")
    with transaction.atomic():
        report = _locked_report(project_year, user)
        if report.introduction != introduction:
            report.introduction = introduction
            audited_save(report, user=user, expected_version=report.version, reason="Premessa")
        existing = {n.action_id: n for n in report.narratives.select_for_update()}
        for action_pk, texts in narratives.items():
            narrative = existing.get(action_pk) or ActionNarrative(report=report, action=actions[action_pk])
            changed = [f for f in NARRATIVE_FIELDS if getattr(narrative, f) != texts.get(f, "")]
            if not changed and narrative.pk:
                continue
            for field in NARRATIVE_FIELDS:
                setattr(narrative, field, texts.get(field, ""))
            audited_save(narrative, user=user, expected_version=narrative.version, reason="Narrativa dell'azione")
    return report


def report_submit(*, project_year: ProjectYear, user, reference: dt.date) -> MonitoringReport:
    """Freeze the year's report as sent: the figures (JSON), the exact PDF and XLSX; never changed afterwards."""
    require(can_manage_monitoring(user))
    can_see_identity = user_scope(user).can_see_identity
    with transaction.atomic():
        report = _locked_report(project_year, user)
        tables = monitoring_tables(user=user, year=project_year.number, reference=reference)
        now = timezone.now()
        status = f"Inviata il {timezone.localtime(now):%d/%m/%Y %H:%M}"
        kwargs = {"tables": tables, "year": project_year.number, "can_see_identity": can_see_identity}
        report.sent_pdf = report_pdf(**kwargs, status=status)
        report.sent_xlsx = report_xlsx(**kwargs, status=status)
        report.snapshot = {
            "reference": reference.isoformat(),
            "tables": [table_to_json(t) for t in tables],
        }
        report.status = ReportStatus.SUBMITTED
        report.submitted_at = now
        report.submitted_by = user
        audited_save(report, user=user, expected_version=report.version, reason="Relazione inviata")
    return report
