"""Organisations: list with filters, detail, create and edit (by the roles of `governance/organisations.py`)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render

from ..filters import OrganisationFilter
from ..forms_organisations import OrganisationForm
from ..models import GovernanceBody, Organisation
from ..organisations import can_create_organisations, can_edit_organisation, organisation_save
from ..permissions import require
from .common import history_of, paginate


@login_required
def organisation_list(request):
    queryset = Organisation.objects.visible_to(request.user).select_related("district")
    filterset = OrganisationFilter(request.GET, queryset=queryset)
    page = paginate(request, filterset.qs)
    return render(
        request,
        "governance/organisation_list.html",
        {"filter": filterset, "page": page, "can_create": can_create_organisations(request.user)},
    )


@login_required
def organisation_detail(request, pk):
    organisation = get_object_or_404(Organisation.objects.visible_to(request.user).select_related("district"), pk=pk)
    seats = organisation.body_seats.filter(body__in=GovernanceBody.objects.visible_to(request.user)).select_related(
        "body"
    )
    return render(
        request,
        "governance/organisation_detail.html",
        {
            "organisation": organisation,
            "seats": seats,
            "history": history_of(organisation),
            "can_edit": can_edit_organisation(request.user, organisation),
        },
    )


@login_required
def organisation_create(request):
    require(can_create_organisations(request.user))
    return _organisation_form(request, Organisation())


@login_required
def organisation_edit(request, pk):
    organisation = get_object_or_404(Organisation.objects.visible_to(request.user), pk=pk)
    require(can_edit_organisation(request.user, organisation))
    return _organisation_form(request, organisation)


def _organisation_form(request, organisation):
    form = OrganisationForm(request.POST or None, instance=organisation, user=request.user)
    if request.method == "POST" and form.is_valid():
        saved = organisation_save(organisation=form.save(commit=False), user=request.user)
        messages.success(request, f"Organizzazione «{saved.name}» salvata.")
        return redirect(saved)
    return render(request, "governance/organisation_form.html", {"form": form, "organisation": organisation})
