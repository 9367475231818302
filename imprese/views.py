"""Company pacts: list (search, filters, sorting, CSV), detail (stages, parties, wellbeing, budget, history), forms.

Scope first: every view starts from `PattoImpresa.objects.visible_to(user)`; out of scope answers 404, in scope but
not allowed to write answers 403. The services check again and write.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from governance.audit import ConcurrentEditError
from governance.exports import csv_response
from governance.models import Organisation
from governance.permissions import require
from governance.reference import reference_date
from governance.views.common import history_of, paginate

from . import forms, permissions, services
from .enums import PAYABLE_STAGES
from .filters import PattoImpresaFilter
from .models import PattoImpresa, QuestionnaireResult, QuestionnaireRound
from .selectors import annotate_page, budget_balance, pact_detail_queryset, pact_list_queryset, pact_related

CSV_HEADER = ["n.", "impresa", "ambito", "fase", "primo contatto", "elaborazione", "sottoscrizione",
              "lavoratori raggiunti", "budget Cariplo", "budget donazioni"]  # fmt: skip


def _require_reader(user) -> None:
    """Roles that read no company pact get a 404 even on the list (fail closed: the app does not exist for them)."""
    if not permissions.can_read_imprese(user):
        raise Http404("Pagina non trovata.")


@login_required
def pact_list(request):
    _require_reader(request.user)
    filterset = PattoImpresaFilter(request.GET, queryset=pact_list_queryset(request.user), user=request.user)
    queryset = filterset.qs
    if not request.GET.get("ordering"):
        queryset = queryset.order_by("-contacted_on", "-pk")
    if request.GET.get("format") == "csv":
        rows = (
            [
                p.pk,
                p.company.name,
                p.district.name,
                p.get_stage_display(),
                p.contacted_on,
                p.elaboration_on,
                p.signed_on,
                p.workers_reached,
                p.budget_cariplo,
                p.budget_donations,
            ]  # fmt: skip
            for p in queryset.iterator(chunk_size=500)
        )
        return csv_response(filename="patti-imprese.csv", header=CSV_HEADER, rows=rows)
    export_query = request.GET.copy()
    export_query["format"] = "csv"
    export_query.pop("page", None)
    return render(
        request,
        "imprese/pact_list.html",
        {
            "filter": filterset,
            "page": annotate_page(paginate(request, queryset)),
            "can_create": permissions.can_create(request.user),
            "export_query": export_query.urlencode(),
        },
    )


@dataclass(frozen=True)
class Section:
    """A kind of record added to a pact from its page (the same view for each)."""

    key: str
    form_class: type
    done: str
    failed: str


SECTIONS = {
    "training": Section("training", forms.TrainingForm, "Formazione registrata.", "Formazione non registrata"),
    "indicator": Section(
        "indicator", forms.WellbeingIndicatorForm, "Indicatore registrato.", "Indicatore non registrato"
    ),
    "package": Section(
        "package", forms.WelfarePackageForm, "Pacchetto di welfare registrato.", "Pacchetto non registrato"
    ),
    "dissemination": Section(
        "dissemination", forms.DisseminationForm, "Azione di diffusione registrata.", "Azione non registrata"
    ),
}


@login_required
def pact_detail(request, pk):
    pact = get_object_or_404(pact_detail_queryset(request.user), pk=pk)
    pact_related(pact)
    can_write = permissions.can_write_in(request.user, pact.district_id)
    context = {
        "pact": pact,
        "can_write": can_write,
        "balance": budget_balance(pact),
        "history": history_of(pact),
        "payable": pact.stage in PAYABLE_STAGES,
    }
    if can_write and not pact.is_final:
        context["transition_form"] = forms.TransitionForm(pact=pact, initial={"on_date": reference_date(request)})
    if can_write and not pact.is_final:
        context["cancel_form"] = forms.CancelPaymentForm()
        context["section_forms"] = (
            {key: s.form_class(prefix=key) for key, s in SECTIONS.items()} if pact.stage != "abandoned" else {}
        )
    return render(request, "imprese/pact_detail.html", context)


def _writable_pact(request, pk) -> PattoImpresa:
    pact = get_object_or_404(pact_detail_queryset(request.user), pk=pk)
    require(permissions.can_write_in(request.user, pact.district_id))
    return pact


def _add_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            for message in errors:
                form.add_error(field if field in form.fields else None, message)
    else:
        for message in error.messages:
            form.add_error(None, message)


def _pact_form(request, *, pact: PattoImpresa):
    data = request.POST if request.method == "POST" else None
    form = forms.PattoImpresaForm(data, instance=pact, user=request.user)
    organisations = Organisation.objects.visible_to(request.user)
    parties = forms.PartyFormSet(data, instance=pact, prefix="parti", organisations=organisations)
    actions = forms.AgreedActionFormSet(data, instance=pact, prefix="azioni")
    if request.method == "POST":
        if form.is_valid() and parties.is_valid() and actions.is_valid():
            try:
                saved = services.pact_save(
                    pact=form.instance,
                    user=request.user,
                    expected_version=form.cleaned_data.get("version"),
                    formsets=(parties, actions),
                    new_company_name=form.cleaned_data.get("new_company_name", ""),
                    new_company_tax_code=form.cleaned_data.get("new_company_tax_code", ""),
                )
            except ConcurrentEditError as error:
                messages.error(request, error.message)
            except ValidationError as error:
                _add_errors(form, error)
                messages.error(request, "Controllare i campi evidenziati: nulla è stato salvato.")
            else:
                messages.success(request, "Patto salvato.")
                return redirect(saved)
        else:
            messages.error(request, "Controllare i campi evidenziati: nulla è stato salvato.")
    return render(
        request, "imprese/pact_form.html", {"form": form, "parties": parties, "actions": actions, "pact": pact}
    )


@login_required
def pact_create(request):
    _require_reader(request.user)
    require(permissions.can_create(request.user))
    return _pact_form(request, pact=PattoImpresa())


@login_required
def pact_edit(request, pk):
    pact = _writable_pact(request, pk)
    if pact.is_final:
        messages.error(request, "Un patto concluso o abbandonato non si modifica più.")
        return redirect(pact)
    return _pact_form(request, pact=pact)


def _flash(request, error: ValidationError, prefix: str) -> None:
    for message in error.messages:
        messages.error(request, f"{prefix}: {message}")


@login_required
@require_POST
def pact_transition(request, pk):
    pact = _writable_pact(request, pk)
    form = forms.TransitionForm(request.POST, pact=pact)
    if not form.is_valid():
        messages.error(request, "Fase non cambiata: scegliere una delle fasi proposte e indicare la data.")
        return redirect(pact)
    try:
        pact = services.pact_transition(
            pact=pact,
            to_stage=form.cleaned_data["to_stage"],
            user=request.user,
            on_date=form.cleaned_data["on_date"],
            reason=form.cleaned_data["reason"],
        )
    except ValidationError as error:
        _flash(request, error, "Fase non cambiata")
    else:
        messages.success(request, f"Il patto è ora «{pact.get_stage_display()}».")
    return redirect(pact)


@login_required
def payment_create(request, pk):
    pact = _writable_pact(request, pk)
    form = forms.PaymentForm(request.POST or None, user=request.user, initial={"date": reference_date(request)})
    if request.method == "POST" and form.is_valid():
        try:
            services.payment_create(pact=pact, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, "Pagamento registrato e riportato nel bilancio come spesa approvata.")
            return redirect(pact)
    if request.method == "POST":
        messages.error(request, "Pagamento non registrato: controllare i campi evidenziati.")
    return render(request, "imprese/payment_form.html", {"pact": pact, "form": form, "balance": budget_balance(pact)})


@login_required
@require_POST
def payment_cancel(request, pk, payment_pk):
    pact = _writable_pact(request, pk)
    payment = get_object_or_404(pact.payments.select_related("expense"), pk=payment_pk)
    form = forms.CancelPaymentForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Indicare il motivo dell'annullamento.")
        return redirect(pact)
    try:
        services.payment_cancel(payment=payment, user=request.user, reason=form.cleaned_data["reason"])
    except ValidationError as error:
        _flash(request, error, "Pagamento non annullato")
    else:
        messages.success(request, "Pagamento annullato; la spesa a bilancio è stata stornata.")
    return redirect(pact)


@login_required
@require_POST
def record_create(request, pk, section):
    """Add a training, wellbeing indicator, welfare package or dissemination action from the pact's page."""
    pact = _writable_pact(request, pk)
    spec = SECTIONS[section]
    form = spec.form_class(request.POST, prefix=spec.key)
    if form.is_valid():
        try:
            services.pact_record_add(pact=pact, record=form.save(commit=False), user=request.user)
        except ValidationError as error:
            _flash(request, error, spec.failed)
        else:
            messages.success(request, spec.done)
            return redirect(f"{pact.get_absolute_url()}#{spec.key}")
    else:
        for field, errors in form.errors.items():
            label = form.fields[field].label if field in form.fields else ""
            for message in errors:
                messages.error(request, f"{spec.failed} – {label}: {message}" if label else f"{spec.failed}: {message}")
    return redirect(f"{pact.get_absolute_url()}#{spec.key}")


@login_required
def record_edit(request, pk, record_pk, section):
    """Correct a training, wellbeing indicator, welfare package or dissemination action of a pact."""
    pact = _writable_pact(request, pk)
    spec = SECTIONS[section]
    record = get_object_or_404(spec.form_class._meta.model.objects.filter(pact=pact), pk=record_pk)
    form = spec.form_class(request.POST or None, instance=record)
    if request.method == "POST":
        if form.is_valid():
            try:
                services.pact_record_update(
                    record=form.instance, user=request.user, expected_version=form.cleaned_data.get("version")
                )
            except ConcurrentEditError as error:
                messages.error(request, error.message)
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(request, spec.done)
                return redirect(f"{pact.get_absolute_url()}#{spec.key}")
        messages.error(request, f"{spec.failed}: controllare i campi evidenziati.")
    return render(request, "imprese/record_form.html", {"pact": pact, "form": form, "record": record})


@login_required
def questionnaire_create(request, pk):
    """A questionnaire round with the main result on each of the company's wellbeing indicators."""
    pact = _writable_pact(request, pk)
    data = request.POST if request.method == "POST" else None
    form = forms.QuestionnaireRoundForm(data, initial={"date": reference_date(request)})
    indicators = list(pact.indicators.all())
    result_forms = [
        forms.QuestionnaireResultForm(data, indicator=indicator, prefix=f"ind{indicator.pk}")
        for indicator in indicators
    ]
    if request.method == "POST":
        if form.is_valid() and all(f.is_valid() for f in result_forms):
            results = [
                QuestionnaireResult(indicator=f.indicator, **f.cleaned_data) for f in result_forms if f.is_filled
            ]
            try:
                services.questionnaire_save(
                    pact=pact, round=QuestionnaireRound(**form.cleaned_data), results=results, user=request.user
                )
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(request, "Questionario registrato.")
                return redirect(f"{pact.get_absolute_url()}#questionari")
        messages.error(request, "Questionario non registrato: controllare i campi evidenziati.")
    return render(
        request,
        "imprese/questionnaire_form.html",
        {"pact": pact, "form": form, "result_forms": result_forms},
    )
