"""Imports (bank statement, donor list): upload → review of every row and its matched donor → confirm.

The checked file stays on the server (fundraising/pending.py); the review page carries only a signed token to it,
usable by the same user for a short while."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render

from .. import services
from ..forms import BankImportForm, DonorImportForm, ImportConfirmForm
from ..importers import (
    ImportFailed,
    bank_template_csv,
    donor_template_csv,
    import_bank_statement,
    import_donor_list,
)
from ..pending import pending_done, pending_open, pending_store
from .common import staff_only

SHOWN_ERRORS = 50
UNREADABLE = "Il file da confermare non è leggibile: caricarlo di nuovo."


def _failed(request, failure: ImportFailed) -> list:
    bad_rows = len({e.line for e in failure.errors if e.line})
    messages.error(
        request,
        f"Il file contiene {bad_rows} righe con errori: non è stato importato nulla."
        if bad_rows
        else "Il file non è stato importato.",
    )
    return failure.errors[:SHOWN_ERRORS]


def _template(name: str, content: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _opened(request, purpose: str):
    """The stored upload the confirmation names (None, with the Italian reason as a message, when unusable)."""
    confirm = ImportConfirmForm(request.POST)
    if not confirm.is_valid():
        messages.error(request, UNREADABLE)
        return None, None
    try:
        return pending_open(token=confirm.cleaned_data["token"], purpose=purpose, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return None, None


@staff_only
def bank_import(request):
    if request.GET.get("template") == "csv":
        return _template("modello-estratto-conto.csv", bank_template_csv())
    form, errors, preview, confirm = BankImportForm(), [], None, None
    if request.method == "POST" and request.POST.get("step") == "confirm":
        pending, upload = _opened(request, "bank")
        if pending is not None:
            try:
                designation = services.designation_for(pending.options.get("designation_key", ""))
                saved = import_bank_statement(upload=upload, designation=designation, user=request.user, preview=False)
            except ValidationError:
                messages.error(request, UNREADABLE)
            except ImportFailed as failure:
                errors = _failed(request, failure)
            else:
                pending_done(pending)
                messages.success(request, f"Importate {len(saved)} donazioni: emetterne le ricevute.")
                return redirect("fundraising:donation_list")
    elif request.method == "POST":
        form = BankImportForm(request.POST, request.FILES)
        if form.is_valid():
            upload, key = form.cleaned_data["file"], form.cleaned_data["designation_key"]
            try:
                designation = services.designation_for(key)
                preview = import_bank_statement(upload=upload, designation=designation, user=request.user, preview=True)
                token = pending_store(
                    upload=upload, purpose="bank", user=request.user, options={"designation_key": key}
                )
            except ImportFailed as failure:
                errors, preview = _failed(request, failure), None
            except ValidationError as error:
                form.add_error(None, error)
                preview = None
            else:
                confirm = ImportConfirmForm(initial={"token": token})
    return render(
        request,
        "fundraising/bank_import.html",
        {"form": form, "errors": errors, "preview": preview, "confirm": confirm},
    )


@staff_only
def donor_import(request):
    """A donor list: each row is shown as a new donor or as the donor it matches (fiscal code or e-mail), which is
    not created again; confirming creates the new ones, all or none."""
    if request.GET.get("template") == "csv":
        return _template("modello-donatori.csv", donor_template_csv())
    form, errors, result, confirm = DonorImportForm(), [], None, None
    if request.method == "POST" and request.POST.get("step") == "confirm":
        pending, upload = _opened(request, "donors")
        if pending is not None:
            try:
                result = import_donor_list(upload=upload, user=request.user, preview=False)
            except ImportFailed as failure:
                errors, result = _failed(request, failure), None
            else:
                pending_done(pending)
                messages.success(
                    request,
                    f"Importati {len(result.created)} nuovi donatori; {len(result.matched)} righe corrispondevano a "
                    "donatori già presenti e non sono stati creati di nuovo.",
                )
                return redirect("fundraising:donor_list")
    elif request.method == "POST":
        form = DonorImportForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                result = import_donor_list(upload=form.cleaned_data["file"], user=request.user, preview=True)
                token = pending_store(upload=form.cleaned_data["file"], purpose="donors", user=request.user)
            except ImportFailed as failure:
                errors, result = _failed(request, failure), None
            except ValidationError as error:
                form.add_error(None, error)
                result = None
            else:
                confirm = ImportConfirmForm(initial={"token": token})
    return render(
        request,
        "fundraising/donor_import.html",
        {"form": form, "errors": errors, "result": result, "confirm": confirm},
    )
