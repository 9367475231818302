"""Budget screens: plans and lines, the expense ledger, imports, and the planned-vs-actual report.

Scope first (`visible_to(user)` + get_object_or_404: out of scope → 404), then the role (`permissions`: → 403).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from ..audit import ConcurrentEditError
from ..models import Expense
from ..money import ZERO
from ..permissions import require
from ..views.common import flash_form_errors, history_of, paginate, serve_document
from . import permissions, services
from .approvals import queue_neighbours
from .charts import bar_chart
from .enums import ExpenseStatus
from .filters import ExpenseFilter
from .forms import (
    ExpenseAttachmentForm,
    ExpenseForm,
    ImportForm,
    LineImportForm,
    ReportFilterForm,
    TransitionForm,
)
from .importers import ImportFailed, import_expenses, import_lines, template_columns, template_csv, template_xlsx
from .renderers import render_csv, render_report_pdf, render_xlsx
from .reports import Breakdown, Figures, Row, budget_report

# --- Report ------------------------------------------------------------------------------------------------------


@login_required
def budget_report_view(request):
    require(permissions.can_read_budget(request.user))
    form = ReportFilterForm(request.GET or None, user=request.user)
    report = budget_report(user=request.user, filters=form.filters())
    by_key = {b.key: b for b in report.breakdowns}
    charts = [
        bar_chart(_by_action(by_key["action_year"]), title="Per azione"),
        bar_chart(by_key["funding_source"]),
    ]
    fmt = request.GET.get("format", "html")
    if fmt == "pdf":
        return render_report_pdf(request=request, report=report, charts=charts)
    if fmt == "xlsx":
        return render_xlsx(report)
    if fmt == "csv":
        return render_csv(report)
    query = request.GET.copy()
    query.pop("format", None)
    return render(
        request,
        "governance/budget/report.html",
        {"form": form, "report": report, "charts": charts, "query": query.urlencode()},
    )


def _by_action(breakdown):
    """The action × year breakdown summed by action, for the chart."""
    totals: dict[str, Figures] = {}
    for row in breakdown.rows:
        totals.setdefault(row.labels[0], Figures()).add(row.figures)
    return Breakdown(
        key="action", title="Per azione", columns=("Azione",), rows=[Row((k,), v) for k, v in totals.items()]
    )


# --- Expenses ----------------------------------------------------------------------------------------------------


def _expenses(user):
    return Expense.objects.visible_to(user).select_related(
        "line__plan", "line__action", "line__partner", "line__year", "line__actuals", "submitted_by", "decided_by"
    )


@login_required
def expense_list(request):
    require(permissions.can_read_budget(request.user))
    filterset = ExpenseFilter(request.GET, queryset=_expenses(request.user), user=request.user)
    queryset = filterset.qs
    if not filterset.form.cleaned_data.get("order"):
        queryset = queryset.order_by("-date", "-pk")
    return render(
        request,
        "governance/budget/expense_list.html",
        {
            "filter": filterset,
            "page": paginate(request, queryset),
            "can_enter": permissions.can_enter_expenses(request.user),
            "can_manage": permissions.can_manage_budget(request.user),
        },
    )


@login_required
def expense_detail(request, pk):
    expense = get_object_or_404(_expenses(request.user).prefetch_related("attachments"), pk=pk)
    transitions = [
        {
            "status": status,
            "label": TRANSITION_LABELS[status],
            "needs_reason": status == ExpenseStatus.REJECTED,
            "blocked": expense.missing_document_for(status),
        }
        for status in (ExpenseStatus.SUBMITTED, ExpenseStatus.APPROVED, ExpenseStatus.REJECTED, ExpenseStatus.DRAFT)
        if services.can_transition(request.user, expense, status)
    ]
    can_attach = permissions.can_attach_to(request.user, expense)
    remaining = expense.line.planned_amount - _approved_on(expense.line)
    in_queue = expense.status == ExpenseStatus.SUBMITTED and permissions.can_approve_expenses(request.user)
    previous, following = queue_neighbours(user=request.user, expense=expense) if in_queue else (None, None)
    return render(
        request,
        "governance/budget/expense_detail.html",
        {
            "expense": expense,
            "transitions": transitions,
            "can_edit": expense.is_editable and permissions.can_enter_expense_on(request.user, expense.line),
            "attachment_form": ExpenseAttachmentForm() if can_attach else None,
            "history": history_of(expense),
            "in_queue": in_queue,
            "line_remaining": remaining,
            "remaining_after": remaining - expense.gross_amount,
            "queue_previous": previous,
            "queue_next": following,
        },
    )


def _approved_on(line):
    return line.actuals.approved if hasattr(line, "actuals") else ZERO


TRANSITION_LABELS = {
    ExpenseStatus.SUBMITTED: "Presenta all'amministrazione",
    ExpenseStatus.APPROVED: "Approva",
    ExpenseStatus.REJECTED: "Respingi",
    ExpenseStatus.DRAFT: "Riporta in bozza per correggerla",
}


def _all_years(request) -> bool:
    """The line choice lists the open project years unless the user asks for every year (?anni=tutti)."""
    return request.GET.get("anni") == "tutti"


@login_required
def expense_create(request):
    require(permissions.can_enter_expenses(request.user))
    initial = {"line": request.GET.get("line")} if request.GET.get("line") else None
    form = ExpenseForm(request.POST or None, user=request.user, initial=initial, all_years=_all_years(request))
    if request.method == "POST":
        if form.is_valid():
            expense = services.expense_create(form=form, user=request.user)
            messages.success(request, "Spesa salvata in bozza: allegare il documento di spesa e presentarla.")
            return redirect(expense)
        messages.error(request, "Controllare i campi evidenziati: nulla è stato salvato.")
    return render(request, "governance/budget/expense_form.html", {"form": form, "expense": None})


@login_required
def expense_edit(request, pk):
    expense = get_object_or_404(_expenses(request.user), pk=pk)
    require(permissions.can_enter_expense_on(request.user, expense.line) and expense.is_editable)
    form = ExpenseForm(request.POST or None, instance=expense, user=request.user, all_years=_all_years(request))
    if request.method == "POST":
        if form.is_valid():
            try:
                services.expense_update(form=form, user=request.user, expected_version=form.cleaned_data["version"])
            except ConcurrentEditError as error:
                messages.error(request, str(error))
            else:
                messages.success(request, "Spesa aggiornata.")
                return redirect(expense)
        else:
            messages.error(request, "Controllare i campi evidenziati: nulla è stato salvato.")
    return render(request, "governance/budget/expense_form.html", {"form": form, "expense": expense})


@login_required
@require_POST
def expense_transition(request, pk):
    expense = get_object_or_404(_expenses(request.user), pk=pk)
    form = TransitionForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Operazione non valida.")
        return redirect(expense)
    status = form.cleaned_data["status"]
    if status not in TRANSITION_LABELS:
        require(False)
    try:
        services.expense_transition(
            expense=expense,
            status=status,
            user=request.user,
            reason=form.cleaned_data["reason"],
            expected_version=form.cleaned_data["version"],
        )
    except (ValidationError, ConcurrentEditError) as error:
        for message in getattr(error, "messages", [str(error)]):
            messages.error(request, message)
    else:
        messages.success(request, f"Spesa: {ExpenseStatus(status).label.lower()}.")
    return redirect(expense)


@login_required
@require_POST
def expense_attachment_upload(request, pk):
    expense = get_object_or_404(_expenses(request.user), pk=pk)
    require(permissions.can_attach_to(request.user, expense))
    form = ExpenseAttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        services.expense_attachment_add(form=form, expense=expense, user=request.user)
        messages.success(request, "Documento allegato.")
    else:
        flash_form_errors(request, form, prefix="Documento non allegato")
    return redirect(expense)


@login_required
def expense_attachment_download(request, pk, attachment_pk):
    expense = get_object_or_404(_expenses(request.user), pk=pk)
    attachment = get_object_or_404(expense.attachments, pk=attachment_pk)
    return serve_document(attachment.file, filename=attachment.filename)


# --- Imports -----------------------------------------------------------------------------------------------------

SHOWN_IMPORT_ERRORS = 200
IMPORT_TITLES = {"lines": "Importa le righe del piano", "expenses": "Importa le spese"}


def _import_failure_summary(errors) -> str:
    if any(e.message.startswith("Intestazione non valida") for e in errors):
        return "Il file non è stato importato: le intestazioni delle colonne non sono quelle del modello."
    bad_rows = len({e.line for e in errors if e.line})
    if not bad_rows:
        return "Il file non è stato importato."
    rows = "una riga" if bad_rows == 1 else f"{bad_rows} righe"
    return f"Il file contiene {rows} con errori: non è stato importato nulla."


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
            messages.error(request, _import_failure_summary(failure.errors))
        else:
            messages.success(request, f"Importate {count} righe.")
            return redirect("governance:expense_list" if kind == "expenses" else "governance:budget_plan_list")
    return render(
        request,
        "governance/budget/import.html",
        {
            "form": form,
            "kind": kind,
            "title": IMPORT_TITLES[kind],
            "errors": errors,
            "more_errors": more_errors,
            "columns": template_columns(kind),
        },
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
