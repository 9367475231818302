"""Views of Action 4: scope first (404), then the role (403), then a selector or a service. Participants' names only
for the writers of the lab and the Direzione; the other readers see counts per category."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Sum
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from governance.audit import ConcurrentEditError
from governance.permissions import require
from governance.selectors import count_per_row
from governance.views.common import history_of, paginate, serve_document

from . import permissions, reports, services
from .filters import ManifestoFilter, SessionFilter, TrainingLabFilter
from .forms import AttendanceForm, ManifestoForm, ParticipantForm, SessionForm, TrainingLabForm
from .models import ManifestoVersion, Participant, Session, TrainingLab

INVALID = "Controllare i campi evidenziati: nulla è stato salvato."


def _labs(user):
    return TrainingLab.objects.visible_to(user).select_related("district")


def _sessions(user):
    return Session.objects.visible_to(user).select_related("lab__district")


def _add_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for name, errors in error.message_dict.items():
            for message in errors:
                form.add_error(name if name in form.fields else None, message)
    else:
        for message in error.messages:
            form.add_error(None, message)


def _save_form(request, *, form, save, success: str, template: str, context: dict, files=False):
    """Validate `form`, call `save(instance, version)` (a service), report its errors on the form."""
    if request.method == "POST":
        if form.is_valid():
            try:
                saved = save(form.save(commit=False), form.cleaned_data.get("version"))
            except ValidationError as error:
                _add_errors(form, error)
            except ConcurrentEditError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, success)
                return redirect(saved)
        messages.error(request, INVALID)
    return render(request, template, {"form": form, **context})


# --- Training labs ---------------------------------------------------------------------------------------------


@login_required
def lab_list(request):
    # Counted per lab in a subquery (only for the page's rows), not by joining sessions × participants and grouping
    # every lab: at 10,000 labs that join made the list slower than the admin's changelist (bench/scale.py).
    queryset = (
        _labs(request.user)
        .annotate(sessions_count=count_per_row(Session, "lab"), participants_count=count_per_row(Participant, "lab"))
        .order_by("-start_on", "pk")
    )
    filterset = TrainingLabFilter(request.GET, queryset=queryset, user=request.user)
    return render(
        request,
        "wellfare_lab/lab_list.html",
        {
            "filter": filterset,
            "page": paginate(request, filterset.qs),
            "can_create": permissions.can_create(request.user),
        },
    )


@login_required
def lab_detail(request, pk):
    lab = get_object_or_404(_labs(request.user), pk=pk)
    sees_names = permissions.sees_names(request.user, lab)
    sessions = lab.sessions.annotate(present=Count("attendances")).order_by("date", "pk")
    context = {
        "lab": lab,
        "can_write": permissions.can_write_lab(request.user, lab),
        "sees_names": sees_names,
        "sessions": sessions,
        "hours": sessions.aggregate(h=Sum("hours"))["h"] or 0,
        "by_category": reports.participants_by_category(lab),
        "history": history_of(lab),
    }
    if sees_names:
        context["participants"] = lab.participants.select_related("organisation").annotate(
            attended=Count("attendances")
        )
    return render(request, "wellfare_lab/lab_detail.html", context)


def _lab_form(request, lab: TrainingLab):
    form = TrainingLabForm(request.POST or None, instance=lab, user=request.user)
    return _save_form(
        request,
        form=form,
        save=lambda obj, version: services.lab_save(lab=obj, user=request.user, expected_version=version),
        success="Laboratorio salvato.",
        template="wellfare_lab/lab_form.html",
        context={"lab": lab},
    )


@login_required
def lab_create(request):
    require(permissions.can_create(request.user))
    return _lab_form(request, TrainingLab())


def _writable_lab(request, pk) -> TrainingLab:
    lab = get_object_or_404(_labs(request.user), pk=pk)
    require(permissions.can_write_lab(request.user, lab))
    return lab


@login_required
def lab_edit(request, pk):
    return _lab_form(request, _writable_lab(request, pk))


# --- Sessions and attendance -----------------------------------------------------------------------------------


@login_required
def session_list(request):
    queryset = _sessions(request.user).annotate(present=Count("attendances")).order_by("date", "pk")
    filterset = SessionFilter(request.GET, queryset=queryset, user=request.user)
    totals = filterset.qs.aggregate(hours=Sum("hours"))
    return render(
        request,
        "wellfare_lab/session_list.html",
        {"filter": filterset, "page": paginate(request, filterset.qs), "total_hours": totals["hours"] or 0},
    )


def _session_form(request, session: Session):
    form = SessionForm(request.POST or None, instance=session)
    return _save_form(
        request,
        form=form,
        save=lambda obj, version: services.session_save(session=obj, user=request.user, expected_version=version),
        success="Incontro salvato.",
        template="wellfare_lab/session_form.html",
        context={"session": session, "lab": session.lab},
    )


@login_required
def session_create(request, pk):
    return _session_form(request, Session(lab=_writable_lab(request, pk)))


@login_required
def session_detail(request, pk):
    session = get_object_or_404(_sessions(request.user), pk=pk)
    lab = session.lab
    sees_names = permissions.sees_names(request.user, lab)
    can_write = permissions.can_write_lab(request.user, lab)
    context = {
        "session": session,
        "lab": lab,
        "can_write": can_write,
        "sees_names": sees_names,
        "present": session.attendances.count(),
        "history": history_of(session),
    }
    if sees_names:
        context["attendees"] = session.attendances.select_related("participant").order_by("participant__full_name")
    if can_write:
        context["attendance_form"] = AttendanceForm(session=session)
    return render(request, "wellfare_lab/session_detail.html", context)


def _writable_session(request, pk) -> Session:
    session = get_object_or_404(_sessions(request.user), pk=pk)
    require(permissions.can_write_lab(request.user, session.lab))
    return session


@login_required
def session_edit(request, pk):
    return _session_form(request, _writable_session(request, pk))


@login_required
@require_POST
def attendance_save(request, pk):
    session = _writable_session(request, pk)
    form = AttendanceForm(request.POST, session=session)
    if not form.is_valid():
        messages.error(request, "Presenze non registrate: scegliere solo tra i partecipanti del laboratorio.")
        return redirect(session)
    try:
        services.attendance_set(
            session=session, participant_ids=[int(v) for v in form.cleaned_data["participants"]], user=request.user
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, "Presenze registrate.")
    return redirect(session)


# --- Participants ----------------------------------------------------------------------------------------------


def _participant_form(request, participant: Participant):
    form = ParticipantForm(request.POST or None, instance=participant, user=request.user)
    lab = participant.lab

    def save(obj, version):
        services.participant_save(participant=obj, user=request.user, expected_version=version)
        return lab

    return _save_form(
        request,
        form=form,
        save=save,
        success="Partecipante salvato.",
        template="wellfare_lab/participant_form.html",
        context={"participant": participant, "lab": lab},
    )


@login_required
def participant_create(request, pk):
    return _participant_form(request, Participant(lab=_writable_lab(request, pk)))


@login_required
def participant_edit(request, pk):
    participant = get_object_or_404(Participant.objects.visible_to(request.user).select_related("lab"), pk=pk)
    require(permissions.can_write_lab(request.user, participant.lab))
    return _participant_form(request, participant)


# --- The Manifesto ---------------------------------------------------------------------------------------------


@login_required
def manifesto_list(request):
    queryset = ManifestoVersion.objects.visible_to(request.user).annotate(sessions_count=Count("sessions"))
    filterset = ManifestoFilter(request.GET, queryset=queryset.order_by("-number"), user=request.user)
    return render(
        request,
        "wellfare_lab/manifesto_list.html",
        {"filter": filterset, "page": paginate(request, filterset.qs),
         "can_create": permissions.can_write_manifesto(request.user)},
    )  # fmt: skip


@login_required
def manifesto_detail(request, pk):
    version = get_object_or_404(ManifestoVersion.objects.visible_to(request.user), pk=pk)
    return render(
        request,
        "wellfare_lab/manifesto_detail.html",
        {
            "version": version,
            "sessions": version.sessions.select_related("lab").order_by("date"),
            "can_write": permissions.can_write_manifesto(request.user),
            "history": history_of(version),
        },
    )


def _manifesto_form(request, version: ManifestoVersion):
    form = ManifestoForm(request.POST or None, request.FILES or None, instance=version, user=request.user)

    def save(obj, expected):
        return services.manifesto_save(
            version=obj, sessions=form.cleaned_data["sessions"], user=request.user, expected_version=expected
        )

    return _save_form(
        request,
        form=form,
        save=save,
        success="Versione del Manifesto salvata.",
        template="wellfare_lab/manifesto_form.html",
        context={"version": version},
    )


@login_required
def manifesto_create(request):
    require(permissions.can_write_manifesto(request.user))
    return _manifesto_form(request, ManifestoVersion())


@login_required
def manifesto_edit(request, pk):
    version = get_object_or_404(ManifestoVersion.objects.visible_to(request.user), pk=pk)
    require(permissions.can_write_manifesto(request.user))
    return _manifesto_form(request, version)


@login_required
def manifesto_download(request, pk):
    version = get_object_or_404(ManifestoVersion.objects.visible_to(request.user), pk=pk)
    if not version.document:
        raise Http404("Documento non presente.")
    extension = version.document.name.rsplit(".", 1)[-1]
    return serve_document(version.document, filename=f"manifesto-v{version.number}.{extension}")
