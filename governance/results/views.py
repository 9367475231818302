"""The "Risultati" page (HTML, CSV, XLSX of the same rows), an indicator's page, and the Direzione's forms."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from ..audit import ConcurrentEditError
from ..exports import Sheet, csv_response, xlsx_response
from ..indicators import computed_indicator
from ..models import District, Indicator, ManualValue, Target
from ..permissions import require
from ..views.common import serve_document
from . import services
from .forms import ManualValueForm, ResultsFilterForm, TargetForm
from .permissions import can_manage_results, can_read_results
from .reports import EXPORT_HEADER, results_report


@login_required
def results(request):
    """Target vs actual per indicator, year and district, for every role with a scope; ?format=csv|xlsx."""
    require(can_read_results(request.user))
    form = ResultsFilterForm(request.GET or None, user=request.user)
    filters = form.cleaned_data if form.is_valid() else {}
    year = filters.get("year")
    report = results_report(
        user=request.user,
        action=filters.get("action"),
        year=year.number if year else None,
        district=filters.get("district"),
    )
    fmt = request.GET.get("format", "html")
    if fmt in ("csv", "xlsx"):
        name = f"risultati-{timezone.localdate():%Y-%m-%d}.{fmt}"
        rows = report.export_rows()
        if fmt == "csv":
            return csv_response(filename=name, header=EXPORT_HEADER, rows=rows)
        return xlsx_response(filename=name, sheets=[Sheet("Risultati", EXPORT_HEADER, rows)])
    query = request.GET.copy()
    query.pop("format", None)
    return render(
        request,
        "governance/results/results.html",
        {
            "form": form,
            "report": report,
            "query": query.urlencode(),
            "can_manage": can_manage_results(request.user),
        },
    )


def _visible_district_q(user) -> Q:
    """Programme-level values for everyone in scope; a district's values for the users who see that district."""
    return Q(district__isnull=True) | Q(district__in=District.objects.visible_to(user))


def _indicator_for(request, pk) -> Indicator:
    """Indicators are programme-level: every role with a scope reads them; no scope, no indicator (404)."""
    if not can_read_results(request.user):
        raise Http404("Indicatore non trovato.")
    return get_object_or_404(Indicator.objects.select_related("action"), pk=pk)


@login_required
def indicator_detail(request, pk):
    indicator = _indicator_for(request, pk)
    report = results_report(user=request.user, indicator=indicator)
    targets = indicator.targets.select_related("project_year", "district").order_by(
        "project_year__number", "district__name", "plan_version"
    )
    manual_values = (
        indicator.manual_values.filter(_visible_district_q(request.user))
        .select_related("project_year", "district", "created_by")
        .latest_first()
    )
    history = (
        Target.history.filter(indicator_id=indicator.pk)
        .select_related("history_user", "project_year", "district")
        .order_by("-history_date", "-history_id")[:30]
    )
    manual_history = (
        ManualValue.history.filter(indicator_id=indicator.pk)
        .select_related("history_user", "project_year", "district")
        .order_by("-history_date", "-history_id")[:30]
    )
    return render(
        request,
        "governance/results/indicator_detail.html",
        {
            "indicator": indicator,
            "rows": report.rows,
            "targets": targets,
            "manual_values": manual_values,
            "target_history": history,
            "manual_history": manual_history,
            "can_manage": can_manage_results(request.user),
            "is_computed": computed_indicator(indicator.code) is not None,
        },
    )


def _report_errors(form, error: ValidationError) -> None:
    """Put a service's ValidationError on the form (fields it knows, otherwise at the top)."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _save_form(request, *, form, save, success: str, redirect_to):
    if request.method == "POST":
        if form.is_valid():
            try:
                save(form.cleaned_data)
            except ValidationError as error:
                _report_errors(form, error)
            except ConcurrentEditError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, success)
                return redirect(redirect_to)
        messages.error(request, "Controllare i campi evidenziati: nulla è stato salvato.")
    return None


@login_required
def target_create(request, pk):
    indicator = _indicator_for(request, pk)
    require(can_manage_results(request.user))
    return _target_form(request, indicator=indicator, target=None)


@login_required
def target_edit(request, pk):
    if not can_read_results(request.user):
        raise Http404("Obiettivo non trovato.")
    target = get_object_or_404(Target.objects.select_related("indicator", "indicator__action"), pk=pk)
    require(can_manage_results(request.user))
    return _target_form(request, indicator=target.indicator, target=target)


def _target_form(request, *, indicator, target):
    form = TargetForm(request.POST or None, instance=target, indicator=indicator)

    def save(data):
        services.target_save(
            target=target,
            indicator=indicator,
            plan_version=data["plan_version"],
            project_year=data["project_year"],
            district=data["district"],
            value=data["value"],
            value_max=data["value_max"],
            source=data["source"],
            user=request.user,
            expected_version=data.get("row_version"),
            reason=data.get("reason", ""),
        )

    response = _save_form(request, form=form, save=save, success="Obiettivo salvato.", redirect_to=indicator)
    return response or render(
        request, "governance/results/target_form.html", {"form": form, "indicator": indicator, "target": target}
    )


@login_required
def manual_value_create(request, pk):
    indicator = _indicator_for(request, pk)
    require(can_manage_results(request.user))
    return _manual_value_form(request, indicator=indicator, manual_value=None)


@login_required
def manual_value_edit(request, pk):
    if not can_read_results(request.user):
        raise Http404("Valore non trovato.")
    manual_value = get_object_or_404(ManualValue.objects.select_related("indicator", "indicator__action"), pk=pk)
    require(can_manage_results(request.user))
    return _manual_value_form(request, indicator=manual_value.indicator, manual_value=manual_value)


def _manual_value_form(request, *, indicator, manual_value):
    form = ManualValueForm(request.POST or None, request.FILES or None, instance=manual_value, indicator=indicator)

    def save(data):
        services.manual_value_save(
            manual_value=manual_value,
            indicator=indicator,
            project_year=data["project_year"],
            district=data["district"],
            value=data["value"],
            measured_on=data["measured_on"],
            source=data["source"],
            document=data.get("document"),
            notes=data.get("notes", ""),
            user=request.user,
            expected_version=data.get("row_version"),
        )

    response = _save_form(request, form=form, save=save, success="Valore registrato.", redirect_to=indicator)
    return response or render(
        request,
        "governance/results/manual_value_form.html",
        {
            "form": form,
            "indicator": indicator,
            "manual_value": manual_value,
            "computed_message": services.COMPUTED_NO_MANUAL if computed_indicator(indicator.code) else "",
        },
    )


@login_required
def manual_value_document(request, pk):
    if not can_read_results(request.user):
        raise Http404("Documento non trovato.")
    documents = ManualValue.objects.exclude(document="").filter(_visible_district_q(request.user))
    manual_value = get_object_or_404(documents, pk=pk)
    extension = manual_value.document.name.rsplit(".", 1)[-1]
    return serve_document(
        manual_value.document, filename=f"fonte-{manual_value.indicator_id}-{manual_value.pk}.{extension}"
    )
