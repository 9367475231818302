"""Views of Action 3: thin — scope first (404 out of scope), then the role (403), then a selector or a service."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from governance.audit import ConcurrentEditError
from governance.permissions import require
from governance.reference import reference_date
from governance.selectors import count_per_row
from governance.views.common import history_of, paginate, serve_document

from . import permissions, reports, services
from .filters import ActivityFilter, AgreementFilter, CivicCenterFilter, PayingDemandFilter
from .forms import ActivityForm, AgreementForm, CivicCenterForm, PayingDemandForm, SlotFormSet, TransitionForm
from .models import Activity, ActivitySlot, Agreement, CivicCenter, PayingDemand

INVALID = "Controllare i campi evidenziati: nulla è stato salvato."


def _centers(user):
    return CivicCenter.objects.visible_to(user).select_related(
        "district", "host_organisation", "municipality", "activation_year"
    )


def _activities(user):
    return (
        Activity.objects.visible_to(user)
        .select_related("civic_center__district", "promoter", "agreement")
        .prefetch_related(Prefetch("slots", queryset=ActivitySlot.objects.order_by("weekday", "start")))
    )


def _agreements(user):
    return Agreement.objects.visible_to(user).select_related(
        "civic_center__district", "civic_center__host_organisation", "civic_center__municipality", "promoter"
    )


def _add_errors(form, error: ValidationError) -> None:
    """A service's ValidationError on the form that was posted (field errors where the form has the field)."""
    if hasattr(error, "error_dict"):
        for name, errors in error.message_dict.items():
            for message in errors:
                form.add_error(name if name in form.fields else None, message)
    else:
        for message in error.messages:
            form.add_error(None, message)


def _listing(request, *, filterset, template, extra=None):
    page = paginate(request, filterset.qs)
    return render(request, template, {"filter": filterset, "page": page, **(extra or {})})


# --- Civic centers ---------------------------------------------------------------------------------------------


@login_required
def center_list(request):
    # Counted in a subquery for the page's rows only (a join and GROUP BY counted every center: bench/scale.py).
    queryset = _centers(request.user).annotate(activities_count=count_per_row(Activity, "civic_center"))
    queryset = queryset.order_by("name", "pk")
    filterset = CivicCenterFilter(request.GET, queryset=queryset, user=request.user)
    return _listing(
        request,
        filterset=filterset,
        template="civic_center/center_list.html",
        extra={"can_create": permissions.can_create(request.user)},
    )


@login_required
def center_detail(request, pk):
    center = get_object_or_404(_centers(request.user), pk=pk)
    can_write = permissions.can_write_in(request.user, center.district_id)
    activities = reports.demand_by_activity(center)
    demand = reports.paying_demand_totals(PayingDemand.objects.filter(activity__civic_center=center))
    context = {
        "center": center,
        "can_write": can_write,
        "activities": activities,
        "agreements": center.agreements.select_related("promoter").order_by("-start_on"),
        "demand": demand,
        "history": history_of(center),
    }
    if can_write and center.allowed_transitions():
        context["transition_form"] = TransitionForm(center=center, initial={"on_date": reference_date(request)})
    return render(request, "civic_center/center_detail.html", context)


def _center_form(request, center: CivicCenter):
    form = CivicCenterForm(request.POST or None, request.FILES or None, instance=center, user=request.user)
    if request.method == "POST":
        if form.is_valid():
            try:
                saved = services.center_save(
                    center=form.save(commit=False), user=request.user, expected_version=form.cleaned_data["version"]
                )
            except ValidationError as error:
                _add_errors(form, error)
            except ConcurrentEditError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, "Civic center salvato.")
                return redirect(saved)
        messages.error(request, INVALID)
    return render(request, "civic_center/center_form.html", {"form": form, "center": center})


@login_required
def center_create(request):
    require(permissions.can_create(request.user))
    return _center_form(request, CivicCenter())


def _writable_center(request, pk) -> CivicCenter:
    center = get_object_or_404(_centers(request.user), pk=pk)
    require(permissions.can_write_in(request.user, center.district_id))
    return center


@login_required
def center_edit(request, pk):
    return _center_form(request, _writable_center(request, pk))


@login_required
@require_POST
def center_transition(request, pk):
    center = _writable_center(request, pk)
    form = TransitionForm(request.POST, center=center)
    if not form.is_valid():
        messages.error(request, "Cambio di stato non valido: scegliere uno degli stati proposti.")
        return redirect(center)
    try:
        center = services.center_transition(
            center=center,
            to_status=form.cleaned_data["to_status"],
            on_date=form.cleaned_data["on_date"],
            user=request.user,
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, f"Stato non cambiato: {message}")
    else:
        messages.success(request, f"Il civic center è ora «{center.get_status_display()}».")
    return redirect(center)


@login_required
def center_timetable(request, pk):
    center = get_object_or_404(_centers(request.user), pk=pk)
    return render(
        request,
        "civic_center/timetable.html",
        {"center": center, "timetable": reports.timetable(center),
         "can_write": permissions.can_write_in(request.user, center.district_id)},
    )  # fmt: skip


@login_required
def center_rules_download(request, pk):
    center = get_object_or_404(_centers(request.user), pk=pk)
    if not center.shared_rules_file:
        raise Http404("Documento non presente.")
    extension = center.shared_rules_file.name.rsplit(".", 1)[-1]
    return serve_document(center.shared_rules_file, filename=f"regole-civic-center-{center.pk}.{extension}")


# --- Activities ------------------------------------------------------------------------------------------------


@login_required
def activity_list(request):
    filterset = ActivityFilter(request.GET, queryset=_activities(request.user), user=request.user)
    return _listing(request, filterset=filterset, template="civic_center/activity_list.html")


@login_required
def activity_detail(request, pk):
    activity = get_object_or_404(_activities(request.user), pk=pk)
    can_write = permissions.can_write_in(request.user, activity.civic_center.district_id)
    rows = activity.paying_demand.order_by("-period_start")
    context = {
        "activity": activity,
        "can_write": can_write,
        "demand_rows": rows,
        "demand": reports.paying_demand_totals(rows),
        "history": history_of(activity),
    }
    if can_write:
        context["demand_form"] = PayingDemandForm()
    return render(request, "civic_center/activity_detail.html", context)


def _activity_form(request, activity: Activity, center: CivicCenter):
    data = request.POST if request.method == "POST" else None
    form = ActivityForm(data, instance=activity, user=request.user, center=center)
    slots = SlotFormSet(data, instance=activity, prefix="orari")
    if request.method == "POST":
        if form.is_valid() and slots.is_valid():
            rows = [
                {name: f.cleaned_data.get(name) for name in ("weekday", "start", "end")}
                for f in slots.forms
                if f.cleaned_data and not f.cleaned_data.get("DELETE")
            ]
            try:
                saved = services.activity_save(
                    activity=form.save(commit=False),
                    slots=rows,
                    user=request.user,
                    expected_version=form.cleaned_data["version"],
                )
            except ValidationError as error:
                _add_errors(form, error)
            except ConcurrentEditError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, "Attività salvata: è nel quadro orario settimanale.")
                return redirect(saved)
        messages.error(request, INVALID)
    return render(
        request, "civic_center/activity_form.html", {"form": form, "slots": slots, "activity": activity,
                                                     "center": center}
    )  # fmt: skip


@login_required
def activity_create(request, pk):
    center = _writable_center(request, pk)
    return _activity_form(request, Activity(civic_center=center), center)


@login_required
def activity_edit(request, pk):
    activity = get_object_or_404(_activities(request.user), pk=pk)
    require(permissions.can_write_in(request.user, activity.civic_center.district_id))
    return _activity_form(request, activity, activity.civic_center)


@login_required
@require_POST
def demand_create(request, pk):
    activity = get_object_or_404(_activities(request.user), pk=pk)
    require(permissions.can_write_in(request.user, activity.civic_center.district_id))
    form = PayingDemandForm(request.POST)
    if form.is_valid():
        try:
            services.paying_demand_record(activity=activity, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, f"Domanda pagante non registrata: {message}")
        else:
            messages.success(request, "Domanda pagante registrata (fuori dal bilancio del progetto).")
    else:
        for name, errors in form.errors.items():
            label = form.fields[name].label if name in form.fields else ""
            for message in errors:
                messages.error(request, f"Domanda pagante non registrata: {label} – {message}" if label else message)
    return redirect(activity)


@login_required
def demand_list(request):
    queryset = PayingDemand.objects.visible_to(request.user).select_related(
        "activity__civic_center__district", "activity__promoter"
    )
    filterset = PayingDemandFilter(request.GET, queryset=queryset, user=request.user)
    return _listing(
        request,
        filterset=filterset,
        template="civic_center/demand_list.html",
        extra={"totals": reports.paying_demand_totals(filterset.qs)},
    )


# --- Agreements ------------------------------------------------------------------------------------------------


@login_required
def agreement_list(request):
    filterset = AgreementFilter(request.GET, queryset=_agreements(request.user), user=request.user)
    return _listing(request, filterset=filterset, template="civic_center/agreement_list.html")


@login_required
def agreement_detail(request, pk):
    agreement = get_object_or_404(_agreements(request.user), pk=pk)
    return render(
        request,
        "civic_center/agreement_detail.html",
        {
            "agreement": agreement,
            "can_write": permissions.can_write_in(request.user, agreement.civic_center.district_id),
            "activities": agreement.activities.order_by("title"),
            "history": history_of(agreement),
        },
    )


def _agreement_form(request, agreement: Agreement):
    form = AgreementForm(request.POST or None, instance=agreement, user=request.user)
    if request.method == "POST":
        if form.is_valid():
            try:
                saved = services.agreement_save(
                    agreement=form.save(commit=False), user=request.user, expected_version=form.cleaned_data["version"]
                )
            except ValidationError as error:
                _add_errors(form, error)
            except ConcurrentEditError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, "Accordo salvato.")
                return redirect(saved)
        messages.error(request, INVALID)
    return render(request, "civic_center/agreement_form.html", {"form": form, "agreement": agreement})


@login_required
def agreement_create(request, pk):
    center = _writable_center(request, pk)
    return _agreement_form(request, Agreement(civic_center=center))


@login_required
def agreement_edit(request, pk):
    agreement = get_object_or_404(_agreements(request.user), pk=pk)
    require(permissions.can_write_in(request.user, agreement.civic_center.district_id))
    return _agreement_form(request, agreement)
