"""Households (identity only for the district staff allowed, every view logged), the identity access log and the
Action 1 numbers page."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render

from governance.audit import ConcurrentEditError
from governance.permissions import require
from governance.reference import reference_date
from governance.scoping import user_scope
from governance.views.common import history_of, paginate

from .. import permissions, services
from ..dashboard import panel_context, panel_visible
from ..filters import HouseholdFilter, is_identity_search
from ..forms_households import HouseholdForm, HouseholdMemberFormSet
from ..models import Household, IdentityAccess
from ..worklist import worklist

WORKLIST_ROWS = 10


def _queryset(user):
    return Household.objects.visible_to(user).select_related("district", "municipality")


@login_required
def household_list(request):
    queryset = _queryset(request.user).annotate(patti_count=Count("patti"))
    filterset = HouseholdFilter(request.GET, queryset=queryset, user=request.user)
    chosen = filterset.qs.query.order_by
    page = paginate(request, filterset.qs.order_by(*chosen, "code") if chosen else filterset.qs.order_by("code"))
    identity_search = is_identity_search(filterset)
    if identity_search:
        shown = services.identity_search_record(
            households=list(page.object_list), user=request.user, purpose=services.SEARCH_PURPOSE_HOUSEHOLDS
        )
        for h in page.object_list:
            h.identity = h if h in shown else None
    return render(
        request,
        "patti/household_list.html",
        {
            "filter": filterset,
            "page": page,
            "identity_search": identity_search,
            "can_create": permissions.can_create(request.user),
        },
    )


@login_required
def household_detail(request, pk):
    household = get_object_or_404(_queryset(request.user), pk=pk)
    shows_identity = permissions.sees_identity(request.user, household.district_id)
    if shows_identity:
        services.identity_access_record(household=household, user=request.user, purpose="scheda del nucleo")
    return render(
        request,
        "patti/household_detail.html",
        {
            "household": household,
            "shows_identity": shows_identity,
            "members": household.members.all() if shows_identity else None,
            "patti": household.patti.select_related("project_year").order_by("-opened_on"),
            "can_write": permissions.can_write_in(request.user, household.district_id),
            "history": history_of(household),
        },
    )


def _household_form(request, *, household: Household):
    form = HouseholdForm(request.POST or None, instance=household, user=request.user)
    # Other members' names are identity: only for the users who see the referent person's identity.
    members = (
        HouseholdMemberFormSet(request.POST or None, instance=household, prefix="mem") if form.shows_identity else None
    )
    if request.method == "POST":
        if form.is_valid() and (members is None or members.is_valid()):
            try:
                saved = services.household_save(
                    form=form,
                    members_formset=members,
                    user=request.user,
                    expected_version=form.cleaned_data.get("version"),
                )
            except ConcurrentEditError as error:
                messages.error(request, str(error))
            except ValidationError as error:
                for message in error.messages:
                    messages.error(request, f"Nucleo non salvato: {message}")
            else:
                messages.success(request, f"Nucleo {saved.code} salvato.")
                return redirect(saved)
        else:
            messages.error(request, "Controllare i campi evidenziati: nulla è stato salvato.")
    elif household.pk and form.shows_identity:
        services.identity_access_record(household=household, user=request.user, purpose="modifica del nucleo")
    return render(request, "patti/household_form.html", {"form": form, "members": members, "household": household})


@login_required
def household_create(request):
    require(permissions.can_create(request.user))
    return _household_form(request, household=Household())


@login_required
def household_edit(request, pk):
    household = get_object_or_404(_queryset(request.user), pk=pk)
    require(permissions.can_write_in(request.user, household.district_id))
    if household.anonymised_at:
        messages.error(request, "Il nucleo è stato anonimizzato: i dati non si modificano più.")
        return redirect(household)
    return _household_form(request, household=household)


@login_required
def reports_page(request):
    """Action 1 against its targets: aggregates only, for every role that reads them (no identity)."""
    require(panel_visible(user_scope(request.user)))
    reference = reference_date(request)
    context = panel_context(request=request, reference=reference)
    return render(request, "patti/reports.html", {"data": context, "reference": reference})


@login_required
def worklist_page(request):
    """The case staff's "Da fare": what the pacts of their districts ask for, each item linked to its list."""
    require(permissions.has_worklist(request.user))
    reference = reference_date(request)
    items = worklist(user=request.user, reference=reference, rows=WORKLIST_ROWS)
    return render(request, "patti/worklist.html", {"items": items, "reference": reference, "rows": WORKLIST_ROWS})


@login_required
def access_log(request):
    """Who saw which household's identity, and when: for the Direzione (no identity is shown here)."""
    require(permissions.can_read_access_log(request.user))
    queryset = IdentityAccess.objects.select_related("household", "household__district", "user")
    return render(request, "patti/access_log.html", {"page": paginate(request, queryset, per_page=50)})
