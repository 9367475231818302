"""Donors: list, record, detail with consents, relationships, gifts and history; export, erasure, duplicates, merge."""

from __future__ import annotations

import json

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from governance.audit import ConcurrentEditError
from governance.reference import reference_date
from governance.views.common import history_of, paginate

from .. import services
from ..enums import ContactChannel
from ..filters import DonorFilter
from ..forms import ConsentForm, DonorForm, ReasonForm, RelationshipForm, donor_choices, donor_label
from ..models import Donation, Donor, DonorMerge, Receipt
from ..selectors import donor_export, duplicate_groups, duplicates_of
from .common import add_errors, staff_only


def donor_queryset(user):
    return Donor.objects.visible_to(user).select_related("district", "merged_into")


@staff_only
def donor_list(request):
    filterset = DonorFilter(request.GET, queryset=donor_queryset(request.user))
    page = paginate(request, filterset.qs)
    ids = [d.pk for d in page.object_list]
    totals = {d.pk: d for d in Donor.objects.filter(pk__in=ids).with_totals()}
    for donor in page.object_list:
        donor.given, donor.gifts = totals[donor.pk].given, totals[donor.pk].gifts
    return render(request, "fundraising/donor_list.html", {"filter": filterset, "page": page})


def _donor_form(request, donor: Donor):
    form = DonorForm(request.POST or None, instance=donor)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.donor_save(
                donor=form.instance, user=request.user, expected_version=form.cleaned_data.get("version")
            )
        except ConcurrentEditError as error:
            messages.error(request, str(error))
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, "Donatore salvato.")
            if duplicates_of(saved).exists():
                messages.warning(
                    request,
                    "Esistono altri donatori con lo stesso codice fiscale o la stessa e-mail: verificare i duplicati.",
                )
            return redirect(saved)
    if request.method == "POST":
        messages.error(request, "Controllare i campi evidenziati: nulla è stato salvato.")
    return render(request, "fundraising/donor_form.html", {"form": form, "donor": donor})


@staff_only
def donor_create(request):
    return _donor_form(request, Donor())


@staff_only
def donor_edit(request, pk):
    donor = get_object_or_404(donor_queryset(request.user), pk=pk)
    if donor.anonymised_at or donor.merged_into_id:
        messages.error(request, "Un donatore anonimizzato o unito a un altro non si modifica più.")
        return redirect(donor)
    return _donor_form(request, donor)


@staff_only
def donor_detail(request, pk):
    donor = get_object_or_404(donor_queryset(request.user), pk=pk)
    donations = donor.donations.select_related(
        "designation__district", "designation__action", "campaign", "event"
    ).prefetch_related(Prefetch("receipts", queryset=Receipt.objects.order_by("-year", "-number")))
    context = {
        "donor": donor,
        "consent_state": [(ContactChannel(k).label, r) for k, r in donor.consent_state().items()],
        "consents": donor.consents.select_related("created_by").order_by("-date", "-pk"),
        "relationships": donor.relationships.select_related("related"),
        "related_from": donor.related_from.select_related("donor"),
        "donations": donations,
        "totals": Donor.objects.filter(pk=donor.pk).with_totals().values("given", "gifts").get(),
        "pledges": donor.pledges.all(),
        "soft_credits": donor.soft_credited.select_related("donor")[:20],
        "duplicates": duplicates_of(donor) if not donor.merged_into_id else [],
        "merges": DonorMerge.objects.filter(survivor=donor).select_related("merged", "performed_by"),
        "history": history_of(donor),
        "editable": not (donor.anonymised_at or donor.merged_into_id),
        "consent_form": ConsentForm(initial={"date": reference_date(request)}),
        "relationship_form": RelationshipForm(donor=donor),
        "erase_form": ReasonForm(),
    }
    return render(request, "fundraising/donor_detail.html", context)


@staff_only
@require_POST
def consent_add(request, pk):
    donor = get_object_or_404(donor_queryset(request.user), pk=pk)
    form = ConsentForm(request.POST)
    if form.is_valid():
        try:
            services.consent_record(donor=donor, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, f"Consenso non registrato: {message}")
        else:
            messages.success(request, "Consenso registrato.")
    else:
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, f"Consenso non registrato: {message}")
    return redirect(donor)


@staff_only
@require_POST
def relationship_add(request, pk):
    donor = get_object_or_404(donor_queryset(request.user), pk=pk)
    form = RelationshipForm(request.POST, donor=donor)
    if form.is_valid():
        try:
            services.relationship_add(donor=donor, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, f"Legame non registrato: {message}")
        else:
            messages.success(request, "Legame registrato.")
    else:
        messages.error(request, "Legame non registrato: scegliere il tipo di legame e il donatore collegato.")
    return redirect(donor)


@staff_only
def donor_export_view(request, pk):
    """Everything held about the donor, as a JSON file (right of access and portability)."""
    donor = get_object_or_404(donor_queryset(request.user), pk=pk)
    response = HttpResponse(
        json.dumps(donor_export(donor), ensure_ascii=False, indent=2, default=str),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="donatore-{donor.code}.json"'
    return response


@staff_only
def donor_erase(request, pk):
    donor = get_object_or_404(donor_queryset(request.user), pk=pk)
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.donor_erase(donor=donor, user=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request, "Dati personali cancellati: donazioni e ricevute restano per gli obblighi fiscali."
            )
            return redirect(donor)
    return render(request, "fundraising/donor_erase.html", {"donor": donor, "form": form})


@staff_only
def duplicate_list(request):
    return render(request, "fundraising/duplicate_list.html", {"groups": duplicate_groups()})


@staff_only
def donor_merge(request, pk, other_pk):
    """Merge donor `other_pk` into donor `pk` (the one kept), after a review of both."""
    queryset = donor_queryset(request.user).active().filter(anonymised_at__isnull=True)
    survivor = get_object_or_404(queryset, pk=pk)
    merged = get_object_or_404(queryset.exclude(pk=survivor.pk), pk=other_pk)
    form = ReasonForm(request.POST or None, initial={"reason": "Stesso codice fiscale o stessa e-mail"})
    if request.method == "POST" and form.is_valid():
        try:
            merge = services.donor_merge(
                survivor=survivor, merged=merged, reason=form.cleaned_data["reason"], user=request.user
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, f"Donatore {merged.code} unito in {survivor.code}.")
            return redirect(merge)
    counts = {
        d.pk: {
            "donations": Donation.objects.filter(donor=d).count(),
            "receipts": Receipt.objects.filter(donation__donor=d).count(),
            "consents": d.consents.count(),
            "pledges": d.pledges.count(),
        }
        for d in (survivor, merged)
    }
    return render(
        request,
        "fundraising/donor_merge.html",
        {"survivor": survivor, "merged": merged, "form": form, "counts": counts},
    )


@staff_only
def merge_list(request):
    merges = DonorMerge.objects.select_related("survivor", "merged", "performed_by")
    return render(request, "fundraising/merge_list.html", {"page": paginate(request, merges)})


@staff_only
def merge_detail(request, pk):
    merge = get_object_or_404(DonorMerge.objects.select_related("survivor", "merged", "performed_by"), pk=pk)
    return render(request, "fundraising/merge_detail.html", {"merge": merge})


LOOKUP_SIZE = 15


@staff_only
def donor_lookup(request):
    """Suggestions for the donor combobox: at most 15 active donors matching `q` (name, e-mail, fiscal code, code)."""
    query = request.GET.get("q", "").strip()
    if len(query) < 2:
        return JsonResponse({"results": []})
    donors = DonorFilter({"q": query}, queryset=donor_choices()).qs.order_by("last_name", "organisation_name", "pk")
    return JsonResponse({"results": [{"label": donor_label(d)} for d in donors[:LOOKUP_SIZE]]})
