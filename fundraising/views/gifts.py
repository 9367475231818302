"""Gifts, pledges, receipts (register, PDF, voiding, yearly list for the tax filings) and the legal bases."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from governance.audit import ConcurrentEditError
from governance.exports import Sheet, csv_response, xlsx_response
from governance.models import Organisation
from governance.pdf import render_pdf
from governance.reference import reference_date
from governance.views.common import history_of, paginate

from .. import services
from ..enums import TRACEABLE_METHODS, GiftKind, PaymentMethod
from ..filters import DonationFilter, PledgeFilter, ReceiptFilter
from ..forms import (
    DonationForm,
    InstalmentFormSet,
    LegalBasisForm,
    PledgeForm,
    PledgePaymentForm,
    ReasonForm,
    ReceiptIssueForm,
)
from ..models import Donation, Donor, LegalBasis, Pledge, Receipt
from ..reports import pledges_with_paid
from ..words import amount_in_words
from .common import add_errors, staff_only

FOUNDATION_SHORT_NAME = "Fondazione Comunitaria"  # the ONLUS that issues the receipts (seed 1735-1751)


def donation_queryset(user):
    return Donation.objects.visible_to(user).select_related(
        "donor", "designation__district", "designation__action", "campaign", "event", "pledge"
    )


@staff_only
def donation_list(request):
    filterset = DonationFilter(request.GET, queryset=donation_queryset(request.user))
    queryset = filterset.qs.annotate(
        has_receipt=Exists(Receipt.objects.filter(donation=OuterRef("pk"), voided_at__isnull=True))
    )
    return render(request, "fundraising/donation_list.html", {"filter": filterset, "page": paginate(request, queryset)})


def _donation_form(request, donation: Donation):
    form = DonationForm(request.POST or None, instance=donation)
    if request.method == "GET" and not donation.pk:
        form.initial.setdefault("date", reference_date(request))
        if request.GET.get("donor"):
            form.initial["donor"] = request.GET["donor"]
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.donation_save(
                donation=form.instance, user=request.user, expected_version=form.cleaned_data.get("version")
            )
        except ConcurrentEditError as error:
            messages.error(request, str(error))
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, f"Donazione n. {saved.pk} registrata.")
            return redirect(saved)
    if request.method == "POST":
        messages.error(request, "Donazione non registrata: controllare i campi evidenziati.")
    return render(request, "fundraising/donation_form.html", {"form": form, "donation": donation})


@staff_only
def donation_create(request):
    return _donation_form(request, Donation())


@staff_only
def donation_edit(request, pk):
    donation = get_object_or_404(donation_queryset(request.user), pk=pk)
    return _donation_form(request, donation)


@staff_only
def donation_detail(request, pk):
    donation = get_object_or_404(donation_queryset(request.user), pk=pk)
    receipts = list(donation.receipts.order_by("-year", "-number"))
    valid = next((r for r in receipts if not r.is_void), None)
    issued_on = max(donation.date, reference_date(request))
    return render(
        request,
        "fundraising/donation_detail.html",
        {
            "donation": donation,
            "receipts": receipts,
            "valid_receipt": valid,
            "receipt_form": ReceiptIssueForm(initial={"issued_on": issued_on}),
            "allocations": donation.allocations.select_related("transfer__holder", "transfer__action"),
            "history": history_of(donation),
        },
    )


@staff_only
@require_POST
def receipt_issue(request, pk):
    donation = get_object_or_404(donation_queryset(request.user), pk=pk)
    form = ReceiptIssueForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Ricevuta non emessa: indicare una data di emissione valida.")
        return redirect(donation)
    try:
        receipt = services.receipt_issue(donation=donation, user=request.user, issued_on=form.cleaned_data["issued_on"])
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, f"Ricevuta non emessa: {message}")
        return redirect(donation)
    messages.success(request, f"Ricevuta n. {receipt.number}/{receipt.year} emessa.")
    return redirect(receipt)


# --- Pledges --------------------------------------------------------------------------------------------------


@staff_only
def pledge_list(request):
    queryset = pledges_with_paid(
        Pledge.objects.visible_to(request.user).select_related("donor", "designation__district", "designation__action")
    )
    filterset = PledgeFilter(request.GET, queryset=queryset)
    return render(
        request, "fundraising/pledge_list.html", {"filter": filterset, "page": paginate(request, filterset.qs)}
    )


def _pledge_form(request, pledge: Pledge):
    form = PledgeForm(request.POST or None, instance=pledge)
    initial = [{"due_date": i.due_date, "amount": i.amount} for i in pledge.instalments.all()] if pledge.pk else []
    formset = InstalmentFormSet(request.POST or None, prefix="rate", initial=initial)
    if request.method == "GET" and not pledge.pk:
        form.initial.setdefault("date", reference_date(request))
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        instalments = [
            (f.cleaned_data["due_date"], f.cleaned_data["amount"])
            for f in formset.forms
            if f.cleaned_data and not f.cleaned_data.get("DELETE")
        ]
        try:
            saved = services.pledge_save(
                pledge=form.instance,
                instalments=instalments,
                user=request.user,
                expected_version=form.cleaned_data.get("version"),
            )
        except ConcurrentEditError as error:
            messages.error(request, str(error))
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, "Impegno salvato.")
            return redirect(saved)
    if request.method == "POST":
        messages.error(request, "Impegno non salvato: controllare i campi evidenziati.")
    return render(request, "fundraising/pledge_form.html", {"form": form, "formset": formset, "pledge": pledge})


@staff_only
def pledge_create(request):
    return _pledge_form(request, Pledge())


@staff_only
def pledge_edit(request, pk):
    return _pledge_form(request, get_object_or_404(Pledge.objects.visible_to(request.user), pk=pk))


@staff_only
def pledge_detail(request, pk):
    pledge = get_object_or_404(
        Pledge.objects.visible_to(request.user).select_related("donor", "designation__district", "designation__action"),
        pk=pk,
    )
    form = PledgePaymentForm(request.POST or None, initial={"date": reference_date(request)})
    if request.method == "POST" and form.is_valid():
        try:
            payment = services.pledge_payment_create(pledge=pledge, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, f"Pagamento registrato (donazione n. {payment.pk}): emetterne la ricevuta.")
            return redirect(payment)
    if request.method == "POST":
        messages.error(request, "Pagamento non registrato: controllare i campi evidenziati.")
    payments = pledge.payments.prefetch_related(
        Prefetch("receipts", queryset=Receipt.objects.filter(voided_at__isnull=True))
    )
    return render(
        request,
        "fundraising/pledge_detail.html",
        {"pledge": pledge, "payments": payments, "form": form, "history": history_of(pledge)},
    )


# --- Receipts -------------------------------------------------------------------------------------------------


def receipt_queryset(user):
    return Receipt.objects.filter(donation__in=Donation.objects.visible_to(user)).select_related(
        "donation", "legal_basis"
    )


@staff_only
def receipt_list(request):
    filterset = ReceiptFilter(request.GET, queryset=receipt_queryset(request.user))
    return render(
        request, "fundraising/receipt_list.html", {"filter": filterset, "page": paginate(request, filterset.qs)}
    )


@staff_only
def receipt_detail(request, pk):
    receipt = get_object_or_404(receipt_queryset(request.user), pk=pk)
    return render(
        request,
        "fundraising/receipt_detail.html",
        {"receipt": receipt, "void_form": ReasonForm(), "history": history_of(receipt)},
    )


@staff_only
def receipt_pdf(request, pk):
    receipt = get_object_or_404(receipt_queryset(request.user), pk=pk)
    foundation = Organisation.objects.filter(short_name=FOUNDATION_SHORT_NAME).first()
    return render_pdf(
        request=request,
        template="fundraising/receipt_pdf.html",
        context={
            "receipt": receipt,
            "donation": receipt.donation,
            "foundation": foundation,
            "amount_words": amount_in_words(receipt.donation.amount),
        },
        filename=f"ricevuta-{receipt.year}-{receipt.number}.pdf",
    )


@staff_only
@require_POST
def receipt_void(request, pk):
    receipt = get_object_or_404(receipt_queryset(request.user), pk=pk)
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Ricevuta non annullata: indicare il motivo dell'annullamento.")
        return redirect(receipt)
    try:
        services.receipt_void(receipt=receipt, reason=form.cleaned_data["reason"], user=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, f"Ricevuta non annullata: {message}")
    else:
        messages.success(request, "Ricevuta annullata: resta nel registro con il suo numero.")
    return redirect(receipt)


ANNUAL_HEADER = [
    "Codice",
    "Donatore",
    "Codice fiscale",
    "Totale donazioni tracciabili",
    "Modalità di pagamento",
    "Segnalazione",
]


def annual_rows(year: int) -> list[list]:
    """Per donor, the calendar year's traceable money gifts (for the foundation's tax filings); donors who objected to
    the communication are left out, donors without a fiscal code are flagged."""
    from governance.money import as_money, money_sum

    labels = dict(PaymentMethod.choices)
    sums = (
        Donation.objects.filter(
            date__year=year,
            gift_kind=GiftKind.MONEY,
            payment_method__in=TRACEABLE_METHODS,
            donor__isnull=False,
            donor__objects_to_tax_list=False,
        )
        .values("donor", "payment_method")
        .annotate(total=money_sum("amount"))
        .order_by()
    )
    per_donor: dict[int, dict] = {}
    for row in sums:
        entry = per_donor.setdefault(row["donor"], {"total": as_money(0), "methods": set()})
        entry["total"] += as_money(row["total"])
        entry["methods"].add(labels[row["payment_method"]])
    donors = Donor.objects.in_bulk(list(per_donor))
    rows = []
    for donor in sorted(donors.values(), key=lambda d: d.display_name.lower()):
        entry = per_donor[donor.pk]
        rows.append(
            [
                donor,
                donor.display_name,
                donor.fiscal_code,
                entry["total"],
                ", ".join(sorted(entry["methods"])),
                "" if donor.fiscal_code else "Codice fiscale mancante",
            ]
        )
    return rows


@staff_only
def annual_list(request):
    try:
        year = int(request.GET.get("year") or reference_date(request).year)
    except ValueError:
        year = reference_date(request).year
    rows = annual_rows(year)
    export = [[row[0].code, *row[1:]] for row in rows]
    filename = f"donazioni-tracciabili-{year}"
    if request.GET.get("format") == "csv":
        return csv_response(filename=f"{filename}.csv", header=ANNUAL_HEADER, rows=export)
    if request.GET.get("format") == "xlsx":
        return xlsx_response(filename=f"{filename}.xlsx", sheets=[Sheet(f"Donazioni {year}", ANNUAL_HEADER, export)])
    years = sorted({d.year for d in Donation.objects.dates("date", "year")}, reverse=True)
    return render(
        request,
        "fundraising/annual_list.html",
        {"year": year, "rows": rows, "header": ANNUAL_HEADER, "years": years or [dt.date.today().year]},
    )


# --- Legal bases ----------------------------------------------------------------------------------------------


@staff_only
def legal_basis_list(request):
    return render(request, "fundraising/legal_basis_list.html", {"bases": LegalBasis.objects.all()})


def _legal_basis_form(request, basis: LegalBasis):
    form = LegalBasisForm(request.POST or None, instance=basis)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_save(
                instance=form.instance, user=request.user, expected_version=form.cleaned_data.get("version")
            )
        except ConcurrentEditError as error:
            messages.error(request, str(error))
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, "Base giuridica salvata.")
            return redirect("fundraising:legal_basis_list")
    return render(
        request,
        "fundraising/simple_form.html",
        {
            "form": form,
            "title": "Modifica base giuridica" if basis.pk else "Nuova base giuridica",
            "parent_label": "Basi giuridiche",
            "parent_url_name": "fundraising:legal_basis_list",
            "history": history_of(basis) if basis.pk else None,
        },
    )


@staff_only
def legal_basis_create(request):
    return _legal_basis_form(request, LegalBasis())


@staff_only
def legal_basis_edit(request, pk):
    return _legal_basis_form(request, get_object_or_404(LegalBasis, pk=pk))
