"""Imports (bank statement, donor list): upload → review of every row and its matched donor → confirm."""

from __future__ import annotations

import base64
import binascii

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import HttpResponse
from django.shortcuts import redirect, render

from governance.imports import MAX_IMPORT_BYTES

from .. import services
from ..forms import BankConfirmForm, BankImportForm, DonorImportForm
from ..importers import (
    ImportFailed,
    bank_template_csv,
    donor_template_csv,
    import_bank_statement,
    import_donor_list,
)
from .common import staff_only

SHOWN_ERRORS = 50


def _failed(request, failure: ImportFailed) -> list:
    bad_rows = len({e.line for e in failure.errors if e.line})
    messages.error(
        request,
        f"Il file contiene {bad_rows} righe con errori: non è stato importato nulla."
        if bad_rows
        else "Il file non è stato importato.",
    )
    return failure.errors[:SHOWN_ERRORS]


@staff_only
def bank_import(request):
    if request.GET.get("template") == "csv":
        response = HttpResponse(bank_template_csv(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="modello-estratto-conto.csv"'
        return response
    form, errors, preview, confirm = BankImportForm(), [], None, None
    if request.method == "POST" and request.POST.get("step") == "confirm":
        confirm = BankConfirmForm(request.POST)
        if confirm.is_valid():
            try:
                raw = base64.b64decode(confirm.cleaned_data["payload"], validate=True)
                if len(raw) > MAX_IMPORT_BYTES:
                    raise ValueError
                designation = services.designation_for(confirm.cleaned_data["designation_key"])
                upload = SimpleUploadedFile(confirm.cleaned_data["name"], raw)
                saved = import_bank_statement(upload=upload, designation=designation, user=request.user, preview=False)
            except (binascii.Error, ValueError, ValidationError):
                messages.error(request, "Il file da confermare non è leggibile: caricarlo di nuovo.")
            except ImportFailed as failure:
                errors = _failed(request, failure)
            else:
                messages.success(request, f"Importate {len(saved)} donazioni: emetterne le ricevute.")
                return redirect("fundraising:donation_list")
        else:
            messages.error(request, "Il file da confermare non è leggibile: caricarlo di nuovo.")
        confirm = None
    elif request.method == "POST":
        form = BankImportForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            designation = services.designation_for(form.cleaned_data["designation_key"])
            try:
                preview = import_bank_statement(upload=upload, designation=designation, user=request.user, preview=True)
            except ImportFailed as failure:
                errors = _failed(request, failure)
            else:
                upload.seek(0)
                confirm = BankConfirmForm(
                    initial={
                        "payload": base64.b64encode(upload.read()).decode(),
                        "name": upload.name,
                        "designation_key": form.cleaned_data["designation_key"],
                    }
                )
    return render(
        request,
        "fundraising/bank_import.html",
        {"form": form, "errors": errors, "preview": preview, "confirm": confirm},
    )


def _carried(upload, **extra) -> BankConfirmForm:
    """The confirmation form carrying the checked file to the second step."""
    upload.seek(0)
    return BankConfirmForm(initial={"payload": base64.b64encode(upload.read()).decode(), "name": upload.name, **extra})


def _uploaded_again(confirm: BankConfirmForm) -> SimpleUploadedFile:
    raw = base64.b64decode(confirm.cleaned_data["payload"], validate=True)
    if len(raw) > MAX_IMPORT_BYTES:
        raise ValueError("too large")
    return SimpleUploadedFile(confirm.cleaned_data["name"], raw)


@staff_only
def donor_import(request):
    """A donor list: each row is shown as a new donor or as the donor it matches (fiscal code or e-mail), which is
    not created again; confirming creates the new ones, all or none."""
    if request.GET.get("template") == "csv":
        response = HttpResponse(donor_template_csv(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="modello-donatori.csv"'
        return response
    form, errors, result, confirm = DonorImportForm(), [], None, None
    if request.method == "POST" and request.POST.get("step") == "confirm":
        posted = BankConfirmForm({**request.POST.dict(), "designation_key": "-"})
        try:
            if not posted.is_valid():
                raise ValueError("incomplete")
            result = import_donor_list(upload=_uploaded_again(posted), user=request.user, preview=False)
        except (binascii.Error, ValueError):
            messages.error(request, "Il file da confermare non è leggibile: caricarlo di nuovo.")
            result = None
        except ImportFailed as failure:
            errors, result = _failed(request, failure), None
        else:
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
            except ImportFailed as failure:
                errors = _failed(request, failure)
            else:
                confirm = _carried(form.cleaned_data["file"], designation_key="-")
    return render(
        request,
        "fundraising/donor_import.html",
        {"form": form, "errors": errors, "result": result, "confirm": confirm},
    )
