"""The expense ledger: list, detail with history, entry, edits, transitions and documents."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from ...audit import ConcurrentEditError
from ...models import Expense
from ...permissions import require
from ...views.common import flash_form_errors, history_of, paginate, serve_document
from .. import permissions, services
from ..enums import ExpenseStatus
from ..filters import ExpenseFilter
from ..forms import (
    ExpenseAttachmentForm,
    ExpenseForm,
    TransitionForm,
)


def _expenses(user):
    return Expense.objects.visible_to(user).select_related(
        "line__plan", "line__action", "line__partner", "line__year", "submitted_by", "decided_by"
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
        {"status": status, "label": TRANSITION_LABELS[status], "needs_reason": status == ExpenseStatus.REJECTED}
        for status in (ExpenseStatus.SUBMITTED, ExpenseStatus.APPROVED, ExpenseStatus.REJECTED, ExpenseStatus.DRAFT)
        if services.can_transition(request.user, expense, status)
    ]
    can_attach = permissions.can_attach_to(request.user, expense)
    return render(
        request,
        "governance/budget/expense_detail.html",
        {
            "expense": expense,
            "transitions": transitions,
            "can_edit": expense.is_editable and permissions.can_enter_expense_on(request.user, expense.line),
            "attachment_form": ExpenseAttachmentForm() if can_attach else None,
            "history": history_of(expense),
        },
    )


TRANSITION_LABELS = {
    ExpenseStatus.SUBMITTED: "Presenta all'amministrazione",
    ExpenseStatus.APPROVED: "Approva",
    ExpenseStatus.REJECTED: "Respingi",
    ExpenseStatus.DRAFT: "Riporta in bozza per correggerla",
}


@login_required
def expense_create(request):
    require(permissions.can_enter_expenses(request.user))
    initial = {"line": request.GET.get("line")} if request.GET.get("line") else None
    form = ExpenseForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST":
        if form.is_valid():
            expense = services.expense_create(form=form, user=request.user)
            messages.success(request, "Spesa salvata in bozza: allegare i documenti e presentarla.")
            return redirect(expense)
        messages.error(request, "Controllare i campi evidenziati: nulla è stato salvato.")
    return render(request, "governance/budget/expense_form.html", {"form": form, "expense": None})


@login_required
def expense_edit(request, pk):
    expense = get_object_or_404(_expenses(request.user), pk=pk)
    require(permissions.can_enter_expense_on(request.user, expense.line) and expense.is_editable)
    form = ExpenseForm(request.POST or None, instance=expense, user=request.user)
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
