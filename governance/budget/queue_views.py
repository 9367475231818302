"""The "da approvare" queue of Staff Amministrazione: submitted expenses with their line's remaining budget, and
the approval of several selected expenses at once (each through the service; see `approvals`)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from ..models import Expense
from ..permissions import require
from ..validators import as_id
from ..views.common import paginate
from . import approvals, permissions
from .filters import ApprovalQueueFilter

MAX_SELECTED = 200  # more than a page of the queue; a bigger POST is cut here, never processed unbounded


@login_required
def expense_queue(request):
    require(permissions.can_approve_expenses(request.user))
    filterset = ApprovalQueueFilter(request.GET, queryset=approvals.approval_queue(request.user), user=request.user)
    queryset = filterset.qs
    if not filterset.form.cleaned_data.get("order"):
        queryset = queryset.order_by(*approvals.QUEUE_ORDER)
    return render(
        request,
        "governance/budget/expense_queue.html",
        {"filter": filterset, "page": paginate(request, queryset), "query": request.GET.urlencode()},
    )


def _selected_ids(request) -> list[int]:
    ids = []
    for value in request.POST.getlist("expense")[:MAX_SELECTED]:
        pk = as_id(value)
        if pk is not None and pk not in ids:
            ids.append(pk)
    return ids


def _versions(request, ids) -> dict[int, int]:
    """The version of each selected expense as the page showed it (a changed expense is then refused)."""
    versions = {}
    for pk in ids:
        version = as_id(request.POST.get(f"version-{pk}", ""))
        if version is not None:
            versions[pk] = version
    return versions


@login_required
@require_POST
def expense_queue_approve(request):
    require(permissions.can_approve_expenses(request.user))
    back = reverse("governance:expense_queue")
    query = request.POST.get("query", "")
    if query and len(query) < 2000:
        back += "?" + query  # our own page: only the query string travels
    ids = _selected_ids(request)
    if not ids:
        messages.warning(request, "Nessuna spesa selezionata: spuntare le spese da approvare.")
        return redirect(back)
    found = Expense.objects.visible_to(request.user).in_bulk(ids)
    outcomes = approvals.expenses_approve(
        expenses=[found[pk] for pk in ids if pk in found], user=request.user, versions=_versions(request, ids)
    )
    approved = [o for o in outcomes if o.approved]
    if approved:
        messages.success(
            request,
            f"Approvat{'a' if len(approved) == 1 else 'e'} {len(approved)} "
            f"spes{'a' if len(approved) == 1 else 'e'}: " + "; ".join(o.name for o in approved) + ".",
        )
    for outcome in outcomes:
        if not outcome.approved:
            messages.error(request, f"Non approvata la {outcome.name}: {outcome.message}")
    if len(found) < len(ids):
        messages.error(request, f"{len(ids) - len(found)} spese selezionate non esistono o non sono visibili.")
    selected = len(request.POST.getlist("expense"))
    if selected > MAX_SELECTED:
        messages.warning(
            request, f"Selezionate {selected} spese: esaminate solo le prime {MAX_SELECTED}, ripetere per le altre."
        )
    return redirect(back)
