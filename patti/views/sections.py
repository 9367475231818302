"""One shared list/detail/create/edit for the smaller records of Action 1: empowerment paths, host organisations,
placements, calls for business ideas and business ideas. Each `Section` says what differs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import models
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from governance.permissions import require
from governance.views.common import history_of, paginate

from .. import filters, forms, permissions, services
from ..enums import IDEA_TRANSITIONS
from ..models import BusinessIdea, EmpowermentPath, HostOrganisation, IdeaCall, Patto, Placement


@dataclass
class Section:
    key: str
    model: type[models.Model]
    form_class: type
    filterset_class: type
    plural: str
    singular: str
    columns: list[tuple[str, Callable]]
    detail_fields: list[str]
    can_create: Callable
    can_edit: Callable
    select_related: tuple = ()
    prefetch_related: tuple = ()
    related_template: str = ""
    order_by: tuple = ("-pk",)

    def queryset(self, user):
        qs = self.model.objects.visible_to(user).select_related(*self.select_related)
        return qs.prefetch_related(*self.prefetch_related) if self.prefetch_related else qs

    def url(self, action: str, *args) -> str:
        return reverse(f"patti:{self.key}_{action}", args=args or None)


SECTIONS = {
    "path": Section(
        key="path",
        model=EmpowermentPath,
        form_class=forms.EmpowermentPathForm,
        filterset_class=filters.EmpowermentPathFilter,
        plural="Percorsi di empowerment",
        singular="Percorso di empowerment",
        columns=[
            ("Ambito", lambda o: o.district.name),
            ("Inizio", lambda o: o.start_on),
            ("Fine", lambda o: o.end_on),
            ("Facilitatore", lambda o: o.facilitator),
        ],
        detail_fields=["district", "start_on", "end_on", "facilitator", "patti", "notes"],
        can_create=permissions.can_create,
        can_edit=permissions.can_write_record,
        select_related=("district",),
        prefetch_related=("patti__household",),
        order_by=("-start_on", "name"),
    ),
    "host": Section(
        key="host",
        model=HostOrganisation,
        form_class=forms.HostOrganisationForm,
        filterset_class=filters.HostOrganisationFilter,
        plural="Aziende in salute",
        singular="Azienda in salute",
        columns=[
            ("Tipologia", lambda o: o.get_kind_display()),
            ("Ambito", lambda o: o.district.name if o.district_id else "Provinciale"),
            ("Settore", lambda o: o.sector),
        ],
        detail_fields=["kind", "organisation", "district", "sector", "address", "contact", "notes"],
        can_create=permissions.can_create,
        can_edit=permissions.can_write_record,
        select_related=("district", "organisation"),
        related_template="patti/_host_placements.html",
        order_by=("name",),
    ),
    "placement": Section(
        key="placement",
        model=Placement,
        form_class=forms.PlacementForm,
        filterset_class=filters.PlacementFilter,
        plural="Inserimenti",
        singular="Inserimento",
        columns=[
            ("Ambito", lambda o: o.patto.district.name),
            ("Inizio", lambda o: o.start_on),
            ("Esito", lambda o: o.get_outcome_display()),
        ],
        detail_fields=[
            "patto",
            "host",
            "start_on",
            "end_on",
            "learning_objectives",
            "learning_conditions",
            "outcome",
            "notes",
        ],
        can_create=permissions.can_create,
        can_edit=permissions.can_write_record,
        select_related=("patto__household", "patto__district", "host"),
        order_by=("-start_on", "pk"),
    ),
    "call": Section(
        key="call",
        model=IdeaCall,
        form_class=forms.IdeaCallForm,
        filterset_class=filters.IdeaCallFilter,
        plural="Bandi per idee d'impresa",
        singular="Bando per idee d'impresa",
        columns=[
            ("Anno", lambda o: o.project_year),
            ("Apertura", lambda o: o.opens_on),
            ("Chiusura", lambda o: o.closes_on),
            ("Dotazione", lambda o: o.budget),
        ],
        detail_fields=["project_year", "opens_on", "closes_on", "budget", "contributors", "notes"],
        can_create=permissions.can_manage_calls,
        can_edit=permissions.can_write_record,
        select_related=("project_year",),
        prefetch_related=("contributors",),
        related_template="patti/_call_ideas.html",
        order_by=("project_year__number",),
    ),
    "idea": Section(
        key="idea",
        model=BusinessIdea,
        form_class=forms.BusinessIdeaForm,
        filterset_class=filters.BusinessIdeaFilter,
        plural="Idee d'impresa",
        singular="Idea d'impresa",
        columns=[
            ("Bando", lambda o: o.call.project_year),
            ("Settore", lambda o: o.get_sector_display()),
            ("Stato", lambda o: o.get_status_display()),
            ("Ambito", lambda o: o.district.name if o.district_id else "Provinciale"),
        ],
        detail_fields=[
            "call",
            "proponents",
            "district",
            "patti",
            "sector",
            "status",
            "credit_obtained",
            "mentor",
            "notes",
        ],
        can_create=permissions.can_create_idea,
        can_edit=permissions.can_edit_idea,
        select_related=("call__project_year", "district"),
        prefetch_related=("patti__household",),
        related_template="patti/_idea_status.html",
        order_by=("call__project_year__number", "title"),
    ),
}


def _display(obj, name: str, user):
    model_field = obj._meta.get_field(name)
    if model_field.many_to_many:
        items = list(getattr(obj, name).all())
        if model_field.related_model is Patto:
            # Only the linked pacts the user may read: a provincial record links pacts of several districts.
            readable = permissions.readable_district_ids(user)
            items = [p for p in items if readable is None or p.district_id in readable]
        return ", ".join(str(item) for item in items) or "—"
    if model_field.choices:
        return getattr(obj, f"get_{name}_display")()
    return getattr(obj, name)


@login_required
def section_list(request, section: Section):
    filterset = section.filterset_class(request.GET, queryset=section.queryset(request.user), user=request.user)
    page = paginate(request, filterset.qs.order_by(*section.order_by))
    rows = [{"obj": obj, "cells": [value(obj) for _, value in section.columns]} for obj in page]
    return render(
        request,
        "patti/section_list.html",
        {
            "section": section,
            "filter": filterset,
            "page": page,
            "rows": rows,
            "can_create": section.can_create(request.user),
        },
    )


@login_required
def section_detail(request, pk, section: Section):
    obj = get_object_or_404(section.queryset(request.user), pk=pk)
    can_edit = section.can_edit(request.user, obj)
    context = {
        "section": section,
        "obj": obj,
        "rows": [(obj._meta.get_field(n).verbose_name, _display(obj, n, request.user)) for n in section.detail_fields],
        "can_edit": can_edit,
        "history": history_of(obj),
    }
    if isinstance(obj, BusinessIdea) and can_edit:
        context["transition_form"] = forms.IdeaTransitionForm(idea=obj) if IDEA_TRANSITIONS[obj.status] else None
    if isinstance(obj, HostOrganisation):
        context["placements"] = (
            Placement.objects.visible_to(request.user).filter(host=obj).select_related("patto__household")
        )
    if isinstance(obj, IdeaCall):
        context["ideas"] = BusinessIdea.objects.visible_to(request.user).filter(call=obj).select_related("district")
    return render(request, "patti/section_detail.html", context)


def _section_form(request, section: Section, obj):
    form = section.form_class(request.POST or None, instance=obj, user=request.user)
    if request.method == "POST":
        if form.is_valid():
            instance = services.record_save(form=form, user=request.user)
            messages.success(request, f"{section.singular} salvato.")
            return redirect(instance)
        messages.error(request, "Controllare i campi evidenziati: nulla è stato salvato.")
    return render(request, "patti/section_form.html", {"section": section, "form": form, "obj": obj})


@login_required
def section_create(request, section: Section):
    require(section.can_create(request.user))
    return _section_form(request, section, section.model())


@login_required
def section_edit(request, pk, section: Section):
    obj = get_object_or_404(section.queryset(request.user), pk=pk)
    require(section.can_edit(request.user, obj))
    return _section_form(request, section, obj)


@login_required
@require_POST
def idea_transition(request, pk):
    section = SECTIONS["idea"]
    idea = get_object_or_404(section.queryset(request.user), pk=pk)
    require(section.can_edit(request.user, idea))
    form = forms.IdeaTransitionForm(request.POST, idea=idea)
    if not form.is_valid():
        messages.error(request, "Cambio di stato non valido: scegliere uno degli stati proposti.")
        return redirect(idea)
    try:
        idea = services.idea_transition(idea=idea, to_status=form.cleaned_data["to_status"], user=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, f"L'idea è ora «{idea.get_status_display()}».")
    return redirect(idea)
