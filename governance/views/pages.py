"""Dashboard, reference date and public pages."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from ..budget.permissions import can_read_budget
from ..dashboard import panels_for
from ..dashboard.figures import monitoring_figures, monitoring_report_url
from ..dashboard.filters import dashboard_filters
from ..dashboard.page import dashboard_for
from ..forms import ReminderPreferenceForm
from ..models import ReminderPreference, UserProfile
from ..reference import reference_date, set_reference_date
from ..scoping import user_scope
from .common import ReferenceDateForm


@login_required
def home(request):
    """The dashboard: action cards against the targets, budget burn, cadence per body, alerts (issue 13)."""
    scope = user_scope(request.user)
    reference = reference_date(request)
    context = {"reference": reference, "scope": scope}
    if not scope.is_empty:
        filters = dashboard_filters(user=request.user, params=request.GET, reference=reference)
        for note in filters.messages:
            messages.warning(request, note)
        context.update(
            dashboard=dashboard_for(
                user=request.user, filters=filters, reference=reference, read_budget=can_read_budget(request.user)
            ),
            filters=filters,
            panels=panels_for(request=request, reference=reference, on_home=True),
            monitoring_url=monitoring_report_url(user=request.user, year=filters.year_number),
        )
    return render(request, "governance/home.html", context)


@login_required
def action_panels(request):
    """Dettaglio per azione: each app's own panel, and the monitoring report's cost per result and reach of the
    dashboard's year (`?year=N&district=pk`), linked from the dashboard."""
    scope = user_scope(request.user)
    reference = reference_date(request)
    context = {"reference": reference, "scope": scope, "panels": []}
    if not scope.is_empty:
        filters = dashboard_filters(user=request.user, params=request.GET, reference=reference)
        for note in filters.messages:
            messages.warning(request, note)
        context.update(
            panels=panels_for(request=request, reference=reference, on_home=False),
            filters=filters,
            figures=monitoring_figures(user=request.user, filters=filters),
            monitoring_url=monitoring_report_url(user=request.user, year=filters.year_number),
        )
    return render(request, "governance/action_panels.html", context)


@login_required
@require_POST
def reference_date_set(request):
    form = ReferenceDateForm(request.POST)
    if form.is_valid():
        set_reference_date(request, form.cleaned_data["reference"])
        messages.success(request, "Data di riferimento aggiornata.")
    else:
        messages.error(request, "Data di riferimento non valida: usare il formato gg/mm/aaaa.")
    target = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "/"
    return redirect(target)


@login_required
def profile(request):
    """The user's own page: who they are in the programme and how often they want the reminders digest."""
    preference, _ = ReminderPreference.objects.get_or_create(user=request.user)
    form = ReminderPreferenceForm(request.POST or None, instance=preference)
    if request.method == "POST" and form.is_valid():
        preference = form.save(commit=False)
        preference._history_user = request.user
        preference.save()
        messages.success(request, f"Promemoria via e-mail: {preference.get_frequency_display().lower()}.")
        return redirect("governance:profile")
    return render(
        request,
        "governance/profile.html",
        {
            "form": form,
            "scope": user_scope(request.user),
            "profile": UserProfile.objects.filter(user=request.user).first(),
        },
    )


def privacy(request):
    return render(request, "pages/privacy.html")


def accessibility(request):
    return render(request, "pages/accessibility.html")
