"""The monitoring report's pages: the report (HTML, ?format=pdf|xlsx), the narrative form, submitting, and the
files as sent."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from ..models import Action, MonitoringReport, ProjectYear
from ..permissions import require
from ..reference import reference_date
from ..scoping import user_scope
from . import services
from .forms import NarrativeForm, YearForm
from .permissions import can_manage_monitoring, can_read_monitoring, can_read_sent
from .renderers import file_response, filename, report_pdf, report_xlsx, shown_tables
from .rows import monitoring_tables
from .tables import differences, table_from_json


def _report_url(year: int) -> str:
    return f"{reverse('governance:monitoring_report')}?year={year}"


@login_required
def monitoring_report(request):
    """The report of a project year (?year=N) or cumulative (no year), live; ?format=pdf|xlsx renders the same rows.

    A year that is not a project year is said on the page, which shows the cumulative report: never a file of
    another period than the one asked for."""
    require(can_read_monitoring(request.user))
    form = YearForm(request.GET or None)
    valid = form.is_valid()
    project_year = form.cleaned_data["year"] if valid else None
    if not valid:
        messages.warning(
            request, f"Anno di progetto «{request.GET.get('year', '')[:20]}» non valido: è mostrato il cumulato."
        )
    year = project_year.number if project_year else None
    can_see_identity = user_scope(request.user).can_see_identity
    tables = monitoring_tables(user=request.user, year=year, reference=reference_date(request))
    report = MonitoringReport.objects.filter(project_year=project_year).first() if project_year else None
    status = "Inviata" if report and report.is_submitted else f"Dati al {timezone.localdate():%d/%m/%Y} (non inviata)"
    fmt = request.GET.get("format", "html") if valid else "html"
    kwargs = {"tables": tables, "year": year, "can_see_identity": can_see_identity, "status": status}
    if fmt == "pdf":
        return file_response(report_pdf(**kwargs, request=request), extension="pdf", name=filename(year, "pdf"))
    if fmt == "xlsx":
        return file_response(report_xlsx(**kwargs), extension="xlsx", name=filename(year, "xlsx"))
    changes = None
    if report and report.is_submitted and can_read_sent(request.user):
        sent = [table_from_json(t) for t in report.snapshot["tables"]]
        changes = differences(sent, tables, can_see_identity=can_see_identity)
    query = request.GET.copy()
    query.pop("format", None)
    return render(
        request,
        "governance/monitoring/report.html",
        {
            "form": form,
            "year": year,
            "report": report,
            "sections": shown_tables(tables, can_see_identity=can_see_identity),
            "changes": changes,
            "can_manage": can_manage_monitoring(request.user),
            "can_read_sent": can_read_sent(request.user),
            "programme_wide": user_scope(request.user).programme_wide,
            "query": query.urlencode(),
        },
    )


def _year_for_writing(request, year: int) -> ProjectYear:
    if not can_read_monitoring(request.user):
        raise Http404("Relazione non trovata.")
    project_year = get_object_or_404(ProjectYear, number=year)
    require(can_manage_monitoring(request.user))
    return project_year


@login_required
def monitoring_narrative(request, year: int):
    project_year = _year_for_writing(request, year)
    report = MonitoringReport.objects.filter(project_year=project_year).prefetch_related("narratives").first()
    if report and report.is_submitted:
        messages.error(request, "La relazione è già stata inviata: non si può più modificare.")
        return redirect(_report_url(year))
    actions = Action.objects.order_by("order", "code")
    form = NarrativeForm(request.POST or None, actions=actions, report=report)
    if request.method == "POST":
        if form.is_valid():
            try:
                services.narrative_save(
                    project_year=project_year,
                    user=request.user,
                    introduction=form.cleaned_data["introduction"].strip(),
                    narratives=form.narratives(),
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, "Relazione salvata.")
                return redirect(_report_url(year))
        messages.error(request, "Controllare i campi evidenziati: nulla è stato salvato.")
    return render(
        request,
        "governance/monitoring/narrative_form.html",
        {"form": form, "project_year": project_year, "report_url": _report_url(year)},
    )


@login_required
@require_POST
def monitoring_submit(request, year: int):
    project_year = _year_for_writing(request, year)
    try:
        services.report_submit(project_year=project_year, user=request.user, reference=reference_date(request))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Relazione inviata: da ora resta com'era al momento dell'invio.")
    return redirect(_report_url(year))


@login_required
def monitoring_sent(request, year: int, extension: str):
    """The PDF or XLSX exactly as sent (the stored bytes, not a new rendering)."""
    if not can_read_sent(request.user) or extension not in ("pdf", "xlsx"):
        raise Http404("Relazione non trovata.")
    report = get_object_or_404(MonitoringReport.objects.filter(status="submitted"), project_year__number=year)
    content = report.sent_pdf if extension == "pdf" else report.sent_xlsx
    return file_response(content, extension=extension, name=filename(year, extension, sent=True))
