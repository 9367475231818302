"""The annual restitution event of the labs (one per project year, across the territories)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render

from governance.audit import ConcurrentEditError
from governance.permissions import require
from governance.views.common import history_of

from . import permissions, services
from .forms import (
    RestitutionForm,
)
from .models import Laboratorio, RestitutionEvent
from .views import INVALID, _add_errors

# --- The annual restitution event -------------------------------------------------------------------------------


@login_required
def restitution_list(request):
    events = RestitutionEvent.objects.visible_to(request.user).select_related("project_year")
    return render(
        request,
        "laboratori/restitution_list.html",
        {"events": events, "can_write": permissions.can_write_restitution(request.user)},
    )


@login_required
def restitution_detail(request, pk):
    event = get_object_or_404(RestitutionEvent.objects.visible_to(request.user).select_related("project_year"), pk=pk)
    labs = (
        Laboratorio.objects.visible_to(request.user).filter(pk__in=event.labs.values("pk")).select_related("district")
    )
    return render(
        request,
        "laboratori/restitution_detail.html",
        {
            "event": event,
            "labs": labs,
            "can_write": permissions.can_write_restitution(request.user),
            "history": history_of(event),
        },
    )


def _restitution_form(request, *, event: RestitutionEvent):
    require(permissions.can_write_restitution(request.user))
    form = RestitutionForm(request.POST or None, instance=event, user=request.user)
    if request.method == "POST":
        if form.is_valid():
            try:
                saved = services.restitution_save(
                    event=form.instance,
                    labs=form.cleaned_data["labs"],
                    user=request.user,
                    expected_version=form.cleaned_data.get("version"),
                )
            except ConcurrentEditError as error:
                messages.error(request, str(error))
            except ValidationError as error:
                _add_errors(form, error)
                messages.error(request, INVALID)
            else:
                messages.success(request, "Evento di restituzione salvato.")
                return redirect(saved)
        else:
            messages.error(request, INVALID)
    return render(request, "laboratori/restitution_form.html", {"form": form, "event": event})


@login_required
def restitution_create(request):
    return _restitution_form(request, event=RestitutionEvent())


@login_required
def restitution_edit(request, pk):
    event = get_object_or_404(RestitutionEvent.objects.visible_to(request.user), pk=pk)
    return _restitution_form(request, event=event)
