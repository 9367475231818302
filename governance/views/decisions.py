"""Decisions: their own page (with history) and "mark done" from the list (who may manage the body's meetings)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from ..enums import DecisionStatus
from ..models import Decision
from ..permissions import can_manage_meetings_of, require
from ..reference import reference_date
from ..services import decision_complete as decision_complete_service
from .common import history_of


def _visible(user):
    return Decision.objects.visible_to(user).select_related(
        "meeting__body", "owner_organisation", "owner_user", "owner_member"
    )


@login_required
def decision_detail(request, pk):
    decision = get_object_or_404(_visible(request.user), pk=pk)
    manages = can_manage_meetings_of(request.user, decision.meeting.body)
    return render(
        request,
        "governance/decision_detail.html",
        {
            "decision": decision,
            "reference": reference_date(request),
            "can_complete": decision.status == DecisionStatus.OPEN and manages,
            "history": history_of(decision),
        },
    )


@login_required
@require_POST
def decision_complete(request, pk):
    decision = get_object_or_404(_visible(request.user), pk=pk)
    require(can_manage_meetings_of(request.user, decision.meeting.body))
    try:
        decision_complete_service(decision=decision, user=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, "Decisione segnata come completata.")
    if request.POST.get("back") == "detail":
        return redirect(decision)
    return redirect("governance:decision_list")
