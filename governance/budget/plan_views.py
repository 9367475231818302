"""Plan versions and their lines, managed by Staff Amministrazione in the application (not in the admin)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from ..models import BudgetLine, BudgetPlan
from ..permissions import require
from ..views.common import history_of, paginate
from . import permissions, services
from .filters import BudgetLineFilter
from .forms import (
    BudgetLineForm,
    BudgetPlanForm,
)
from .reports import line_figures, plan_reconciliation


@login_required
def plan_list(request):
    require(permissions.can_read_budget(request.user))
    visible = BudgetLine.objects.visible_to(request.user)
    plans = BudgetPlan.objects.annotate(line_count=Count("lines", filter=Q(lines__in=visible.values("pk")))).order_by(
        "-date"
    )
    return render(
        request,
        "governance/budget/plan_list.html",
        {"plans": plans, "can_manage": permissions.can_manage_budget(request.user)},
    )


@login_required
def plan_detail(request, pk):
    require(permissions.can_read_budget(request.user))
    plan = get_object_or_404(BudgetPlan, pk=pk)
    visible = BudgetLine.objects.visible_to(request.user).filter(plan=plan)
    complete = visible.count() == plan.lines.count()
    filterset = BudgetLineFilter(request.GET, queryset=visible, user=request.user)
    page = paginate(request, filterset.qs.select_related("action", "partner", "year"), per_page=50)
    figures = {r["pk"]: r["figures"] for r in line_figures(visible.filter(pk__in=[ln.pk for ln in page]))}
    for line in page:
        line.figures = figures[line.pk]
    return render(
        request,
        "governance/budget/plan_detail.html",
        {
            "plan": plan,
            "filter": filterset,
            "page": page,
            # The declared totals can be checked only by who sees every line of the plan.
            "reconciliation": plan_reconciliation(plan) if complete else None,
            "can_manage": permissions.can_manage_budget(request.user),
            "history": history_of(plan),
        },
    )


@login_required
@require_POST
def plan_activate(request, pk):
    plan = get_object_or_404(BudgetPlan, pk=pk)
    require(permissions.can_manage_budget(request.user))
    services.budget_plan_activate(plan=plan, user=request.user)
    messages.success(request, f"«{plan.name}» è ora il piano attivo.")
    return redirect(plan)


def _save_or_errors(request, form, save):
    """Run `save()` (a service) on a valid form; a rule it refuses becomes a form error, nothing is saved."""
    if not form.is_valid():
        messages.error(request, "Controllare i campi evidenziati: nulla è stato salvato.")
        return None
    try:
        return save()
    except ValidationError as error:
        for message in error.messages:
            form.add_error(None, message)
        messages.error(request, "Nulla è stato salvato.")
        return None


@login_required
def plan_create(request):
    require(permissions.can_manage_budget(request.user))
    form = BudgetPlanForm(request.POST or None)
    if request.method == "POST":
        plan = _save_or_errors(request, form, lambda: services.budget_plan_save(form=form, user=request.user))
        if plan is not None:
            messages.success(request, f"Piano «{plan.name}» creato: aggiungere o importare le sue righe.")
            return redirect(plan)
    return render(request, "governance/budget/plan_form.html", {"form": form, "plan": None, "title": "Nuovo piano"})


@login_required
def plan_edit(request, pk):
    plan = get_object_or_404(BudgetPlan, pk=pk)
    require(permissions.can_manage_budget(request.user))
    form = BudgetPlanForm(request.POST or None, instance=plan)
    if request.method == "POST":
        saved = _save_or_errors(request, form, lambda: services.budget_plan_save(form=form, user=request.user))
        if saved is not None:
            messages.success(request, "Piano aggiornato.")
            return redirect(saved)
    return render(
        request, "governance/budget/plan_form.html", {"form": form, "plan": plan, "title": "Modifica il piano"}
    )


@login_required
def line_create(request, pk):
    plan = get_object_or_404(BudgetPlan, pk=pk)
    require(permissions.can_manage_budget(request.user))
    form = BudgetLineForm(request.POST or None, plan=plan)
    if request.method == "POST":
        line = _save_or_errors(request, form, lambda: services.budget_line_save(form=form, user=request.user))
        if line is not None:
            messages.success(request, "Riga di budget aggiunta.")
            return redirect(line)
    return render(
        request,
        "governance/budget/line_form.html",
        {"form": form, "plan": plan, "line": None, "title": "Nuova riga di budget"},
    )


@login_required
def line_edit(request, pk):
    line = get_object_or_404(
        BudgetLine.objects.visible_to(request.user).select_related("plan", "action", "partner", "year"), pk=pk
    )
    require(permissions.can_manage_budget(request.user))
    form = BudgetLineForm(request.POST or None, instance=line, plan=line.plan)
    if request.method == "POST":
        saved = _save_or_errors(request, form, lambda: services.budget_line_save(form=form, user=request.user))
        if saved is not None:
            messages.success(request, "Riga di budget aggiornata.")
            return redirect(saved)
    return render(
        request,
        "governance/budget/line_form.html",
        {"form": form, "plan": line.plan, "line": line, "title": "Modifica la riga di budget"},
    )


@login_required
def line_detail(request, pk):
    line = get_object_or_404(
        BudgetLine.objects.visible_to(request.user).select_related("plan", "action", "partner", "year"), pk=pk
    )
    figures = line_figures(BudgetLine.objects.visible_to(request.user).filter(pk=line.pk))[0]["figures"]
    expenses = paginate(request, line.expenses.order_by("-date", "-pk"))
    return render(
        request,
        "governance/budget/line_detail.html",
        {
            "line": line,
            "figures": figures,
            "page": expenses,
            "can_enter": line.plan.is_active and permissions.can_enter_expense_on(request.user, line),
            "can_manage": permissions.can_manage_budget(request.user),
            "history": history_of(line),
        },
    )


# --- Expenses ----------------------------------------------------------------------------------------------------
