"""Organisations: list with filters, detail."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render

from ..filters import OrganisationFilter
from ..models import GovernanceBody, Organisation
from .common import history_of, paginate


@login_required
def organisation_list(request):
    queryset = Organisation.objects.visible_to(request.user).select_related("district")
    filterset = OrganisationFilter(request.GET, queryset=queryset)
    page = paginate(request, filterset.qs)
    return render(request, "governance/organisation_list.html", {"filter": filterset, "page": page})


@login_required
def organisation_detail(request, pk):
    organisation = get_object_or_404(Organisation.objects.visible_to(request.user).select_related("district"), pk=pk)
    seats = organisation.body_seats.filter(body__in=GovernanceBody.objects.visible_to(request.user)).select_related(
        "body"
    )
    return render(
        request,
        "governance/organisation_detail.html",
        {"organisation": organisation, "seats": seats, "history": history_of(organisation)},
    )
