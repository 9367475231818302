"""Governance bodies (cadence), meetings (attendance, decisions, attachments, PDF minutes) and decisions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from .. import permissions
from ..convocations import last_sent_convocation, meeting_recipients
from ..convocations import meeting_cancel as meeting_cancel_service
from ..convocations import meeting_convene as meeting_convene_service
from ..convocations import meeting_send_minutes as meeting_send_minutes_service
from ..enums import DecisionStatus, DispatchKind, DispatchStatus, QuorumRule
from ..filters import DecisionFilter, MeetingFilter
from ..forms import AttendanceFormSet, ChooseBodyForm, DecisionFormSet, MeetingAttachmentForm, MeetingForm
from ..models import Attendance, Decision, GovernanceBody, Meeting, MeetingAttachment
from ..pdf import render_pdf
from ..reference import reference_date
from ..selectors import cadence_compliance
from ..services import ConcurrentEditError, meeting_attachment_add, meeting_save
from .common import ReferenceDateForm, flash_form_errors, history_of, paginate, serve_document


@login_required
def body_list(request):
    reference = reference_date(request)
    rows = cadence_compliance(bodies=GovernanceBody.objects.visible_to(request.user), reference=reference)
    years = [cell.year for cell in rows[0].cells] if rows else []
    return render(
        request,
        "governance/body_list.html",
        {
            "rows": rows,
            "years": years,
            "reference": reference,
            "reference_form": ReferenceDateForm(initial={"reference": reference}),
        },
    )


@login_required
def body_detail(request, pk):
    body = get_object_or_404(
        GovernanceBody.objects.visible_to(request.user).select_related(
            "district", "coordinating_organisation", "action"
        ),
        pk=pk,
    )
    reference = reference_date(request)
    row = cadence_compliance(
        bodies=GovernanceBody.objects.visible_to(request.user).filter(pk=body.pk), reference=reference
    )[0]
    meetings = paginate(request, body.meetings.annotate(decision_count=Count("decisions")).order_by("-date", "-pk"))
    return render(
        request,
        "governance/body_detail.html",
        {
            "body": body,
            "row": row,
            "reference": reference,
            "members": body.members.select_related("organisation"),
            "meetings": meetings,
            "can_manage": permissions.can_manage_meetings_of(request.user, body),
            "quorum_choices": QuorumRule.choices,
            "history": history_of(body),
        },
    )


# --- Meetings ----------------------------------------------------------------------------------------


@login_required
def meeting_list(request):
    queryset = (
        Meeting.objects.visible_to(request.user)
        .select_related("body", "body__district")
        .annotate(
            decision_count=Count("decisions", distinct=True),
            present_count=Count("attendances", filter=Q(attendances__status="present"), distinct=True),
        )
    )
    filterset = MeetingFilter(request.GET, queryset=queryset, user=request.user)
    page = paginate(request, filterset.qs.order_by("-date", "-start_time", "-pk"))
    return render(
        request,
        "governance/meeting_list.html",
        {"filter": filterset, "page": page, "can_create": permissions.can_create_meetings(request.user)},
    )


def _meeting_queryset(user):
    return Meeting.objects.visible_to(user).select_related("body", "body__district")


@login_required
def meeting_detail(request, pk):
    meeting = get_object_or_404(
        _meeting_queryset(request.user).prefetch_related(
            Prefetch("attendances", queryset=Attendance.objects.select_related("member__organisation")),
            Prefetch(
                "decisions",
                queryset=Decision.objects.select_related("owner_organisation", "owner_user", "owner_member"),
            ),
            Prefetch("attachments", queryset=MeetingAttachment.objects.select_related("uploaded_by")),
        ),
        pk=pk,
    )
    can_manage = permissions.can_manage_meetings_of(request.user, meeting.body)
    dispatches = list(meeting.dispatches.select_related("sent_by"))
    future = meeting.is_future()
    return render(
        request,
        "governance/meeting_detail.html",
        {
            "meeting": meeting,
            "quorum": meeting.quorum(),
            "reference": reference_date(request),
            "can_manage": can_manage,
            "attachment_form": MeetingAttachmentForm() if can_manage else None,
            "history": history_of(meeting),
            "dispatches": dispatches,
            "convened": last_sent_convocation(meeting) is not None,
            "can_convene": future and not meeting.is_cancelled,
            "can_cancel": (future and not meeting.is_cancelled)
            or (meeting.is_cancelled and _cancellation_failed(dispatches)),
            "recipients_missing": meeting_recipients(meeting)[1] if can_manage else [],
        },
    )


def _cancellation_failed(dispatches) -> bool:
    sent = [d for d in dispatches if d.kind == DispatchKind.CANCELLATION]
    return bool(sent) and all(d.status == DispatchStatus.FAILED for d in sent)


def _report_dispatch(request, dispatch, *, what: str) -> None:
    if dispatch is None:
        messages.success(request, f"{what}: nessuno era ancora stato convocato, nessuna e-mail inviata.")
    elif dispatch.status == DispatchStatus.SENT:
        missing = (
            f" {len(dispatch.without_address)} componenti senza indirizzo vanno avvisati per telefono."
            if (dispatch.without_address)
            else ""
        )
        messages.success(request, f"{what}: inviata a {len(dispatch.recipients)} destinatari.{missing}")
    else:
        messages.error(
            request,
            f"{what}: il server di posta non ha accettato l'invio ({dispatch.error}). Nulla è stato inviato: "
            "riprovare più tardi.",
        )


def _meeting_action(request, pk, action, *, what: str, **kwargs):
    meeting = get_object_or_404(_meeting_queryset(request.user), pk=pk)
    permissions.require(permissions.can_manage_meetings_of(request.user, meeting.body))
    try:
        dispatch = action(meeting=meeting, user=request.user, **kwargs)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        _report_dispatch(request, dispatch, what=what)
    return redirect(meeting.get_absolute_url() + "#dispatch-title")


@login_required
@require_POST
def meeting_convene(request, pk):
    return _meeting_action(request, pk, meeting_convene_service, what="Convocazione")


@login_required
@require_POST
def meeting_cancel(request, pk):
    return _meeting_action(
        request, pk, meeting_cancel_service, what="Annullamento", reason=request.POST.get("reason", "")[:1000]
    )


@login_required
@require_POST
def meeting_send_minutes(request, pk):
    return _meeting_action(request, pk, meeting_send_minutes_service, what="Verbale")


@login_required
def meeting_create(request):
    permissions.require(permissions.can_create_meetings(request.user))
    bodies = GovernanceBody.objects.visible_to(request.user)
    manageable = [b.pk for b in bodies if permissions.can_manage_meetings_of(request.user, b)]
    choose = ChooseBodyForm(request.GET or None, bodies=bodies.filter(pk__in=manageable))
    if not choose.is_valid():
        return render(request, "governance/meeting_choose_body.html", {"form": choose})
    return _meeting_form(request, body=choose.cleaned_data["body"], meeting=Meeting())


@login_required
def meeting_edit(request, pk):
    meeting = get_object_or_404(_meeting_queryset(request.user), pk=pk)
    permissions.require(permissions.can_manage_meetings_of(request.user, meeting.body))
    return _meeting_form(request, body=meeting.body, meeting=meeting)


def _meeting_form(request, *, body, meeting):
    members = body.members.filter(active=True).select_related("organisation")
    data = request.POST if request.method == "POST" else None
    form = MeetingForm(data, instance=meeting, body=body)
    initial = None
    if not meeting.pk:
        initial = [{"member": m.pk, "status": "present"} for m in members]
    attendance = AttendanceFormSet(data, instance=meeting, prefix="att", members=members, initial=initial)
    if initial:
        attendance.extra = len(initial) + 2
    decisions = DecisionFormSet(data, instance=meeting, prefix="dec", members=members)
    if request.method == "POST":
        form_ok = form.is_valid()
        decisions.meeting_date = form.cleaned_data.get("date") if form_ok else None
        if form_ok and attendance.is_valid() and decisions.is_valid():
            try:
                saved = meeting_save(
                    meeting_form=form,
                    attendance_formset=attendance,
                    decision_formset=decisions,
                    user=request.user,
                    expected_version=form.cleaned_data.get("version"),
                )
            except ConcurrentEditError as error:
                messages.error(request, str(error))
            else:
                messages.success(request, "Incontro salvato.")
                return redirect(saved)
        else:
            messages.error(request, "Controllare i campi evidenziati: nulla è stato salvato.")
    return render(
        request,
        "governance/meeting_form.html",
        {"form": form, "attendance": attendance, "decisions": decisions, "body": body, "meeting": meeting},
    )


@login_required
def meeting_pdf(request, pk):
    meeting = get_object_or_404(
        _meeting_queryset(request.user).prefetch_related(
            Prefetch("attendances", queryset=Attendance.objects.select_related("member__organisation")),
            "decisions",
        ),
        pk=pk,
    )
    return render_pdf(
        request=request,
        template="governance/meeting_pdf.html",
        context={"meeting": meeting, "quorum": meeting.quorum(), "reference": reference_date(request)},
        filename=f"verbale-{meeting.body.code}-{meeting.date:%Y-%m-%d}.pdf",
    )


@login_required
@require_POST
def meeting_attachment_upload(request, pk):
    meeting = get_object_or_404(_meeting_queryset(request.user), pk=pk)
    permissions.require(permissions.can_manage_meetings_of(request.user, meeting.body))
    form = MeetingAttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        meeting_attachment_add(form=form, meeting=meeting, user=request.user)
        messages.success(request, "Allegato caricato.")
    else:
        flash_form_errors(request, form, prefix="Allegato non caricato")
    return redirect(meeting)


@login_required
def meeting_attachment_download(request, pk, attachment_pk):
    meeting = get_object_or_404(_meeting_queryset(request.user), pk=pk)
    attachment = get_object_or_404(meeting.attachments, pk=attachment_pk)
    return serve_document(attachment.file, filename=attachment.file.name.rsplit("/", 1)[-1])


# --- Decisions ---------------------------------------------------------------------------------------


@login_required
def decision_list(request):
    reference = reference_date(request)
    queryset = Decision.objects.visible_to(request.user).select_related(
        "meeting__body", "owner_organisation", "owner_user", "owner_member"
    )
    filterset = DecisionFilter(request.GET, queryset=queryset, user=request.user)
    page = paginate(request, filterset.qs.open_and_overdue_first(reference))
    for decision in page.object_list:  # bodies are joined: no query per row
        decision.can_complete = decision.status == DecisionStatus.OPEN and permissions.can_manage_meetings_of(
            request.user, decision.meeting.body
        )
    return render(request, "governance/decision_list.html", {"filter": filterset, "page": page, "reference": reference})
