"""Dashboard, reference date and public pages."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from ..dashboard import panels_for
from ..enums import DecisionStatus
from ..forms import ReminderPreferenceForm
from ..models import Decision, District, GovernanceBody, Meeting, Organisation, ReminderPreference, UserProfile
from ..reference import reference_date, set_reference_date
from ..scoping import user_scope
from ..selectors import cadence_compliance
from .common import ReferenceDateForm


@login_required
def home(request):
    scope = user_scope(request.user)
    reference = reference_date(request)
    context = {"reference": reference, "scope": scope}
    if not scope.is_empty:
        bodies = GovernanceBody.objects.visible_to(request.user)
        rows = cadence_compliance(bodies=bodies, reference=reference)
        decisions = Decision.objects.visible_to(request.user)
        context.update(
            behind=[r for r in rows if r.behind],
            bodies_count=len(rows),
            overdue_decisions=decisions.overdue(reference).select_related("meeting__body")[:10],
            overdue_count=decisions.overdue(reference).count(),
            open_count=decisions.filter(status=DecisionStatus.OPEN).count(),
            districts=District.objects.visible_to(request.user).select_related("lead_organisation"),
            recent_meetings=Meeting.objects.visible_to(request.user).select_related("body")[:5],
            panels=panels_for(request=request, reference=reference),
            organisation_counts=Organisation.objects.visible_to(request.user).aggregate(
                partners=Count("pk", filter=Q(is_partner=True)), members=Count("pk", filter=Q(is_member=True))
            ),
        )
    return render(request, "governance/home.html", context)


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
