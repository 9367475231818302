"""Pacts: list (filters, CSV export), detail (budget, disbursements, assessments trend, history), forms, PDF."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from governance.audit import ConcurrentEditError
from governance.exports import csv_response
from governance.money import as_money
from governance.pdf import render_pdf
from governance.permissions import require
from governance.reference import reference_date
from governance.views.common import flash_form_errors, history_of, paginate, serve_document

from .. import permissions, services
from ..charts import assessment_trend
from ..filters import PattoFilter, is_identity_search
from ..forms import (
    AssessmentForm,
    CancelDisbursementForm,
    CommitmentFormSet,
    DisbursementForm,
    EquipeFormSet,
    PattoForm,
    SignedDocumentForm,
    SigningDateForm,
    TransitionForm,
)
from ..models import Household, Patto
from ..selectors import (
    annotate_page,
    budget_balance,
    patto_detail_queryset,
    patto_flags,
    patto_list_queryset,
    patto_related,
)

CSV_COLUMNS = [
    ("n. patto", lambda p: p.pk),
    ("codice nucleo", lambda p: p.household.code),
    ("ambito", lambda p: p.district.name),
    ("tipo", lambda p: p.get_kind_display()),
    ("stato", lambda p: p.get_status_display()),
    ("anno di progetto", lambda p: p.project_year.number if p.project_year else ""),
    ("tipo di promotore", lambda p: p.get_promoter_type_display()),
    ("aperto il", lambda p: p.opened_on),
    ("sottoscritto il", lambda p: p.signed_on),
    ("budget", lambda p: as_money(p.budget_total)),
    ("erogato", lambda p: as_money(p.disbursed)),
]


@login_required
def patto_list(request):
    reference = reference_date(request)
    filterset = PattoFilter(
        request.GET, queryset=patto_list_queryset(request.user), user=request.user, reference=reference
    )
    queryset = filterset.qs
    chosen = queryset.query.order_by  # the "Ordina per" column, if any; the pact number breaks ties
    queryset = queryset.order_by(*chosen, "-pk") if chosen else queryset.order_by("-opened_on", "-pk")
    identity_search = is_identity_search(filterset)
    if request.GET.get("format") == "csv":
        if identity_search:  # the export links codes to the searched identity: logged like the page
            households = Household.objects.filter(pk__in=queryset.values("household"))
            services.identity_search_record(
                households=households, user=request.user, purpose=services.SEARCH_PURPOSE_PATTI + " (CSV)"
            )
        return csv_response(
            filename="patti.csv",
            header=[label for label, _ in CSV_COLUMNS],
            rows=([value(p) for _, value in CSV_COLUMNS] for p in queryset.with_money().iterator(chunk_size=500)),
        )
    export_query = request.GET.copy()
    export_query["format"] = "csv"
    export_query.pop("page", None)
    page = annotate_page(paginate(request, queryset), reference)
    if identity_search:
        shown = services.identity_search_record(
            households=[p.household for p in page.object_list],
            user=request.user,
            purpose=services.SEARCH_PURPOSE_PATTI,
        )
        for p in page.object_list:
            p.identity = p.household if p.household in shown else None
    return render(
        request,
        "patti/patto_list.html",
        {
            "filter": filterset,
            "page": page,
            "identity_search": identity_search,
            "reference": reference,
            "can_create": permissions.can_create(request.user),
            "export_query": export_query.urlencode(),
        },
    )


def _identity_for(request, patto: Patto, purpose: str) -> Household | None:
    """The household with its identity if the user may see it (the view is logged), else None."""
    if not permissions.sees_identity(request.user, patto.district_id):
        return None
    services.identity_access_record(household=patto.household, user=request.user, purpose=purpose)
    return patto.household


@login_required
def patto_detail(request, pk):
    patto = get_object_or_404(patto_detail_queryset(request.user), pk=pk)
    patto_related(patto)
    reference = reference_date(request)
    can_write = permissions.can_write_in(request.user, patto.district_id)
    assessments = list(patto.assessments.all())
    context = {
        "patto": patto,
        "identity": _identity_for(request, patto, "scheda del patto"),
        "can_write": can_write,
        "balance": budget_balance(patto),
        "flags": patto_flags(patto, reference),
        "reference": reference,
        "assessments": assessments,
        "trend": assessment_trend(assessments),
        "history": history_of(patto),
    }
    if can_write:
        context.update(
            transition_form=TransitionForm(patto=patto) if patto.allowed_transitions() else None,
            disbursement_form=DisbursementForm(initial={"date": reference}),
            assessment_form=AssessmentForm(initial={"date": reference}),
            signed_form=SignedDocumentForm(),
            cancel_form=CancelDisbursementForm(),
            signing_date_form=SigningDateForm(initial={"on_date": patto.signed_on}) if patto.signed_on else None,
        )
    return render(request, "patti/patto_detail.html", context)


def _equipe_users(patto_district_ids):
    """Users who may sit in an équipe: active district staff (writer roles) of the given districts.

    Accounts, not domain records: there is no `visible_to` on users; the district filter is the scope.
    """
    return (
        get_user_model()
        .objects.filter(is_active=True, profile__districts__in=patto_district_ids)
        .filter(Q(groups__name__in=[r.value for r in permissions.WRITER_ROLES]))
        .distinct()
        .order_by("last_name", "username")
    )


def _patto_form(request, *, patto: Patto):
    data = request.POST if request.method == "POST" else None
    files = request.FILES if request.method == "POST" else None
    form = PattoForm(data, files, instance=patto, user=request.user)
    if not patto.pk and request.method == "GET" and request.GET.get("household"):
        form.initial["household"] = request.GET["household"]
    users = _equipe_users(permissions.writable_district_ids(request.user))
    equipe = EquipeFormSet(data, instance=patto, prefix="eq", users=users)
    commitments = CommitmentFormSet(data, instance=patto, prefix="imp")
    if request.method == "POST":
        if form.is_valid() and equipe.is_valid() and commitments.is_valid():
            try:
                saved = services.patto_save(
                    form=form,
                    equipe_formset=equipe,
                    commitment_formset=commitments,
                    user=request.user,
                    expected_version=form.cleaned_data.get("version"),
                )
            except ConcurrentEditError as error:
                messages.error(request, str(error))
            except ValidationError as error:
                _report_errors(request, error, "Patto non salvato")
            else:
                messages.success(request, "Patto salvato.")
                return redirect(saved)
        else:
            messages.error(request, "Controllare i campi evidenziati: nulla è stato salvato.")
    return render(
        request,
        "patti/patto_form.html",
        {"form": form, "equipe": equipe, "commitments": commitments, "patto": patto},
    )


@login_required
def patto_create(request):
    require(permissions.can_create(request.user))
    return _patto_form(request, patto=Patto())


@login_required
def patto_edit(request, pk):
    patto = get_object_or_404(patto_detail_queryset(request.user), pk=pk)
    require(permissions.can_write_in(request.user, patto.district_id))
    if not patto.is_editable:
        messages.error(request, "Un patto concluso o interrotto non si modifica più.")
        return redirect(patto)
    return _patto_form(request, patto=patto)


def _writable_patto(request, pk) -> Patto:
    patto = get_object_or_404(patto_detail_queryset(request.user), pk=pk)
    require(permissions.can_write_in(request.user, patto.district_id))
    return patto


def _report_errors(request, error: ValidationError, prefix: str) -> None:
    for message in error.messages:
        messages.error(request, f"{prefix}: {message}")


@login_required
@require_POST
def patto_transition(request, pk):
    patto = _writable_patto(request, pk)
    form = TransitionForm(request.POST, patto=patto)
    if not form.is_valid():
        messages.error(request, "Cambio di stato non valido: scegliere uno degli stati proposti.")
        return redirect(patto)
    try:
        patto = services.patto_transition(
            patto=patto,
            to_status=form.cleaned_data["to_status"],
            user=request.user,
            on_date=form.cleaned_data["on_date"],
            reason=form.cleaned_data["reason"],
        )
    except ValidationError as error:
        _report_errors(request, error, "Stato non cambiato")
    else:
        messages.success(request, f"Il patto è ora «{patto.get_status_display()}».")
    return redirect(patto)


@login_required
@require_POST
def patto_signing_date(request, pk):
    """Correct a wrong signing date, with a reason (the district staff; audited in the pact's history)."""
    patto = _writable_patto(request, pk)
    form = SigningDateForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Data non corretta: indicare la data giusta e il motivo della correzione.")
        return redirect(patto)
    try:
        patto = services.patto_correct_signing_date(
            patto=patto, on_date=form.cleaned_data["on_date"], reason=form.cleaned_data["reason"], user=request.user
        )
    except ValidationError as error:
        _report_errors(request, error, "Data non corretta")
    else:
        messages.success(request, f"Data di sottoscrizione corretta: {patto.signed_on:%d/%m/%Y}.")
    return redirect(patto)


@login_required
def disbursement_create(request, pk):
    patto = _writable_patto(request, pk)
    form = DisbursementForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.disbursement_create(patto=patto, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for field, errors in error.message_dict.items():
                    for message in errors:
                        form.add_error(field if field in form.fields else None, message)
            else:
                form.add_error(None, error)
        else:
            messages.success(request, "Erogazione registrata e riportata nel bilancio come spesa approvata.")
            return redirect(patto)
    if request.method == "POST":
        messages.error(request, "Erogazione non registrata: controllare i campi evidenziati.")
    patto_related(patto)
    return render(
        request,
        "patti/disbursement_form.html",
        {"patto": patto, "form": form, "balance": budget_balance(patto)},
    )


@login_required
@require_POST
def disbursement_cancel(request, pk, disbursement_pk):
    patto = _writable_patto(request, pk)
    disbursement = get_object_or_404(patto.disbursements.select_related("expense"), pk=disbursement_pk)
    form = CancelDisbursementForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Indicare il motivo dell'annullamento.")
        return redirect(patto)
    try:
        services.disbursement_cancel(disbursement=disbursement, user=request.user, reason=form.cleaned_data["reason"])
    except ValidationError as error:
        _report_errors(request, error, "Erogazione non annullata")
    else:
        messages.success(request, "Erogazione annullata; la spesa a bilancio è stata stornata.")
    return redirect(patto)


@login_required
@require_POST
def assessment_create(request, pk):
    patto = _writable_patto(request, pk)
    form = AssessmentForm(request.POST)
    if form.is_valid():
        services.assessment_create(form=form, patto=patto, user=request.user)
        messages.success(request, "Valutazione registrata.")
    else:
        for field, errors in form.errors.items():
            label = form.fields[field].label if field in form.fields else ""
            for message in errors:
                messages.error(request, f"Valutazione non registrata: {label} – {message}" if label else message)
    return redirect(patto)


@login_required
@require_POST
def signed_upload(request, pk):
    patto = _writable_patto(request, pk)
    form = SignedDocumentForm(request.POST, request.FILES)
    if form.is_valid():
        services.patto_attach_signed(patto=patto, upload=form.cleaned_data["file"], user=request.user)
        messages.success(request, "Patto firmato caricato.")
    else:
        flash_form_errors(request, form, prefix="File non caricato")
    return redirect(patto)


@login_required
def document_download(request, pk, kind):
    """The PIP attachment or the signed pact: they carry the identity, so only identity-allowed users get them."""
    patto = get_object_or_404(patto_detail_queryset(request.user), pk=pk)
    field = {"pip": "pip_file", "firmato": "signed_document"}[kind]
    if not getattr(patto, field):
        raise Http404("Documento non presente.")
    require(permissions.sees_identity(request.user, patto.district_id))
    services.identity_access_record(household=patto.household, user=request.user, purpose=f"documento: {kind}")
    document = getattr(patto, field)
    extension = document.name.rsplit(".", 1)[-1]
    return serve_document(document, filename=f"patto-{patto.pk}-{kind}.{extension}")


@login_required
def patto_pdf(request, pk):
    patto = get_object_or_404(patto_detail_queryset(request.user), pk=pk)
    patto_related(patto)
    return render_pdf(
        request=request,
        template="patti/patto_pdf.html",
        context={
            "patto": patto,
            "identity": _identity_for(request, patto, "stampa del patto (PDF)"),
            "balance": budget_balance(patto),
        },
        filename=f"patto-{patto.pk}-{patto.household.code}.pdf",
    )
