"""Labs: list (search, filters, sorting, pagination, CSV), detail (plan, trend, meetings, budget, fundraising,
history), forms; the annual restitution event. Thin: scope first (404), then permission (403), then a service."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from governance.audit import ConcurrentEditError
from governance.exports import csv_response
from governance.models import Organisation
from governance.permissions import require
from governance.views.common import history_of, paginate

from . import permissions, services
from .charts import assessment_trend
from .filters import LaboratorioFilter
from .forms import (
    AssessmentForm,
    CancelPaymentForm,
    FundraisingForm,
    LaboratorioForm,
    LabPersonFormSet,
    MeetingForm,
    PaymentForm,
    PlannedActionFormSet,
    TransitionForm,
)
from .gifts import designated_gift_totals
from .models import FundraisingActivity, LabMeeting, Laboratorio
from .reports import PARTICIPANT_LABELS
from .selectors import annotate_page, lab_detail_queryset, lab_list_queryset, lab_money, lab_related

INVALID = "Controllare i campi evidenziati: nulla è stato salvato."

CSV_HEADER = ["laboratorio", "tipo", "ambito", "comune / area", "anno di attivazione", "stato", "soggetto attuatore",
              "budget"]  # fmt: skip


def _add_errors(form, error: ValidationError) -> None:
    """Put a service's ValidationError on the form (field errors on their fields)."""
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            for message in errors:
                form.add_error(field if field in form.fields else None, message)
    else:
        for message in error.messages:
            form.add_error(None, message)


def _report(request, error: ValidationError, prefix: str) -> None:
    for message in error.messages:
        messages.error(request, f"{prefix}: {message}")


# --- List and detail ------------------------------------------------------------------------------------------


@login_required
def lab_list(request):
    filterset = LaboratorioFilter(request.GET, queryset=lab_list_queryset(request.user), user=request.user)
    queryset = filterset.qs
    if not request.GET.get("o"):
        queryset = queryset.order_by("-activation_year_number", "name", "pk")
    if request.GET.get("format") == "csv":
        rows = (
            [
                lab.name,
                lab.get_kind_display(),
                lab.district.name,
                lab.area,
                lab.activation_year_number,
                lab.get_status_display(),
                str(lab.implementing_body),
                lab.budget,
            ]  # fmt: skip
            for lab in queryset.iterator(chunk_size=500)
        )
        return csv_response(filename="laboratori.csv", header=CSV_HEADER, rows=rows)
    export_query = request.GET.copy()
    export_query["format"] = "csv"
    export_query.pop("page", None)
    return render(
        request,
        "laboratori/lab_list.html",
        {
            "filter": filterset,
            "page": annotate_page(paginate(request, queryset)),
            "can_create": permissions.can_create_lab(request.user),
            "export_query": export_query.urlencode(),
        },
    )


def _lab_in_scope(request, pk) -> Laboratorio:
    return get_object_or_404(lab_detail_queryset(request.user), pk=pk)


def _writable_lab(request, pk) -> Laboratorio:
    lab = _lab_in_scope(request, pk)
    require(permissions.can_write_lab(request.user, lab.district_id))
    return lab


@login_required
def lab_detail(request, pk):
    lab = _lab_in_scope(request, pk)
    lab_related(lab)
    can_write = permissions.can_write_lab(request.user, lab.district_id)
    assessments = list(lab.assessments.all())
    meetings = list(lab.meetings.all())
    context = {
        "lab": lab,
        "can_write": can_write,
        "can_write_fundraising": permissions.can_write_fundraising(request.user),
        "assessments": assessments,
        "trend": assessment_trend(assessments),
        "meetings": meetings,
        "participant_labels": PARTICIPANT_LABELS,
        "money": lab_money(lab),
        "gifts": designated_gift_totals(lab),
        "history": history_of(lab),
    }
    if can_write:
        context.update(
            transition_form=TransitionForm(lab=lab) if lab.allowed_transitions() else None,
            assessment_form=AssessmentForm() if not lab.is_closed else None,
            cancel_form=CancelPaymentForm(),
        )
    return render(request, "laboratori/lab_detail.html", context)


# --- Create and edit ------------------------------------------------------------------------------------------


def _people_choices(request, lab: Laboratorio):
    districts = permissions.writable_district_ids(request.user)
    users = (
        get_user_model()
        .objects.filter(is_active=True, profile__districts__in=districts)
        .filter(groups__name__in=[r.value for r in permissions.WRITER_ROLES])
        .distinct()
        .order_by("last_name", "username")
    )
    return users, Organisation.objects.visible_to(request.user)


def _lab_form(request, *, lab: Laboratorio):
    data = request.POST if request.method == "POST" else None
    form = LaboratorioForm(data, instance=lab, user=request.user)
    users, organisations = _people_choices(request, lab)
    people = LabPersonFormSet(data, instance=lab, prefix="pers", users=users, organisations=organisations)
    plan = PlannedActionFormSet(data, instance=lab, prefix="plan")
    if request.method == "POST":
        if form.is_valid() and people.is_valid() and plan.is_valid():
            try:
                saved = services.lab_save(
                    lab=form.instance,
                    user=request.user,
                    expected_version=form.cleaned_data.get("version"),
                    formsets=(people, plan),
                )
            except ConcurrentEditError as error:
                messages.error(request, str(error))
            except ValidationError as error:
                _add_errors(form, error)
                messages.error(request, INVALID)
            else:
                messages.success(request, "Laboratorio salvato.")
                warning = saved.budget_warning()
                if warning:
                    messages.warning(request, warning)
                return redirect(saved)
        else:
            messages.error(request, INVALID)
    return render(request, "laboratori/lab_form.html", {"form": form, "people": people, "plan": plan, "lab": lab})


@login_required
def lab_create(request):
    require(permissions.can_create_lab(request.user))
    return _lab_form(request, lab=Laboratorio())


@login_required
def lab_edit(request, pk):
    lab = _writable_lab(request, pk)
    if lab.is_closed:
        messages.error(request, "Un laboratorio concluso non si modifica più.")
        return redirect(lab)
    return _lab_form(request, lab=lab)


@login_required
@require_POST
def lab_transition(request, pk):
    lab = _writable_lab(request, pk)
    form = TransitionForm(request.POST, lab=lab)
    if not form.is_valid():
        messages.error(request, "Cambio di stato non valido: scegliere uno degli stati proposti.")
        return redirect(lab)
    try:
        lab = services.lab_transition(
            lab=lab, to_status=form.cleaned_data["to_status"], user=request.user, on_date=form.cleaned_data["on_date"]
        )
    except ValidationError as error:
        _report(request, error, "Stato non cambiato")
    else:
        messages.success(request, f"Il laboratorio è ora «{lab.get_status_display()}».")
    return redirect(lab)


@login_required
@require_POST
def assessment_create(request, pk):
    lab = _writable_lab(request, pk)
    form = AssessmentForm(request.POST)
    if form.is_valid():
        try:
            services.assessment_create(lab=lab, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            _report(request, error, "Autovalutazione non registrata")
        else:
            messages.success(request, "Autovalutazione registrata.")
    else:
        for field, errors in form.errors.items():
            label = form.fields[field].label if field in form.fields else ""
            for message in errors:
                messages.error(request, f"Autovalutazione non registrata: {label} – {message}" if label else message)
    return redirect(f"{lab.get_absolute_url()}#autovalutazione")


# --- Meetings -------------------------------------------------------------------------------------------------


def _meeting_form(request, *, lab: Laboratorio, meeting: LabMeeting):
    form = MeetingForm(request.POST or None, instance=meeting, user=request.user)
    if request.method == "POST":
        if form.is_valid():
            try:
                services.meeting_save(
                    meeting=form.instance,
                    organisations=form.cleaned_data["organisations"],
                    user=request.user,
                    expected_version=form.cleaned_data.get("version"),
                )
            except ConcurrentEditError as error:
                messages.error(request, str(error))
            except ValidationError as error:
                _add_errors(form, error)
                messages.error(request, INVALID)
            else:
                messages.success(request, "Incontro salvato.")
                return redirect(f"{lab.get_absolute_url()}#incontri")
        else:
            messages.error(request, INVALID)
    return render(request, "laboratori/meeting_form.html", {"form": form, "lab": lab, "meeting": meeting})


@login_required
def meeting_create(request, pk):
    lab = _writable_lab(request, pk)
    return _meeting_form(request, lab=lab, meeting=LabMeeting(lab=lab))


@login_required
def meeting_edit(request, pk, meeting_pk):
    lab = _writable_lab(request, pk)
    meeting = get_object_or_404(lab.meetings.all(), pk=meeting_pk)
    return _meeting_form(request, lab=lab, meeting=meeting)


# --- Payments -------------------------------------------------------------------------------------------------


@login_required
def payment_create(request, pk):
    lab = _writable_lab(request, pk)
    form = PaymentForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            try:
                services.payment_create(lab=lab, user=request.user, **form.cleaned_data)
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(request, "Pagamento registrato e riportato nel bilancio come spesa approvata.")
                return redirect(f"{lab.get_absolute_url()}#budget")
        messages.error(request, "Pagamento non registrato: controllare i campi evidenziati.")
    return render(request, "laboratori/payment_form.html", {"form": form, "lab": lab, "money": lab_money(lab)})


@login_required
@require_POST
def payment_cancel(request, pk, payment_pk):
    lab = _writable_lab(request, pk)
    payment = get_object_or_404(lab.payments.all(), pk=payment_pk)
    form = CancelPaymentForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Indicare il motivo dell'annullamento.")
        return redirect(lab)
    try:
        services.payment_cancel(payment=payment, user=request.user, reason=form.cleaned_data["reason"])
    except ValidationError as error:
        _report(request, error, "Pagamento non annullato")
    else:
        messages.success(request, "Pagamento annullato; la spesa a bilancio è stata stornata.")
    return redirect(f"{lab.get_absolute_url()}#budget")


# --- Fundraising (Staff Fundraising) --------------------------------------------------------------------------


def _fundraising_form(request, *, lab: Laboratorio, activity: FundraisingActivity):
    require(permissions.can_write_fundraising(request.user))
    form = FundraisingForm(request.POST or None, instance=activity)
    if request.method == "POST":
        if form.is_valid():
            try:
                services.fundraising_save(
                    activity=form.instance, user=request.user, expected_version=form.cleaned_data.get("version")
                )
            except ConcurrentEditError as error:
                messages.error(request, str(error))
            except ValidationError as error:
                _add_errors(form, error)
                messages.error(request, INVALID)
            else:
                messages.success(request, "Attività di raccolta fondi salvata.")
                return redirect(f"{lab.get_absolute_url()}#raccolta-fondi")
        else:
            messages.error(request, INVALID)
    return render(request, "laboratori/fundraising_form.html", {"form": form, "lab": lab, "activity": activity})


@login_required
def fundraising_create(request, pk):
    lab = _lab_in_scope(request, pk)
    return _fundraising_form(request, lab=lab, activity=FundraisingActivity(lab=lab))


@login_required
def fundraising_edit(request, pk, activity_pk):
    lab = _lab_in_scope(request, pk)
    activity = get_object_or_404(lab.fundraising.all(), pk=activity_pk)
    return _fundraising_form(request, lab=lab, activity=activity)
