"""Import of gifts from a bank statement: upload → review of every row and its matched donor → confirm."""

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
from ..forms import BankConfirmForm, BankImportForm
from ..importers import ImportFailed, bank_template_csv, import_bank_statement
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
