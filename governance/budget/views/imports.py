"""Imports of plan lines and expenses (governance.imports pipeline) and their downloadable templates."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render

from ...permissions import require
from .. import permissions
from ..forms import (
    ImportForm,
    LineImportForm,
)
from ..importers import ImportFailed, import_expenses, import_lines, template_csv, template_xlsx

SHOWN_IMPORT_ERRORS = 200
IMPORT_TITLES = {"lines": "Importa le righe del piano", "expenses": "Importa le spese"}


@login_required
def budget_import(request, kind):
    require(permissions.can_manage_budget(request.user))
    form_class = LineImportForm if kind == "lines" else ImportForm
    form = form_class(request.POST or None, request.FILES or None)
    errors, more_errors = [], 0
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            if kind == "lines":
                count = import_lines(upload=upload, plan=form.cleaned_data["plan"], user=request.user)
            else:
                count = import_expenses(upload=upload, user=request.user)
        except ImportFailed as failure:
            errors = failure.errors[:SHOWN_IMPORT_ERRORS]
            more_errors = len(failure.errors) - len(errors)
            bad_rows = len({e.line for e in failure.errors if e.line})
            messages.error(
                request,
                f"Il file contiene {bad_rows} righe con errori: non è stato importato nulla."
                if bad_rows
                else "Il file non è stato importato.",
            )
        else:
            messages.success(request, f"Importate {count} righe.")
            return redirect("governance:expense_list" if kind == "expenses" else "governance:budget_plan_list")
    return render(
        request,
        "governance/budget/import.html",
        {"form": form, "kind": kind, "title": IMPORT_TITLES[kind], "errors": errors, "more_errors": more_errors},
    )


@login_required
def budget_import_template(request, kind, fmt):
    require(permissions.can_manage_budget(request.user))
    if fmt == "csv":
        response = HttpResponse(template_csv(kind), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(
            template_xlsx(kind), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
    name = "modello-righe-budget" if kind == "lines" else "modello-spese"
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response
